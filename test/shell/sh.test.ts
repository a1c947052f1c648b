/**
 * /bin/sh as a program (beyond the dash conformance table in test/sh): its command line, its
 * input sources, subshell processes carrying the shell's whole state, and the /bin/test, /bin/[
 * and /bin/printf programs that share the builtins' code but speak coreutils. Each case runs in a
 * fresh kernel (test/bin/harness.ts) and asserts the whole stdout, stderr and status.
 */
import { describe } from 'vitest';
import { table } from '../bin/harness.js';

const SCRIPT = { path: '/tmp/s.sh', content: 'echo "$0 $1 $#"\n' };

describe('sh command line', () => table([
  { argv: ['sh', '-c', 'echo $0 $1 $#', 'name', 'one'], out: 'name one 1\n' },
  { argv: ['sh', '-c', 'echo $0'], out: 'sh\n' },
  { argv: ['sh', '/tmp/s.sh', 'a', 'b'], files: [SCRIPT], out: '/tmp/s.sh a 2\n' },
  { argv: ['sh', '-s', 'a', 'b'], stdin: 'echo "$0 $1 $#"\n', out: 'sh a 2\n' },
  { argv: ['sh'], stdin: 'echo from stdin\nexit 5\necho no\n', out: 'from stdin\n', status: 5 },
  { name: 'input after the current line is left for the commands', argv: ['sh'], stdin: 'read x\nhello\necho got $x\n', out: 'got hello\n' },
  { argv: ['sh', '-c'], err: 'sh: 0: -c requires an argument\n', status: 2 },
  { argv: ['sh', '-Z'], err: 'sh: 0: Illegal option -Z\n', status: 2 },
  { argv: ['sh', '-o', 'nosuch', '-c', 'echo'], err: 'sh: 0: Illegal option -o nosuch\n', status: 2 },
  { argv: ['sh', '/nonexistent'], err: 'sh: 0: cannot open /nonexistent: No such file\n', status: 2 },
  { argv: ['sh', '-n', '-c', 'echo hi; if'], err: 'sh: 1: Syntax error: end of file unexpected (expecting "then")\n', status: 2 },
  { argv: ['sh', '-n', '-c', 'echo hi'] },
  { argv: ['sh', '-x', '-c', 'x=$(echo a); echo "$x" | cat'], out: 'a\n', err: '+ echo a\n+ x=a\n+ echo a\n+ cat\n' },
  { argv: ['sh', '-e', '-c', 'false; echo no'], status: 1 },
  { argv: ['sh', '-u', '-c', 'echo $nope'], err: 'sh: 1: nope: parameter not set\n', status: 2 },
  { argv: ['sh', '-c', 'echo "[$-] $0"', '-eu'], out: '[] -eu\n' },
  { argv: ['sh', '-xeufC', '-c', 'echo $-'], out: 'uCxfe\n', err: '+ echo uCxfe\n' },
  { argv: ['sh', '-v'], stdin: 'echo v\n', out: 'v\n', err: 'echo v\n' },
  { argv: ['sh', '-c', 'set -o | grep -E "^(errexit|pipefail)"; set -o pipefail; set +o | grep pipefail'],
    out: 'errexit         off\npipefail        off\nset -o pipefail\n' },
]));

describe('sh -i without a terminal', () => table([
  { name: 'prompts on stderr, PS2 for continuations, errors do not end it, exit sets the status',
    argv: ['sh', '-i'], stdin: 'echo hi\nif true\nthen echo yes\nfi\nfi\nnosuch\nPS1="new> "\nexit 3\n',
    out: 'hi\nyes\n', status: 3,
    err: "sh: 0: can't access tty; job control turned off\n# # > > # sh: 5: Syntax error: \"fi\" unexpected\n# sh: 6: nosuch: not found\n# new> " },
  { name: 'end of input exits with the last status', argv: ['sh', '-i'], stdin: 'false\n', status: 1,
    err: "sh: 0: can't access tty; job control turned off\n# # " },
  { name: 'an asynchronous list is announced, and its end before the next prompt', argv: ['sh', '-i'], stdin: 'PS1=\ntrue &\nwait\n',
    err: `sh: 0: can't access tty; job control turned off\n# [1] 3\n[1] + Done${' '.repeat(23)}\n` },
]));

describe('subshells carry the whole state', () => table([
  { argv: ['sh', '-c', 'x=unexported; f() { echo "f $x $1"; }; (f arg); echo "$(f sub)"; f pipe | cat'], out: 'f unexported arg\nf unexported sub\nf unexported pipe\n' },
  { argv: ['sh', '-c', 'p=$$; (echo $(( $$ == p ))); echo $(( $(echo $$) == p ))'], out: '1\n1\n' },
  { argv: ['sh', '-c', 'set -- a b; alias hi="echo hi"\n(echo $# "$@"; hi)'], out: '2 a b\nhi\n' },
  { argv: ['sh', '-c', 'readonly r=1; (r=2) ; echo "status $?"'], err: 'sh: 1: r: is read only\n', out: 'status 2\n' },
  { argv: ['sh', '-c', 'x=1; (x=2; echo $x); echo $x; cd /tmp; (cd /; pwd); pwd'], out: '2\n1\n/\n/tmp\n' },
  { argv: ['sh', '-c', 'set -e; (false; echo no); echo "status $?"'], status: 1 },
  { argv: ['sh', '-c', 'trap "echo parent" EXIT; (trap "echo child" EXIT; echo in); echo out'], out: 'in\nchild\nout\nparent\n' },
  { argv: ['sh', '-c', 'for i in 1 2 3; do (if [ $i = 2 ]; then break; fi; echo $i); done'], out: '1\n3\n' },
  { argv: ['sh', '-c', 'sleep 0 & wait $!; echo "bg $?"; (exit 7) & wait $!; echo "bg $?"'], out: 'bg 0\nbg 7\n' },
  { name: 'in-process subshells put back the directory, umask, options and functions',
    argv: ['sh', '-c', 'umask 022; (cd /; umask 077; set -e; f() { :; }; x=1); pwd; umask; echo "$- ${x-unset}"; f 2>/dev/null || echo no f'],
    cwd: '/tmp', out: '/tmp\n0022\n unset\nno f\n' },
  { name: 'errors and exit end only the subshell',
    argv: ['sh', '-c', 'x=$(exit 3); echo $?; (echo ${u?gone}); echo $?; y=$(echo ${u?gone}); echo $?; z=$(ls $((1/0))); echo $?'],
    out: '3\n2\n2\n2\n', err: 'sh: 1: u: gone\nsh: 1: u: gone\nsh: 1: arithmetic expression: division by zero: "1/0"\n' },
  { name: 'exec in a subshell replaces only the subshell process', argv: ['sh', '-c', 'x=$(exec echo execd); echo "$x"; (exec true); echo after'], out: 'execd\nafter\n' },
]));

describe('redirections the shell keeps', () => table([
  { argv: ['sh', '-c', 'exec 3>/tmp/f; echo one >&3; echo two >&3; exec 3>&-; cat /tmp/f'], out: 'one\ntwo\n' },
  { argv: ['sh', '-c', 'exec >/tmp/o; echo hidden; exec >&2; cat /tmp/o'], err: 'hidden\n' },
  { argv: ['sh', '-c', 'x=$(printf "%070000d" 0); cat <<EOF | wc -c\n$x\nEOF'], out: '70001\n' },
  { argv: ['sh', '-c', 'set -C; echo a > /tmp/n; echo b > /tmp/n; echo "status $?"; echo c >| /tmp/n; cat /tmp/n'],
    out: 'status 2\nc\n', err: 'sh: 1: cannot create /tmp/n: File exists\n' },
]));

describe('/bin/test, /bin/[ and /bin/printf', () => table([
  { argv: ['test', '1', '-lt', '2'] },
  { argv: ['test', 'a', '=', 'b'], status: 1 },
  { argv: ['[', '-d', '/tmp', ']'] },
  { argv: ['[', 'a'], err: "[: missing ']'\n", status: 2 },
  { argv: ['test', '1', '-eq', 'a'], err: "test: invalid integer 'a'\n", status: 2 },
  { argv: ['test', '-f', '/etc/passwd', '-a', '!', '-d', '/etc/passwd'] },
  { argv: ['[', '--version'], out: '[ (posixbox) 0.1.0\n' },
  { argv: ['printf', '%s-%d|%5.2f|%x|%c|%b\n', 'a', '42', '3.14159', '255', 'hello', 'x\\ty'], out: 'a-42| 3.14|ff|h|x\ty\n' },
  { argv: ['printf', '%s %s\n', 'a', 'b', 'c'], out: 'a b\nc \n' },
  { argv: ['printf', '%d\n', 'abc'], out: '0\n', err: "printf: 'abc': expected a numeric value\n", status: 1 },
  { argv: ['printf'], err: "printf: missing operand\nTry 'printf --help' for more information.\n", status: 1 },
  { argv: ['printf', '%z'], err: 'printf: %z: invalid conversion specification\n', status: 1 },
  { argv: ['printf', '\\101\\x42%%\n'], out: 'AB%\n' },
]));
