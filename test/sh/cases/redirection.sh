# Redirections: < > >> <> >| <& >& n>&m n<&- on fds 0-9, their order, errors, noclobber, and
# redirections on compound commands.

#### output to a file and append
echo one > f
echo two >> f
cat f
## stdout:
one
two

#### truncation on >
echo long line > f
echo x > f
cat f
## stdout:
x

#### input from a file
printf 'in\n' > f
cat < f
## stdout:
in

#### stderr to a file
nosuch 2> err
echo "status $?"
cat err
## stdout:
status 127
sh: 1: nosuch: not found

#### 2>&1 after >file sends both to the file
{ echo out; echo err >&2; } > f 2>&1
echo ---
cat f
## stdout:
---
out
err

#### 2>&1 before >file leaves stderr on the old stdout
{ echo out; echo err >&2; } 2>&1 > f
echo ---
cat f
## stdout:
err
---
out

#### swapping stdout and stderr through fd 3
{ echo out; echo err >&2; } 3>&1 1>&2 2>&3 3>&- 2>/dev/null
## stderr:
out

#### high file descriptors
exec 3> f3
echo three >&3
exec 3>&-
exec 9> f9
echo nine >&9
exec 9>&-
cat f3 f9
## stdout:
three
nine

#### reading through fd 4
printf 'a\nb\n' > f
exec 4< f
read x <&4
read y <&4
exec 4<&-
echo $x $y
## stdout:
a b

#### read-write open with <>
echo hello > f
exec 5<> f
read w <&5
echo world >&5
exec 5>&-
cat f
echo $w
## stdout:
hello
world
hello

#### <> creates the file
: <> new
ls
## stdout:
new

#### writing to a closed fd is an error
exec 3>&-
echo x >&3
## stderr:
sh: 2: 3: Bad file descriptor
## status: 2

#### closing stdout makes echo fail
echo x >&-
echo "status $?"
## stdout:
status 1
## stderr:
sh: 1: echo: echo: I/O error

#### input from a missing file
cat < nosuch
echo "status $?"
## stdout:
status 2
## stderr:
sh: 1: cannot open nosuch: No such file

#### output into a missing directory
echo x > nodir/f
echo "status $?"
## stdout:
status 2
## stderr:
sh: 1: cannot create nodir/f: Directory nonexistent

#### output to a directory
mkdir d
echo x > d
echo "status $?"
## stdout:
status 2
## stderr:
sh: 2: cannot create d: Is a directory

#### redirection failure on a special builtin exits the shell
: < nosuch
echo "not reached"
## stderr:
sh: 1: cannot open nosuch: No such file
## status: 2

#### redirection failure on a regular builtin does not exit
true < nosuch
echo "after $?"
## stdout:
after 2
## stderr:
sh: 1: cannot open nosuch: No such file

#### noclobber refuses to overwrite
echo a > f
set -C
echo b > f
echo "status $?"
echo c >| f
cat f
## stdout:
status 2
c
## stderr:
sh: 3: cannot create f: File exists

#### noclobber allows append and /dev/null
set -C
echo a > f
echo b >> f
echo c > /dev/null
cat f
## stdout:
a
b

#### redirection before the command name
> f echo first
< f cat
## stdout:
first

#### redirection in the middle of arguments
echo a > f b c
cat f
## stdout:
a b c

#### several redirections in order
echo x > a > b
cat a; echo ---; cat b
## stdout:
---
x

#### redirection of a brace group
{ echo 1; echo 2; } > f
cat f
## stdout:
1
2

#### redirection of a loop
for i in 1 2 3; do echo $i; done > f
while read l; do echo "got $l"; done < f
## stdout:
got 1
got 2
got 3

#### redirection of an if
if true; then echo yes; fi > f
cat f
## stdout:
yes

#### exec without a command redirects the shell
exec > f
echo into file
exec >&2
cat f >&2
## stderr:
into file

#### duplicating input with <&
echo data > f
exec 3< f
cat <&3
## stdout:
data

#### a variable as the target
name=out.txt
echo v > $name
cat "$name"
## stdout:
v

#### a quoted target with spaces
echo s > "my file"
cat "my file"
## stdout:
s

#### an unquoted target that expands to two words
x='a b'
echo t > $x
cat "a b"
## stdout:
t

#### redirecting stderr of a subshell only
( echo out; echo err >&2 ) 2>/dev/null
## stdout:
out

#### fd inherited by a child process
exec 7> f
sh -c 'echo child >&7'
exec 7>&-
cat f
## stdout:
child

#### redirection applies only to its command
echo a > f
echo b
cat f
## stdout:
b
a

#### 1>&2 sends to stderr
echo msg 1>&2
## stderr:
msg

#### >& with a non-number target is a syntax error
echo x >&abc
## stderr:
sh: 2: Syntax error: Bad fd number
## status: 2

#### duplicating stdin to fd 3 and reading from it
exec 3<&0
read l <&3
echo "$l"
## stdin:
from stdin
## stdout:
from stdin

#### with stderr closed, error messages are lost but statuses stay
exec 2>&-
nosuch
echo $?
## stdout:
127

#### head leaves a seekable input just after the lines it printed
printf 'a\nb\nc\nd\n' > f
{ head -n 2; cat; } < f
{ read x; head -n 1; read y; echo "x=$x y=$y"; } < f
## stdout:
a
b
c
d
b
x=a y=c
