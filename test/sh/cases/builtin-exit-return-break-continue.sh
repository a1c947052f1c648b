# exit, return, break and continue: statuses, defaults, numeric arguments and their errors
# (special builtins: a non-interactive shell exits), and where each one acts.

#### exit with a status
echo before
exit 5
echo not reached
## stdout:
before
## status: 5

#### exit without a number uses the last status
false
exit
## status: 1

#### exit status wraps modulo 256
exit 257
## status: 1

#### exit with a non-number
exit abc
echo not reached
## stderr:
sh: 1: exit: Illegal number: abc
## status: 2

#### exit with a negative number
exit -1
## stderr:
sh: 1: exit: Illegal number: -1
## status: 2

#### exit ignores extra arguments in dash
exit 1 2
## status: 1

#### exit in a subshell leaves the shell running
(exit 3)
echo "status $?"
## stdout:
status 3

#### exit in a pipeline part
exit 4 | cat
echo "status $?"
## stdout:
status 0

#### return sets a function's status
f() { return 6; }
f
echo $?
## stdout:
6

#### return without a number uses the last status
f() { (exit 9); return; }
f
echo $?
## stdout:
9

#### return with a non-number
f() { return abc; }
f
echo not reached
## stderr:
sh: 1: return: Illegal number: abc
## status: 2

#### return inside a loop in a function
f() { for i in 1 2 3; do [ $i = 2 ] && return $i; echo $i; done; }
f
echo "status $?"
## stdout:
1
status 2

#### return from a dot script inside a function
echo 'return 5; echo no' > r.sh
f() { . ./r.sh; echo "dot gave $?"; }
f
## stdout:
dot gave 5

#### break with an argument of 0
for i in 1; do break 0; done
echo not reached
## stderr:
sh: 1: break: Illegal number: 0
## status: 2

#### break with a non-number
for i in 1; do break x; done
## stderr:
sh: 1: break: Illegal number: x
## status: 2

#### continue with an argument of 0
for i in 1; do continue 0; done
## stderr:
sh: 1: continue: Illegal number: 0
## status: 2

#### continue outside a loop is ignored
continue
echo "status $?"
## stdout:
status 0

#### break in a function does not leave the caller's loop
f() { break; }
for i in 1 2; do f; echo $i; done
## stdout:
1
2

#### break status is 0
for i in 1; do false; break; done
echo $?
## stdout:
0

#### continue in a while loop re-tests the condition
i=0
while [ $i -lt 4 ]; do
  i=$((i+1))
  [ $i = 2 ] && continue
  echo $i
done
## stdout:
1
3
4

#### continue 2 in a nested while
i=0
while [ $i -lt 2 ]; do
  i=$((i+1))
  for j in a b; do
    [ $j = b ] && continue 2
    echo $i$j
  done
done
## stdout:
1a
2a

#### break inside a case inside a loop
for w in a stop b; do
  case $w in stop) break;; esac
  echo $w
done
## stdout:
a

#### exit runs the EXIT trap once
trap 'echo trap' EXIT
exit 2
## stdout:
trap
## status: 2

#### exit in a function in a command substitution
f() { echo out; exit 3; }
x=$(f)
echo "$x $?"
## stdout:
out 3

#### break in a subshell inside a loop ends only the subshell
for i in 1 2; do (break; echo no); echo $i; done
## stdout:
1
2

#### exit in a trap action
trap 'exit 8' USR1
kill -s USR1 $$
echo not reached
## status: 8
