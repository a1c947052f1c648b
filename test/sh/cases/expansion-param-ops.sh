# Parameter expansion operators: ${x-y} ${x:-y} ${x=y} ${x:=y} ${x?m} ${x:?m} ${x+y} ${x:+y}
# ${#x} ${x#p} ${x##p} ${x%p} ${x%%p}, with set, empty and unset parameters, nesting and quoting.

#### default value: unset, empty, set
unset u; e=; s=val
echo "${u-d1}" "${e-d2}" "${s-d3}"
echo "${u:-d1}" "${e:-d2}" "${s:-d3}"
## stdout:
d1  val
d1 d2 val

#### assign default: unset vs empty
unset u; e=
echo "${u=new}" "${e=new}" "[$e]"
echo "${e:=now}" "$e" "$u"
## stdout:
new  []
now now new

#### assign default to a positional parameter is an error
set -- a
echo ${3:=x}
echo not reached
## stderr:
sh: 2: 3: bad variable name
## status: 2

#### error if unset: message and status
unset u
echo ${u?is missing}
echo not reached
## stderr:
sh: 2: u: is missing
## status: 2

#### error if null with default message
e=
echo ${e:?}
## stderr:
sh: 2: e: parameter not set or null
## status: 2

#### error if unset with default message
unset u
(echo ${u?}); echo "status $?"
## stdout:
status 2
## stderr:
sh: 2: u: parameter not set

#### error check passes for set values
e=
echo "${e?no}[ok]" ${HOME:?no} >/dev/null && echo fine
## stdout:
fine

#### alternative value
unset u; e=; s=val
echo "[${u+alt}]" "[${e+alt}]" "[${s+alt}]"
echo "[${u:+alt}]" "[${e:+alt}]" "[${s:+alt}]"
## stdout:
[] [alt] [alt]
[] [] [alt]

#### length of a value
x=hello; e=
echo ${#x} ${#e} ${#unsetvar}
## stdout:
5 0 0

#### length of positional parameters count
set -- a bb ccc
echo ${#} ${#1} ${#3}
## stdout:
3 1 3

#### remove smallest and largest prefix
p=/usr/local/lib/file.tar.gz
echo ${p#*/} ${p##*/}
## stdout:
usr/local/lib/file.tar.gz file.tar.gz

#### remove smallest and largest suffix
p=/usr/local/lib/file.tar.gz
echo ${p%.*} ${p%%.*}
## stdout:
/usr/local/lib/file.tar /usr/local/lib/file

#### pattern that does not match leaves the value
x=abc
echo ${x#z} ${x%z} ${x##b} ${x%%b}
## stdout:
abc abc abc abc

#### patterns with brackets and question marks
x=abc123
echo ${x#[a-c]} ${x##[a-c]*[a-c]} ${x%?} ${x%%[0-9]*}
## stdout:
bc123 123 abc12 abc

#### quoted pattern characters are literal
x='a*b*c'
echo "${x#*\*}" "${x#"a*"}" "${x%'*c'}"
## stdout:
b*c b*c a*b

#### pattern from a variable is a pattern unless quoted
x=abcabc; p='?b'
echo ${x#$p} "${x#"$p"}"
## stdout:
cabc abcabc

#### nested default values
unset a b
echo ${a:-${b:-${HOME:+deep}}}
## stdout:
deep

#### default word undergoes expansion
unset u
x=inner
echo ${u:-"$x and $(echo sub) $((1+2))"}
## stdout:
inner and sub 3

#### default word is not evaluated when not used
x=set
echo ${x:-$(echo side >&2)} ${x:+ok}
## stdout:
set ok

#### unquoted default word is field split
unset u
set -- ${u:-a b c}
echo $#
set -- "${u:-a b c}"
echo $#
## stdout:
3
1

#### strip prefix from positional parameters one at a time
set -- ab ac ad
for a; do printf '[%s]' "${a#a}"; done; echo
## stdout:
[b][c][d]

#### length of an expansion with multibyte-free text
x='a b  c'
echo ${#x}
## stdout:
6

#### suffix removal of a directory path
f=dir/sub/name.txt
echo "${f%/*}" "${f##*/}" "${f%.txt}.md"
## stdout:
dir/sub name.txt dir/sub/name.md

#### bad substitution is found when expanding
echo start
echo ${x!y}
echo not reached
## stdout:
start
## stderr:
sh: 2: Bad substitution
## status: 2

#### empty braces are a bad substitution
echo start; echo ${}
## stdout:
start
## stderr:
sh: 1: Bad substitution
## status: 2

#### special parameters with operators
set --
echo ${1-none} ${#:-x} ${*:-empty}
## stdout:
none 0 empty

#### colon-assign in a null command
: ${v:=assigned}
echo $v
## stdout:
assigned

#### braces containing a closing brace in quotes
unset u
echo "${u:-a}b}"
echo ${u:-'}'}
## stdout:
ab}
}

#### tilde in the default word
HOME=/h
unset u
echo ${u:-~/x}
## stdout:
/h/x

#### length of a readonly variable
HOME=/abc
readonly HOME
echo ${#HOME}
## stdout:
4

#### quotes inside the default word, inside and outside double quotes
unset x
printf '[%s]' "${x:-"a  b"}" ${x:-"c  d"}; echo
## stdout:
[a  b][c  d]

#### "$@" as a default word keeps the parameters apart
set -- a 'b c'
unset x
printf '[%s]' ${x:-"$@"}; echo
printf '[%s]' "${x:-$@}"; echo
## stdout:
[a][b c]
[a][b c]
