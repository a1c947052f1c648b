# Subshells ( ... ) and brace groups { ...; }: isolation of variables, cwd, traps and options,
# exit in a subshell, status, nesting, and syntax.

#### variables set in a subshell do not leak
x=1
(x=2; echo in $x)
echo out $x
## stdout:
in 2
out 1

#### cd in a subshell does not move the parent
mkdir d
(cd d && [ "$(pwd)" = "$HOME/d" ] && echo moved)
[ "$(pwd)" = "$HOME" ] && echo stayed
## stdout:
moved
stayed

#### exit in a subshell gives its status
(exit 7)
echo $?
## stdout:
7

#### brace group runs in the current shell
x=1
{ x=2; }
echo $x
## stdout:
2

#### exit in a brace group exits the shell
{ echo in; exit 3; }
echo not reached
## stdout:
in
## status: 3

#### brace group needs a separator before the brace
{ echo a; }
{ echo b
}
## stdout:
a
b

#### brace without a separator is a syntax error
{ echo a }
## stderr:
sh: 2: Syntax error: end of file unexpected (expecting "}")
## status: 2

#### nested subshells
( ( ( echo deep ) ) )
## stdout:
deep

#### subshell output redirection
( echo one; echo two ) > out
cat out
## stdout:
one
two

#### subshell inherits variables and functions
x=v
f() { echo f $x; }
( f )
## stdout:
f v

#### set -e in a subshell does not change the parent
( set -e; false; echo not reached )
echo "parent $?"
## stdout:
parent 1

#### options set in a subshell stay there
( set -f )
touch g1
echo g*
## stdout:
g1

#### subshell with a pipeline
( echo b; echo a ) | sort
## stdout:
a
b

#### status of an empty-command subshell
( : )
echo $?
## stdout:
0

#### unset in a subshell
x=keep
( unset x; echo "[${x-gone}]" )
echo $x
## stdout:
[gone]
keep

#### subshell in a condition
if (exit 0); then echo ok; fi
## stdout:
ok

#### brace group status is its last command
{ true; false; }
echo $?
## stdout:
1

#### closing brace as an argument is a plain word
echo }
## stdout:
}

#### empty subshell is a syntax error
( )
## stderr:
sh: 1: Syntax error: ")" unexpected
## status: 2

#### umask in a subshell does not affect the parent
umask 022
( umask 077 )
umask
## stdout:
0022

#### a subshell does not list the parent's trap actions
trap 'echo trapped' USR1
( trap ) | wc -l
## stdout:
0

#### subshell with a trap on EXIT
( trap 'echo sub exit' EXIT; echo body )
echo after
## stdout:
body
sub exit
after

#### a subshell keeps ignored traps and resets the others
trap '' USR1
trap 'echo x' USR2
(trap)
## stdout:
trap -- '' USR1
