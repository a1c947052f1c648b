/**
 * The plain format of the shell conformance table (test/sh/cases/*.sh), and its parser.
 *
 *   #### name of the case
 *   script lines…
 *   ## stdin:
 *   lines fed to the script's standard input (default: /dev/null)
 *   ## stdout:
 *   expected stdout lines…
 *   ## stderr:
 *   expected stderr lines…
 *   ## status: 0
 *   ## differs: why posixbox knowingly differs from dash
 *   ## posixbox-stdout: / ## posixbox-stderr: / ## posixbox-status: N
 *
 * A block (stdin, stdout, stderr and their posixbox- forms) is the lines up to the next `## ` or
 * `#### ` line, each ending in a newline; blank lines just before the next case (or the end of
 * the file) separate cases and are not part of the block. For output that does not end in a
 * newline, or ends in blank lines, write the exact text as a JSON string on the header line:
 * `## stdout-json: "a\nb"` (likewise stderr-json, stdin-json, posixbox-stdout-json).
 * Omitted stdout and stderr mean empty; an omitted status means 0. The script is the lines after
 * `####` up to the first `## ` line, with trailing blank lines dropped. Lines before the first
 * `####` are the file's comment.
 */

export interface Expected {
  readonly stdout: string;
  readonly stderr: string;
  readonly status: number;
}

export interface ShCase extends Expected {
  readonly name: string;
  /** The case file's base name and the line of the `####`, for messages. */
  readonly file: string;
  readonly line: number;
  readonly script: string;
  /** Standard input, or undefined for /dev/null. */
  readonly stdin?: string;
  /** Why posixbox differs from dash here (documented differences only). */
  readonly differs?: string;
  /** What posixbox gives instead, where `differs` says so. */
  readonly posixbox?: Partial<Expected>;
}

const BLOCKS = ['stdin', 'stdout', 'stderr', 'posixbox-stdout', 'posixbox-stderr'] as const;
type Block = (typeof BLOCKS)[number];

export class FormatError extends Error {}

function isBlock(s: string): s is Block {
  return (BLOCKS as readonly string[]).includes(s);
}

function parseStatus(text: string, where: string): number {
  if (!/^\d{1,3}$/.test(text) || Number(text) > 255) throw new FormatError(`${where}: bad status '${text}'`);
  return Number(text);
}

/** Parse one case file's text; `file` names it in messages. */
export function parseCases(text: string, file: string): ShCase[] {
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  const cases: ShCase[] = [];
  let i = 0;
  while (i < lines.length && !lines[i]!.startsWith('#### ')) i++;
  while (i < lines.length) {
    const start = i;
    const name = lines[i]!.slice(5).trim();
    const where = `${file}:${start + 1}`;
    if (name === '') throw new FormatError(`${where}: a case needs a name`);
    i++;
    const script: string[] = [];
    while (i < lines.length && !lines[i]!.startsWith('## ') && !lines[i]!.startsWith('#### ')) script.push(lines[i++]!);
    while (script.length > 0 && script[script.length - 1]!.trim() === '') script.pop();
    if (script.length === 0) throw new FormatError(`${where}: case '${name}' has no script`);
    const blocks = new Map<Block, string>();
    const fields = new Map<string, string>();
    while (i < lines.length && !lines[i]!.startsWith('#### ')) {
      const head = lines[i]!;
      const hereLine = `${file}:${i + 1}`;
      if (head.trim() === '') {
        let j = i;
        while (j < lines.length && lines[j]!.trim() === '') j++;
        if (j === lines.length || lines[j]!.startsWith('#### ')) { i = j; continue; }
      }
      const m = /^## ([a-z-]+):(?: (.*))?$/.exec(head);
      if (!m) throw new FormatError(`${hereLine}: expected a '## key:' line, got '${head}'`);
      const key = m[1]!;
      const value = m[2] ?? '';
      i++;
      if (isBlock(key)) {
        if (value !== '') throw new FormatError(`${hereLine}: '## ${key}:' takes its text on the lines below`);
        const body: string[] = [];
        while (i < lines.length && !lines[i]!.startsWith('## ') && !lines[i]!.startsWith('#### ')) body.push(lines[i++]!);
        if (i === lines.length || lines[i]!.startsWith('#### ')) {
          while (body.length > 0 && body[body.length - 1] === '') body.pop();
        }
        if (blocks.has(key)) throw new FormatError(`${hereLine}: '${key}' given twice`);
        blocks.set(key, body.map((l) => `${l}\n`).join(''));
      } else if (key.endsWith('-json') && isBlock(key.slice(0, -5))) {
        const b = key.slice(0, -5) as Block;
        if (blocks.has(b)) throw new FormatError(`${hereLine}: '${b}' given twice`);
        let v: unknown;
        try { v = JSON.parse(value); } catch { throw new FormatError(`${hereLine}: bad JSON string`); }
        if (typeof v !== 'string') throw new FormatError(`${hereLine}: '${key}' needs a JSON string`);
        blocks.set(b, v);
      } else if (key === 'status' || key === 'posixbox-status' || key === 'differs') {
        if (fields.has(key)) throw new FormatError(`${hereLine}: '${key}' given twice`);
        fields.set(key, value.trim());
      } else {
        throw new FormatError(`${hereLine}: unknown key '${key}'`);
      }
    }
    const differs = fields.get('differs');
    if (differs === '') throw new FormatError(`${where}: '## differs:' needs a reason`);
    const pStatus = fields.get('posixbox-status');
    const posixbox: Partial<Expected> = {
      ...(blocks.has('posixbox-stdout') ? { stdout: blocks.get('posixbox-stdout')! } : {}),
      ...(blocks.has('posixbox-stderr') ? { stderr: blocks.get('posixbox-stderr')! } : {}),
      ...(pStatus !== undefined ? { status: parseStatus(pStatus, where) } : {}),
    };
    const hasPosixbox = Object.keys(posixbox).length > 0;
    if (hasPosixbox && differs === undefined) throw new FormatError(`${where}: posixbox- results need '## differs:'`);
    const status = fields.get('status');
    cases.push({
      name, file, line: start + 1,
      script: script.map((l) => `${l}\n`).join(''),
      ...(blocks.has('stdin') ? { stdin: blocks.get('stdin')! } : {}),
      stdout: blocks.get('stdout') ?? '',
      stderr: blocks.get('stderr') ?? '',
      status: status === undefined ? 0 : parseStatus(status, where),
      ...(differs !== undefined ? { differs } : {}),
      ...(hasPosixbox ? { posixbox } : {}),
    });
  }
  const seen = new Set<string>();
  for (const c of cases) {
    if (seen.has(c.name)) throw new FormatError(`${file}:${c.line}: duplicate case name '${c.name}'`);
    seen.add(c.name);
  }
  return cases;
}

/** What posixbox must give for a case: dash's results, overridden where the case documents it. */
export function expectedOnPosixbox(c: ShCase): Expected {
  return {
    stdout: c.posixbox?.stdout ?? c.stdout,
    stderr: c.posixbox?.stderr ?? c.stderr,
    status: c.posixbox?.status ?? c.status,
  };
}
