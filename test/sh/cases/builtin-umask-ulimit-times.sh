# umask (octal and symbolic, -S, errors, effect on new files), ulimit (the file size limit,
# soft and hard, bad options) and times (its format, not its values).

#### umask prints the mask in four octal digits
umask
## stdout:
0022

#### umask -S prints the symbolic form
umask -S
umask 077
umask -S
## stdout:
u=rwx,g=rx,o=rx
u=rwx,g=,o=

#### umask sets the mask for new files and directories
umask 027
touch f
mkdir d
ls -ld f d | cut -c1-10
## stdout:
drwxr-x---
-rw-r-----

#### a symbolic umask
umask u=rwx,g=rx,o=
umask
umask g-x
umask
umask o+w
umask
## stdout:
0027
0037
0035

#### umask 0 gives full permissions to new directories
umask 0
mkdir d
ls -ld d | cut -c1-10
## stdout:
drwxrwxrwx

#### an invalid octal mask
umask 999
echo "status $?"
umask
## stdout:
status 2
0022
## stderr:
sh: 1: umask: Illegal number: 999

#### an invalid symbolic mask
umask abc
echo "status $?"
## stdout:
status 2
## stderr:
sh: 1: umask: Illegal mode: abc

#### umask is inherited by children
umask 066
sh -c umask
## stdout:
0066

#### umask affects redirection-created files
umask 077
echo x > f
ls -l f | cut -c1-10
## stdout:
-rw-------

#### ulimit -f sets and reports the file size limit
ulimit -f 100
ulimit -f
## stdout:
100

#### ulimit -S only changes the soft limit
ulimit -S -f 50
ulimit -S -f
ulimit -H -f
## stdout:
50
unlimited

#### ulimit with no option is -f
ulimit 70
ulimit -f
## stdout:
70

#### ulimit with a bad option
ulimit -x
echo "status $?"
## stdout:
status 2
## stderr:
sh: 1: ulimit: Illegal option -x

#### ulimit with a bad number
ulimit -f abc
echo "status $?"
## stdout:
status 2
## stderr:
sh: 1: ulimit: bad number

#### ulimit is inherited by a subshell but does not leak back
( ulimit -f 10; ulimit -f )
ulimit -S -f 20
ulimit -f
## stdout:
10
20

#### times prints two lines of user and system times
times | sed 's/[0-9][0-9]*/N/g'
## stdout:
NmN.Ns NmN.Ns
NmN.Ns NmN.Ns

#### times takes no arguments but ignores them in dash
times x | wc -l
## stdout:
2
