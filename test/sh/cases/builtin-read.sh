# read: splitting into variables with IFS, the last variable taking the rest, -r and
# backslashes, line continuation, EOF without a newline, the exit status at end of input,
# -p without a terminal, and reading from here-documents and files.

#### read one line into a variable
read line
echo "[$line]"
## stdin:
hello world
## stdout:
[hello world]

#### read splits into several variables
read a b c
echo "[$a][$b][$c]"
## stdin:
one two three four
## stdout:
[one][two][three four]

#### fewer words than variables
read a b c
echo "[$a][$b][$c]"
## stdin:
only
## stdout:
[only][][]

#### leading and trailing whitespace is stripped
read a
echo "[$a]"
## stdin-json: "   padded   \n"
## stdout:
[padded]

#### the last variable keeps inner whitespace
read a b
echo "[$a][$b]"
## stdin-json: "x   y   z  \n"
## stdout:
[x][y   z]

#### IFS with a non-whitespace separator
IFS=: read a b c
echo "[$a][$b][$c]"
## stdin:
r:x::y
## stdout:
[r][x][:y]

#### IFS given only to read does not stay
IFS=, read a b
echo "[$a][$b]"
printf '[%s]' "$IFS"; echo
## stdin:
1,2
## stdout:
[1][2]
[ 	
]

#### empty IFS keeps the whole line
IFS= read -r a
echo "[$a]"
## stdin-json: "  keep  all  \n"
## stdout:
[  keep  all  ]

#### backslash escapes a character without -r
read a
printf '[%s]\n' "$a"
## stdin:
a\ b\\c\d
## stdout:
[a b\cd]

#### -r keeps backslashes
read -r a
printf '[%s]\n' "$a"
## stdin:
a\ b\\c\d
## stdout:
[a\ b\\c\d]

#### backslash-newline continues the line without -r
read a
echo "[$a]"
## stdin:
first \
second
## stdout:
[first second]

#### -r does not continue lines
read -r a
printf '[%s]\n' "$a"
## stdin:
first \
second
## stdout:
[first \]

#### end of input gives status 1
read a
echo "status $? [$a]"
## stdout:
status 1 []

#### a last line without a newline is read but the status is 1
read a
echo "status $? [$a]"
## stdin-json: "partial"
## stdout:
status 1 [partial]

#### read in a loop until end of input
n=0
while read l; do n=$((n+1)); done
echo $n
## stdin:
a
b
c
## stdout:
3

#### read from a file with a redirection
printf 'f1\nf2\n' > f
read x < f
echo $x
## stdout:
f1

#### successive reads from the same redirection
printf 'l1\nl2\n' > f
{ read a; read b; } < f
echo "$a $b"
## stdout:
l1 l2

#### read from a here-document
read a b <<EOF
here doc
EOF
echo "$b $a"
## stdout:
doc here

#### read with no variable name is an error in dash
read
echo "status $?"
## stdin:
x
## stdout:
status 2
## stderr:
sh: 1: read: arg count

#### read -p without a terminal does not print the prompt
read -p 'prompt: ' v
echo "[$v]"
## stdin:
answer
## stdout:
[answer]

#### read into an invalid name
read 1bad
echo "status $?"
## stdin:
x
## stdout:
status 2
## stderr:
sh: 1: read: 1bad: bad variable name

#### read into a readonly variable
readonly r
read r
echo "status $?"
## stdin:
x
## stdout:
status 2
## stderr:
sh: 2: read: r: is read only

#### read only consumes one line
read a
cat
## stdin:
first
second
third
## stdout:
second
third

#### read an empty line
read a
echo "status $? [$a]"
## stdin-json: "\nnext\n"
## stdout:
status 0 []

#### IFS whitespace runs count as one with read
IFS=' ' read a b
echo "[$a][$b]"
## stdin:
  x    y
## stdout:
[x][y]

#### a bad option
read -z v
echo "status $?"
## stdout:
status 2
## stderr:
sh: 1: read: Illegal option -z
