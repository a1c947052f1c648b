# for, while and until loops: word lists, "$@" by default, break and continue with levels,
# exit statuses, loops over files and input, and loop variables after the loop.

#### for over a word list
for i in a b c; do echo $i; done
## stdout:
a
b
c

#### for without in uses the positional parameters
set -- 'x y' z
for a; do echo "[$a]"; done
## stdout:
[x y]
[z]

#### for with an empty list runs nothing and gives status 0
false
for i in; do echo never; done
echo $?
## stdout:
0

#### loop variable keeps its last value
for i in 1 2 3; do :; done
echo $i
## stdout:
3

#### for over a glob
touch f1 f2
for f in f*; do echo "file $f"; done
## stdout:
file f1
file f2

#### for with newlines before do
for i in a b
do
  echo $i
done
## stdout:
a
b

#### while loop with a counter
i=0
while [ $i -lt 3 ]; do echo $i; i=$((i+1)); done
## stdout:
0
1
2

#### until loop
i=0
until [ $i -ge 2 ]; do echo $i; i=$((i+1)); done
## stdout:
0
1

#### while false gives status 0
while false; do :; done
echo $?
## stdout:
0

#### status of a loop is the last body command's
for i in 1; do (exit 4); done
echo $?
i=0
while [ $i -lt 1 ]; do i=1; false; done
echo $?
## stdout:
4
1

#### break leaves the loop
for i in 1 2 3 4; do
  [ $i = 3 ] && break
  echo $i
done
echo after $i
## stdout:
1
2
after 3

#### continue skips to the next iteration
for i in 1 2 3; do
  [ $i = 2 ] && continue
  echo $i
done
## stdout:
1
3

#### break with a level
for a in 1 2; do
  for b in x y; do
    [ $b = y ] && break 2
    echo $a$b
  done
done
echo done
## stdout:
1x
done

#### continue with a level
for a in 1 2; do
  for b in x y; do
    [ $b = y ] && continue 2
    echo $a$b
  done
  echo never
done
## stdout:
1x
2x

#### break with a level larger than the nesting
for a in 1 2; do
  for b in x y; do break 5; done
  echo never
done
echo out
## stdout:
out

#### while read loop over a file
printf 'one\ntwo\n' > f
while read line; do echo "<$line>"; done < f
## stdout:
<one>
<two>

#### while loop with a compound condition
i=0
while i=$((i+1)); [ $i -le 2 ]; do echo $i; done
## stdout:
1
2

#### break in a while true
n=0
while :; do n=$((n+1)); [ $n -eq 5 ] && break; [ $n -gt 99 ] && exit 9; done
echo $n
## stdout:
5

#### for loop word list is expanded once
x='a b'
for w in $x "$x"; do echo "[$w]"; x=changed; done
## stdout:
[a]
[b]
[a b]

#### nested loops with output redirection
for i in 1 2; do for j in a b; do echo $i$j; done; done > out
wc -l < out
## stdout:
4

#### a loop in a pipeline
for i in 3 1 2; do echo $i; done | sort
## stdout:
1
2
3

#### for loop variable name must be valid
for 1x in a; do :; done
## stderr:
sh: 1: Syntax error: Bad for loop variable
## status: 2

#### missing done
for i in a; do echo $i
## stderr:
sh: 2: Syntax error: end of file unexpected (expecting "done")
## status: 2

#### for with a semicolon and no in
set -- p q
for i; do echo $i; done
## stdout:
p
q

#### until with a status from the body
i=0
until [ $i = 3 ]; do i=$((i+1)); done; echo $i $?
## stdout:
3 0

#### break outside a loop is ignored
break
echo $?
## stdout:
0

#### reserved words as loop words
for w in do done in for; do printf '%s ' "$w"; done; echo
## stdout-json: "do done in for \n"
