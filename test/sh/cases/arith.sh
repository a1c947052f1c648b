# Arithmetic expansion $((...)): operators and precedence, bases, variables inside, assignment
# operators, comparison results, division errors and syntax errors.

#### basic operators
echo $((1+2)) $((7-10)) $((6*7)) $((17/5)) $((17%5)) $((-17/5)) $((-17%5))
## stdout:
3 -3 42 3 2 -3 -2

#### precedence of multiplication over addition
echo $((2+3*4)) $(((2+3)*4)) $((10-4-3)) $((2*3%4))
## stdout:
14 20 3 2

#### unary operators
echo $((-5)) $((+5)) $((!0)) $((!7)) $((~0)) $((~5)) $((- -3))
## stdout:
-5 5 1 0 -1 -6 3

#### comparisons give 1 or 0
echo $((1<2)) $((2<1)) $((2<=2)) $((3>=4)) $((5==5)) $((5!=5)) $((3>2))
## stdout:
1 0 1 0 1 0 1

#### bitwise and shift operators
echo $((6&3)) $((6|3)) $((6^3)) $((1<<4)) $((256>>3)) $((-16>>2))
## stdout:
2 7 5 16 32 -4

#### logical operators short-circuit
x=0
echo $((1||(x=5))) $x $((0&&(x=6))) $x $((2&&3)) $((0||0))
## stdout:
1 0 0 0 1 0

#### conditional operator
echo $((1?10:20)) $((0?10:20)) $((1?0?1:2:3))
## stdout:
10 20 2

#### precedence of bitwise versus comparison
echo $((1|2==2)) $((4&5<6)) $((1+1<<1))
## stdout:
1 0 4

#### octal and hexadecimal constants
echo $((010)) $((0x1f)) $((0XFF)) $((0))
## stdout:
8 31 255 0

#### variables with and without dollar
a=3 b=4
echo $((a*b)) $(($a+$b)) $((a+b*2))
## stdout:
12 7 11

#### a dollar variable holding an expression is expanded as text
e='1+2'
echo $(($e*3))
## stdout:
7

#### a bare name must hold a number
e='1+2'
echo $((e*3))
## stderr:
sh: 2: Illegal number: 1+2
## status: 2

#### unset and empty variables are zero
unset u
echo $((u+1))
## stdout:
1

#### assignment operators
x=5
echo $((x+=2)) $((x-=1)) $((x*=3)) $((x/=4)) $((x%=3)) $((x<<=3)) $((x>>=1)) $((x&=6)) $((x|=9)) $((x^=1))
echo $x
## stdout:
7 6 18 4 1 8 4 4 13 12
12

#### plain assignment inside arithmetic sets the variable
echo $((y=6*7)) $y
## stdout:
42 42

#### nested parentheses
echo $(( ((1+2) * (3+4)) % 5 ))
## stdout:
1

#### spaces and newlines inside
echo $((  1 +
 2  ))
## stdout:
3

#### 64-bit arithmetic
echo $((2147483647+1)) $((1<<40)) $((9223372036854775807))
## stdout:
2147483648 1099511627776 9223372036854775807

#### variable with a hex value
h=0x10 o=010
echo $((h+o))
## stdout:
24

#### division by zero is an error
echo $((1/0))
echo not reached
## stderr:
sh: 1: arithmetic expression: division by zero: "1/0"
## status: 2

#### remainder by zero is an error
x=0
echo $((5%x))
## stderr:
sh: 2: arithmetic expression: division by zero: "5%x"
## status: 2

#### syntax error in an expression
echo $((1+))
## stderr:
sh: 1: arithmetic expression: expecting primary: "1+"
## status: 2

#### a variable that is not a number
x=abc
echo $((x+1))
## stderr:
sh: 2: Illegal number: abc
## status: 2

#### arithmetic result in a condition
i=3
if [ $((i%2)) -eq 1 ]; then echo odd; fi
## stdout:
odd

#### quoted arithmetic expansion is not split
x=$((1+2))
printf '[%s]\n' "$((x*10))"
## stdout:
[30]

#### arithmetic inside parameter default
unset u
echo ${u:-$((3*3))}
## stdout:
9

#### counting loop
i=0 s=0
while [ $i -lt 10 ]; do s=$((s+i)); i=$((i+1)); done
echo $s
## stdout:
45

#### comma operator is not supported by dash
echo $((1,2))
## stderr:
sh: 1: arithmetic expression: expecting EOF: "1,2"
## status: 2

#### increment operators are not supported by dash
x=1
echo $((x++))
## stderr:
sh: 2: arithmetic expression: expecting primary: "x++"
## status: 2

#### negative numbers and modulo sign
echo $((-7%3)) $((7%-3)) $((-7/2))
## stdout:
-1 1 -3

#### base#number is not supported by dash
echo $((2#101))
## stderr:
sh: 1: arithmetic expression: expecting EOF: "2#101"
## status: 2

#### 08 is not a valid octal constant
echo $((08))
## stderr:
sh: 1: arithmetic expression: expecting EOF: "08"
## status: 2

#### a variable holding 08 is not a number
x=08
echo $((x))
## stderr:
sh: 2: Illegal number: 08
## status: 2

#### signed 64-bit overflow wraps
echo $((9223372036854775807+1)) $((-9223372036854775807-1))
## stdout:
-9223372036854775808 -9223372036854775808

#### a conditional without spaces and parentheses around a name
x=3
echo $((1<2?5:6)) $(( (x) )) $((x<<1|1)) $(( x == 3 && x < 4 ))
## stdout:
5 3 7 1

#### unterminated arithmetic expansion
echo $(( 1 + 2
## stderr:
sh: 2: Syntax error: Missing '))'
## status: 2

#### a command substitution inside arithmetic
echo $(( $(echo 3) + 1 ))
## stdout:
4

#### double quotes inside arithmetic are an error
echo $(( "1" + 2 ))
## stderr:
sh: 1: arithmetic expression: expecting primary: " "1" + 2 "
## status: 2
