# case ... esac: patterns with * ? [...], alternatives, quoting in patterns, first match wins,
# the exit status, fall-through syntax, and patterns from expansions.

#### matches the first pattern that fits
case abc in
  a*) echo starts with a;;
  *c) echo ends with c;;
esac
## stdout:
starts with a

#### alternatives with a bar
for w in apple kiwi plum; do
  case $w in apple|plum) echo "$w fruit A";; *) echo "$w other";; esac
done
## stdout:
apple fruit A
kiwi other
plum fruit A

#### question mark and brackets
for w in a1 b2 c33 x; do
  case $w in
    [ab]?) echo "$w: ab one";;
    ??? ) echo "$w: three";;
    *) echo "$w: else";;
  esac
done
## stdout:
a1: ab one
b2: ab one
c33: three
x: else

#### no match gives status 0
false
case x in y) echo no;; esac
echo $?
## stdout:
0

#### status is the last command of the matched branch
case x in x) (exit 6);; esac
echo $?
## stdout:
6

#### quoted pattern characters are literal
for w in '*' abc; do
  case $w in '*') echo "$w: star";; *) echo "$w: any";; esac
done
## stdout:
*: star
abc: any

#### pattern from a variable
p='a*'
case abc in $p) echo glob;; esac
case abc in "$p") echo literal;; *) echo no literal match;; esac
## stdout:
glob
no literal match

#### word is expanded but not split or globbed
touch file1
x='a  b'
case $x in 'a  b') echo kept;; esac
case * in '*') echo star not globbed;; esac
## stdout:
kept
star not globbed

#### optional open parenthesis
case y in (y) echo paren;; esac
## stdout:
paren

#### last branch without ;;
case z in z) echo last
esac
## stdout:
last

#### empty case body
case a in esac
echo ok
## stdout:
ok

#### empty branch
case a in a) ;; b) echo b;; esac
echo "st $?"
## stdout:
st 0

#### newlines and patterns on separate lines
case hello
in
hello)
  echo matched
  ;;
esac
## stdout:
matched

#### escaped characters in patterns
case 'a?' in a\?) echo escaped;; esac
case 'ab' in a\?) echo wrong;; *) echo right;; esac
## stdout:
escaped
right

#### negated bracket
case b in [!a]) echo not a;; esac
## stdout:
not a

#### pattern with a range
case m in [a-f]) echo low;; [g-z]) echo high;; esac
## stdout:
high

#### case with command substitution word
case $(echo Yes) in [Yy]*) echo affirmative;; esac
## stdout:
affirmative

#### case in a function with a return status
check() { case $1 in [0-9]*) return 0;; *) return 1;; esac; }
check 42 && echo number
check x4 || echo not number
## stdout:
number
not number

#### empty word matches the empty pattern
e=
case $e in '') echo empty;; *) echo nonempty;; esac
## stdout:
empty

#### star matches a slash in case
case a/b in a*b) echo slash matched;; esac
## stdout:
slash matched

#### leading dot matched by star in case
case .hidden in *hidden) echo dot ok;; esac
## stdout:
dot ok

#### ;& fall-through is not in dash
case a in a) echo one;& b) echo two;; esac
## stderr:
sh: 1: Syntax error: "&" unexpected
## status: 2

#### missing esac
case a in a) echo x;;
## stderr:
sh: 2: Syntax error: end of file unexpected (expecting ")")
## status: 2

#### reserved words as patterns
case if in if) echo if matched;; esac
## stdout:
if matched
