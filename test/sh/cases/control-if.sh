# if / elif / else / fi: the condition's status, exit status of the whole if, nested ifs,
# conditions that are lists, and syntax errors.

#### if then fi
if true; then echo yes; fi
if false; then echo no; fi
## stdout:
yes

#### else and elif
for x in 1 2 3; do
  if [ $x = 1 ]; then echo one
  elif [ $x = 2 ]; then echo two
  else echo other
  fi
done
## stdout:
one
two
other

#### status of an if with no branch taken is 0
false
if false; then :; fi
echo $?
## stdout:
0

#### status of an if is the branch's last command
if true; then (exit 3); fi
echo $?
if false; then :; else (exit 4); fi
echo $?
## stdout:
3
4

#### condition is a list
if false; true; then echo last counts; fi
## stdout:
last counts

#### condition with a pipeline and negation
if ! echo x | grep -q y; then echo not found; fi
## stdout:
not found

#### nested ifs
if true; then if false; then echo a; else echo b; fi; fi
## stdout:
b

#### if on one line with newlines in the body
if true
then
  echo multi
fi
## stdout:
multi

#### a command as the condition
printf 'k\n' > f
if grep -q k f; then echo has k; fi
## stdout:
has k

#### missing fi
if true; then echo x
## stderr:
sh: 2: Syntax error: end of file unexpected (expecting "fi")
## status: 2

#### missing then
if true; echo x; fi
## stderr:
sh: 1: Syntax error: "fi" unexpected (expecting "then")
## status: 2

#### empty then body is an error
if true; then fi
## stderr:
sh: 1: Syntax error: "fi" unexpected
## status: 2

#### if with a redirection on the whole
if true; then echo inside; fi > out
cat out
## stdout:
inside

#### elif chain status when nothing matches
if false; then :; elif false; then :; fi
echo $?
## stdout:
0

#### condition status is seen in $? in the branch
if (exit 2); then :; else echo "cond $?"; fi
## stdout:
cond 2

#### if inside a pipeline
if true; then echo piped; fi | tr a-z A-Z
## stdout:
PIPED

#### reserved words are recognised only in command position
echo if then fi
## stdout:
if then fi

#### an if as a function body
f() if [ "$1" = y ]; then echo yes; else echo no; fi
f y; f n
## stdout:
yes
no
