# set options other than -e: -u (nounset), -x (xtrace), -f (noglob), -C (noclobber),
# -a (allexport), -n (noexec), -o name forms, set +o output, and bad options.

#### set -u makes an unset variable an error
set -u
echo "${u-default ok}"
echo $u
echo not reached
## stdout:
default ok
## stderr:
sh: 3: u: parameter not set
## status: 2

#### set -u allows set but empty variables
set -u
e=
echo "[$e]"
## stdout:
[]

#### set -u with $@ and $* when there are no arguments
set -u
set --
echo "[$@]" "[$*]" $#
## stdout:
[] [] 0

#### set -u with an unset positional parameter
set -u
set -- a
echo $1
echo $2
## stdout:
a
## stderr:
sh: 4: 2: parameter not set
## status: 2

#### set -u error for a dollar variable in arithmetic
set -u
echo $(($nosuch + 1))
## stderr:
sh: 2: nosuch: parameter not set
## status: 2

#### set -x traces commands to stderr
set -x
echo a "b c"
x=1
## stdout:
a b c
## stderr:
+ echo a b c
+ x=1

#### set -x shows expanded words
set -x
v=val
echo $v $((1+1))
## stdout:
val 2
## stderr:
+ v=val
+ echo val 2

#### set -x uses PS4
PS4='>> '
set -x
true
## stderr:
>> true

#### set +x stops tracing and is itself traced
set -x
set +x
echo quiet
## stdout:
quiet
## stderr:
+ set +x

#### set -f turns off globbing
touch a1
set -f
echo a*
## stdout:
a*

#### set -o noglob is the same as -f
touch a1
set -o noglob
echo a*
set +o noglob
echo a*
## stdout:
a*
a1

#### set -C refuses to clobber
echo 1 > f
set -C
echo 2 > f
echo "status $?"
cat f
## stdout:
status 2
1
## stderr:
sh: 3: cannot create f: File exists

#### set -a exports assignments
set -a
x=exported
sh -c 'echo "[$x]"'
## stdout:
[exported]

#### set -n reads but does not run
set -n
echo not run
## stdout:

#### set -- sets the positional parameters
set -- a b c
echo $# $2
## stdout:
3 b

#### set with arguments but no -- also sets them
set x y
echo $1 $2
## stdout:
x y

#### set - ends options and turns off -x and -v
set -x
set - p q
echo $1
## stdout:
p
## stderr:
+ set - p q

#### set +o lists the options as commands
set -f
set +o | grep -E 'errexit|noglob|nounset'
## stdout:
set +o errexit
set -o noglob
set +o nounset

#### set -o lists the options as a table
set -u
set -o | grep -E 'nounset|xtrace'
## stdout:
xtrace          off
nounset         on

#### an unknown option letter
set -Z
echo not reached
## stderr:
sh: 1: set: Illegal option -Z
## status: 2

#### an unknown option name
set -o nosuch
## stderr:
sh: 1: set: Illegal option -o nosuch
## status: 2

#### $- reflects options set with -o
set -o nounset -o noglob
case $- in *u*) echo u;; esac
case $- in *f*) echo f;; esac
## stdout:
u
f

#### set with no arguments lists variables
x='a b'
set | grep '^x='
## stdout:
x='a b'

#### sh -u from the command line
sh -uc 'echo $nope'
echo "status $?"
## stdout:
status 2
## stderr:
sh: 1: nope: parameter not set

#### set -x traces a command substitution inside
set -x
x=$(echo in)
## stderr:
+ echo in
+ x=in

#### set -x quotes nothing in dash
set -x
echo 'it''s' "a  b"
## stdout:
its a  b
## stderr:
+ echo its a  b

#### set -x traces the commands inside compound commands, not the keywords
set -x
for i in a; do echo $i; done
if true; then :; fi
case a in a) :;; esac
## stdout:
a
## stderr:
+ echo a
+ true
+ :
+ :

#### set -x traces function calls and their bodies
set -x
f() { echo "in f" "$1"; }
f "x y"
## stdout:
in f x y
## stderr:
+ f x y
+ echo in f x y

#### set -x shows several assignments and a redirection-free command
set -x
x=$((1+1)) y=2
echo >/dev/null hi
export e=1
## stderr:
+ x=2 y=2
+ echo hi
+ export e=1

#### set -x traces inside subshells and substitutions
set -x
(echo sub)
echo "$(echo cs)"
## stdout:
sub
cs
## stderr:
+ echo sub
+ echo cs
+ echo cs
