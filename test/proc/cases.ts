/**
 * Processes: programs that fork, exec, wait, signal — each on a fresh deterministic kernel
 * (users root, alice 1000, bob 1001) → whole stdout and exit status. `files` are installed
 * first (mode 0755, owner as given), so exec has programs to run.
 */
export interface ProcCase {
  readonly name: string;
  readonly body: string;
  readonly stdout: string;
  readonly stderr?: string;
  readonly status?: number;
  readonly user?: { uid: number; gid: number; groups?: number[] };
  readonly files?: ReadonlyArray<{ path: string; content: string; mode?: number; uid?: number; gid?: number }>;
  readonly realtime?: boolean;
  readonly nextPid?: number;
  /** Give a forked child a record whose entry at this index has another request digest. */
  readonly tamperReplayAt?: number;
}

const ECHO_ARGS = `#!posixbox
import os from 'posixbox/os';
export function main(argv) { console.log('argv', JSON.stringify(argv), 'pid', os.getpid(), 'euid', os.geteuid(), 'fds', os.listdir('/proc/self/fd').join(',')); return 7; }
`;

export const PROC_CASES: readonly ProcCase[] = [
  { name: 'fork returns the child pid in the parent and 0 in the child', nextPid: 50,
    body: `const pid = os.fork(); if (pid === 0) { console.log('child', os.getpid(), os.getppid()); return 3 } console.log('parent', pid); console.log(JSON.stringify(os.wait()))`,
    stdout: 'parent 51\nchild 51 50\n[51,768]\n' },
  { name: 'fork in a loop: 10 children, reaped in order', nextPid: 10,
    body: `const kids = []; for (let i = 0; i < 10; i++) { const p = os.fork(); if (p === 0) { console.log('child', i); os._exit(i) } kids.push(p) } for (const k of kids) { const [p, s] = os.waitpid(k, 0); console.log(p, os.WEXITSTATUS(s)) }`,
    stdout: 'child 0\n11 0\nchild 1\n12 1\nchild 2\n13 2\nchild 3\n14 3\nchild 4\n15 4\nchild 5\n16 5\nchild 6\n17 6\nchild 7\n18 7\nchild 8\n19 8\nchild 9\n20 9\n' },
  { name: 'a child that forks: the grandchild replays its parent, which replayed ours', nextPid: 30,
    body: `const a = os.fork(); if (a === 0) { const b = os.fork(); if (b === 0) { console.log('grandchild', os.getpid(), os.getppid()); return 0 } console.log('child waits', JSON.stringify(os.waitpid(b, 0))); return 1 } console.log('parent waits', JSON.stringify(os.waitpid(a, 0)))`,
    stdout: 'grandchild 32 31\nchild waits [32,0]\nparent waits [31,256]\n' },
  // A confined program has no value of its own Worker to differ by: the case stands in for an
  // engine difference by handing the child a record whose third call had other arguments.
  { name: 'a child whose calls before fork differ from the parent\'s record is killed, naming the call', nextPid: 60, tamperReplayAt: 2,
    body: `const fd = os.open('/dev/null', os.O_WRONLY); os.write(fd, 'some bytes'); const pid = os.fork(); if (pid === 0) { console.log('child lived'); return 0 } const [, s] = os.waitpid(pid, 0); console.log('child', os.WIFSIGNALED(s), os.WTERMSIG(s))`,
    stdout: 'child true 9\n',
    stderr: 'posixbox: pid 61: fork replay diverged at call 3: the parent made write with other arguments, the child made write; a program must make the same calls before fork every time it runs (see README)\n' },
  { name: 'RLIMIT_FSIZE: a write is cut at the limit, the next raises SIGXFSZ (EFBIG when ignored); children inherit it', nextPid: 70,
    body: `const { RLIMIT_FSIZE, RLIMIT_NOFILE } = resource; resource.setrlimit(RLIMIT_FSIZE, [10, 100]); console.log(JSON.stringify(resource.getrlimit(RLIMIT_FSIZE)));
const fd = os.open('/tmp/big', os.O_WRONLY | os.O_CREAT, 0o644); console.log('wrote', os.write(fd, 'x'.repeat(25)));
const pid = os.fork(); if (pid === 0) { console.log('child limit', JSON.stringify(resource.getrlimit(RLIMIT_FSIZE)), 'core', JSON.stringify(resource.getrlimit(resource.RLIMIT_CORE))); resource.setrlimit(resource.RLIMIT_CORE, [-1, -1]); os.write(fd, 'more'); os._exit(0) }
const [, s] = os.waitpid(pid, 0); console.log('child', os.WIFSIGNALED(s), os.WTERMSIG(s), os.WCOREDUMP(s));
signal.signal(signal.SIGXFSZ, signal.SIG_IGN);
try { os.write(fd, 'y') } catch (e) { console.log('parent', String(e)) }
try { os.ftruncate(fd, 11) } catch (e) { console.log('truncate', String(e)) }
try { resource.setrlimit(RLIMIT_FSIZE, [200, 200]) } catch (e) { console.log('raise hard as root is allowed, this was', String(e)) }
console.log(JSON.stringify(resource.getrlimit(RLIMIT_FSIZE)), os.stat('/tmp/big').st_size);
resource.setrlimit(RLIMIT_NOFILE, [5, 1024]); let n = 0; try { for (;;) { os.open('/dev/null', 0); n++ } } catch (e) { console.log('nofile', String(e), 'after', n, 'more') }`,
    stdout: '[10,100]\nwrote 10\nchild limit [10,100] core [0,-1]\nchild true 25 true\nparent [Errno 27] File too large\ntruncate [Errno 27] File too large\n[200,200] 10\nnofile [Errno 24] Too many open files: \'/dev/null\' after 1 more\n' },
  { name: 'the child inherits the environment, cwd, umask and open descriptions (shared offset)',
    body: `os.environ.set('X', 'from parent'); os.chdir('/tmp'); os.umask(0o077); const fd = os.open('f', os.O_RDWR | os.O_CREAT, 0o666); if (os.fork() === 0) { os.write(fd, 'child;'); console.log(os.environ.get('X'), os.getcwd(), os.umask(0).toString(8)); return 0 } os.wait(); os.write(fd, 'parent'); os.lseek(fd, 0, 0); console.log(new TextDecoder().decode(os.read(fd, 100)), (os.stat('f').st_mode & 0o777).toString(8))`,
    stdout: 'from parent /tmp 77\nchild;parent 600\n' },
  { name: 'exec keeps the pid and descriptors without FD_CLOEXEC', nextPid: 40,
    files: [{ path: '/tmp/echo-args', content: ECHO_ARGS }],
    body: `os.open('/dev/null', 0); os.open('/dev/null', os.O_RDONLY | os.O_CLOEXEC); const p = os.fork(); if (p === 0) { os.execv('/tmp/echo-args', ['echo-args', 'a b', '']) } console.log(JSON.stringify(os.waitpid(p, 0)))`,
    stdout: 'argv ["echo-args","a b",""] pid 41 euid 0 fds 0,1,2,3,4\n[41,1792]\n' },
  { name: 'execvp searches PATH; execlp takes the arguments inline',
    files: [{ path: '/usr/local/bin/echo-args', content: ECHO_ARGS }],
    body: `os.environ.set('PATH', '/nowhere:/usr/local/bin'); if (os.fork() === 0) os.execlp('echo-args', 'E', '1'); os.wait(); if (os.fork() === 0) os.execvpe('echo-args', ['F'], { PATH: '/usr/local/bin' }); os.wait()`,
    stdout: 'argv ["E","1"] pid 3 euid 0 fds 0,1,2,3\nargv ["F"] pid 4 euid 0 fds 0,1,2,3\n' },
  { name: 'exec failures: missing, not executable, no format, a directory',
    files: [{ path: '/tmp/noexec', content: ECHO_ARGS, mode: 0o644 }, { path: '/tmp/data', content: 'just text\n' }],
    body: `for (const p of ['/tmp/missing', '/tmp/noexec', '/tmp/data', '/tmp']) { try { os.execv(p, [p]) } catch (e) { console.log(p, String(e)) } }`,
    stdout: '/tmp/missing [Errno 2] No such file or directory\n/tmp/noexec [Errno 13] Permission denied\n/tmp/data [Errno 8] Exec format error\n/tmp [Errno 13] Permission denied\n' },
  { name: 'a child whose exec fails exits 127 from spawnv; a missing program',
    body: `console.log(os.spawnv(os.P_WAIT, '/no/such', ['x'])); console.log(os.spawnlp(os.P_WAIT, 'no-such-cmd', 'no-such-cmd'))`,
    stdout: '127\n127\n' },
  { name: 'spawn P_WAIT returns the exit code, P_NOWAIT the pid, a signal -sig',
    files: [{ path: '/tmp/echo-args', content: ECHO_ARGS }, { path: '/tmp/killself', content: "#!posixbox\nimport os from 'posixbox/os';\nexport function main() { os.kill(os.getpid(), 15); return 0; }\n" }],
    body: `console.log(os.spawnv(os.P_WAIT, '/tmp/echo-args', ['e'])); const p = os.spawnl(os.P_NOWAIT, '/tmp/echo-args', 'n'); console.log('nowait', p, JSON.stringify(os.waitpid(p, 0))); console.log(os.spawnv(os.P_WAIT, '/tmp/killself', ['k']))`,
    stdout: 'argv ["e"] pid 3 euid 0 fds 0,1,2,3\n7\nargv ["n"] pid 4 euid 0 fds 0,1,2,3\nnowait 4 [4,1792]\n-15\n' },
  { name: 'exec runs what the file holds now: a rewrite of the same size at the same instant is seen',
    body: `const img = (n) => "#!posixbox\\nexport function main() { console.log('version " + n + "'); return " + n + "; }\\n"; for (const n of [1, 2, 3]) { const fd = os.open('/tmp/v', os.O_WRONLY | os.O_CREAT | (n === 3 ? 0 : os.O_TRUNC), 0o755); os.write(fd, img(n)); os.close(fd); console.log(os.spawnv(os.P_WAIT, '/tmp/v', ['v'])) } os.truncate('/tmp/v', 0); console.log(os.spawnv(os.P_WAIT, '/tmp/v', ['v']))`,
    stdout: 'version 1\n1\nversion 2\n2\nversion 3\n3\n127\n' },
  { name: '#! interpreters get the script path and the optional argument',
    files: [{ path: '/tmp/interp.js', content: ECHO_ARGS }, { path: '/tmp/script', content: '#!/tmp/interp.js -x\nwhatever\n' }],
    body: `if (os.fork() === 0) os.execv('/tmp/script', ['script', 'arg1']); os.wait()`,
    stdout: 'argv ["/tmp/interp.js","-x","/tmp/script","arg1"] pid 3 euid 0 fds 0,1,2,3\n' },
  { name: 'a set-user-ID program runs with its owner as effective uid',
    user: { uid: 1001, gid: 1001 },
    files: [{ path: '/tmp/suid', content: ECHO_ARGS, mode: 0o4755, uid: 1000, gid: 1000 }],
    body: `if (os.fork() === 0) os.execv('/tmp/suid', ['suid']); os.wait()`,
    stdout: 'argv ["suid"] pid 3 euid 1000 fds 0,1,2,3\n' },
  { name: "wait with no children, and waitpid on someone else's child: ECHILD", nextPid: 60,
    body: `try { os.wait() } catch (e) { console.log(String(e)) } const a = os.fork(); if (a === 0) { const b = os.fork(); if (b === 0) return 0; os.waitpid(b, 0); return 0 } try { os.waitpid(a + 1, 0) } catch (e) { console.log(String(e)) } os.wait()`,
    stdout: '[Errno 10] No child processes\n[Errno 10] No child processes\n' },
  { name: 'WNOHANG answers (0, 0) while the child runs',
    body: `const p = os.fork(); if (p === 0) { time.sleep(1); return 2 } console.log(JSON.stringify(os.waitpid(p, os.WNOHANG))); time.sleep(2); console.log(JSON.stringify(os.waitpid(p, os.WNOHANG)))`,
    stdout: '[0,0]\n[3,512]\n' },
  { name: 'kill across users is EPERM; a missing pid ESRCH; a bad signal EINVAL; signal 0 probes',
    user: { uid: 1000, gid: 1000 },
    body: `for (const [p, s] of [[1, 15], [99999, 15], [os.getpid(), 99], [os.getpid(), 0]]) { try { os.kill(p, s); console.log('ok', p, s) } catch (e) { console.log(String(e)) } }`,
    stdout: '[Errno 1] Operation not permitted\n[Errno 3] No such process\n[Errno 22] Invalid argument\nok 2 0\n' },
  { name: 'a caught signal interrupts sleep in the child; the handler runs first', nextPid: 70,
    body: `const p = os.fork(); if (p === 0) { signal.signal(signal.SIGUSR1, (s) => console.log('handler', s, time.time() - 946684800)); time.sleep(10); console.log('woke at', time.time() - 946684800); return 0 } time.sleep(2); os.kill(p, signal.SIGUSR1); console.log(JSON.stringify(os.wait()))`,
    stdout: 'handler 10 2\nwoke at 2\n[71,0]\n' },
  { name: 'the default action of SIGTERM ends a sleeping child; SIGKILL cannot be caught',
    body: `const p = os.fork(); if (p === 0) { time.sleep(100); return 0 } os.kill(p, signal.SIGTERM); const [, s] = os.wait(); console.log(os.WIFSIGNALED(s), os.WTERMSIG(s)); try { signal.signal(signal.SIGKILL, () => {}) } catch (e) { console.log(String(e)) }`,
    stdout: 'true 15\n[Errno 22] Invalid argument\n' },
  { name: 'SIGSTOP and SIGCONT with WUNTRACED and WCONTINUED', nextPid: 80,
    body: `const p = os.fork(); if (p === 0) { for (let i = 0; i < 5; i++) time.sleep(1); return 4 } os.kill(p, signal.SIGSTOP); let [q, s] = os.waitpid(p, os.WUNTRACED); console.log(q, s, os.WIFSTOPPED(s), os.WSTOPSIG(s)); os.kill(p, signal.SIGCONT); [q, s] = os.waitpid(p, os.WCONTINUED); console.log(q, s, os.WIFCONTINUED(s)); [q, s] = os.waitpid(p, 0); console.log(q, os.WEXITSTATUS(s), time.time() - 946684800)`,
    stdout: '81 4991 true 19\n81 65535 true\n81 4 5\n' },
  { name: 'a zombie is visible in /proc until reaped', nextPid: 90,
    body: `const p = os.fork(); if (p === 0) return 0; time.sleep(1); const st = open('/proc/91/status').read().split('\\n').find((l) => l.startsWith('State')); console.log(st, os.listdir('/proc').includes('91')); os.wait(); console.log(os.listdir('/proc').includes('91'))`,
    stdout: 'State:\tZ (zombie) true\nfalse\n' },
  { name: 'an orphan is re-parented to init, which reaps it', nextPid: 100,
    body: `const a = os.fork(); if (a === 0) { if (os.fork() === 0) { time.sleep(1); console.log('orphan ppid', os.getppid()); return 0 } return 0 } os.waitpid(a, 0); time.sleep(2); console.log(os.listdir('/proc').filter((n) => /^\\d+$/.test(n)).join(' '))`,
    stdout: 'orphan ppid 1\n1 100\n' },
  { name: 'a fork bomb meets RLIMIT_NPROC: EAGAIN, and the kernel keeps going',
    user: { uid: 1000, gid: 1000 },
    body: `resource.setrlimit(resource.RLIMIT_NPROC, [8, 8]); let n = 0; const kids = []; for (;;) { let p; try { p = os.fork() } catch (e) { console.log(String(e), n); break } if (p === 0) { time.sleep(1); return 0 } kids.push(p); n++ } for (const k of kids) os.waitpid(k, 0); console.log(resource.getrlimit(resource.RLIMIT_NPROC).join(' '), os.fork() === 0 ? 'child' : 'forked again')`,
    stdout: '[Errno 11] Resource temporarily unavailable 7\n8 8 forked again\n8 8 child\n' },
  { name: 'SIGCHLD reaches a handler when a child exits',
    body: `signal.signal(signal.SIGCHLD, (s) => console.log('SIGCHLD', s)); const p = os.fork(); if (p === 0) return 0; time.sleep(5); console.log('slept', time.time() - 946684800, JSON.stringify(os.wait()))`,
    stdout: 'SIGCHLD 17\nslept 0 [3,0]\n' },
  { name: 'blocked signals stay pending until unblocked',
    body: `signal.signal(signal.SIGUSR2, (s) => console.log('handled', s)); signal.pthread_sigmask(signal.SIG_BLOCK, [signal.SIGUSR2]); os.kill(os.getpid(), signal.SIGUSR2); console.log('pending', [...signal.sigpending()].join(',')); signal.pthread_sigmask(signal.SIG_UNBLOCK, [signal.SIGUSR2]); console.log('after')`,
    stdout: 'pending 12\nhandled 12\nafter\n' },
  { name: 'alarm: SIGALRM to a handler, and by default it ends the process',
    body: `signal.signal(signal.SIGALRM, () => console.log('alarm at', time.time() - 946684800)); console.log(signal.alarm(3), signal.alarm(5)); signal.pause(); const p = os.fork(); if (p === 0) { signal.signal(signal.SIGALRM, signal.SIG_DFL); signal.alarm(1); signal.pause(); return 0 } console.log(os.wait()[1])`,
    stdout: '0 3\nalarm at 5\n14\n' },
  { name: 'SIG_IGN: an ignored signal does nothing; getsignal reports handlers',
    body: `signal.signal(signal.SIGTERM, signal.SIG_IGN); os.kill(os.getpid(), signal.SIGTERM); const h = () => {}; signal.signal(signal.SIGUSR1, h); console.log('alive', signal.getsignal(signal.SIGTERM), signal.getsignal(signal.SIGUSR1) === h, signal.getsignal(signal.SIGUSR2))`,
    stdout: 'alive 1 true 0\n' },
  { name: 'process groups: setpgid, getpgid, killpg, setsid rules', nextPid: 120,
    body: `console.log(os.getpgrp(), os.getsid(0)); try { os.setsid() } catch (e) { console.log('setsid', String(e)) } const a = os.fork(); if (a === 0) { time.sleep(50); return 0 } const b = os.fork(); if (b === 0) { time.sleep(50); return 0 } os.setpgid(a, a); os.setpgid(b, a); console.log(os.getpgid(a), os.getpgid(b)); try { os.setpgid(99999, 0) } catch (e) { console.log('setpgid', String(e)) } os.killpg(a, signal.SIGTERM); console.log(os.wait()[1], os.wait()[1])`,
    stdout: '120 120\nsetsid [Errno 1] Operation not permitted\n121 121\nsetpgid [Errno 3] No such process\n15 15\n' },
  { name: 'posix_spawn with file actions: the child writes into a pipe',
    files: [{ path: '/tmp/echo-args', content: ECHO_ARGS }],
    body: `const [r, w] = os.pipe(); const pid = os.posix_spawn('/tmp/echo-args', ['spawned'], os.environ, { file_actions: [['dup2', w, 1], ['close', r], ['close', w]] }); os.close(w); let out = ''; for (;;) { const b = os.read(r, 100); if (!b.length) break; out += new TextDecoder().decode(b) } console.log(JSON.stringify(out), JSON.stringify(os.waitpid(pid, 0))); try { os.posix_spawn('/tmp/nope', ['x'], os.environ) } catch (e) { console.log(String(e)) }`,
    stdout: '"argv [\\"spawned\\"] pid 3 euid 0 fds 0,1,2,3\\n" [3,1792]\n[Errno 2] No such file or directory\n' },
  { name: 'a busy-looping child is ended by SIGKILL (real-time mode)', realtime: true,
    body: `const p = os.fork(); if (p === 0) { for (;;) {} } time.sleep(0.05); os.kill(p, signal.SIGKILL); const [, s] = os.waitpid(p, 0); console.log(os.WTERMSIG(s))`,
    stdout: '9\n' },
  { name: 'exec resets caught signals to default and keeps ignored ones',
    files: [{ path: '/tmp/sigs', content: "#!posixbox\nimport { signal } from 'posixbox/os';\nexport function main() { console.log(signal.getsignal(signal.SIGUSR1), signal.getsignal(signal.SIGUSR2)); return 0; }\n" }],
    body: `signal.signal(signal.SIGUSR1, () => {}); signal.signal(signal.SIGUSR2, signal.SIG_IGN); if (os.fork() === 0) os.execv('/tmp/sigs', ['sigs']); os.wait()`,
    stdout: '0 1\n' },
];
