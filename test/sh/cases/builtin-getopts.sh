# getopts: option loops with OPTARG and OPTIND, grouped options, option arguments attached or
# separate, --, unknown options and missing arguments with and without a leading colon, and
# parsing explicit arguments.

#### a simple option loop
set -- -a -b val file
while getopts ab: o; do echo "$o [$OPTARG]"; done
shift $((OPTIND - 1))
echo "rest: $*"
## stdout:
a []
b [val]
rest: file

#### grouped options and an attached argument
set -- -ab -cARG x
while getopts abc: o; do echo "$o ${OPTARG-} $OPTIND"; done
## stdout:
a  2
b  2
c ARG 3

#### OPTIND starts at 1 and ends after the options
echo $OPTIND
set -- -a x
getopts a o
echo "$o $OPTIND"
getopts a o
echo "status $? $o $OPTIND"
## stdout:
1
a 2
status 1 ? 2

#### -- ends the options
set -- -a -- -b
while getopts ab o; do echo $o; done
shift $((OPTIND - 1))
echo "rest: $*"
## stdout:
a
rest: -b

#### a non-option argument ends the options
set -- -a file -b
while getopts ab o; do echo $o; done
echo "OPTIND $OPTIND"
## stdout:
a
OPTIND 2

#### an unknown option prints a message and gives ?
set -- -z
getopts ab o
echo "status $? [$o] [${OPTARG-unset}]"
## stdout:
status 0 [?] [unset]
## stderr:
Illegal option -z

#### a missing argument prints a message
set -- -b
getopts ab: o
echo "status $? [$o] [${OPTARG-unset}]"
## stdout:
status 0 [?] [unset]
## stderr:
No arg for -b option

#### a leading colon reports silently through OPTARG
set -- -z -b
while getopts :ab: o; do echo "$o [$OPTARG]"; done
## stdout:
? [z]
: [b]

#### parsing an explicit argument list
getopts xy: o -y value
echo "$o $OPTARG"
## stdout:
y value

#### resetting OPTIND to parse again
set -- -a
getopts a o; echo $o
OPTIND=1
getopts a o; echo $o
## stdout:
a
a

#### an argument that looks like an option
set -- -b -a
getopts ab: o
echo "$o $OPTARG $OPTIND"
## stdout:
b -a 3

#### getopts in a function with its own arguments
parse() {
  OPTIND=1
  while getopts vn: o; do
    case $o in
      v) echo verbose;;
      n) echo "name=$OPTARG";;
    esac
  done
}
parse -v -n one
parse -n two
## stdout:
verbose
name=one
name=two

#### getopts without arguments is a usage error
getopts
echo "status $?"
## stdout:
status 2
## stderr:
sh: 1: getopts: Usage: getopts optstring var [arg...]

#### a lone dash is an operand
set -- - -a
getopts a o
echo "status $? $OPTIND"
## stdout:
status 1 1

#### an option loop that counts
set -- -v -v -v
n=0
while getopts v o; do n=$((n+1)); done
echo $n
## stdout:
3

#### the unknown option inside a group
set -- -az
while getopts a o; do echo "$o"; done
## stdout:
a
?
## stderr:
Illegal option -z

#### an empty option argument given separately
set -- -b '' -a
while getopts ab: o; do echo "$o [$OPTARG]"; done
## stdout:
b []
a []

#### invalid variable name
set -- -a
getopts a 1o
echo "status $?"
## stdout:
status 2
## stderr:
sh: 2: getopts: 1o: bad variable name
