# Command substitution: $(...) and backquotes, trailing newlines, nesting, quoting, status,
# field splitting of the result, and substitutions running in a subshell.

#### basic forms
echo $(echo a) `echo b`
## stdout:
a b

#### trailing newlines are removed, inner ones kept
x=$(printf 'a\n\nb\n\n\n')
printf '[%s]\n' "$x"
## stdout:
[a

b]

#### leading newlines are kept
x=$(printf '\n\na')
printf '[%s]\n' "$x"
## stdout:
[

a]

#### unquoted result is field split and globbed
touch g1 g2
x=$(echo 'a  b g*')
printf '[%s]' $x; echo
printf '[%s]' "$(echo 'a  b g*')"; echo
## stdout:
[a][b][g1][g2]
[a  b g*]

#### nesting
echo $(echo $(echo $(echo deep)))
## stdout:
deep

#### nested backquotes need escaping
echo `echo \`echo inner\``
## stdout:
inner

#### runs in a subshell
x=1
y=$(x=2; echo $x)
echo $x $y
## stdout:
1 2

#### cd in a substitution does not move the shell
mkdir d
h=$(cd d; pwd)
[ "$h" = "$PWD/d" ] && [ "$(pwd)" = "$HOME" ] && echo ok
## stdout:
ok

#### status of an assignment is the last substitution's
x=$(false)
echo $?
x=$(true)$(exit 4)
echo $?
## stdout:
1
4

#### status of a command with a substitution argument is the command's
echo $(false) >/dev/null
echo $?
## stdout:
0

#### stderr of the inner command is not captured
x=$(echo out; echo err >&2)
echo "[$x]"
## stdout:
[out]
## stderr:
err

#### capturing stderr with a redirection inside
x=$(nosuch 2>&1)
echo "[$x]"
## stdout:
[sh: 1: nosuch: not found]

#### case statement with parentheses inside $( )
x=$(case a in a) echo matched;; esac)
echo $x
## stdout:
matched

#### quotes inside a substitution inside quotes
echo "$(echo "a  b")"
echo "$(echo 'c  d')"
## stdout:
a  b
c  d

#### backquotes with dollar and backslash
x=5
echo `echo \$x` `echo \\\\`
## stdout:
5 \

#### a substitution with only newlines is empty
x=$(printf '\n\n')
echo "[${#x}]"
## stdout:
[0]

#### a substitution that reads a file
printf 'line1\nline2\n' > f
echo "$(cat f)"
echo $(cat f)
## stdout:
line1
line2
line1 line2

#### substitution output with a here-document
x=$(cat <<EOT
doc $((2*3))
EOT
)
echo "$x"
## stdout:
doc 6

#### exit inside a substitution ends only the subshell
x=$(echo a; exit 2; echo b)
echo "$x $?"
## stdout:
a 2

#### comments inside a substitution
x=$(echo a # a comment with )
)
echo $x
## stdout:
a

#### substitution in a for list
for w in $(printf '%s\n' one two); do echo "<$w>"; done
## stdout:
<one>
<two>

#### dollar-paren-paren that is not arithmetic
echo $( (echo sub) )
## stdout:
sub

#### functions are visible in the substitution
f() { echo from f; }
echo "$(f)"
## stdout:
from f

#### substitution with a pipeline
echo $(printf 'b\na\nc\n' | sort | tr '\n' ' ')
## stdout:
a b c
