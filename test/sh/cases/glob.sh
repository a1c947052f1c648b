# Pathname expansion: * ? [...] [!...] ranges, sorting, dot files, directories, no match,
# quoting, set -f, and patterns in paths.

#### star matches and sorts
touch b a c B
echo *
## stdout:
B a b c

#### question mark matches one character
touch a ab abc
echo a? a??
## stdout:
ab abc

#### bracket expressions
touch a1 a2 a3 b1 x
echo [ab]1 a[!1] a[2-3] [[:alpha:]]
## stdout:
a1 b1 a2 a3 a2 a3 x

#### no match leaves the pattern
echo nomatch* q?
## stdout:
nomatch* q?

#### dot files need an explicit dot
touch .hidden shown
echo *
echo .h*
echo .*
## stdout:
shown
.hidden
. .. .hidden

#### patterns in directory components
mkdir -p d1/x d2/x d3
touch d1/x/f d2/x/g
echo d*/x/*
echo */x
## stdout:
d1/x/f d2/x/g
d1/x d2/x

#### a trailing slash matches only directories
mkdir dir1 dir2
touch file1
echo *1/
echo */
## stdout:
dir1/
dir1/ dir2/

#### quoted pattern characters are literal
touch 'a*' ab
echo 'a'*
echo "a*"
echo a\*
## stdout:
a* ab
a*
a*

#### set -f disables globbing
touch g1
set -f
echo g*
set +f
echo g*
## stdout:
g*
g1

#### globbing results are not split again
touch 'sp ace'
for f in sp*; do echo "[$f]"; done
## stdout:
[sp ace]

#### glob in a variable expands when unquoted
touch v1 v2
p='v*'
echo $p "$p"
## stdout:
v1 v2 v*

#### unmatched bracket is literal
touch '[x'
echo [x
echo [y
## stdout:
[x
[y

#### bracket with a closing bracket first
touch ']' a
echo []a]
## stdout:
] a

#### range of digits in a loop
touch f1 f2 f10
for f in f[0-9]; do echo $f; done
## stdout:
f1
f2

#### glob matching nothing in a for loop gives the pattern
for f in *.none; do echo "got $f"; done
## stdout:
got *.none

#### glob does not match slash with star
mkdir sub
touch sub/in
echo s*in
echo s*/in
## stdout:
s*in
sub/in

#### assignment values are not globbed
touch m1 m2
x=m*
echo "$x"
## stdout:
m*

#### glob with leading path
mkdir p
touch p/one p/two
echo ./p/*
## stdout:
./p/one ./p/two

#### character class digit
touch 1a 2b cc
echo [[:digit:]]*
## stdout:
1a 2b

#### sorted in byte order with capitals and digits
touch Z a 9 _
echo *
## stdout:
9 Z _ a

#### a redirection target is not globbed
touch only
echo text > o*
ls
cat 'o*'
## stdout:
o*
only
text
