/**
 * Pipes, FIFOs and poll: programs on a fresh kernel (deterministic unless `realtime`) → whole
 * stdout and wait status. The body runs inside `main(argv)` with os, signal, time, sys, select
 * and `text(bytes)` in scope. Expected outputs were checked against Linux (CPython) where the
 * call exists there.
 */
export interface PipeCase {
  readonly name: string;
  readonly body: string;
  readonly stdout: string;
  /** The program's POSIX wait status (default 0: exit 0). */
  readonly waitStatus?: number;
  readonly files?: ReadonlyArray<{ path: string; content: string }>;
  readonly realtime?: boolean;
  readonly nextPid?: number;
  readonly timeoutMs?: number;
}

export const PIPE_CASES: readonly PipeCase[] = [
  { name: 'O_NONBLOCK: EAGAIN on an empty or full pipe; Linux page slots decide when it is full',
    body: `const [r, w] = os.pipe2(os.O_NONBLOCK);
try { os.read(r, 10) } catch (e) { console.log('empty read:', String(e)) }
let n = 0;
try { for (;;) n += os.write(w, new Uint8Array(1000)) } catch (e) { console.log('filled with 1000-byte writes:', n, String(e)) }
console.log('a 96-byte write still joins the last page:', os.write(w, new Uint8Array(96)));
try { os.write(w, new Uint8Array(1)) } catch (e) { console.log('then 1 byte:', String(e)) }
console.log('blocking?', os.get_blocking(r), os.get_blocking(w));
console.log('read', os.read(r, 100000).length, 'then poll:', JSON.stringify(select.select([r], [w], [], 0).map((l) => l.length)));`,
    stdout: 'empty read: [Errno 11] Resource temporarily unavailable\n'
      + 'filled with 1000-byte writes: 64000 [Errno 11] Resource temporarily unavailable\n'
      + 'a 96-byte write still joins the last page: 96\n'
      + 'then 1 byte: [Errno 11] Resource temporarily unavailable\n'
      + 'blocking? false false\n'
      + 'read 64096 then poll: [0,1,0]\n' },

  { name: 'F_GETPIPE_SZ / F_SETPIPE_SZ: power-of-two pages, EBUSY, EINVAL, EPERM for non-root, EBADF',
    body: `const [r, w] = os.pipe2(os.O_NONBLOCK);
console.log('default', os.fcntl(w, 1032));
os.write(w, new Uint8Array(64000));
try { os.fcntl(w, 1031, 0) } catch (e) { console.log('shrink below the data:', String(e)) }
console.log('grow to 100000 →', os.fcntl(r, 1031, 100000));
os.read(r, 100000);
console.log('0 →', os.fcntl(w, 1031, 0), '5000 →', os.fcntl(w, 1031, 5000), '1 MiB + 1 as root →', os.fcntl(w, 1031, 1048577));
try { os.fcntl(w, 1031, 2 ** 31 + 1) } catch (e) { console.log('2^31 + 1:', String(e)) }
os.fcntl(w, 1031, 4096);
console.log('one page: 100 bytes', os.write(w, new Uint8Array(100)), 'then 5000 bytes', os.write(w, new Uint8Array(5000)));
try { os.fcntl(os.open('/dev/null', os.O_RDONLY), 1032) } catch (e) { console.log('not a pipe:', String(e)) }
const pid = os.fork();
if (pid === 0) { os.setuid(1000); console.log('alice: 1 MiB →', os.fcntl(w, 1031, 1048576)); try { os.fcntl(w, 1031, 1048577) } catch (e) { console.log('alice: 1 MiB + 1:', String(e)) } return 0 }
os.waitpid(pid, 0);`,
    stdout: 'default 65536\nshrink below the data: [Errno 16] Device or resource busy\ngrow to 100000 → 131072\n'
      + '0 → 4096 5000 → 8192 1 MiB + 1 as root → 2097152\n2^31 + 1: [Errno 22] Invalid argument\n'
      + 'one page: 100 bytes 100 then 5000 bytes 904\nnot a pipe: [Errno 9] Bad file descriptor\n'
      + 'alice: 1 MiB → 1048576\nalice: 1 MiB + 1: [Errno 1] Operation not permitted\n' },

  { name: 'a pipe is a FIFO to fstat, lseek is ESPIPE, the wrong end is EBADF, a 0-byte write is 0',
    body: `const [r, w] = os.pipe();
const st = os.fstat(r);
console.log((st.st_mode & 0o170000).toString(8), (st.st_mode & 0o777).toString(8), st.st_size);
try { os.lseek(r, 0, os.SEEK_SET) } catch (e) { console.log('lseek:', String(e)) }
try { os.write(r, 'x') } catch (e) { console.log('write on the read end:', String(e)) }
try { os.read(w, 1) } catch (e) { console.log('read on the write end:', String(e)) }
os.close(r);
console.log('0 bytes with no reader:', os.write(w, ''));`,
    stdout: '10000 600 0\nlseek: [Errno 29] Illegal seek\nwrite on the read end: [Errno 9] Bad file descriptor\n'
      + 'read on the write end: [Errno 9] Bad file descriptor\n0 bytes with no reader: 0\n' },

  { name: 'EOF only after the last write end anywhere is closed (a dup, a child\'s copy)', nextPid: 10,
    body: `const [r, w] = os.pipe();
const w2 = os.dup(w);
const t0 = time.monotonic();
const pid = os.fork();
if (pid === 0) { os.close(r); time.sleep(2); os.write(w2, 'late words'); return 0 }
os.close(w);
os.set_blocking(r, false);
try { os.read(r, 10) } catch (e) { console.log('parent closed w, holds a dup:', String(e)) }
os.close(w2);
try { os.read(r, 10) } catch (e) { console.log('parent holds none, the child does:', String(e)) }
os.set_blocking(r, true);
for (;;) { const b = os.read(r, 100); console.log('+' + (time.monotonic() - t0).toFixed(3), JSON.stringify(text(b))); if (b.length === 0) break }
console.log(JSON.stringify(os.waitpid(pid, 0)));`,
    stdout: 'parent closed w, holds a dup: [Errno 11] Resource temporarily unavailable\n'
      + 'parent holds none, the child does: [Errno 11] Resource temporarily unavailable\n'
      + '+2.000 "late words"\n+2.000 ""\n[11,0]\n' },

  { name: 'SIGPIPE by default ends the writer with signal 13; ignored or caught, write fails with EPIPE', nextPid: 20,
    body: `const [r, w] = os.pipe();
os.close(r);
const pid = os.fork();
if (pid === 0) { os.write(w, 'nobody reads this'); console.log('not reached'); return 0 }
const [, st] = os.waitpid(pid, 0);
console.log('child:', os.WIFSIGNALED(st), os.WTERMSIG(st), st);
signal.signal(signal.SIGPIPE, signal.SIG_IGN);
try { os.write(w, 'x') } catch (e) { console.log('ignored:', String(e)) }
signal.signal(signal.SIGPIPE, (s) => console.log('handler got', s));
try { os.write(w, 'x') } catch (e) { console.log('caught:', String(e)) }`,
    stdout: 'child: true 13 13\nignored: [Errno 32] Broken pipe\nhandler got 13\ncaught: [Errno 32] Broken pipe\n' },

  { name: 'SIGPIPE the other way: a writer blocked on a full pipe learns that the reader left', nextPid: 30,
    body: `const [r, w] = os.pipe();
const pid = os.fork();
if (pid === 0) { os.close(r); os.write(w, new Uint8Array(100000)); console.log('not reached'); return 0 }
os.close(w);
time.sleep(1);
console.log('parent reads', os.read(r, 1000).length, 'and leaves');
os.close(r);
const [, st] = os.waitpid(pid, 0);
console.log('blocked writer:', os.WIFSIGNALED(st) && os.WTERMSIG(st));
const [r2, w2] = os.pipe();
const pid2 = os.fork();
if (pid2 === 0) { os.close(r2); signal.signal(signal.SIGPIPE, signal.SIG_IGN); console.log('child wrote', os.write(w2, new Uint8Array(100000)), 'of 100000 before the reader left');
  try { os.write(w2, 'more') } catch (e) { console.log('child, next write:', String(e)) } return 0 }
os.close(w2);
time.sleep(1);
os.close(r2);
console.log(JSON.stringify(os.waitpid(pid2, 0)));`,
    stdout: 'parent reads 1000 and leaves\nblocked writer: 13\nchild wrote 65536 of 100000 before the reader left\n'
      + 'child, next write: [Errno 32] Broken pipe\n[32,0]\n' },

  { name: 'the program itself killed by SIGPIPE: wait status 13',
    body: `const [r, w] = os.pipe(); os.close(r); os.write(w, 'x'); return 0;`,
    stdout: '', waitStatus: 13 },

  { name: 'a blocking write of more than the pipe holds returns only when every byte is in', nextPid: 40,
    body: `const [r, w] = os.pipe();
const pid = os.fork();
if (pid === 0) { os.close(r); const t0 = time.monotonic(); const n = os.write(w, new Uint8Array(1000000).fill(7)); console.log('child wrote', n, 'at +' + (time.monotonic() - t0).toFixed(1)); return 0 }
os.close(w);
let total = 0, reads = 0;
for (;;) { time.sleep(0.1); const b = os.read(r, 300000); if (b.length === 0) break; total += b.length; reads++ }
console.log('parent read', total, 'in', reads, 'reads');
os.waitpid(pid, 0);`,
    stdout: 'child wrote 1000000 at +1.5\nparent read 1000000 in 16 reads\n' },

  { name: 'a sleeping reader: a write goes straight to it, what arrives before it runs joins, a small buffer splits a write', nextPid: 80,
    body: `const [r, w] = os.pipe();
const pid = os.fork();
if (pid === 0) { os.close(r); time.sleep(1); os.write(w, 'ab'); os.write(w, 'cd'); time.sleep(1); os.write(w, '0123456789'); time.sleep(1); return 0 }
os.close(w);
console.log('first read:', text(os.read(r, 100)));
console.log('small buffer:', text(os.read(r, 3)), text(os.read(r, 100)));
console.log('eof:', os.read(r, 100).length, JSON.stringify(os.waitpid(pid, 0)));`,
    stdout: 'first read: abcd\nsmall buffer: 012 3456789\neof: 0 [81,0]\n' },

  { name: 'a signal right after a write reached a sleeping reader: the read returns the bytes, then the handler runs', nextPid: 90,
    body: `const [r, w] = os.pipe();
signal.signal(signal.SIGUSR1, () => console.log('handler'));
const parent = os.getpid();
const pid = os.fork();
if (pid === 0) { os.close(r); time.sleep(1); os.write(w, 'hello'); os.kill(parent, signal.SIGUSR1); time.sleep(1); os.kill(parent, signal.SIGUSR1); os.write(w, 'world'); return 0 }
os.close(w);
console.log('read:', text(os.read(r, 100)));
console.log('signal first, then the write:', text(os.read(r, 100)));
console.log('then:', os.read(r, 100).length, JSON.stringify(os.waitpid(pid, 0)));`,
    stdout: 'handler\nread: hello\nhandler\nsignal first, then the write: world\nthen: 0 [91,0]\n' },

  { name: 'popen2/popen3 of a sequence that cannot start: the error, and no descriptor left behind',
    body: `for (const f of ['popen2', 'popen3', 'popen4']) { try { os[f](['/no/such-cmd']) } catch (e) { console.log(f, String(e)) } }
console.log(os.listdir('/proc/self/fd').join(' '));`,
    stdout: 'popen2 [Errno 2] No such file or directory\npopen3 [Errno 2] No such file or directory\npopen4 [Errno 2] No such file or directory\n0 1 2 3\n' },

  { name: 'FIFO: O_NONBLOCK opens (ENXIO for a lone writer, EOF and no hang-up for a lone reader), O_RDWR',
    body: `os.mkfifo('/tmp/f');
try { os.open('/tmp/f', os.O_WRONLY | os.O_NONBLOCK) } catch (e) { console.log('writer, no reader:', String(e)) }
const rd = os.open('/tmp/f', os.O_RDONLY | os.O_NONBLOCK);
const p = select.poll(); p.register(rd, select.POLLIN);
console.log('lone reader reads', os.read(rd, 10).length, 'polls', JSON.stringify(p.poll(0)));
const wr = os.open('/tmp/f', os.O_WRONLY | os.O_NONBLOCK);
os.write(wr, 'hi');
console.log('with a writer:', JSON.stringify(p.poll(0)), text(os.read(rd, 10)));
os.close(wr);
console.log('writer gone:', JSON.stringify(p.poll(0)), os.read(rd, 10).length);
os.close(rd);
const rw = os.open('/tmp/f', os.O_RDWR);
os.write(rw, 'to myself');
console.log('O_RDWR:', text(os.read(rw, 100)), (os.fstat(rw).st_mode & 0o170000).toString(8));`,
    stdout: 'writer, no reader: [Errno 6] No such device or address: \'/tmp/f\'\nlone reader reads 0 polls []\n'
      + 'with a writer: [[3,1]] hi\nwriter gone: [[3,16]] 0\nO_RDWR: to myself 10000\n' },

  { name: 'FIFO rendezvous: a blocking open waits for the other side, both ways', nextPid: 50,
    body: `os.mkfifo('/tmp/f', 0o600);
const t0 = time.monotonic();
const at = () => '+' + (time.monotonic() - t0).toFixed(1);
const pid = os.fork();
if (pid === 0) {
  time.sleep(1); const w = os.open('/tmp/f', os.O_WRONLY); console.log('child: writer open', at()); os.write(w, 'hello through the FIFO'); os.close(w);
  const r = os.open('/tmp/f', os.O_RDONLY); console.log('child: reader open', at(), text(os.read(r, 100))); return 0 }
const r = os.open('/tmp/f', os.O_RDONLY);
console.log('parent: reader open', at());
console.log('parent read', JSON.stringify(text(os.read(r, 100))), 'then', os.read(r, 100).length);
os.close(r);
time.sleep(2);
const w = os.open('/tmp/f', os.O_WRONLY);
console.log('parent: writer open', at());
os.write(w, 'and back'); os.close(w);
console.log(JSON.stringify(os.waitpid(pid, 0)));`,
    stdout: 'child: writer open +1.0\nparent: reader open +1.0\nparent read "hello through the FIFO" then 0\n'
      + 'parent: writer open +3.0\nchild: reader open +3.0 and back\n[51,0]\n' },

  { name: 'poll and select time out on the virtual clock: time moves by exactly the timeout', nextPid: 60,
    body: `const [r, w] = os.pipe();
const p = select.poll(); p.register(r, select.POLLIN);
let t0 = time.monotonic();
const since = () => (time.monotonic() - t0).toFixed(6);
console.log('poll(1500):', JSON.stringify(p.poll(1500)), since());
const pid = os.fork();
if (pid === 0) { os.close(r); time.sleep(2); os.write(w, 'x'); time.sleep(5); return 0 }
t0 = time.monotonic();
console.log('poll(5000), data at 2 s:', JSON.stringify(p.poll(5000)), since());
console.log('select(0):', JSON.stringify(select.select([r], [w], [r], 0)));
os.read(r, 1);
t0 = time.monotonic();
console.log('select(0.25):', JSON.stringify(select.select([r], [], [], 0.25)), since());
os.close(w);
t0 = time.monotonic();
console.log('poll(), hang-up when the child exits:', JSON.stringify(p.poll()), since());
console.log(JSON.stringify(os.waitpid(pid, 0)));`,
    stdout: 'poll(1500): [] 1.500000\npoll(5000), data at 2 s: [[3,1]] 2.000000\nselect(0): [[3],[4],[]]\n'
      + 'select(0.25): [[],[],[]] 0.250000\npoll(), hang-up when the child exits: [[3,16]] 4.750000\n[61,0]\n' },

  { name: 'poll: regular files and /dev/null are always ready, a closed fd is POLLNVAL, a lone writer POLLOUT|POLLERR',
    body: `const f = os.open('/tmp/file', os.O_CREAT | os.O_RDWR, 0o644);
const n = os.open('/dev/null', os.O_WRONLY);
const [r, w] = os.pipe();
os.close(r);
const p = select.poll();
p.register(f); p.register(n, select.POLLIN | select.POLLOUT); p.register(w, select.POLLOUT); p.register(42, select.POLLIN);
console.log(JSON.stringify(p.poll(-1)));
p.unregister(42); p.modify(f, select.POLLIN);
console.log(JSON.stringify(p.poll(0)));
try { p.unregister(42) } catch (e) { console.log(e.name) }
try { p.modify(99, select.POLLIN) } catch (e) { console.log(String(e)) }
try { select.select([42], [], [], 0) } catch (e) { console.log('select:', String(e)) }
console.log(JSON.stringify(select.select([f, n], [f, n, w], [f], 1)));`,
    stdout: '[[3,5],[4,5],[6,12],[42,32]]\n[[3,1],[4,5],[6,12]]\nKeyError\n[Errno 2] No such file or directory\n'
      + 'select: [Errno 9] Bad file descriptor\n[[3,4],[3,4,6],[]]\n' },

  { name: 'a handled signal during a blocked FIFO open restarts it; poll is retried with the time left', nextPid: 70,
    body: `os.mkfifo('/tmp/f');
const t0 = time.monotonic();
const at = () => '+' + (time.monotonic() - t0).toFixed(3);
signal.signal(signal.SIGALRM, () => console.log('alarm', at()));
const pid = os.fork();
if (pid === 0) { time.sleep(2); os.open('/tmp/f', os.O_WRONLY); time.sleep(10); return 0 }
signal.alarm(1);
os.open('/tmp/f', os.O_RDONLY);
console.log('open returned', at());
const [pr] = os.pipe();
const p = select.poll(); p.register(pr, select.POLLIN);
signal.alarm(1);
console.log('poll(3000):', JSON.stringify(p.poll(3000)), at());
os.kill(pid, signal.SIGKILL);
console.log(JSON.stringify(os.waitpid(pid, 0)));`,
    stdout: 'alarm +1.000\nopen returned +2.000\nalarm +3.000\npoll(3000): [] +5.000\n[71,9]\n' },

];
