# Background jobs in a non-interactive shell: &, $!, wait (all, a pid, %n), their statuses,
# the jobs listing dash prints (state padded to a column, no command text), kill of a job,
# fg/bg without job control, and set -m without a terminal.

#### a background command runs and wait waits for it
echo bg > f &
wait
cat f
## stdout:
bg

#### the status of & itself is 0
false &
echo $?
wait
## stdout:
0

#### wait for a pid returns the job's status
(exit 4) &
wait $!
echo $?
## stdout:
4

#### wait for the same pid twice returns the remembered status
(exit 4) &
wait $!
wait $!
echo $?
## stdout:
4

#### wait %1 returns the job's status
(exit 3) &
wait %1
echo $?
## stdout:
3

#### wait with no operands returns 0
(exit 5) &
wait
echo $?
## stdout:
0

#### wait for an unknown pid
wait 2147483646
echo $?
## stdout:
127

#### wait for an unknown job
wait %3
echo $?
## stdout:
2
## stderr:
sh: 1: wait: No such job: %3

#### a background job does not change the shell's variables
x=1
x=2 &
(x=3) &
wait
echo $x
## stdout:
1

#### background jobs get stdin from /dev/null
{ cat; echo "cat done"; } &
wait
## stdin:
data for the foreground
## stdout:
cat done

#### output of a background job before wait returns
for i in 1 2 3; do echo "job $i"; done > out &
wait
cat out
## stdout:
job 1
job 2
job 3

#### jobs lists a running job
sleep 5 &
jobs
kill $!
wait
## stdout-json: "[1] + Running                    \n"

#### jobs lists two running jobs, the latest current
sleep 5 &
a=$!
sleep 5 &
jobs
kill $a $!
wait
## stdout-json: "[2] + Running                    \n[1] - Running                    \n"

#### jobs reports a finished job once
true &
wait
jobs
jobs
echo end
## stdout-json: "[1] + Done                       \nend\n"

#### jobs shows the exit status of a failed job
(exit 3) &
wait
jobs
## stdout-json: "[1] + Done(3)                    \n"

#### jobs shows a job killed by a signal
sleep 5 &
kill $!
wait
jobs
## stdout-json: "[1] + Terminated                 \n"

#### jobs with no jobs prints nothing
jobs
echo "status $?"
## stdout:
status 0

#### jobs -p prints one pid per job
sleep 5 &
sleep 5 &
jobs -p > pids
wc -l < pids
kill $(cat pids)
wait
## stdout:
2

#### jobs -p prints $!
sleep 5 &
jobs -p %1 > p
[ "$(cat p)" = "$!" ] && echo same
kill $!
wait
## stdout:
same

#### a command substitution does not see the shell's jobs
sleep 5 &
x=$(jobs)
echo "[$x]"
kill $!
wait
## stdout:
[]

#### kill $! and wait $! report the signal
sleep 5 &
kill $!
wait $!
echo $?
## stdout:
143
## stderr:
Terminated

#### kill with a job spec signals the job's process group
sleep 5 &
kill %1
echo "status $?"
kill $!
wait
## stdout:
status 1
## stderr-json: "sh: 2: kill: No such process\n\n"

#### kill of an unknown job
kill %1
echo "status $?"
## stdout:
status 2
## stderr:
sh: 1: kill: No such job: %1

#### fg without job control
fg
echo "status $?"
## stdout:
status 2
## stderr:
sh: 1: fg: No current job

#### bg without job control
bg
echo "status $?"
## stdout:
status 2
## stderr:
sh: 1: bg: No current job

#### set -m without a terminal turns job control off
set -m
echo "[$-]"
## stdout:
[]
## stderr:
sh: 1: set: can't access tty; job control turned off

#### job specs %% %+ and a bad one
sleep 5 &
jobs %%
jobs %+
jobs %nosuch
echo "status $?"
kill $!
wait
## stdout-json: "[1] + Running                    \n[1] + Running                    \nstatus 2\n"
## stderr:
sh: 4: jobs: No such job: %nosuch

#### a background pipeline
printf 'b\na\n' | sort > sorted &
wait
cat sorted
## stdout:
a
b

#### a background brace group with several commands
{ echo one; echo two; } > out &
wait $!
cat out
## stdout:
one
two

#### $! changes with each background job
true &
a=$!
true &
b=$!
wait
[ "$a" != "$b" ] && echo different
## stdout:
different

#### background job in a subshell is waited for by the subshell
( sleep 0 & wait; echo sub done )
echo main done
## stdout:
sub done
main done

#### wait -n is not in dash
wait -n
echo "status $?"
## stdout:
status 2
## stderr:
sh: 1: wait: Illegal option -n
