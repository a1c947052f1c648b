/** The sudoers subset (src/bin/lib/sudoers.ts) as pure functions: parsing, and the rules' verdicts. */
import { describe, expect, it } from 'vitest';
import { check, parseSudoers, SudoersSyntaxError, type Request, type Subject } from '../../src/bin/lib/sudoers.js';

const ALICE: Subject = { user: 'alice', uid: 1000, groups: [{ name: 'alice', gid: 1000 }, { name: 'users', gid: 100 }, { name: 'students', gid: 1002 }], host: 'posixbox' };
const BOB: Subject = { user: 'bob', uid: 1001, groups: [{ name: 'bob', gid: 1001 }, { name: 'users', gid: 100 }], host: 'posixbox' };
const asRoot = (command: string, ...args: string[]): Request => ({ runas: 'root', runasUid: 0, command, args });

describe('sudoers', () => {
  it.each<[string, string, Subject, Request, ReturnType<typeof check>]>([
    ['ALL', 'alice ALL=(ALL) ALL', ALICE, asRoot('/bin/ls'), { kind: 'allowed', nopasswd: false }],
    ['a user not named', 'alice ALL=(ALL) ALL', BOB, asRoot('/bin/ls'), { kind: 'not-in-sudoers' }],
    ['%group', '%students ALL=(ALL) ALL', ALICE, asRoot('/bin/ls'), { kind: 'allowed', nopasswd: false }],
    ['%group the user is not in', '%students ALL=(ALL) ALL', BOB, asRoot('/bin/ls'), { kind: 'not-in-sudoers' }],
    ['%#gid and #uid', '%#100 ALL=(ALL) /bin/a\n#1001 ALL=(ALL) /bin/b', BOB, asRoot('/bin/b'), { kind: 'allowed', nopasswd: false }],
    ['NOPASSWD', 'alice ALL=(ALL) NOPASSWD: ALL', ALICE, asRoot('/bin/ls'), { kind: 'allowed', nopasswd: true }],
    ['PASSWD after NOPASSWD', 'alice ALL=(ALL) NOPASSWD: PASSWD: ALL', ALICE, asRoot('/bin/ls'), { kind: 'allowed', nopasswd: false }],
    ['the last matching rule wins', 'alice ALL=(ALL) NOPASSWD: ALL\nalice ALL=(ALL) ALL', ALICE, asRoot('/bin/ls'), { kind: 'allowed', nopasswd: false }],
    ['a command not listed', 'alice ALL=(ALL) /bin/ls, /bin/cat', ALICE, asRoot('/bin/rm'), { kind: 'denied' }],
    ['exact arguments', 'alice ALL=(ALL) /bin/echo hi there', ALICE, asRoot('/bin/echo', 'hi', 'there'), { kind: 'allowed', nopasswd: false }],
    ['other arguments', 'alice ALL=(ALL) /bin/echo hi', ALICE, asRoot('/bin/echo', 'bye'), { kind: 'denied' }],
    ['"" means no arguments', 'alice ALL=(ALL) /bin/ls ""', ALICE, asRoot('/bin/ls', '-l'), { kind: 'denied' }],
    ['a directory: the commands in it, not below', 'alice ALL=(ALL) /usr/bin/', ALICE, asRoot('/usr/bin/x/y'), { kind: 'denied' }],
    ['a negated command', 'alice ALL=(ALL) ALL, !/bin/sh', ALICE, asRoot('/bin/sh'), { kind: 'denied' }],
    ['a negated user', 'ALL, !bob ALL=(ALL) ALL', BOB, asRoot('/bin/ls'), { kind: 'not-in-sudoers' }],
    ['another host', 'alice otherhost=(ALL) ALL', ALICE, asRoot('/bin/ls'), { kind: 'denied' }],
    ['no runas list: root only', 'alice ALL= ALL', ALICE, { runas: 'bob', runasUid: 1001, command: '/bin/ls', args: [] }, { kind: 'denied' }],
    ['runas a named user', 'alice ALL=(bob) ALL', ALICE, { runas: 'bob', runasUid: 1001, command: '/bin/ls', args: [] }, { kind: 'allowed', nopasswd: false }],
    ['runas with a group part', 'alice ALL=(ALL:ALL) ALL', ALICE, asRoot('/bin/ls'), { kind: 'allowed', nopasswd: false }],
    ['comments, blank lines and a continued line', '# admins\n\nalice ALL=(ALL) /bin/ls, \\\n   /bin/cat  # trailing', ALICE, asRoot('/bin/cat'), { kind: 'allowed', nopasswd: false }],
  ])('%s', (_name, text, who, req, verdict) => {
    expect(check(parseSudoers(text), who, req)).toEqual(verdict);
  });

  it('Defaults: secure_path is read, the rest ignored', () => {
    expect(parseSudoers('Defaults env_reset\nDefaults secure_path="/usr/bin:/bin"\n').securePath).toBe('/usr/bin:/bin');
    expect(parseSudoers('Defaults env_reset\n').securePath).toBeUndefined();
  });

  it.each([
    ['no =', 'alice ALL', 1],
    ['an alias', 'root ALL=(ALL) ALL\nCmnd_Alias X = /bin/ls', 2],
    ['a relative command', 'alice ALL=(ALL) ls', 1],
    ['an unclosed runas', 'alice ALL=(ALL ALL', 1],
    ['several specs on a line', 'alice ALL=(ALL) ALL : host2=(ALL) ALL', 1],
  ])('a syntax error: %s', (_name, text, line) => {
    expect(() => parseSudoers(text)).toThrow(new SudoersSyntaxError(line));
    try { parseSudoers(text); } catch (e) { expect((e as SudoersSyntaxError).line).toBe(line); }
  });
});
