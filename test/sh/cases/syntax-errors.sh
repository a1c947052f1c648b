# Syntax errors: dash's messages ("Syntax error: X unexpected", "(expecting Y)", end of file),
# their line numbers, exit status 2, and that commands on earlier lines have already run.

#### a redirection without a target
echo >
## stderr:
sh: 2: Syntax error: newline unexpected
## status: 2

#### an empty command between semicolons
echo a; ;
## stderr:
sh: 1: Syntax error: ";" unexpected
## status: 2

#### a pipe at the start
| echo
## stderr:
sh: 1: Syntax error: "|" unexpected
## status: 2

#### a pipe at the end
echo |
## stderr:
sh: 2: Syntax error: end of file unexpected
## status: 2

#### a double semicolon outside case
;;
## stderr:
sh: 1: Syntax error: ";;" unexpected
## status: 2

#### reserved words out of place
done
## stderr:
sh: 1: Syntax error: "done" unexpected
## status: 2

#### an empty brace group
{ }
## stderr:
sh: 1: Syntax error: "}" unexpected
## status: 2

#### for without do
for i in a b; echo $i; done
## stderr:
sh: 1: Syntax error: word unexpected (expecting "do")
## status: 2

#### while without do
while true; done
## stderr:
sh: 1: Syntax error: "done" unexpected (expecting "do")
## status: 2

#### case without in
case a b) ;; esac
## stderr:
sh: 1: Syntax error: word unexpected (expecting "in")
## status: 2

#### three ampersands
echo a &&& echo b
## stderr:
sh: 1: Syntax error: "&" unexpected
## status: 2

#### an unterminated command substitution
echo $(
## stderr:
sh: 2: Syntax error: end of file unexpected (expecting ")")
## status: 2

#### an unterminated backquote
echo `
## stderr:
sh: 2: Syntax error: EOF in backquote substitution
## status: 2

#### an unterminated brace expansion
echo ${x
## stderr:
sh: 1: Syntax error: Missing '}'
## status: 2

#### an unterminated subshell
(echo a
## stderr:
sh: 2: Syntax error: end of file unexpected (expecting ")")
## status: 2

#### an unmatched closing parenthesis
echo a)
## stderr:
sh: 1: Syntax error: ")" unexpected
## status: 2

#### a semicolon right after then
if true; then; fi
## stderr:
sh: 1: Syntax error: ";" unexpected
## status: 2

#### earlier lines run before the syntax error is found
echo first
echo a)
echo never
## stdout:
first
## stderr:
sh: 2: Syntax error: ")" unexpected
## status: 2

#### the whole line is parsed before any of it runs
echo first; echo a)
## stderr:
sh: 1: Syntax error: ")" unexpected
## status: 2

#### a syntax error inside a function body is found at definition
f() {
  echo in f
  if
}
echo never
## stderr:
sh: 4: Syntax error: "}" unexpected
## status: 2

#### a syntax error in sh -c from a script
sh -c 'echo a)'
echo "status $?"
## stdout:
status 2
## stderr:
sh: 1: Syntax error: ")" unexpected

#### a here-document operator without a delimiter
cat <<
## stderr:
sh: 2: Syntax error: newline unexpected
## status: 2

#### line numbers count continued lines
echo one \
two
echo a)
## stdout:
one two
## stderr:
sh: 3: Syntax error: ")" unexpected
## status: 2
