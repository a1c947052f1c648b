# cd and pwd: relative and absolute moves, .., -, HOME, CDPATH, -L and -P with symbolic links,
# PWD and OLDPWD, and errors. Paths are printed relative to $HOME (the case's directory).

#### cd into a directory and back
mkdir sub
cd sub
echo "${PWD#"$HOME"}"
cd ..
echo "[${PWD#"$HOME"}]"
## stdout:
/sub
[]

#### pwd agrees with PWD
mkdir -p x/y
cd x/y
[ "$(pwd)" = "$PWD" ] && echo agree
pwd | sed "s|^$HOME||"
## stdout:
agree
/x/y

#### cd with no argument goes HOME
mkdir d
cd d
cd
[ "$PWD" = "$HOME" ] && echo home
## stdout:
home

#### cd - returns to OLDPWD and prints it
mkdir d
cd d
cd - > "$HOME/o"
echo "[${PWD#"$HOME"}]" >> "$HOME/o"
cd - >> "$HOME/o"
echo "[${PWD#"$HOME"}]" >> "$HOME/o"
sed "s|^$HOME|~|" "$HOME/o"
## stdout:
~
[]
~/d
[/d]
#### OLDPWD is set by cd
mkdir d
cd d
[ "$OLDPWD" = "$HOME" ] && echo old
## stdout:
old

#### cd to a missing directory fails
cd nosuch
echo "status $?"
## stdout:
status 2
## stderr:
sh: 1: cd: can't cd to nosuch

#### cd to a file fails
touch f
cd f
echo "status $?"
## stdout:
status 2
## stderr:
sh: 2: cd: can't cd to f

#### dash's cd ignores a second argument
mkdir a b
cd a b
echo "status $? ${PWD#"$HOME"}"
## stdout:
status 0 /a

#### cd through a symbolic link keeps the logical path
mkdir -p real/inner
ln -s real/inner link
cd link
echo "${PWD#"$HOME"}"
pwd -P | sed "s|^$HOME||"
cd ..
echo "[${PWD#"$HOME"}]"
## stdout:
/link
/real/inner
[]

#### cd -P resolves symbolic links
mkdir -p real/inner
ln -s real/inner link
cd -P link
echo "${PWD#"$HOME"}"
cd ..
echo "${PWD#"$HOME"}"
## stdout:
/real/inner
/real

#### cd .. on a logical path removes the last component
mkdir -p a/b
ln -s a/b lb
cd lb/..
echo "[${PWD#"$HOME"}]"
## stdout:
[]

#### CDPATH is searched and the result printed
mkdir -p base/target
CDPATH=$HOME/base
cd target > "$HOME/o"
sed "s|^$HOME||" "$HOME/o"
echo "${PWD#"$HOME"}"
## stdout:
/base/target
/base/target

#### CDPATH is not used for ./ paths
mkdir -p base/t
CDPATH=$HOME/base
cd ./t
echo "status $?"
## stdout:
status 2
## stderr:
sh: 3: cd: can't cd to ./t

#### cd into a directory without search permission as root works
mkdir locked
chmod 0 locked
cd locked && echo entered
## stdout:
entered

#### cd with an absolute path
mkdir abs
cd "$HOME/abs"
echo "${PWD#"$HOME"}"
## stdout:
/abs

#### cd . stays
cd .
[ "$PWD" = "$HOME" ] && echo same
## stdout:
same

#### pwd -L and -P in a symbolic link
mkdir r
ln -s r l
cd l
pwd -L | sed "s|^$HOME||"
pwd -P | sed "s|^$HOME||"
## stdout:
/l
/r

#### pwd with a bad option
pwd -x
echo "status $?"
## stdout:
status 2
## stderr:
sh: 1: pwd: Illegal option -x

#### cd in a function changes the shell's directory
mkdir fd
go() { cd fd; }
go
echo "${PWD#"$HOME"}"
## stdout:
/fd

#### cd with an empty HOME stays
mkdir x
cd x
HOME=
cd
echo "${PWD##*/}"
## stdout:
x

#### cd with HOME unset
unset HOME
cd
echo "status $?"
## stdout:
status 0

#### cd - without a previous cd stays in the directory
cd - > o
echo "status $?"
[ "$(cat o)" = "$HOME" ] && [ "$PWD" = "$HOME" ] && echo stayed
## stdout:
status 0
stayed
