# Field splitting on IFS: whitespace and non-whitespace separators, empty fields, leading and
# trailing separators, unset and empty IFS, and what is not split.

#### default IFS splits on runs of blanks and newlines
x='  a	b
c   d  '
printf '[%s]' $x; echo
## stdout:
[a][b][c][d]

#### a non-whitespace separator makes empty fields
IFS=:
x='a::b:'
printf '[%s]' $x; echo
## stdout:
[a][][b]

#### a leading non-whitespace separator makes an empty first field
IFS=:
x=':a'
printf '[%s]' $x; echo
## stdout:
[][a]

#### whitespace around a non-whitespace separator is one separator
IFS=' :'
x=' a : b  :: c '
printf '[%s]' $x; echo
## stdout:
[a][b][][c]

#### empty IFS does no splitting
IFS=
x='a b:c'
printf '[%s]' $x; echo
## stdout:
[a b:c]

#### unset IFS splits as the default
unset IFS
x=' a  b '
printf '[%s]' $x; echo
## stdout:
[a][b]

#### an empty expansion makes no field
e=
printf '[%s]' $e x $e; echo
## stdout:
[x]

#### a value of only separators makes no field with whitespace IFS
x='   '
set -- $x
echo $#
## stdout:
0

#### a value of one non-whitespace separator makes one empty field
IFS=:
x=:
set -- $x
echo $#
printf '[%s]' "$@"; echo
## stdout:
1
[]

#### literal text is not split
IFS=:
echo a:b c:d
## stdout:
a:b c:d

#### splitting happens after expansion only
IFS=o
x=foo
printf '[%s]' $x bar${x}baz; echo
## stdout:
[f][][barf][][baz]

#### results of command substitution are split
IFS=,
printf '[%s]' $(echo 'a,b,,c'); echo
## stdout:
[a][b][][c]

#### arithmetic results are split too
IFS=1
printf '[%s]' $((2111+1000)); echo
## stdout:
[3][][]

#### a split word joined with text
x='a b'
printf '[%s]' pre$x post; echo
printf '[%s]' pre${x}post; echo
## stdout:
[prea][b][post]
[prea][bpost]

#### quoted parts are not split
x='a b'
printf '[%s]' "$x"$x; echo
## stdout:
[a ba][b]

#### IFS in a for loop word list
IFS=,
list=one,two,three
for w in $list; do echo "$w"; done
## stdout:
one
two
three

#### assigning IFS for one command does not affect expansion of its arguments
x='a:b'
IFS=: printf '[%s]' $x; echo
## stdout:
[a:b]

#### tab as a separator
t=$(printf 'x\ty\tz')
printf '[%s]' $t; echo
## stdout:
[x][y][z]

#### IFS with a letter
IFS=x
v=1x2xx3
printf '[%s]' $v; echo
## stdout:
[1][2][][3]

#### $* with a custom IFS splits on the first char when unquoted
IFS=-
set -- a-b c
printf '[%s]' $*; echo
printf '[%s]' "$*"; echo
## stdout:
[a][b][c]
[a-b-c]

#### trailing non-whitespace separator does not make a field
IFS=:
x='a:b:'
set -- $x
echo $#
## stdout:
2

#### backslash in a split value is literal
x='a\ b'
printf '[%s]' $x; echo
## stdout:
[a\][b]

#### assignments are not split
x='a   b'
y=$x
echo "$y"
## stdout:
a   b

#### case word is not split
x='a b'
case $x in 'a b') echo whole;; *) echo split;; esac
## stdout:
whole

#### IFS of a newline splits lines only
x=$(printf 'a b\nc d')
IFS='
'
set -- $x
echo $#
printf '[%s]' "$@"; echo
## stdout:
2
[a b][c d]
