# shift and set for positional parameters: shift counts and errors, set -- with and without
# arguments, set with option-like words, and positional parameters in functions and loops.

#### shift drops the first parameter
set -- a b c
shift
echo "$# $*"
## stdout:
2 b c

#### shift by a count
set -- a b c d
shift 3
echo "$# $*"
## stdout:
1 d

#### shift 0 does nothing
set -- a b
shift 0
echo "$# $*"
## stdout:
2 a b

#### shift all of them
set -- a b
shift 2
echo "$#"
## stdout:
0

#### shift more than there are is an error that exits
set -- a b c
shift 4
echo not reached
## stderr:
sh: 2: shift: can't shift that many
## status: 2

#### shift with no parameters is an error
shift
echo not reached
## stderr:
sh: 1: shift: can't shift that many
## status: 2

#### shift with a non-number
set -- a
shift x
## stderr:
sh: 2: shift: Illegal number: x
## status: 2

#### shift in a loop over the parameters
set -- one two three
while [ $# -gt 0 ]; do echo "$1"; shift; done
## stdout:
one
two
three

#### shift in a function does not touch the caller's parameters
set -- outer1 outer2
f() { shift; echo "in f: $*"; }
f x y z
echo "outside: $*"
## stdout:
in f: y z
outside: outer1 outer2

#### set -- with no arguments clears the parameters
set -- a b
set --
echo $#
## stdout:
0

#### set -- allows arguments that start with a dash
set -- -x -y
echo "$1 $2"
## stdout:
-x -y

#### set with words that look like options sets the options
set -f a b
echo "$# $1"
case $- in *f*) echo noglob on;; esac
## stdout:
2 a
noglob on

#### set keeps empty arguments
set -- '' x ''
echo $#
printf '[%s]' "$@"; echo
## stdout:
3
[][x][]

#### set -- "$@" keeps the parameters as they were
set -- 'a b' c
set -- "$@" d
printf '[%s]' "$@"; echo
## stdout:
[a b][c][d]

#### set -- $* re-splits the parameters
set -- 'a b' c
set -- $*
echo $#
## stdout:
3

#### reversing the parameters
set -- 1 2 3 4
r=
for a; do r="$a${r:+ $r}"; done
set -- $r
echo "$*"
## stdout:
4 3 2 1

#### many parameters
set -- $(seq 1 20)
echo $# ${15} ${20}
shift 18
echo $*
## stdout:
20 15 20
19 20

#### set from a command's output
set -- $(echo x y z)
echo $2
## stdout:
y

#### set -- inside a function is local to the call
f() { set -- in; echo $1; }
set -- out
f
echo $1
## stdout:
in
out

#### shift with an argument larger than 255
set -- a
shift 256
## stderr:
sh: 2: shift: can't shift that many
## status: 2
