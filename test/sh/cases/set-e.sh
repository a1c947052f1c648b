# set -e (errexit): exit on failure, and the exemptions: if/while/until conditions, && and ||
# operands except the last, ! pipelines, functions called in those contexts, subshells and
# command substitutions.

#### a failing command exits
set -e
echo before
false
echo not reached
## stdout:
before
## status: 1

#### the exit status is the failing command's
set -e
(exit 4)
echo not reached
## status: 4

#### if conditions are exempt
set -e
if false; then :; fi
echo survived if
## stdout:
survived if

#### while and until conditions are exempt
set -e
while false; do :; done
until true; do :; done
echo survived loops
## stdout:
survived loops

#### the left side of && is exempt
set -e
false && echo no
echo survived and
## stdout:
survived and

#### the left side of || is exempt
set -e
false || echo recovered
echo survived or
## stdout:
recovered
survived or

#### the last command of an && list is not exempt
set -e
true && false
echo not reached
## status: 1

#### a negated pipeline is exempt
set -e
! true
echo survived not
## stdout:
survived not

#### only the last command of a pipeline counts
set -e
false | true
echo survived pipe
true | false
echo not reached
## stdout:
survived pipe
## status: 1

#### a failing subshell exits the parent
set -e
(false)
echo not reached
## status: 1

#### a function in an if condition does not exit on failure inside
set -e
f() { false; echo inside continued; }
if f; then echo f ok; fi
## stdout:
inside continued
f ok

#### a function called normally exits on failure inside
set -e
f() { false; echo not reached; }
f
echo not reached either
## status: 1

#### assignment with a failing substitution exits
set -e
x=$(false)
echo not reached
## status: 1

#### a failing substitution in an argument does not exit
set -e
echo "arg $(false)end"
echo survived
## stdout:
arg end
survived

#### set +e turns it off
set -e
set +e
false
echo survived
## stdout:
survived

#### errexit is inherited by a subshell
set -e
(false; echo not in subshell)
## status: 1

#### set -e applies inside a command substitution
set -e
x=$(false; echo after)
echo "not reached [$x]"
## status: 1

#### set -o errexit is the same
set -o errexit
false
echo not reached
## status: 1

#### a failing command in a brace group exits
set -e
{ false; echo no; }
echo no
## status: 1

#### a failing case branch exits
set -e
case a in a) false;; esac
echo no
## status: 1

#### the EXIT trap runs when set -e exits
set -e
trap 'echo trap ran' EXIT
false
## stdout:
trap ran
## status: 1

#### a missing command exits with 127
set -e
nosuch
echo no
## stderr:
sh: 2: nosuch: not found
## status: 127

#### a failing loop body exits
set -e
for i in 1 2; do echo $i; false; done
## stdout:
1
## status: 1

#### sh -e from the command line
sh -ec 'false; echo no'
echo "status $?"
## stdout:
status 1

#### || in a function body after set -e
set -e
f() { false || return 3; }
f || echo "f failed $?"
echo end
## stdout:
f failed 3
end
