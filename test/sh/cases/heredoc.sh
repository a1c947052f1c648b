# Here-documents: << with expansions, quoted delimiters, <<- tab stripping, several on one
# line, here-documents on compound commands and functions, and backslashes.

#### a plain here-document
cat <<EOF
line one
line two
EOF
## stdout:
line one
line two

#### parameter, command and arithmetic expansion inside
x=world
cat <<EOF
hello $x $(echo sub) $((1+1)) ${x%d}
EOF
## stdout:
hello world sub 2 worl

#### quoted delimiter turns expansion off
x=world
cat <<'EOF'
hello $x $(echo sub) \$ \\
EOF
## stdout:
hello $x $(echo sub) \$ \\

#### partly quoted delimiter also turns expansion off
x=1
cat <<E"O"F
$x
EOF
cat <<\EOF
$x
EOF
## stdout:
$x
$x

#### backslashes in an unquoted here-document
cat <<EOF
a\$b \\ \x "q" 'q' \`
EOF
## stdout:
a$b \ \x "q" 'q' `

#### backslash-newline joins lines in an unquoted here-document
cat <<EOF
one \
two
EOF
## stdout:
one two

#### double quotes are plain characters in a here-document
x=v
cat <<EOF
"$x" '$x'
EOF
## stdout:
"v" 'v'

#### <<- strips leading tabs
if true; then
	cat <<-EOF
	indented
		twice
	EOF
fi
## stdout:
indented
twice

#### <<- strips tabs but not spaces
cat <<-EOF
  spaces stay
	EOF
## stdout:
  spaces stay

#### two here-documents on one line
cat <<A; cat <<B
first
A
second
B
## stdout:
first
second

#### here-document to a different fd
cat 3<<EOF <&3
on three
EOF
## stdout:
on three

#### redirections apply left to right so fd 3 is not open yet
cat <&3 3<<EOF
on three
EOF
## stderr:
sh: 1: 3: Bad file descriptor
## status: 2

#### here-document feeding a loop
while read a b; do echo "$b-$a"; done <<EOF
1 one
2 two
EOF
## stdout:
one-1
two-2

#### here-document in a function is expanded at each call
f() {
	cat <<EOF
arg $1
EOF
}
f a; f b
## stdout:
arg a
arg b

#### empty here-document
cat <<EOF
EOF
echo end
## stdout:
end

#### delimiter must be the whole line
cat <<EOF
EOF not yet
 EOF
EOF
## stdout:
EOF not yet
 EOF

#### here-document inside command substitution
x=$(cat <<EOF
inside
EOF
)
echo "[$x]"
## stdout:
[inside]

#### here-document with a pipeline
cat <<EOF | tr a-z A-Z
shout
EOF
## stdout:
SHOUT

#### here-document that ends at end of script
cat <<EOF
unterminated
## stdout:
unterminated

#### here-document to a brace group
{ read a; read b; echo "$a+$b"; } <<EOF
x
y
EOF
## stdout:
x+y

#### command substitution spanning lines in a here-document
cat <<EOF
$(echo a
echo b)
EOF
## stdout:
a
b

#### here-document and a following command on the next line
cat <<EOF; echo after
body
EOF
echo last
## stdout:
body
after
last

#### here-document delimiter with other characters
cat <<END_OF-TEXT
x
END_OF-TEXT
## stdout:
x

#### here-string syntax is not dash's
cat <<<word
## stderr:
sh: 1: Syntax error: redirection unexpected
## status: 2

#### unquoted here-document keeps single quotes around expansions
x='a  b'
cat <<EOF
'$x'
EOF
## stdout:
'a  b'

#### field splitting does not happen in a here-document
IFS=:
x='a:b'
cat <<EOF
$x
EOF
## stdout:
a:b

#### a here-document in a loop is expanded on each iteration
for i in 1 2; do
	cat <<EOF
pass $i
EOF
done
## stdout:
pass 1
pass 2

#### <<- with a quoted delimiter strips tabs and does not expand
x=v
cat <<-'END'
	$x	tab inside
	END
## stdout:
$x	tab inside

#### a here-document on a command inside a pipeline in a substitution
x=$(tr a-z A-Z <<EOF | tr -d X
xax
EOF
)
echo "$x"
## stdout:
A

#### a dollar sign at the end of a here-document line
cat <<EOF
cost: 5$
a $ b
EOF
## stdout:
cost: 5$
a $ b
