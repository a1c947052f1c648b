# Special parameters: $? $$ $! $# $@ $* $0 $- and "$@" versus "$*" with IFS.

#### $? after true, false and a missing command
true; echo $?
false; echo $?
nosuch 2>/dev/null; echo $?
## stdout:
0
1
127

#### $? of a command found but not executable
printf 'echo hi\n' > script
./script 2>/dev/null; echo $?
## stdout:
126

#### $0 is the shell name with -c
echo $0
## stdout:
sh

#### -c with extra arguments sets $0 and the positional parameters
sh -c 'echo $0 $1 $2 $#' name a b
## stdout:
name a b 2

#### $$ is the same in a subshell and a command substitution
[ "$$" = "$(echo $$)" ] && echo same
( [ "$$" = "$(echo $$)" ] && echo also )
## stdout:
same
also

#### $$ differs from a child shell's
[ "$$" != "$(sh -c 'echo $$')" ] && echo differs
## stdout:
differs

#### $! is unset before any background job
echo "[$!]"
## stdout:
[]

#### $! is the background process
sh -c 'echo $$ > pid' &
wait
[ "$!" = "$(cat pid)" ] && echo match
## stdout:
match

#### $# counts arguments
set -- a 'b c' '' d
echo $#
set --
echo $#
## stdout:
4
0

#### "$@" keeps each argument
set -- 'a b' '' c
printf '[%s]' "$@"; echo
## stdout:
[a b][][c]

#### "$*" joins with the first character of IFS
set -- 'a b' '' c
printf '[%s]' "$*"; echo
IFS=:
printf '[%s]' "$*"; echo
IFS=
printf '[%s]' "$*"; echo
## stdout:
[a b  c]
[a b::c]
[a bc]

#### unquoted $* and $@ are field split
set -- 'a b' c
printf '[%s]' $*; echo
printf '[%s]' $@; echo
## stdout:
[a][b][c]
[a][b][c]

#### "$@" with no arguments is no word
set --
printf '[%s]' "$@" end; echo
set -- "$@"
echo $#
## stdout:
[end]
0

#### "$@" with text around it
set -- a b c
printf '[%s]' "x$@y"; echo
## stdout:
[xa][b][cy]

#### "$*" with text around it
set -- a b c
printf '[%s]' "x$*y"; echo
## stdout:
[xa b cy]

#### $- shows the options
set -f
case $- in *f*) echo has f;; esac
set +f
case $- in *f*) echo still;; *) echo no f;; esac
## stdout:
has f
no f

#### $- includes u and e when set
set -eu
case $- in *e*u*|*u*e*) echo eu;; esac
## stdout:
eu

#### $? inside a function is the caller's last status
f() { echo $?; }
false; f
## stdout:
1

#### $? after a negated pipeline
! true; echo $?
! false; echo $?
## stdout:
1
0

#### $? after a signal death
sh -c 'kill -s TERM $$'; echo $?
## stdout:
143
## stderr:
Terminated

#### $? of exit with large values
sh -c 'exit 300'; echo $?
## stdout:
44

#### $@ in a function is the function's arguments
set -- outer
f() { echo "$#:$*"; }
f a b
echo "$#:$*"
## stdout:
2:a b
1:outer

#### $0 in a function stays the script name
f() { echo $0; }
f
## stdout:
sh

#### "${@}" and "${*}" with braces
set -- 1 '2 3'
printf '<%s>' "${@}" "${*}"; echo
## stdout:
<1><2 3><1 2 3>

#### unquoted $@ and $* with an empty IFS still give one field per parameter
IFS=
set -- 'a b' c
printf '[%s]' $@; echo
printf '[%s]' $*; echo
## stdout:
[a b][c]
[a b][c]

#### the ${1+"$@"} idiom
set -- 'a b' c
printf '[%s]' ${1+"$@"}; echo
set --
printf '[%s]' ${1+"$@"} end; echo
## stdout:
[a b][c]
[end]

#### "$@" and "$*" together in set
set -- a b
set -- "$@" "$*"
echo "$# [$3]"
## stdout:
3 [a b]

#### unquoted $@ of empty parameters gives no fields
set -- '' ''
set -- $@
echo $#
## stdout:
0
