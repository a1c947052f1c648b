# kill and wait as builtins: signal names and numbers, -s, -l (names, and exit statuses to
# names), errors, kill 0 checks, and waiting for several children and their statuses.

#### kill -l lists the first signals by name
kill -l | head -n 16 | tr '\n' ,; echo
## stdout:
0,HUP,INT,QUIT,ILL,TRAP,ABRT,BUS,FPE,KILL,USR1,SEGV,USR2,PIPE,ALRM,TERM,

#### kill -l of a number and of an exit status
kill -l 15
kill -l 143
kill -l 9
## stdout:
TERM
TERM
KILL

#### kill -l of an invalid number
kill -l 99
echo "status $?"
## stdout:
status 2
## stderr:
sh: 1: kill: invalid signal number or exit status: 99

#### kill with a signal number
trap 'echo got HUP' HUP
kill -1 $$
kill -HUP $$
kill -s HUP $$
## stdout:
got HUP
got HUP
got HUP

#### kill -s takes a lowercase name in dash
trap 'echo lower' HUP
kill -s hup $$
## stdout:
lower

#### kill with an unknown signal
kill -s NOSUCH $$
echo "status $?"
## stdout:
status 2
## stderr:
sh: 1: kill: invalid signal number or name: NOSUCH

#### kill with no operands
kill
echo "status $?"
## stdout:
status 2
## stderr:
sh: 1: kill: Usage: kill [-s sigspec | -signum | -sigspec] [pid | job]... or
kill -l [exitstatus]

#### kill a process that does not exist
kill 2147483646
echo "status $?"
## stdout:
status 1
## stderr-json: "sh: 1: kill: No such process\n\n"

#### kill -0 checks a process exists
kill -0 $$ && echo alive
kill -s 0 $$ && echo alive again
## stdout:
alive
alive again

#### kill a background child and get its status
sleep 5 &
kill -s KILL $!
wait $!
echo $?
## stdout:
137
## stderr:
Killed

#### kill INT to a background child
sleep 5 &
kill -s INT $!
wait $!
echo $?
## stdout:
130

#### wait for several pids returns the last one's status
(exit 1) &
a=$!
(exit 2) &
b=$!
wait $a $b
echo $?
wait $b $a
echo $?
## stdout:
2
1

#### wait for a pid that is not a child
wait $$
echo $?
## stdout:
127

#### wait with a bad argument
wait abc
echo "status $?"
## stdout:
status 2
## stderr:
sh: 1: wait: Illegal number: abc

#### children finish before wait returns
for i in 1 2 3; do (echo "child $i" > c$i) & done
wait
cat c1 c2 c3
## stdout:
child 1
child 2
child 3

#### an external kill utility is not needed
command -v kill
## stdout:
kill

#### kill a subshell that traps TERM
( trap 'echo sub got TERM; exit 7' TERM; touch ready; n=0; while [ $n -lt 30 ]; do sleep 1; n=$((n+1)); done ) &
i=0
until [ -e ready ] || [ $i -ge 10 ]; do sleep 1; i=$((i+1)); done
kill $!
wait $!
echo $?
## stdout:
sub got TERM
7
