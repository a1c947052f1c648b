# test and [: strings, integers, files, !, -a, -o, parentheses, the number of arguments, and
# error messages and status 2.

#### string equality and inequality
test abc = abc && echo eq
test abc != abd && echo ne
[ abc = abd ] || echo not eq
## stdout:
eq
ne
not eq

#### -z and -n
e=
[ -z "$e" ] && echo empty
[ -n "$e" ] || echo not nonempty
[ -n x ] && echo nonempty
## stdout:
empty
not nonempty
nonempty

#### a single argument is true if non-empty
[ x ] && echo x
[ "" ] || echo empty is false
[ -n ] && echo a lone -n is a string
## stdout:
x
empty is false
a lone -n is a string

#### no arguments is false
test
echo $?
[ ]
echo $?
## stdout:
1
1

#### integer comparisons
[ 3 -eq 3 ] && echo eq
[ 3 -ne 4 ] && echo ne
[ 3 -lt 4 ] && echo lt
[ 4 -le 4 ] && echo le
[ 5 -gt 4 ] && echo gt
[ 4 -ge 5 ] || echo not ge
[ -3 -lt 2 ] && echo negative
## stdout:
eq
ne
lt
le
gt
not ge
negative

#### integers with spaces around are accepted
[ " 7 " -eq 7 ] && echo spaced
## stdout:
spaced

#### a non-number in an integer comparison
[ a -eq 1 ]
echo $?
## stdout:
2
## stderr:
sh: 1: [: Illegal number: a

#### file tests
mkdir d
touch f
ln -s f l
printf x > s
[ -e f ] && echo e
[ -f f ] && echo f
[ -d d ] && echo d
[ -f d ] || echo d not f
[ -h l ] && echo h
[ -L l ] && echo L
[ -s s ] && echo s
[ -s f ] || echo f empty
[ -e nosuch ] || echo missing
## stdout:
e
f
d
d not f
h
L
s
f empty
missing

#### permission tests as root
touch f
chmod 0 f
[ -r f ] && echo readable
[ -w f ] && echo writable
[ -x f ] || echo not executable
chmod u+x f
[ -x f ] && echo executable
## stdout:
readable
writable
not executable
executable

#### setuid and setgid bits
touch f
chmod 4755 f
[ -u f ] && echo setuid
[ -g f ] || echo no setgid
chmod 2755 f
[ -g f ] && echo setgid
## stdout:
setuid
no setgid
setgid

#### -p for a fifo is false for a file
touch f
[ -p f ] || echo not fifo
## stdout:
not fifo

#### newer and older files by name
touch a
[ a -ef a ] && echo same file
ln a b
[ a -ef b ] && echo hard link
## stdout:
same file
hard link

#### negation
[ ! -e nosuch ] && echo negated
[ ! "" ] && echo not empty string
## stdout:
negated
not empty string

#### -a and -o
[ a = a -a b = b ] && echo and
[ a = b -o b = b ] && echo or
[ a = b -a b = b ] || echo and false
## stdout:
and
or
and false

#### -a binds tighter than -o
[ a = a -o a = b -a a = b ] && echo precedence
## stdout:
precedence

#### parentheses group
[ \( a = b -o a = a \) -a b = b ] && echo grouped
## stdout:
grouped

#### three arguments with a binary operator first
[ = = = ] && echo equals is a string
[ ! = ! ] && echo bang equal
## stdout:
equals is a string
bang equal

#### missing closing bracket
[ 1 -eq 1
echo $?
## stdout:
2
## stderr:
sh: 1: [: missing ]

#### an operator without an argument
test 1 -eq
echo $?
## stdout:
2
## stderr:
sh: 1: test: -eq: argument expected

#### an unknown unary operator
test -q x
echo $?
## stdout:
2
## stderr:
sh: 1: test: -q: unexpected operator

#### too many arguments
test 1 2 3
echo $?
## stdout:
2
## stderr:
sh: 1: test: 1: unexpected operator

#### string comparison < and > in dash
[ a \< b ] && echo less
[ b \> a ] && echo greater
## stdout:
less
greater

#### -t on a non-terminal
[ -t 0 ] || echo not a tty
## stdout:
not a tty

#### -nt and -ot
touch -t 199901010000 old
touch new
[ new -nt old ] && echo newer
[ old -ot new ] && echo older
[ old -nt new ] || echo not newer
## stdout:
newer
older
not newer

#### unquoted empty variable in test
e=
[ -n $e ] && echo trap for the unwary
[ -n "$e" ] || echo quoted is right
## stdout:
trap for the unwary
quoted is right

#### test as an external command
(exec test 2 -gt 1) && echo external
## stdout:
external
