# Parameters and variables: assignment, braces, positional parameters, ${10}, prefix
# assignments on commands, variable names, unset variables.

#### simple assignment and expansion
x=hello
echo $x ${x} "${x}"
## stdout:
hello hello hello

#### braces delimit the name
x=ab
echo ${x}c $xc.
## stdout:
abc .

#### several assignments on one line, left to right
a=1 b=$a c=$b$a
echo $a $b $c
## stdout:
1 1 11

#### assignment value is not field split or globbed
touch f1 f2
x=f*
y="a   b"
z=$y
echo "$x" "$z"
## stdout:
f* a   b

#### positional parameters
set -- one two three
echo $1 $2 $3 $#
## stdout:
one two three 3

#### positional parameter 10 needs braces
set -- a b c d e f g h i j k
echo ${10} $10 ${11}
## stdout:
j a0 k

#### unset positional parameters are empty
set -- a
echo "[$2]" "[${5}]"
## stdout:
[] []

#### prefix assignment is for that command only
x=outer
x=inner sh -c 'echo $x'
echo $x
## stdout:
inner
outer

#### exported prefix assignment reaches the child
x=inner sh -c 'echo $x' 2>&1
export y=1
y=2 sh -c 'echo $y'
echo $y
## stdout:
inner
2
1

#### prefix assignment to a special builtin persists
x=1
x=2 :
echo $x
## stdout:
2

#### prefix assignment to a function does not persist in dash
f() { echo in $x; }
x=1
x=2 f
echo $x
## stdout:
in 2
1

#### assignment without command sets the status of a substitution
x=$(exit 3)
echo $?
y=plain
echo $?
## stdout:
3
0

#### names with underscores and digits
_a1=x A_B=y
echo $_a1 $A_B
## stdout:
x y

#### a digit cannot start a name
1x=3 2>/dev/null
echo $?
## stdout:
127

#### dollar followed by a non-name is literal
echo $ $. a$ "$"
## stdout:
$ $. a$ $

#### unset variable
x=1
unset x
echo "[$x]" ${x-unset}
## stdout:
[] unset

#### variables are case sensitive
a=lower A=upper
echo $a $A
## stdout:
lower upper

#### assignment from another variable keeps it whole
a='x  y'
b=$a
set -- $b
echo $# "$b"
## stdout:
2 x  y

#### readonly variable cannot be assigned
readonly r=1
r=2
echo not reached
## stderr:
sh: 2: r: is read only
## status: 2

#### environment variables are visible
echo "$PATH" "$LC_ALL"
## stdout:
/usr/bin:/bin C

#### HOME is the working directory here
[ "$HOME" = "$(pwd)" ] && echo same
## stdout:
same

#### IFS has its default value
t=$(printf '\t')
[ "$IFS" = " $t
" ] && echo default
## stdout:
default

#### long variable value
x=
i=0
while [ $i -lt 100 ]; do x=${x}ab; i=$((i+1)); done
echo ${#x}
## stdout:
200

#### parameter in braces with special name
set -- a b
echo ${#} ${*} ${@}
## stdout:
2 a b a b

#### tilde after = in an export argument and in assignments with colons
HOME=/h
export x=~/a
y=~/a:~/b
echo $x $y
## stdout:
/h/a /h/a:/h/b

#### tilde after = in an ordinary argument is not expanded
HOME=/h
echo x=~/a
## stdout:
x=~/a
