# type, command and hash: what a name is (keyword, alias, function, special and regular
# builtin, file found by PATH), command -v / -V, command bypassing functions and special
# builtin rules, and the hash table. Paths under $HOME are shown as ~.

#### type of builtins, special builtins and keywords
type echo cd export : if while
## stdout:
echo is a shell builtin
cd is a shell builtin
export is a special shell builtin
: is a special shell builtin
if is a shell keyword
while is a shell keyword

#### type of a function and an alias
f() { :; }
alias a='echo a'
type f a
## stdout:
f is a shell function
a is an alias for echo a

#### type of a command found by PATH
mkdir bin
printf '#!/bin/sh\necho mine\n' > bin/mycmd
chmod +x bin/mycmd
PATH=$HOME/bin:$PATH
type mycmd | sed "s|$HOME|~|"
## stdout:
mycmd is ~/bin/mycmd

#### type of a name that is not found
type nosuch
echo "status $?"
## stdout:
nosuch: not found
status 127

#### type of a path
touch f
chmod +x f
type ./f
## stdout:
./f is ./f

#### command -v prints how a name would be run
mkdir bin
printf '#!/bin/sh\n' > bin/mycmd
chmod +x bin/mycmd
PATH=$HOME/bin:$PATH
f() { :; }
alias al='echo x'
for n in echo f al if mycmd; do command -v $n; done | sed "s|$HOME|~|"
## stdout:
echo
f
alias al='echo x'
if
~/bin/mycmd

#### command -v of a missing name
command -v nosuch
echo "status $?"
## stdout:
status 127

#### command -V describes like type
f() { :; }
command -V f
command -V cd
## stdout:
f is a shell function
cd is a shell builtin

#### command -v takes one name in dash
command -v echo cd
## stdout:
echo

#### command bypasses a function
echo() { printf 'function echo\n'; }
echo x
command echo builtin
## stdout:
function echo
builtin

#### command of a missing name
command nosuch
echo "status $?"
## stdout:
status 127
## stderr:
sh: 1: nosuch: not found

#### command makes a special builtin error non-fatal
command export 1a=2
echo "status $?"
## stdout:
status 2
## stderr:
sh: 1: export: 1a: bad variable name

#### command with a prefix assignment on a special builtin does not persist
x=1
x=2 command :
echo $x
## stdout:
1

#### command exit still exits
command exit 3
echo not reached
## status: 3

#### hash remembers a command after it runs
mkdir bin
printf '#!/bin/sh\necho mine\n' > bin/mycmd
chmod +x bin/mycmd
PATH=$HOME/bin:$PATH
hash
mycmd
hash | sed "s|$HOME|~|"
type mycmd | sed "s|$HOME|~|"
## stdout:
mine
~/bin/mycmd
mycmd is a tracked alias for ~/bin/mycmd

#### hash -r forgets
mkdir bin
printf '#!/bin/sh\n' > bin/mycmd
chmod +x bin/mycmd
PATH=$HOME/bin:$PATH
hash mycmd
hash -r
hash
echo done
## stdout:
done

#### hash of a missing command
hash nosuch
echo "status $?"
## stdout:
status 1
## stderr:
sh: 1: hash: nosuch: not found

#### a command moved after hashing is found again
mkdir b1 b2
printf '#!/bin/sh\necho one\n' > b1/c
printf '#!/bin/sh\necho two\n' > b2/c
chmod +x b1/c b2/c
PATH=$HOME/b1:$HOME/b2:$PATH
c
rm b1/c
c
## stdout:
one
two

#### assigning PATH clears the hash table
mkdir bin
printf '#!/bin/sh\n' > bin/mycmd
chmod +x bin/mycmd
PATH=$HOME/bin:$PATH
mycmd
PATH=$PATH
hash
echo done
## stdout:
done

#### type with several names and one missing
type cd nosuch export
echo "status $?"
## stdout:
cd is a shell builtin
nosuch: not found
export is a special shell builtin
status 127

#### a directory in PATH order wins
mkdir b1 b2
printf '#!/bin/sh\necho first\n' > b1/c
printf '#!/bin/sh\necho second\n' > b2/c
chmod +x b1/c b2/c
PATH=$HOME/b1:$HOME/b2
c
## stdout:
first

#### a non-executable file in PATH is skipped
mkdir b1 b2
printf '#!/bin/sh\necho first\n' > b1/c
printf '#!/bin/sh\necho second\n' > b2/c
chmod +x b2/c
PATH=$HOME/b1:$HOME/b2
c
## stdout:
second

#### a command only found non-executable
mkdir b1
printf 'echo x\n' > b1/c
PATH=$HOME/b1
c
echo "status $?"
## stdout:
status 127
## stderr:
sh: 4: c: Permission denied

#### an empty PATH element is the current directory
printf '#!/bin/sh\necho here\n' > mine
chmod +x mine
PATH=:/usr/bin:/bin
mine
## stdout:
here

#### builtins are found even with an empty PATH
PATH=
echo still works
cd .
type pwd
## stdout:
still works
pwd is a shell builtin
