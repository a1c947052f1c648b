/**
 * A compact, readable rendering of the shell's syntax tree for the parser tables: each command
 * as an S-expression, each word as its parts (lit as is, 'sq', \esc, "dq", ${param}, $(cmd),
 * $((arith))), so a table row states the whole tree a source parses to.
 */
import type { AndOr, Command, List, Redir, Word, WordPart } from '../../src/shell/ast.js';

export function part(p: WordPart): string {
  switch (p.t) {
    case 'lit': return p.v;
    case 'sq': return `'${p.v}'`;
    case 'esc': return `\\${p.v}`;
    case 'dq': return `"${p.parts.map(part).join('')}"`;
    case 'param': {
      if (p.bad) return '${BAD}';
      const op = p.op ? `${p.colon ? ':' : ''}${p.op}${word(p.arg!)}` : '';
      return `\${${p.len ? '#' : ''}${p.name}${op}}`;
    }
    case 'cmd': return `$(${list(p.body)})`;
    case 'arith': return `$((${word(p.expr)}))`;
  }
}

export function word(w: Word): string {
  return w.parts.map(part).join('');
}

function redir(r: Redir): string {
  const here = r.here ? `[${r.here.quoted ? 'q' : ''}${JSON.stringify(r.here.quoted ? r.here.body.text : word(r.here.body))}]` : '';
  return `${r.fd ?? ''}${r.op}${word(r.target)}${here}`;
}

function redirs(rs: readonly Redir[]): string {
  return rs.length ? ` ${rs.map(redir).join(' ')}` : '';
}

export function command(c: Command): string {
  switch (c.t) {
    case 'simple':
      return `(${[...c.assigns.map((a) => `${a.name}=${word(a.value)}`), ...c.words.map(word), ...c.redirs.map(redir)].join(' ')})`;
    case 'func': return `(func ${c.name} ${command(c.body)})`;
    case 'subshell': return `(sub ${list(c.body)})${redirs(c.redirs)}`;
    case 'group': return `{${list(c.body)}}${redirs(c.redirs)}`;
    case 'if': return `(if ${c.clauses.map((k) => `${list(k.cond)} then ${list(k.body)}`).join(' elif ')}${c.else ? ` else ${list(c.else)}` : ''})${redirs(c.redirs)}`;
    case 'loop': return `(${c.until ? 'until' : 'while'} ${list(c.cond)} do ${list(c.body)})${redirs(c.redirs)}`;
    case 'for': return `(for ${c.name}${c.items ? ` in ${c.items.map(word).join(' ')}` : ''} do ${list(c.body)})${redirs(c.redirs)}`;
    case 'case': return `(case ${word(c.word)} ${c.items.map((i) => `${i.patterns.map(word).join('|')}) ${list(i.body)}`).join(' ;; ')})${redirs(c.redirs)}`;
  }
}

function andOr(ao: AndOr): string {
  const pipe = (p: AndOr['first']): string => `${p.bang ? '! ' : ''}${p.cmds.map(command).join(' | ')}`;
  return `${pipe(ao.first)}${ao.rest.map((r) => ` ${r.op} ${pipe(r.pipe)}`).join('')}${ao.bg ? ' &' : ''}`;
}

export function list(l: List): string {
  return l.map(andOr).join('; ');
}
