/**
 * Reading and running shell text command by command, as dash does: each complete command is
 * parsed and run before the next is read, so an alias or function defined on one line is in
 * effect on the next and a syntax error stops at the line it is on. Used for scripts, `sh -c`,
 * `eval`, `.` and trap actions.
 */
import { Lexer, ParseError } from '../lexer.js';
import { Parser } from '../parser.js';
import { ShellError } from '../state.js';
import type { Shell } from '../shell.js';
import { runList } from './run.js';

export function parserFor(sh: Shell, lx: Lexer): Parser {
  return new Parser(lx, (name) => sh.st.aliases.get(name));
}

/** Run text to its end; a syntax error is a ShellError (status 2). Returns the last status. */
export function runText(sh: Shell, text: string, line = sh.st.lineno, prefix = ''): number {
  const p = parserFor(sh, new Lexer(text, null, line));
  let status = 0;
  const savedLine = sh.st.lineno;
  for (;;) {
    let list;
    try {
      list = p.parseLine();
    } catch (e) {
      if (e instanceof ParseError) {
        sh.st.lineno = e.line;
        throw new ShellError(prefix + e.message, 2);
      }
      throw e;
    }
    if (list === null) break;
    if (list.length === 0) continue;
    if (sh.st.on('noexec') && !sh.interactive) continue;
    status = runList(sh, list);
  }
  sh.st.lineno = savedLine;
  return status;
}
