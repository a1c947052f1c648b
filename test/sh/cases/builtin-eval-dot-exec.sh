# eval, . (dot) and exec: eval joins and reparses its arguments, . runs a file in the current
# shell (found by PATH when there is no slash), return from a dot script, exec replacing the
# shell or changing its fds, and their errors; scripts without #! run as shell scripts.

#### eval joins its arguments and runs them
eval echo a 'b;' echo c
## stdout:
a b
c

#### eval expands twice
x='$y' y=deep
eval echo $x
## stdout:
deep

#### eval builds a variable name
n=3
eval "v$n=three"
echo $v3
## stdout:
three

#### eval status is the command's
eval false
echo $?
eval 'exit_code=5; (exit $exit_code)'
echo $?
## stdout:
1
5

#### eval with no arguments gives 0
false
eval
echo $?
## stdout:
0

#### eval of a syntax error
eval 'if then'
echo not reached
## stderr:
sh: 1: eval: Syntax error: "then" unexpected
## status: 2

#### eval defines functions in the current shell
eval 'f() { echo from eval; }'
f
## stdout:
from eval

#### eval with a multi-line string
eval 'echo one
echo two'
## stdout:
one
two

#### dot runs a file in the current shell
echo 'sourced=yes; echo in file' > inc.sh
. ./inc.sh
echo $sourced
## stdout:
in file
yes

#### dot of a missing file exits
. ./nosuch
echo not reached
## stderr:
sh: 1: .: cannot open ./nosuch: No such file
## status: 2

#### dot without a slash searches PATH only
echo 'echo found' > inc
. inc
## stderr:
sh: 2: .: inc: not found
## status: 2

#### dot searches PATH
mkdir bin
echo 'echo from path' > bin/lib.sh
PATH=$HOME/bin:$PATH
. lib.sh
## stdout:
from path

#### return from a dot script
printf 'echo start\nreturn 3\necho no\n' > r.sh
. ./r.sh
echo "status $?"
## stdout:
start
status 3

#### the status of a dot script is its last command
echo false > f.sh
. ./f.sh
echo $?
## stdout:
1

#### dot sees and changes the caller's variables
echo 'echo "got $v"; v=changed' > s.sh
v=orig
. ./s.sh
echo $v
## stdout:
got orig
changed

#### exec replaces the shell
exec echo replaced
echo not reached
## stdout:
replaced

#### exec of a missing command exits 127
exec nosuch
echo not reached
## stderr:
sh: 1: exec: nosuch: not found
## status: 127

#### exec of a file that is not executable exits 126
touch ne
exec ./ne
## stderr:
sh: 2: exec: ./ne: Permission denied
## status: 126

#### exec with only redirections changes the shell's fds
exec 3> out
echo to three >&3
exec 3>&-
cat out
## stdout:
to three

#### exec redirection failure exits the shell
exec 4< nosuch
echo not reached
## stderr:
sh: 1: cannot open nosuch: No such file
## status: 2

#### exec in a subshell leaves the parent running
(exec echo in subshell)
echo parent
## stdout:
in subshell
parent

#### exec passes the environment and arguments
x=1 exec sh -c 'echo "$x $0 $1"' zero one
## stdout:
1 zero one

#### an executable script without #! runs as a shell script
printf 'echo from script "$1"\nexit 4\n' > s
chmod +x s
./s arg
echo "status $?"
## stdout:
from script arg
status 4

#### a script with #! runs its interpreter
printf '#!/bin/sh\necho shebang $#\n' > t
chmod +x t
./t a b
## stdout:
shebang 2

#### eval inside a function sees positional parameters
f() { eval 'echo "$# $2"'; }
f x y z
## stdout:
3 y

#### eval of a break inside a loop
for i in 1 2 3; do eval 'if [ $i = 2 ]; then break; fi'; echo $i; done
## stdout:
1

#### exec with a command and a redirection
exec 2>&1 sh -c 'echo err >&2'
## stdout:
err

#### dot script with a syntax error
echo 'if' > bad.sh
. ./bad.sh
echo not reached
## stderr:
sh: 2: ./bad.sh: Syntax error: end of file unexpected (expecting "then")
## status: 2

#### indirect expansion through eval
a=1 b=a
eval echo \$$b
eval "c=\$$b"
echo $c
## stdout:
1
1
