/**
 * Kernel rules Linux enforces (issue 9): each row is a program run on a fresh deterministic kernel
 * (users root, alice 1000, bob 1001; the case's files installed first) → its whole stdout,
 * stderr and exit status.
 *
 * - execve resets what belongs to the old image: an exec'd program forks (fs/exec.c; the fork
 *   replay record is per image);
 * - set-user-ID and set-group-ID bits apply to program images only, never to `#!` scripts
 *   (binfmt_script: the credentials come from the file finally loaded);
 * - /proc/<pid>/cwd, root, exe, environ and fd obey ptrace_may_access(PTRACE_MODE_READ_FSCREDS)
 *   and the dumpable rule (kernel/ptrace.c, fs/proc/base.c);
 * - fs.protected_symlinks = 1 and fs.protected_hardlinks = 1 (fs/namei.c may_follow_link,
 *   may_linkat), as Debian sets them.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { boot } from '../../src/index.js';
import type { Kernel } from '../../src/kernel/kernel.js';
import type { FileSpec } from '../../src/kernel/setup.js';
import { DEFAULT_SYSTEM } from '../../src/cli/default-system.js';
import { run } from '../helpers.js';

interface Rule {
  readonly name: string;
  /** Who runs the program (default root). */
  readonly as?: 'root' | 'alice' | 'bob';
  readonly files?: readonly FileSpec[];
  readonly env?: readonly string[];
  /** The body of main(argv); the helpers below are in scope. */
  readonly body: string;
  readonly stdout: string;
  readonly stderr?: string;
  readonly status?: number;
}

const WHO = {
  root: { uid: 0, gid: 0, groups: [0], cwd: '/root' },
  alice: { uid: 1000, gid: 1000, groups: [1000, 100, 1002], cwd: '/home/alice' },
  bob: { uid: 1001, gid: 1001, groups: [1001, 100, 1002], cwd: '/home/bob' },
} as const;

/**
 * Helpers every program has: `start` a process as uid:gid in cwd that runs `args` (by exec when
 * `args` is given, else it sleeps where it is, with the credentials changed in place) — it has
 * settled once the caller blocks (the lowest pid runs: the target, until it sleeps) —, and
 * `probe` what a process's /proc entries give the caller (a value, or the error's code).
 */
const HEADER = `import os, { time, signal } from 'posixbox/os';
function start(uid, gid, cwd, args) {
  const pid = os.fork();
  if (pid !== 0) return pid;
  os.chdir(cwd);
  if (uid !== os.geteuid()) { os.setgroups([gid]); os.setgid(gid); os.setuid(uid); }
  if (args) os.execv(args[0], args.slice(1));
  time.sleep(100);
  os._exit(0);
}
function stop(pids) {
  for (const pid of pids) { os.kill(pid, signal.SIGKILL); os.waitpid(pid, 0); }
}
function attempt(f) {
  try { return String(f()); } catch (e) { return e.code ?? String(e); }
}
function probe(pid) {
  const d = '/proc/' + pid + '/';
  const own = (st) => (st.st_mode & 0o7777).toString(8) + ' ' + st.st_uid + ':' + st.st_gid;
  return [
    'cwd ' + attempt(() => os.readlink(d + 'cwd')),
    'root ' + attempt(() => os.readlink(d + 'root')),
    'exe ' + attempt(() => os.readlink(d + 'exe')),
    'fd/0 ' + attempt(() => os.readlink(d + 'fd/0')),
    'ls-fd ' + attempt(() => os.listdir(d + 'fd').join(',')),
    'ls-cwd ' + attempt(() => os.listdir(d + 'cwd') && 'ok'),
    'environ ' + attempt(() => { const fd = os.open(d + 'environ', os.O_RDONLY); os.close(fd); return 'open'; }),
    'stat-cwd ' + attempt(() => own(os.stat(d + 'cwd'))),
    'lstat-cwd ' + attempt(() => own(os.lstat(d + 'cwd'))),
    'dir ' + attempt(() => own(os.stat(d))),
  ].join('\\n') + '\\n';
}
export function main(argv) {
`;

/** A program that forks, and its child reports; exit status 0 when the child exited 3. */
const FORKER = `#!posixbox
import os from 'posixbox/os';
export function main(argv) {
  console.log('forker', argv.slice(1).join(' '), 'euid', os.geteuid());
  const pid = os.fork();
  if (pid === 0) { console.log('child of', argv[0], 'euid', os.geteuid()); return 3; }
  const [, s] = os.waitpid(pid, 0);
  console.log('its child exited', os.WEXITSTATUS(s));
  return 0;
}
`;

/** A program image that prints its real, effective and saved ids and its arguments. */
const IDS = `#!posixbox
import os from 'posixbox/os';
export function main(argv) {
  console.log('uid', os.getresuid().join(','), 'gid', os.getresgid().join(','), 'argv', argv.slice(1).join(' '));
  return 0;
}
`;

const forker = (path: string, extra: Partial<FileSpec> = {}): FileSpec => ({ path, mode: '0755', content: FORKER, ...extra });

const EXEC_RULES: readonly Rule[] = [
  { name: 'os.execv to a program that forks: its child runs',
    files: [forker('/usr/local/bin/forker')],
    body: `os.listdir('/etc'); os.getpid(); os.execv('/usr/local/bin/forker', ['forker', 'a']);`,
    stdout: 'forker a euid 0\nchild of forker euid 0\nits child exited 3\n' },
  { name: 'a forked child that execs a program that forks',
    files: [forker('/usr/local/bin/forker')],
    body: `os.listdir('/etc'); const pid = os.fork(); if (pid === 0) { os.stat('/'); os.execv('/usr/local/bin/forker', ['forker', 'b']); }
const [, s] = os.waitpid(pid, 0); console.log('exec\\'d child exited', os.WEXITSTATUS(s));`,
    stdout: 'forker b euid 0\nchild of forker euid 0\nits child exited 3\nexec\'d child exited 0\n' },
  { name: 'two execs in a row, then fork',
    files: [forker('/usr/local/bin/forker'), { path: '/usr/local/bin/hop', mode: '0755',
      content: `#!posixbox\nimport os from 'posixbox/os';\nexport function main(argv) { os.getcwd(); os.execv('/usr/local/bin/forker', ['forker', 'hop']); }\n` }],
    body: `os.execv('/usr/local/bin/hop', ['hop']);`,
    stdout: 'forker hop euid 0\nchild of forker euid 0\nits child exited 3\n' },
  { name: 'sh -c \'exec prog\' where prog forks', as: 'alice',
    files: [forker('/usr/local/bin/forker')],
    body: `os.execv('/bin/sh', ['sh', '-c', 'echo before; exec /usr/local/bin/forker c']);`,
    stdout: 'before\nforker c euid 1000\nchild of /usr/local/bin/forker euid 1000\nits child exited 3\n' },
  { name: 'sudo prog where prog forks', as: 'alice',
    files: [forker('/usr/local/bin/forker'), { path: '/etc/sudoers', mode: '0440', content: 'root ALL=(ALL) ALL\nalice ALL=(ALL) NOPASSWD: ALL\n' }],
    body: `os.execv('/bin/sudo', ['sudo', '/usr/local/bin/forker', 'd']);`,
    stdout: 'forker d euid 0\nchild of /usr/local/bin/forker euid 0\nits child exited 3\n' },
  { name: 'posix_spawn of a program that forks',
    files: [forker('/usr/local/bin/forker')],
    body: `const pid = os.posix_spawn('/usr/local/bin/forker', ['forker', 'e'], {}); const [, s] = os.waitpid(pid, 0); console.log('spawned exited', os.WEXITSTATUS(s));`,
    stdout: 'forker e euid 0\nchild of forker euid 0\nits child exited 3\nspawned exited 0\n' },
];

const SETID_RULES: readonly Rule[] = [
  { name: 'a set-user-ID root #!/bin/sh script runs with the caller\'s ids', as: 'alice',
    files: [{ path: '/usr/local/bin/ids.sh', mode: '04755', content: '#!/bin/sh\nid -u; id -ru; id -g\n' }],
    body: `os.execv('/usr/local/bin/ids.sh', ['ids.sh']);`,
    stdout: '1000\n1000\n1000\n' },
  { name: 'a set-group-ID #!/bin/sh script runs with the caller\'s gid', as: 'alice',
    files: [{ path: '/usr/local/bin/gids.sh', mode: '02755', gid: 0, content: '#!/bin/sh\nid -g; id -rg\n' }],
    body: `os.execv('/usr/local/bin/gids.sh', ['gids.sh']);`,
    stdout: '1000\n1000\n' },
  { name: 'the attack: a set-user-ID root script and alice\'s own id earlier in PATH give her no root', as: 'alice',
    files: [
      { path: '/usr/local/bin/whoami.sh', mode: '04755', content: '#!/bin/sh\nid\n' },
      { path: '/home/alice/bin', type: 'dir', mode: '0755', uid: 1000, gid: 1000 },
      { path: '/home/alice/bin/id', mode: '0755', uid: 1000, gid: 1000, content: IDS },
    ],
    env: ['PATH=/home/alice/bin:/bin:/usr/bin', 'HOME=/home/alice'],
    body: `os.execv('/usr/local/bin/whoami.sh', ['whoami.sh']);`,
    stdout: 'uid 1000,1000,1000 gid 1000,1000,1000 argv \n' },
  { name: 'a set-user-ID script whose interpreter is a JavaScript image: the caller\'s ids', as: 'alice',
    files: [{ path: '/usr/local/bin/ids', mode: '0755', content: IDS },
      { path: '/usr/local/bin/script', mode: '04755', content: '#!/usr/local/bin/ids -x\nwhatever\n' }],
    body: `os.execv('/usr/local/bin/script', ['script', 'y']);`,
    stdout: 'uid 1000,1000,1000 gid 1000,1000,1000 argv -x /usr/local/bin/script y\n' },
  { name: 'a set-user-ID #!posixbox image is a program image: euid and saved uid become the owner', as: 'alice',
    files: [{ path: '/usr/local/bin/ids', mode: '04755', content: IDS }],
    body: `os.execv('/usr/local/bin/ids', ['ids', 'z']);`,
    stdout: 'uid 1000,0,0 gid 1000,1000,1000 argv z\n' },
  { name: 'a set-user-ID interpreter applies to the script it runs (the image loaded is the interpreter)', as: 'alice',
    files: [{ path: '/usr/local/bin/ids', mode: '04755', uid: 1001, content: IDS },
      { path: '/usr/local/bin/script', mode: '0755', content: '#!/usr/local/bin/ids\n' }],
    body: `os.execv('/usr/local/bin/script', ['script']);`,
    stdout: 'uid 1000,1001,1001 gid 1000,1000,1000 argv /usr/local/bin/script\n' },
  { name: 'a set-user-ID .js image keeps its bit', as: 'alice',
    files: [{ path: '/usr/local/bin/ids.js', mode: '04755', content: IDS.slice(IDS.indexOf('\n') + 1) }],
    body: `os.execv('/usr/local/bin/ids.js', ['ids.js']);`,
    stdout: 'uid 1000,0,0 gid 1000,1000,1000 argv \n' },
];

const PROBED = ['cwd', 'root', 'exe', 'fd/0', 'ls-fd', 'ls-cwd', 'environ', 'stat-cwd', 'lstat-cwd', 'dir'] as const;
type Probed = Record<(typeof PROBED)[number], string>;

/** probe()'s output: every entry refused except the links' own lstat and the directory's stat. */
const probed = (o: Probed): string => PROBED.map((n) => `${n} ${o[n]}\n`).join('');
const denied = (dir: string, entries = '0:0'): Probed => ({
  cwd: 'EACCES', root: 'EACCES', exe: 'EACCES', 'fd/0': 'EACCES', 'ls-fd': 'EACCES', 'ls-cwd': 'EACCES',
  environ: 'EACCES', 'stat-cwd': 'EACCES', 'lstat-cwd': `777 ${entries}`, dir: `555 ${dir}`,
});
const allowed = (cwd: string, exe: string, cwdMode: string, owner: string): Probed => ({
  cwd, root: '/', exe, 'fd/0': '/dev/null', 'ls-fd': '0,1,2', 'ls-cwd': 'ok', environ: 'open',
  'stat-cwd': cwdMode, 'lstat-cwd': `777 ${owner}`, dir: `555 ${owner}`,
});

/** A root program forks `target`, then a prober as uid:gid that prints probe(target). */
const probeAs = (uid: number, gid: number, target: string): string => `const t = ${target};
const p = os.fork(); if (p === 0) { os.chdir('/tmp'); os.setgroups([gid]); os.setgid(${gid}); os.setuid(${uid}); os.write(1, probe(t)); os._exit(0); }
os.waitpid(p, 0); stop([t]);`.replace('[gid]', `[${gid}]`);

const SLEEP = "['/bin/sleep', 'sleep', '100']";

/** A set-user-ID root image that gives up root for good (all its uids alice's) and sleeps. */
const SUID_SLEEPER = `#!posixbox
import os, { time } from 'posixbox/os';
export function main() { os.setuid(os.getuid()); time.sleep(100); return 0; }
`;

const PROC_RULES: readonly Rule[] = [
  { name: 'alice against root\'s process: EACCES for every link, environ and fd/; the links are there to lstat',
    body: probeAs(1000, 1000, `start(0, 0, '/tmp', ${SLEEP})`),
    stdout: probed(denied('0:0')) },
  { name: 'alice against bob\'s process: EACCES',
    body: probeAs(1000, 1000, `start(1001, 1001, '/tmp', ${SLEEP})`),
    stdout: probed(denied('1001:1001', '1001:1001')) },
  { name: 'alice with another gid against alice\'s process: EACCES, but fd/ lists (it is hers by mode)',
    body: probeAs(1000, 100, `start(1000, 1000, '/tmp', ${SLEEP})`),
    stdout: probed({ ...denied('1000:1000', '1000:1000'), 'ls-fd': '0,1,2' }) },
  { name: 'alice against her own other process: allowed', as: 'alice',
    body: `const t = start(1000, 1000, '/tmp', ${SLEEP}); time.sleep(1); os.write(1, probe(t)); stop([t]);`,
    stdout: probed(allowed('/tmp', '/bin/sleep', '1777 0:0', '1000:1000')) },
  { name: 'alice against herself: allowed', as: 'alice',
    body: `os.chdir('/tmp'); os.write(1, probe(os.getpid()));`,
    stdout: probed({ ...allowed('/tmp', 'prog.js', '1777 0:0', '1000:1000'), 'ls-fd': '0,1,2,3' }) },
  { name: 'root against alice\'s process: allowed',
    body: `const t = start(1000, 1000, '/home/alice', ${SLEEP}); time.sleep(1); os.write(1, probe(t)); stop([t]);`,
    stdout: probed(allowed('/home/alice', '/bin/sleep', '755 1000:1000', '1000:1000')) },
  { name: 'bob against his own process that changed its ids without exec (not dumpable): EACCES; its files are root\'s',
    body: probeAs(1001, 1001, `start(1001, 1001, '/tmp')`),
    stdout: probed(denied('1001:1001')) },
  { name: 'root against a process that is not dumpable: allowed',
    body: `const t = start(1001, 1001, '/tmp'); time.sleep(1); os.write(1, probe(t)); stop([t]);`,
    stdout: probed({ ...allowed('/tmp', 'prog.js', '1777 0:0', '0:0'), dir: '555 1001:1001' }) },
  { name: 'a set-user-ID program alice runs is not hers to inspect, even once all its ids are hers again', as: 'alice',
    files: [{ path: '/usr/local/bin/suid-sleeper', mode: '04755', content: SUID_SLEEPER }],
    body: `const t = start(1000, 1000, '/tmp', ['/usr/local/bin/suid-sleeper', 'suid-sleeper']); time.sleep(1); os.write(1, probe(t)); stop([t]);`,
    stdout: probed(denied('1000:1000')) },
  { name: 'fd links show how each file is open (lr-x, l-wx, lrwx, and nothing for O_PATH)', as: 'alice',
    body: `const fds = [os.open('/etc/passwd', os.O_RDONLY), os.open('/tmp/w', os.O_WRONLY | os.O_CREAT, 0o600), os.open('/tmp/w', os.O_RDWR), os.open('/etc', os.O_PATH)];
for (const fd of fds) console.log(fd, (os.lstat('/proc/self/fd/' + fd).st_mode & 0o7777).toString(8), os.readlink('/proc/self/fd/' + fd));`,
    stdout: '3 500 /etc/passwd\n4 300 /tmp/w\n5 700 /tmp/w\n6 0 /etc\n' },
  { name: 'an image alice may execute but not read leaves her process not dumpable (would_dump)', as: 'alice',
    files: [{ path: '/usr/local/bin/secret-sleeper', mode: '0711', content: SUID_SLEEPER }],
    body: `const t = start(1000, 1000, '/tmp', ['/usr/local/bin/secret-sleeper', 'secret-sleeper']); time.sleep(1); os.write(1, probe(t)); stop([t]);`,
    stdout: probed(denied('1000:1000')) },
];

/** Links in sticky world-writable /tmp, in a plain world-writable directory, and in bob's sticky one. */
const LINKS: readonly FileSpec[] = [
  { path: '/tmp/alice-link', type: 'symlink', target: '/etc/hostname', uid: 1000, gid: 1000 },
  { path: '/tmp/bob-link', type: 'symlink', target: '/etc/hostname', uid: 1001, gid: 1001 },
  { path: '/tmp/root-link', type: 'symlink', target: '/etc/hostname' },
  { path: '/tmp/alice-etc', type: 'symlink', target: '/etc', uid: 1000, gid: 1000 },
  { path: '/tmp/alice-dangling', type: 'symlink', target: '/tmp/created', uid: 1000, gid: 1000 },
  { path: '/tmp/open', type: 'dir', mode: '0777' },
  { path: '/tmp/open/alice-link', type: 'symlink', target: '/etc/hostname', uid: 1000, gid: 1000 },
  { path: '/tmp/bobs', type: 'dir', mode: '01777', uid: 1001, gid: 1001 },
  { path: '/tmp/bobs/bob-link', type: 'symlink', target: '/etc/hostname', uid: 1001, gid: 1001 },
];

/** Open each path (following), then the calls that do not follow a final link. */
const FOLLOW = `const read = (p, flags = os.O_RDONLY) => attempt(() => { const fd = os.open(p, flags, 0o644); os.close(fd); return 'opened'; });
for (const p of ['/tmp/alice-link', '/tmp/bob-link', '/tmp/root-link', '/tmp/open/alice-link', '/tmp/bobs/bob-link', '/tmp/alice-etc/hostname'])
  console.log(p, read(p));
console.log('stat', attempt(() => os.stat('/tmp/alice-link').st_size), 'lstat', attempt(() => os.lstat('/tmp/alice-link').st_uid),
  'readlink', attempt(() => os.readlink('/tmp/alice-link')), 'trailing slash', attempt(() => os.listdir('/tmp/alice-etc/').length > 0));
console.log('O_CREAT through a dangling link', read('/tmp/alice-dangling', os.O_WRONLY | os.O_CREAT), attempt(() => os.stat('/tmp/created').st_uid));`;

const SYMLINK_RULES: readonly Rule[] = [
  { name: 'root may not follow alice\'s or bob\'s link in sticky /tmp; its own, links outside sticky directories and non-final ones are fine',
    files: LINKS, body: FOLLOW,
    stdout: '/tmp/alice-link EACCES\n/tmp/bob-link EACCES\n/tmp/root-link opened\n/tmp/open/alice-link opened\n/tmp/bobs/bob-link opened\n'
      + '/tmp/alice-etc/hostname opened\nstat EACCES lstat 1000 readlink /etc/hostname trailing slash EACCES\n'
      + 'O_CREAT through a dangling link EACCES ENOENT\n' },
  { name: 'alice follows her own link and root\'s (the directory\'s owner), not bob\'s; a link owned by its sticky directory\'s owner is fine',
    as: 'alice', files: LINKS, body: FOLLOW,
    stdout: '/tmp/alice-link opened\n/tmp/bob-link EACCES\n/tmp/root-link opened\n/tmp/open/alice-link opened\n/tmp/bobs/bob-link opened\n'
      + '/tmp/alice-etc/hostname opened\nstat 9 lstat 1000 readlink /etc/hostname trailing slash true\n'
      + 'O_CREAT through a dangling link opened 1000\n' },
];

/** Files of others in /tmp to hard-link (safe_hardlink_source), and one of alice's own. */
const LINKABLE: readonly FileSpec[] = [
  { path: '/tmp/root-ro', mode: '0644', content: 'x' },
  { path: '/tmp/bob-rw', mode: '0666', uid: 1001, gid: 1001, content: 'x' },
  { path: '/tmp/bob-sgid-gx', mode: '02676', uid: 1001, gid: 1001, content: 'x' },
  { path: '/tmp/bob-sgid', mode: '02666', uid: 1001, gid: 1001, content: 'x' },
  { path: '/tmp/bob-suid', mode: '04666', uid: 1001, gid: 1001, content: 'x' },
  { path: '/tmp/bob-fifo', type: 'fifo', mode: '0666', uid: 1001, gid: 1001 },
  { path: '/tmp/alice-ro', mode: '0400', uid: 1000, gid: 1000, content: 'x' },
];

const LINK_ALL = `for (const f of ['root-ro', 'bob-rw', 'bob-sgid-gx', 'bob-sgid', 'bob-suid', 'bob-fifo', 'alice-ro'])
  console.log(f, attempt(() => { os.link('/tmp/' + f, '/tmp/' + f + '.2'); return 'linked'; }));`;

const HARDLINK_RULES: readonly Rule[] = [
  { name: 'alice hard-links only her own files and regular files of others she may read and write, not set-user-ID or set-group-ID-executable ones',
    as: 'alice', files: LINKABLE, body: LINK_ALL,
    stdout: 'root-ro EPERM\nbob-rw linked\nbob-sgid-gx EPERM\nbob-sgid linked\nbob-suid EPERM\nbob-fifo EPERM\nalice-ro linked\n' },
  { name: 'root (CAP_FOWNER) hard-links anything',
    files: LINKABLE, body: LINK_ALL,
    stdout: 'root-ro linked\nbob-rw linked\nbob-sgid-gx linked\nbob-sgid linked\nbob-suid linked\nbob-fifo linked\nalice-ro linked\n' },
];

const RULES: ReadonlyArray<readonly [string, readonly Rule[]]> = [
  ['exec resets the fork record', EXEC_RULES],
  ['set-id bits: program images only', SETID_RULES],
  ['/proc/<pid> access: ptrace_may_access', PROC_RULES],
  ['protected_symlinks', SYMLINK_RULES],
  ['protected_hardlinks', HARDLINK_RULES],
];

const kernels: Kernel[] = [];
afterEach(() => { for (const k of kernels.splice(0)) k.shutdown(); });

for (const [title, rules] of RULES) {
  describe(title, () => {
    for (const r of rules) {
      it(r.name, async () => {
        const k = boot({ ...DEFAULT_SYSTEM, files: r.files ?? [], poolSize: 2 });
        kernels.push(k);
        const who = WHO[r.as ?? 'root'];
        const res = await run(`${HEADER}${r.body}\n}\n`, {
          kernel: k, uid: who.uid, gid: who.gid, groups: [...who.groups], cwd: who.cwd,
          env: r.env ?? ['PATH=/bin:/usr/bin', `HOME=${who.cwd}`],
        });
        expect({ stdout: res.stdout, stderr: res.stderr, status: res.status })
          .toEqual({ stdout: r.stdout, stderr: r.stderr ?? '', status: (r.status ?? 0) << 8 });
        expect(k.bugs).toEqual([]);
      });
    }
  });
}
