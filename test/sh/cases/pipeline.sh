# Pipelines: data flow, exit status of the last command, ! negation, pipefail, subshell
# environment of pipeline parts, and long pipelines.

#### data flows through a pipeline
printf 'c\na\nb\n' | sort | head -n 2
## stdout:
a
b

#### status is the last command's
false | true; echo $?
true | false; echo $?
true | (exit 7); echo $?
## stdout:
0
1
7

#### negation of a pipeline
! true | false; echo $?
! false | true; echo $?
## stdout:
0
1

#### negation with a space is required
!true 2>/dev/null; echo $?
## stdout:
127

#### double negation is a syntax error in dash
! ! true
echo $?
## stderr:
sh: 1: Syntax error: "!" unexpected
## status: 2

#### pipefail takes the last failing status
set -o pipefail
false | true; echo $?
(exit 3) | (exit 4) | true; echo $?
true | true; echo $?
## stderr:
sh: 1: set: Illegal option -o pipefail
## status: 2
## differs: dash 0.5.12 has no pipefail; the issue asks posixbox for `set -o pipefail` (POSIX 2024)
## posixbox-stdout:
1
4
0
## posixbox-stderr:
## posixbox-status: 0

#### pipeline parts run in subshells
x=1
echo 2 | read x
echo $x
## stdout:
1

#### variable set in a pipeline part is lost
x=outer
true | x=inner
echo $x
## stdout:
outer

#### long pipeline
seq 1 10 | grep 1 | tr 1 X | sort | wc -l
## stdout:
2

#### stderr is not piped
{ echo out; echo err >&2; } | tr a-z A-Z
## stdout:
OUT
## stderr:
err

#### 2>&1 in a pipeline
{ echo out; echo err >&2; } 2>&1 | sort
## stdout:
err
out

#### pipeline over several lines
echo a |
tr a b |
tr b c
## stdout:
c

#### a brace group in a pipeline
{ echo 1; echo 2; } | { read a; read b; echo $((a+b)); }
## stdout:
3

#### a loop reading from a pipeline
seq 3 | while read n; do echo "n=$n"; done
## stdout:
n=1
n=2
n=3

#### writer that outlives a closed reader
yes 2>/dev/null | head -n 2
## stdout:
y
y

#### a missing command in a pipeline
echo x | nosuch | cat
echo $?
## stdout:
0
## stderr:
sh: 1: nosuch: not found

#### a missing command at the end
echo x | nosuch
echo $?
## stdout:
127
## stderr:
sh: 1: nosuch: not found

#### pipeline ending in a builtin
echo hi | read v; echo "[$v]"
## stdout:
[]

#### the exit status of a pipeline killed by SIGPIPE on the left
yes | head -n 1 >/dev/null
echo $?
## stdout:
0

#### pipeline with a function
up() { tr a-z A-Z; }
echo shout | up
## stdout:
SHOUT

#### cat with no input in a pipeline
: | cat
echo "st $?"
## stdout:
st 0

#### exit in a pipeline part does not exit the shell
exit 3 | true
echo still here
## stdout:
still here

#### command substitution of a pipeline status
x=$(false | true; echo $?)
echo $x
## stdout:
0
