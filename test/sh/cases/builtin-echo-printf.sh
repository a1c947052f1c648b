# echo (dash's: -n and backslash escapes) and printf: %s %d %i %x %X %o %c %b %u
# conversions, widths, precision, flags, %%, reuse of the format, missing arguments, and errors.

#### echo joins arguments with spaces
echo a   b "c  d"
## stdout:
a b c  d

#### echo -n suppresses the newline
echo -n no newline
echo
## stdout:
no newline

#### dash's echo interprets backslash escapes
echo 'a\tb\nc'
## stdout:
a	b
c

#### echo \c stops output
echo 'before\cafter'
echo next
## stdout-json: "beforenext\n"

#### echo octal escapes
echo '\0101\0102'
## stdout:
AB

#### echo -e is printed literally
echo -e x
## stdout:
-e x

#### echo with no arguments prints a newline
echo
## stdout-json: "\n"

#### echo -- is printed
echo -- x
## stdout:
-- x

#### printf %s and a newline
printf '%s\n' hello
## stdout:
hello

#### printf reuses the format for extra arguments
printf '%s-%s\n' a b c d e
## stdout:
a-b
c-d
e-

#### printf with no arguments for conversions
printf '[%s][%d]\n'
## stdout:
[][0]

#### printf %d %i with signs
printf '%d %i %d %d\n' 42 -7 +3 0
## stdout:
42 -7 3 0

#### printf hex and octal
printf '%x %X %o %#x %#o\n' 255 255 8 255 8
## stdout:
ff FF 10 0xff 010

#### printf %c takes the first character
printf '%c%c%c\n' abc d e
## stdout:
ade

#### printf %b interprets escapes in the argument
printf '%b\n' 'a\tb' 'c\0101'
## stdout:
a	b
cA

#### printf %s does not interpret escapes in the argument
printf '%s\n' 'a\tb'
## stdout:
a\tb

#### printf widths and precision
printf '[%5s][%-5s][%.2s][%5.2s][%-4d][%04d][%+d]\n' ab ab abcdef abcdef 7 7 7
## stdout:
[   ab][ab   ][ab][   ab][7   ][0007][+7]

#### printf %% prints a percent
printf '100%%\n'
## stdout:
100%

#### printf escapes in the format
printf 'a\tb\\c\101\n'
## stdout:
a	b\cA

#### printf numbers in other bases as arguments
printf '%d %d %d\n' 0x10 010 "'A"
## stdout:
16 8 65

#### printf an invalid number
printf '%d\n' abc
echo "status $?"
## stdout:
0
status 1
## stderr:
sh: 1: printf: abc: expected numeric value

#### printf a number with trailing text
printf '%d\n' 12abc
echo "status $?"
## stdout:
12
status 1
## stderr:
sh: 1: printf: 12abc: not completely converted

#### printf with no format
printf
echo "status $?"
## stdout:
status 2
## stderr:
sh: 1: printf: usage: printf format [arg ...]

#### printf with an unknown conversion
printf '%q\n' x
echo "status $?"
## stdout:
status 2
## stderr:
sh: 1: printf: %q: invalid directive

#### printf %u and a negative number
printf '%u\n' 5
## stdout:
5

#### printf width from an argument
printf '[%*s][%-*d]\n' 4 x 3 5
## stdout:
[   x][5  ]

#### printf %s with an empty argument
printf '[%s]\n' ''
## stdout:
[]

#### printf output without a newline
printf abc
## stdout-json: "abc"

#### printf %b with \c stops all output
printf '%b|%s\n' 'one\ctwo' three
echo
## stdout-json: "one\n"

#### printf format with only text and extra arguments
printf 'text\n' a b
## stdout:
text

#### printf large numbers
printf '%d %x\n' 9223372036854775807 4294967296
## stdout:
9223372036854775807 100000000

#### echo to a closed stdout
echo x >&-
echo "status $?"
## stdout:
status 1
## stderr:
sh: 1: echo: echo: I/O error

#### printf -- ends options
printf -- '%s\n' dashes
## stdout:
dashes

#### printf %5.1d precision for integers
printf '[%5.3d][%.0d]\n' 7 0
## stdout:
[  007][]

#### printf %s with a multi-line argument
printf '<%s>\n' "line1
line2"
## stdout:
<line1
line2>
