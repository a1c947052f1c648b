/** The posixbox command, run as a user would: whole stdout, stderr and exit status. */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const BIN = join(__dirname, '..', 'bin', 'posixbox.mjs');
const dir = mkdtempSync(join(tmpdir(), 'posixbox-cli-'));

function prog(name: string, body: string): string {
  const p = join(dir, name);
  writeFileSync(p, `import os, { sys, time, pwd } from 'posixbox/os';\nexport function main(argv) {\n${body}\n}\n`);
  return p;
}

function cli(args: string[], input = '', timeout = 20_000): { stdout: string; stderr: string; status: number } {
  const r = spawnSync('node', [BIN, ...args], { input, encoding: 'utf8', timeout });
  return { stdout: r.stdout, stderr: r.stderr, status: r.status ?? -1 };
}

const ID = prog('id.js', `console.log(os.getuid(), os.getgid(), JSON.stringify(os.getgroups()), os.getcwd(), os.getpid(), os.getlogin());
console.log(JSON.stringify([...os.environ]));
console.log(time.ctime(), argv.slice(1).join('|'));
return 3;`);

const FIXTURE = join(dir, 'fixture.json');
writeFileSync(FIXTURE, JSON.stringify({
  clock: '2010-12-04T19:47:07Z', rootDev: 234881026,
  users: [{ name: 'root', uid: 0, gid: 0 }, { name: 'dh', uid: 527, gid: 501, home: '/Users/dh' }],
  groups: [{ name: 'staff', gid: 501, members: ['dh'] }, { name: 'wheel', gid: 0 }],
  files: [{ path: '/Users/dh/notes.txt', type: 'file', mode: '0600', uid: 527, gid: 501, mtime: 1289745636, content: 'hi\n' }],
  process: { uid: 527, gid: 501, groups: [501, 20], umask: '022', cwd: '/Users/dh', env: [['HOME', '/Users/dh'], ['TZ', 'EST5EDT']], pid: 14100 },
}));

describe('posixbox run', () => {
  it.each([
    ['the default system, as root', [ID, 'a', 'b'],
      '0 0 [0] /root 2 root\n[["HOME","/root"],["LOGNAME","root"],["PATH","/bin:/usr/bin"],["PWD","/root"],["SHELL","/bin/sh"],["USER","root"]]\nSat Jan  1 00:00:00 2000 a|b\n'],
    ['--user alice --cwd --env --tz --clock --next-pid', ['--user', 'alice', '--cwd', '/tmp', '--env', 'X=1', '--env', 'Y=a=b', '--tz', 'EST5EDT', '--clock', '2010-12-04T19:47:07Z', '--next-pid', '500', ID],
      '1000 1000 [1000,100,1002] /tmp 500 alice\n[["HOME","/home/alice"],["LOGNAME","alice"],["PATH","/bin:/usr/bin"],["PWD","/tmp"],["SHELL","/bin/sh"],["USER","alice"],["TZ","EST5EDT"],["X","1"],["Y","a=b"]]\nSat Dec  4 14:47:07 2010 \n'],
    ['--user UID:GID and --groups by name and number', ['--user', '1001:100', '--groups', 'students,7', ID],
      '1001 100 [1002,7] /home/bob 2 bob\n[["HOME","/home/bob"],["LOGNAME","bob"],["PATH","/bin:/usr/bin"],["PWD","/home/bob"],["SHELL","/bin/sh"],["USER","bob"]]\nSat Jan  1 00:00:00 2000 \n'],
    ['--fixture', ['--fixture', FIXTURE, ID],
      '527 501 [501,20] /Users/dh 14100 dh\n[["HOME","/Users/dh"],["TZ","EST5EDT"]]\nSat Dec  4 14:47:07 2010 \n'],
  ])('%s', (_name, args, stdout) => {
    expect(cli(['run', ...(args as string[])])).toEqual({ stdout, stderr: '', status: 3 });
  });

  it('reads stdin from the host', () => {
    const p = prog('cat.js', `let out = ''; for (;;) { const b = os.read(0, 4); if (b.length === 0) break; out += new TextDecoder().decode(b); } console.log(JSON.stringify(out)); return 0;`);
    expect(cli(['run', p], 'one\ntwo\n')).toEqual({ stdout: '"one\\ntwo\\n"\n', stderr: '', status: 0 });
  });

  it('--strace prints each call with its result or errno', () => {
    const p = prog('strace.js', `try { os.stat('/nope') } catch {} os.getpid(); return 0;`);
    const r = cli(['run', '--strace', '--next-pid', '7', p]);
    expect(r.stderr).toBe([
      '[pid 7] sched_start() = 7',
      '[pid 7] newfstatat(-100, "/nope", 0) = -1 ENOENT (No such file or directory)',
      '[pid 7] getpid() = 7',
      '[pid 7] exit_group(0) ?',
      '',
    ].join('\n'));
    expect(r.status).toBe(0);
  });

  it('an uncaught exception exits 1 with a traceback', () => {
    const p = prog('boom.js', `os.chdir('/root');\nreturn 0;`);
    expect(cli(['run', '--user', 'bob', p])).toEqual({
      stdout: '', status: 1,
      stderr: `Traceback (most recent call last):\n  File "${p}", line 3, in main\nOSError: [Errno 13] Permission denied: '/root'\n`,
    });
  });

  it.each([
    ['an unknown option', ['--bogus', ID], 'posixbox: unknown option --bogus\n', 2],
    ['a bad --clock', ['--clock', 'yesterday', ID], "posixbox: --clock wants an ISO-8601 instant, not 'yesterday'\n", 2],
    ['an unknown user', ['--user', 'mallory', ID], 'posixbox: no such user: mallory\n', 2],
    ['a missing --env value', ['--env'], 'posixbox: --env needs a value\n', 2],
    ['no program', [], 'posixbox: run: which program?\n', 2],
  ])('%s is a usage error', (_name, args, first, status) => {
    const r = cli(['run', ...(args as string[])]);
    expect(r.stdout).toBe('');
    expect(r.stderr.split('\n')[0] + '\n').toBe(first);
    expect(r.stderr).toContain('usage:');
    expect(r.status).toBe(status);
  });

  it('a missing program file', () => {
    const r = cli(['run', join(dir, 'nope.js')]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^posixbox: ENOENT: no such file or directory, open '.*nope\.js'\n$/);
  });
});

describe('posixbox lesson', () => {
  it('prints the book\'s non-root output for process-owner', () => {
    const expected = JSON.parse(execFileSync('node', ['-e', `process.stdout.write(JSON.stringify(require('${join(__dirname, '..', 'lessons', 'process-owner', 'lesson.json')}').expected))`]).toString()) as string;
    expect(cli(['lesson', 'process-owner'])).toEqual({ stdout: expected, stderr: '', status: 0 });
  });

  it('--as root and --exercise', () => {
    expect(cli(['lesson', 'process-owner', '--as', 'root']).stdout.split('\n')[1]).toBe('User (actual/effective)  : 0 / 0');
    expect(cli(['lesson', 'symlinks', '--exercise', 'E2']).stdout.split('\n')[3]).toBe('symlink: [Errno 17] File exists');
    expect(cli(['lesson', 'stat', '--exercise', 'E1']).status).toBe(1);
  });

  it('--check reports every lesson and ends with the counts', () => {
    const r = cli(['lesson', '--check'], '', 150_000);
    expect(r.status).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines.filter((l) => l.startsWith('FAIL'))).toEqual([]);
    expect(lines.filter((l) => l.startsWith('pass')).length).toBeGreaterThanOrEqual(23);
    expect(lines[lines.length - 1]).toMatch(/^\d+ passed, 0 failed/);
  }, 160_000);

  it('an unknown lesson is an error', () => {
    const r = cli(['lesson', 'nope']);
    expect(r.status).toBe(1);
    expect(r.stderr).toBe("posixbox: no lesson 'nope' (see posixbox lesson --list)\n");
  });
});

describe('posixbox (the shell sandbox)', () => {
  const ALICE_ID = 'uid=1000(alice) gid=1000(alice) groups=1000(alice),100(users),1002(students)\n';
  it.each<[string, string[], string, { stdout: string; stderr: string; status: number }]>([
    ['-c runs one command as alice', ['-c', 'id'], '', { stdout: ALICE_ID, stderr: '', status: 0 }],
    ['-c: a pipeline, and the status is the command\'s', ['-c', 'echo hello | cat; exit 3'], '', { stdout: 'hello\n', stderr: '', status: 3 }],
    ['-c with $0 and arguments, as sh -c', ['-c', 'echo "$0:$1:$2"', 'name', 'a', 'b c'], '', { stdout: 'name:a:b c\n', stderr: '', status: 0 }],
    ['--user root', ['--user', 'root', '-c', 'id; pwd'], '', { stdout: 'uid=0(root) gid=0(root) groups=0(root)\n/root\n', stderr: '', status: 0 }],
    ['the login environment', ['--user', 'bob', '-c', 'echo "$HOME $USER $LOGNAME $SHELL $PATH"; pwd'], '',
      { stdout: '/home/bob bob bob /bin/sh /usr/local/bin:/usr/bin:/bin\n/home/bob\n', stderr: '', status: 0 }],
    ['no arguments and stdin not a terminal: sh reads the commands from stdin', [], 'echo $0 $USER\nexit 4\necho not reached\n',
      { stdout: 'sh alice\n', stderr: '', status: 4 }],
    ['su and sudo are set-user-ID root', ['-c', "stat -c '%A %U %n' /bin/su /bin/sudo"], '', { stdout: '-rwsr-xr-x root /bin/su\n-rwsr-xr-x root /bin/sudo\n', stderr: '', status: 0 }],
    ['su with the password on stdin', ['-c', 'su bob -c id'], 'bob\n',
      { stdout: 'uid=1001(bob) gid=1001(bob) groups=1001(bob),100(users),1002(students)\n', stderr: 'Password: ', status: 0 }],
    ['sudo: alice may, with her password', ['-c', 'sudo -S id'], 'alice\n',
      { stdout: 'uid=0(root) gid=0(root) groups=0(root)\n', stderr: '[sudo] password for alice: ', status: 0 }],
    ['sudo: bob is not in the sudoers file', ['--user', 'bob', '-c', 'sudo -S id'], 'bob\n',
      { stdout: '', stderr: '[sudo] password for bob: bob is not in the sudoers file.\n', status: 1 }],
    ['/etc/profile sets PS1 for login shells', ['-c', '. /etc/profile; echo "$PS1"'], '', { stdout: '$USER@posixbox:$PWD$ \n', stderr: '', status: 0 }],
    ['the lessons are under /usr/share/lessons', ['-c', 'ls /usr/share/lessons/cwd; /usr/share/lessons/cwd/program.js >/dev/null && echo ran'], '',
      { stdout: 'README\ne1.js\ne2.js\nexpected\nlesson.json\nprogram.js\nran\n', stderr: '', status: 0 }],
  ])('%s', (_name, args, input, expected) => {
    expect(cli(args, input)).toEqual(expected);
  });

  it('a lesson\'s expected output is the one in lessons/', () => {
    const want = JSON.parse(execFileSync('node', ['-e', `process.stdout.write(JSON.stringify(require('${join(__dirname, '..', 'lessons', 'cwd', 'lesson.json')}').expected))`]).toString()) as string;
    expect(cli(['-c', 'cat /usr/share/lessons/cwd/expected'])).toEqual({ stdout: want, stderr: '', status: 0 });
  });

  it.each([
    ['-c without a command', ['-c'], 'posixbox: -c needs a command\n'],
    ['an unknown user', ['--user', 'mallory'], 'posixbox: no such user: mallory\n'],
    ['an operand', ['--user', 'bob', 'ls'], "posixbox: unexpected argument 'ls'\n"],
    ['an unknown command', ['bogus'], "posixbox: unknown command 'bogus'\n"],
  ])('%s is a usage error', (_name, args, first) => {
    const r = cli(args);
    expect(r.stdout).toBe('');
    expect(r.stderr.split('\n')[0] + '\n').toBe(first);
    expect(r.stderr).toContain('usage:');
    expect(r.status).toBe(2);
  });
});

describe('posixbox lessons', () => {
  it('runs every lesson, showing each output, and ends with the counts', () => {
    const r = cli(['lessons'], '', 150_000);
    expect(r.status).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe('posixbox: the classroom lessons of the os chapter, each on a fresh kernel');
    expect(lines.filter((l) => l.startsWith('── ')).length).toBeGreaterThanOrEqual(23);
    expect(lines.filter((l) => l.includes('(FAIL'))).toEqual([]);
    expect(lines[lines.length - 1]).toMatch(/^\d+ passed, 0 failed/);
  }, 160_000);
});
