# trap: EXIT traps, signal traps fired with kill -s, ignoring, resetting with -, the listing
# format, the status seen inside a trap, and bad signal names.

#### EXIT trap runs at the end
trap 'echo bye' EXIT
echo body
## stdout:
body
bye

#### EXIT trap keeps the exit status
trap 'echo bye' EXIT
exit 3
## stdout:
bye
## status: 3

#### EXIT trap sees the last status in $?
trap 'echo "status $?"' EXIT
false
## stdout:
status 1
## status: 1

#### exit inside an EXIT trap sets the final status
trap 'exit 9' EXIT
true
## status: 9

#### trap 0 is the same as EXIT
trap 'echo zero' 0
trap
## stdout:
trap -- 'echo zero' EXIT
zero

#### listing the traps
trap 'echo x' EXIT INT
trap '' QUIT
trap
## stdout:
trap -- 'echo x' EXIT
trap -- 'echo x' INT
trap -- '' QUIT
x

#### trap - resets a trap
trap 'echo x' INT USR1
trap - INT
trap
## stdout:
trap -- 'echo x' USR1

#### a signal trap runs when the signal arrives
trap 'echo got usr1' USR1
kill -s USR1 $$
echo after
## stdout:
got usr1
after

#### the trap action runs once per signal
n=0
trap 'n=$((n+1))' USR2
kill -s USR2 $$
kill -s USR2 $$
kill -USR2 $$
echo $n
## stdout:
3

#### an ignored signal is not delivered
trap '' USR1
kill -s USR1 $$
echo survived
## stdout:
survived

#### TERM trap prevents termination
trap 'echo caught term' TERM
kill $$
echo still alive
## stdout:
caught term
still alive

#### exit in a signal trap
trap 'echo int; exit 5' INT
kill -s INT $$
echo not reached
## stdout:
int
## status: 5

#### an untrapped signal kills the shell
kill -s USR1 $$
echo not reached
## status: 138

#### a trap with signal numbers
trap 'echo by number' 10
kill -s USR1 $$
trap
## stdout:
by number
trap -- 'echo by number' USR1

#### dash does not take a SIG prefix
trap 'echo prefixed' SIGUSR1
echo "status $?"
## stdout:
status 1
## stderr:
trap: SIGUSR1: bad trap

#### bad signal name
trap 'echo x' NOSUCH
echo "status $?"
## stdout:
status 1
## stderr:
trap: NOSUCH: bad trap

#### the action is evaluated when the trap runs
x=early
trap 'echo $x' EXIT
x=late
## stdout:
late

#### the trap status does not change $? after it
trap 'false' USR1
true
kill -s USR1 $$
echo $?
## stdout:
0

#### EXIT trap on a syntax error in eval
trap 'echo cleanup' EXIT
eval 'if'
echo not reached
## stdout:
cleanup
## stderr:
sh: 1: eval: Syntax error: end of file unexpected (expecting "then")
## status: 2

#### EXIT trap in a function runs at shell exit not function return
f() { trap 'echo exiting' EXIT; echo in f; }
f
echo after f
## stdout:
in f
after f
exiting

#### child processes do not inherit trap actions
trap 'echo parent trap' USR1
sh -c 'kill -s USR1 $$; echo child survived'
echo "child status $?"
## stdout:
child status 138
## stderr:
User defined signal 1

#### ignored signals stay ignored in children
trap '' USR1
sh -c 'kill -s USR1 $$; echo child ignored it'
## stdout:
child ignored it

#### trap with no action resets the listed signals
trap 'echo x' USR1
trap USR1
trap
echo done
## stdout:
done

#### a trap set in a subshell does not affect the parent
(trap 'echo sub' EXIT)
trap
echo end
## stdout:
sub
end

#### an EXIT trap set in a function runs after the function's return status is used
f() { trap 'echo at exit' EXIT; return 2; }
f
echo "f gave $?"
## stdout:
f gave 2
at exit
