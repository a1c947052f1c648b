# && and || lists: short-circuit, left associativity, exit status, and how they combine with
# pipelines, negation, ; and newlines.

#### && runs the right side on success
true && echo yes
false && echo no
echo end
## stdout:
yes
end

#### || runs the right side on failure
false || echo yes
true || echo no
## stdout:
yes

#### status of a short-circuited list
false && true; echo $?
true || false; echo $?
## stdout:
1
0

#### left associative with equal precedence
false && echo a || echo b
true || echo a && echo b
false || false && echo c || echo d
## stdout:
b
b
d

#### chained successes
true && true && echo all
## stdout:
all

#### a newline may follow && and ||
true &&
echo one ||
echo two
## stdout:
one

#### comments after the operator
true && # comment
echo after
## stdout:
after

#### negation inside and-or
! false && echo negated
! true || echo also
## stdout:
negated
also

#### pipelines bind tighter than && and ||
echo a | grep -q b && echo found || echo missing
## stdout:
missing

#### a command not found in a list
nosuch 2>/dev/null || echo "fallback $?"
## stdout:
fallback 127

#### a group as an operand
false || { echo g1; echo g2; }
## stdout:
g1
g2

#### a subshell as an operand with exit
true && (exit 5) || echo "got $?"
## stdout:
got 5

#### empty left side is a syntax error
&& echo x
## stderr:
sh: 1: Syntax error: "&&" unexpected
## status: 2

#### missing right side is a syntax error
true &&
## stderr:
sh: 2: Syntax error: end of file unexpected
## status: 2

#### semicolons separate lists
false; echo $?; true && echo t; false || echo f
## stdout:
1
t
f

#### and-or with test
x=5
[ $x -gt 3 ] && [ $x -lt 10 ] && echo between
## stdout:
between

#### assignment in an and-or list
true && x=set
false || y=also
echo $x $y
## stdout:
set also

#### status of the whole list is the last command run
false || false || false; echo $?
true && (exit 9); echo $?
## stdout:
1
9
