# export, readonly and unset: exporting to children, -p listings, readonly errors (special
# builtin rules: a non-interactive shell exits), unset -v and -f, and bad names.

#### export makes a variable visible to children
x=local
export y=exported
sh -c 'echo "[$x][$y]"'
## stdout:
[][exported]

#### export of an existing variable
x=val
export x
sh -c 'echo $x'
## stdout:
val

#### export -p lists exported variables
export ex1=one ex2='two words'
export -p | grep ' ex[12]='
## stdout:
export ex1='one'
export ex2='two words'

#### export without a value lists as a name only
export noval
export -p | grep noval
## stdout:
export noval

#### a value with a single quote is listed escaped
export q="it's"
export -p | grep ' q='
## stdout:
export q='it'"'"'s'

#### exported variables changed later are passed changed
export v=1
v=2
sh -c 'echo $v'
## stdout:
2

#### export of a bad name exits the shell
export 1a=2
echo not reached
## stderr:
sh: 1: export: 1a: bad variable name
## status: 2

#### readonly prevents assignment and exits
readonly r=1
r=2
echo not reached
## stderr:
sh: 2: r: is read only
## status: 2

#### readonly prevents unset
readonly r=1
unset r
echo "status $?"
## stderr:
sh: 2: unset: r: is read only
## status: 2

#### readonly -p lists
readonly ro1=a
readonly -p | grep ro1
## stdout:
readonly ro1='a'

#### readonly without a value
readonly later
later=x
## stderr:
sh: 2: later: is read only
## status: 2

#### readonly variable can be exported
readonly r=1
export r
sh -c 'echo $r'
## stdout:
1

#### a readonly variable in a prefix assignment
readonly r=1
r=2 true
echo not reached
## stderr:
sh: 2: r: is read only
## status: 2

#### unset removes a variable
x=1
unset x
echo "[${x-unset}]"
## stdout:
[unset]

#### unset of an unset variable succeeds
unset nosuch
echo $?
## stdout:
0

#### unset -f removes a function
f() { echo f; }
unset -f f
type f >/dev/null 2>&1 || echo gone
## stdout:
gone

#### unset without -f does not remove a function in dash
f() { echo f; }
unset f
f
## stdout:
f

#### unset -v leaves a function of the same name
f=var
f() { echo func; }
unset -v f
f
echo "[${f-}]"
## stdout:
func
[]

#### unset removes from the environment of children
export e=1
unset e
sh -c 'echo "[${e-gone}]"'
## stdout:
[gone]

#### unset of several names
a=1 b=2 c=3
unset a b
echo "[${a-x}${b-y}$c]"
## stdout:
[xy3]

#### export in a subshell does not reach the parent's later children
(export sub=1)
sh -c 'echo "[${sub-no}]"'
## stdout:
[no]

#### export with an assignment from a substitution
export w=$(echo  a   b)
sh -c 'echo "$w"'
## stdout:
a b

#### readonly of a bad name
readonly 2x=1
echo not reached
## stderr:
sh: 1: readonly: 2x: bad variable name
## status: 2

#### unset of a bad name
unset 'a-b'
echo "status $?"
## stderr:
sh: 1: unset: a-b: bad variable name
## status: 2

#### export listing is sorted
export zz=1 aa=2 mm=3
export -p | grep -E ' (aa|mm|zz)='
## stdout:
export aa='2'
export mm='3'
export zz='1'

#### variables from the environment are exported
sh -c 'echo $LC_ALL'
## stdout:
C

#### assigning a readonly variable before a regular command exits
readonly r=1
r=2 echo hi
echo not reached
## stderr:
sh: 2: r: is read only
## status: 2

#### assigning a readonly variable before an external command exits
readonly r=1
r=2 cat /dev/null
echo not reached
## stderr:
sh: 2: r: is read only
## status: 2

#### assigning a readonly variable in a subshell ends only the subshell
readonly r=1
(r=2; echo not reached)
echo "after $?"
## stdout:
after 2
## stderr:
sh: 2: r: is read only

#### a regular builtin's error does not exit
cd nosuch || echo handled
echo still running
## stdout:
handled
still running
## stderr:
sh: 1: cd: can't cd to nosuch
