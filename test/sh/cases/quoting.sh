# Quoting: backslash, single and double quotes, quotes inside words, quote removal, and what
# each kind of quote keeps literal (XCU 2.2).

#### single quotes keep everything literal
printf '%s\n' 'a $HOME `x` \n "q" *'
## stdout:
a $HOME `x` \n "q" *

#### double quotes expand parameters but keep spaces
x='a   b'
echo "$x" $x
## stdout:
a   b a b

#### backslash escapes in double quotes
printf '%s\n' "\$ \` \" \\ \a \n"
## stdout:
$ ` " \ \a \n

#### backslash outside quotes
echo \$x \'a\' \"b\" \\ a\ \ b
## stdout:
$x 'a' "b" \ a  b

#### backslash-newline joins lines
echo ab\
cd
## stdout:
abcd

#### backslash-newline inside double quotes
echo "ab\
cd"
## stdout:
abcd

#### backslash-newline inside single quotes is kept
echo 'ab\
cd'
## stdout:
ab\
cd

#### adjacent quoted parts form one word
x=b
set -- 'a'"$x"c\ d'e f'
echo $#: "$1"
## stdout:
1: abc de f

#### empty quotes make an empty argument
set -- '' "" a
echo $#
printf '[%s]' "$@"; echo
## stdout:
3
[][][a]

#### quoted empty variable is an argument, unquoted is not
e=
set -- $e "$e" $e
echo $#
## stdout:
1

#### single quote inside double quotes
echo "it's"
## stdout:
it's

#### double quote inside single quotes
echo 'say "hi"'
## stdout:
say "hi"

#### closing and reopening single quotes to include one
echo 'it'\''s'
## stdout:
it's

#### quoted glob characters do not match
touch a1 a2
echo 'a*' "a?" a\*
echo a*
## stdout:
a* a? a*
a1 a2

#### quoted reserved words are plain words
'if' 2>/dev/null; echo $?
"for"=1 2>/dev/null; echo $?
## stdout:
127
127

#### quoted assignment is a command name
"x=1" 2>&1
## stdout:
sh: 1: x=1: not found
## status: 127

#### quoting an operator makes it a word
echo a ';' b '|' c '&&' d
## stdout:
a ; b | c && d

#### backslash before an ordinary character in single quotes
printf '%s\n' 'a\b' "a\b" a\b
## stdout:
a\b
a\b
ab

#### dollar-single-quote is not special in dash
printf '%s\n' $'a\tb'
## stdout:
$a\tb

#### hash starts a comment only at a word start
echo a#b # comment
echo '#' "#"x \#y
## stdout:
a#b
# #x #y

#### tilde is not expanded in quotes
HOME=/home/u
echo "~" '~' \~ ~ ~/d
## stdout:
~ ~ ~ /home/u /home/u/d

#### tilde after colon in an assignment
HOME=/h
x=a:~/b:~
echo "$x"
## stdout:
a:/h/b:/h

#### tilde in the middle of a word stays
HOME=/h
echo a~ a/~
## stdout:
a~ a/~

#### newline in double quotes is kept
x="a
b"
echo "$x"
## stdout:
a
b

#### unterminated single quote is a syntax error
echo 'abc
## stderr:
sh: 2: Syntax error: Unterminated quoted string
## status: 2

#### unterminated double quote is a syntax error
echo "abc
## stderr:
sh: 2: Syntax error: Unterminated quoted string
## status: 2

#### quotes inside command substitution inside double quotes
echo "$(echo "inner 'q'")"
## stdout:
inner 'q'

#### backquote with escaped quotes inside double quotes
echo "`echo \"x y\"`"
## stdout:
x y

#### tilde with a user name
echo ~root ~root/x
## stdout:
/root /root/x

#### tilde with an unknown user stays
echo ~nosuchuser ~nosuchuser/x
## stdout:
~nosuchuser ~nosuchuser/x

#### quoted tilde user name is literal
echo "~root" ~"root"
## stdout:
~root ~root
