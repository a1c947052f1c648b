# Functions: definition forms, arguments, return and its status, recursion, scope (dash has
# `local`), redefinition, functions versus builtins and commands, and unset -f.

#### define and call
greet() { echo "hello $1"; }
greet world
## stdout:
hello world

#### arguments and $# in a function
f() { echo "$# [$1] [$2]"; }
f a 'b c'
f
## stdout:
2 [a] [b c]
0 [] []

#### positional parameters are restored after the call
set -- x y
f() { set -- changed; echo "$1"; }
f
echo "$1 $2"
## stdout:
changed
x y

#### return with a status
f() { return 3; }
f; echo $?
## stdout:
3

#### return without a number keeps the last status
f() { false; return; }
f; echo $?
## stdout:
1

#### status of a function is its last command
f() { true; false; }
f; echo $?
## stdout:
1

#### return stops the function
f() { echo a; return; echo b; }
f
## stdout:
a

#### variables are global by default
f() { v=set_in_f; }
f
echo $v
## stdout:
set_in_f

#### local variables in dash
v=global
f() { local v=local; echo $v; }
f
echo $v
## stdout:
local
global

#### recursion
fact() { if [ $1 -le 1 ]; then echo 1; else echo $(( $1 * $(fact $(($1-1))) )); fi; }
fact 6
## stdout:
720

#### a function can be redefined
f() { echo one; }
f
f() { echo two; }
f
## stdout:
one
two

#### a function body can be any compound command
f() ( echo subshell body; exit 0 )
g() for i in 1 2; do echo $i; done
f; g
## stdout:
subshell body
1
2

#### a function overrides an external command
ls() { echo my ls; }
ls
command ls
## stdout:
my ls

#### unset -f removes a function
f() { echo f; }
unset -f f
f
## stderr:
sh: 3: f: not found
## status: 127

#### function with a redirection in its definition
f() { echo redirected; } > out
f
cat out
## stdout:
redirected

#### function output in a command substitution
f() { echo "result $1"; }
x=$(f 42)
echo "$x"
## stdout:
result 42

#### exit in a function exits the shell
f() { exit 4; }
f
echo not reached
## status: 4

#### return outside a function
return 2
echo not reached
## status: 2

#### a function name must be a valid name
my-func() { echo dashed; }
my-func
## stderr:
sh: 1: Syntax error: Bad function name
## status: 2

#### defining a function with a name that is a special builtin
export() { echo mine; }
## stderr:
sh: 1: Syntax error: Bad function name
## status: 2

#### function calls itself through another
a() { [ $1 -gt 0 ] && b $(($1-1)) || echo end; }
b() { echo "b $1"; a $1; }
a 2
## stdout:
b 1
b 0
end

#### $? at the start of a function
f() { echo "in $?"; }
(exit 5); f
## stdout:
in 5

#### function defined inside a function
outer() { inner() { echo inner; }; }
outer
inner
## stdout:
inner

#### function with a here-document body
f() {
  cat <<END
in $1
END
}
f x
## stdout:
in x

#### a function with a brace group and newlines
f()
{
  echo newline body
}
f
## stdout:
newline body

#### a missing body is a syntax error
f()
## stderr:
sh: 2: Syntax error: end of file unexpected
## status: 2
