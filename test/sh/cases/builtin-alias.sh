# alias and unalias: definition and use on a later line, listing format, trailing-space
# expansion of the next word, recursive aliases, quoting that stops alias expansion, and errors.

#### an alias is used on a later line
alias say='echo said'
say hello
## stdout:
said hello

#### an alias is not used on the line that defines it
alias now='echo now'; now 2>/dev/null
echo "status $?"
## stdout:
status 127

#### alias listing of one name
alias ll='ls -l'
alias ll
## stdout:
ll='ls -l'

#### alias with no arguments lists all
alias only='echo only'
alias
## stdout:
only='echo only'

#### a single quote in an alias value is listed escaped
alias q="echo 'x'"
alias q
## stdout:
q='echo '"'"'x'"'"

#### an unknown alias
alias nosuch
echo "status $?"
## stdout:
status 1
## stderr:
alias: nosuch not found

#### unalias removes an alias
alias a='echo a'
unalias a
alias
echo "status $?"
## stdout:
status 0

#### unalias of an unknown name
unalias nosuch
echo "status $?"
## stdout:
status 1
## stderr:
unalias: nosuch not found

#### unalias -a removes all
alias a=x b=y
unalias -a
alias
echo done
## stdout:
done

#### an alias ending in a space expands the next word too
alias sp='echo '
alias w='expanded'
sp w
## stdout:
expanded

#### without a trailing space the next word is not expanded
alias nosp='echo'
alias w='expanded'
nosp w
## stdout:
w

#### an alias that refers to another alias
alias r2='echo via r2'
alias r='r2'
r
## stdout:
via r2

#### an alias that refers to itself stops
alias ls='ls -d'
mkdir d
ls d
## stdout:
d

#### a quoted command name is not an alias
alias say='echo said'
'say' 2>/dev/null || echo "quoted: $?"
\say 2>/dev/null || echo "escaped: $?"
## stdout:
quoted: 127
escaped: 127

#### an alias with several commands
alias two='echo one; echo two'
two
## stdout:
one
two

#### aliases are expanded when a function is defined
alias say='echo said'
f() { say in f; }
unalias say
f
## stdout:
said in f

#### alias only in command position
alias x='echo alias'
echo x
## stdout:
x

#### an alias after a semicolon on a later line
alias hi='echo hi'
true; hi
## stdout:
hi

#### an alias for a reserved word
alias begin='{'
alias end='}'
begin echo in group; end
## stdout:
in group

#### an empty alias value
alias e=''
e echo after empty
## stdout:
after empty

#### aliases are not inherited by a child shell
alias say='echo said'
sh -c 'say' 2>&1
## stdout:
sh: 1: say: not found
## status: 127
