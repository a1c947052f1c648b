/**
 * The sudoers subset sudo reads from /etc/sudoers. One rule a line (a trailing backslash joins
 * lines; `#` starts a comment, as do `#include` and `#includedir`, which are not followed):
 *
 *   USERS HOSTS = [(RUNAS[:GROUPS])] [TAG:]... COMMANDS
 *
 *   USERS     comma-separated: a user name, #uid, %group (primary or supplementary, by name),
 *             %#gid, or ALL; `!` before one excludes it
 *   HOSTS     ALL or host names (compared with uname's nodename)
 *   RUNAS     users the commands may run as (same forms as USERS); omitted: root only.
 *             The :GROUPS part is read and ignored (sudo -g is not offered)
 *   TAG       NOPASSWD or PASSWD; NOEXEC EXEC SETENV NOSETENV LOG_INPUT LOG_OUTPUT are accepted
 *             and have no effect
 *   COMMANDS  comma-separated: ALL; a full path (any arguments); a path then arguments (exactly
 *             those; "" alone means none); a directory ending in `/` (any command in it); `!`
 *             before one excludes it
 *   Defaults  lines are read for `secure_path=...` only; other settings are ignored
 *
 * As in sudo, the last rule that matches decides. Aliases (User_Alias, Cmnd_Alias, …), several
 * `:`-separated specs on one line, wildcards and digests are not supported: such a line is a
 * syntax error. Pure: the caller reads the file and supplies the facts (see Subject).
 */

export interface Spec {
  readonly negated: boolean;
  readonly value: string;
}

export interface Rule {
  readonly line: number;
  readonly users: readonly Spec[];
  readonly hosts: readonly Spec[];
  /** undefined: no runas list, which means root only. */
  readonly runas: readonly Spec[] | undefined;
  readonly nopasswd: boolean;
  readonly commands: readonly Spec[];
}

export interface Sudoers {
  readonly rules: readonly Rule[];
  readonly securePath: string | undefined;
}

export class SudoersSyntaxError extends Error {
  constructor(readonly line: number) {
    super(`syntax error near line ${line}`);
  }
}

const TAGS = new Set(['NOPASSWD', 'PASSWD', 'NOEXEC', 'EXEC', 'SETENV', 'NOSETENV', 'LOG_INPUT', 'NOLOG_INPUT', 'LOG_OUTPUT', 'NOLOG_OUTPUT']);
const ALIASES = /^(User|Runas|Host|Cmnd|Cmd)_Alias\b/;
/** A user, group or host word: what sudoers allows without quoting, give or take. */
const WORD = /^!?(ALL|%#?[\w.-]+|#\d+|[\w.-]+)$/;

function specs(list: string, line: number, word: RegExp): Spec[] {
  const parts = list.split(',').map((s) => s.trim());
  if (parts.some((p) => p === '' || !word.test(p.replace(/^!\s*/, '!')))) throw new SudoersSyntaxError(line);
  return parts.map((p) => ({ negated: p.startsWith('!'), value: p.replace(/^!\s*/, '') }));
}

function commandSpecs(list: string, line: number): Spec[] {
  const parts = list.split(',').map((s) => s.trim().replace(/\s+/g, ' '));
  return parts.map((p) => {
    const negated = p.startsWith('!');
    const value = p.replace(/^!\s*/, '');
    if (value !== 'ALL' && !value.startsWith('/')) throw new SudoersSyntaxError(line);
    return { negated, value };
  });
}

/** Parse a whole sudoers file; throws SudoersSyntaxError naming the first bad line. */
export function parseSudoers(text: string): Sudoers {
  const rules: Rule[] = [];
  let securePath: string | undefined;
  const raw = text.split('\n');
  for (let i = 0; i < raw.length; i++) {
    const lineNo = i + 1;
    let line = raw[i]!;
    while (line.endsWith('\\') && i + 1 < raw.length) line = line.slice(0, -1) + raw[++i]!;
    line = line.replace(/(^|\s)#(?!\d).*$/, '').trim();
    if (line === '') continue;
    if (/^Defaults\b/.test(line)) {
      const m = /\bsecure_path\s*=\s*"?([^",\s]+)"?/.exec(line);
      if (m) securePath = m[1];
      continue;
    }
    if (ALIASES.test(line)) throw new SudoersSyntaxError(lineNo);
    const m = /^(\S+(?:\s*,\s*\S+)*)\s+(\S+(?:\s*,\s*\S+)*)\s*=\s*(.*)$/.exec(line);
    if (!m) throw new SudoersSyntaxError(lineNo);
    const users = specs(m[1]!, lineNo, WORD);
    const hosts = specs(m[2]!, lineNo, WORD);
    let rest = m[3]!.trim();
    let runas: Spec[] | undefined;
    const r = /^\(([^)]*)\)\s*/.exec(rest);
    if (r) {
      const [who = ''] = r[1]!.split(':');
      runas = who.trim() === '' ? undefined : specs(who, lineNo, WORD);
      rest = rest.slice(r[0].length);
    }
    let nopasswd = false;
    for (let t = /^([A-Z_]+)\s*:\s*/.exec(rest); t && TAGS.has(t[1]!); t = /^([A-Z_]+)\s*:\s*/.exec(rest)) {
      if (t[1] === 'NOPASSWD') nopasswd = true;
      if (t[1] === 'PASSWD') nopasswd = false;
      rest = rest.slice(t[0].length);
    }
    if (rest === '' || rest.includes(':') || rest.includes('=')) throw new SudoersSyntaxError(lineNo);
    rules.push({ line: lineNo, users, hosts, runas, nopasswd, commands: commandSpecs(rest, lineNo) });
  }
  return { rules, securePath };
}

/** Who asks: the invoking user, their groups (names and numbers), and the host. */
export interface Subject {
  readonly user: string;
  readonly uid: number;
  readonly groups: ReadonlyArray<{ readonly name: string; readonly gid: number }>;
  readonly host: string;
}

/** What is asked: run `command` (a full path) with `args` as `runas`. */
export interface Request {
  readonly runas: string;
  readonly runasUid: number;
  readonly command: string;
  readonly args: readonly string[];
}

export type Verdict =
  | { readonly kind: 'allowed'; readonly nopasswd: boolean }
  | { readonly kind: 'denied' }
  /** No rule names the user at all. */
  | { readonly kind: 'not-in-sudoers' };

/** A list matches if some plain entry matches and no negated one does (sudo reads it left to right; the last match wins). */
function listMatches(list: readonly Spec[], one: (value: string) => boolean): boolean | undefined {
  let result: boolean | undefined;
  for (const s of list) if (one(s.value)) result = !s.negated;
  return result;
}

function userMatches(value: string, name: string, uid: number, groups: Subject['groups']): boolean {
  if (value === 'ALL') return true;
  if (value.startsWith('%#')) return groups.some((g) => String(g.gid) === value.slice(2));
  if (value.startsWith('%')) return groups.some((g) => g.name === value.slice(1));
  if (value.startsWith('#')) return String(uid) === value.slice(1);
  return value === name;
}

function commandMatches(value: string, command: string, args: readonly string[]): boolean {
  if (value === 'ALL') return true;
  if (value.endsWith('/')) return command.startsWith(value) && !command.slice(value.length).includes('/');
  const sp = value.indexOf(' ');
  if (sp < 0) return value === command;
  if (value.slice(0, sp) !== command) return false;
  const wanted = value.slice(sp + 1);
  return wanted === '""' ? args.length === 0 : wanted === args.join(' ');
}

/** Decide a request by the rules: the last rule matching user, host, runas and command wins. */
export function check(s: Sudoers, who: Subject, req: Request): Verdict {
  let named = false;
  let verdict: Verdict = { kind: 'denied' };
  for (const r of s.rules) {
    if (listMatches(r.users, (v) => userMatches(v, who.user, who.uid, who.groups)) !== true) continue;
    named = true;
    if (listMatches(r.hosts, (v) => v === 'ALL' || v === who.host) !== true) continue;
    const runasOk = r.runas === undefined ? req.runasUid === 0
      : listMatches(r.runas, (v) => userMatches(v, req.runas, req.runasUid, [])) === true;
    if (!runasOk) continue;
    const cmd = listMatches(r.commands, (v) => commandMatches(v, req.command, req.args));
    if (cmd === undefined) continue;
    verdict = cmd ? { kind: 'allowed', nopasswd: r.nopasswd } : { kind: 'denied' };
  }
  return named ? verdict : { kind: 'not-in-sudoers' };
}
