/**
 * The shell's syntax tree (POSIX XCU 2.9/2.10), a discriminated union on `t`. Plain data only
 * (no classes, no functions), so a tree can be serialized as JSON and handed to a subshell
 * process (see subshell.ts). A word keeps its quoting as parts; expansion (expand/*.ts) walks
 * the parts and quote removal is implicit in which part a character came from.
 */

/** One piece of a word. `lit` is unquoted text; `sq`, `esc` and `dq` are quoted. */
export type WordPart =
  | { readonly t: 'lit'; readonly v: string }
  | { readonly t: 'sq'; readonly v: string }
  | { readonly t: 'esc'; readonly v: string }
  | { readonly t: 'dq'; readonly parts: readonly WordPart[] }
  | ParamPart
  | { readonly t: 'cmd'; readonly body: List; readonly bq: boolean }
  | { readonly t: 'arith'; readonly expr: Word };

/** `$name`, `${name}`, `${#name}`, `${name op arg}`; op is one of - = ? + # ## % %% (colon separate). */
export interface ParamPart {
  readonly t: 'param';
  readonly name: string;
  readonly len?: boolean;
  readonly op?: '-' | '=' | '?' | '+' | '#' | '##' | '%' | '%%';
  readonly colon?: boolean;
  readonly arg?: Word;
  /** A malformed `${…}`: expanding it fails with "Bad substitution" (dash reports it at run time). */
  readonly bad?: boolean;
}

export interface Word {
  readonly parts: readonly WordPart[];
  /** The source text of the word (for messages, `set -x`-free uses like case pattern display). */
  readonly text: string;
}

export type RedirOp = '<' | '>' | '>>' | '<>' | '>|' | '<&' | '>&' | '<<' | '<<-';

export interface Redir {
  readonly op: RedirOp;
  /** The descriptor named before the operator, if any. */
  readonly fd?: number;
  /** The file, descriptor or (for here-documents) the delimiter word. */
  readonly target: Word;
  /** A here-document's body: literal text if the delimiter was quoted, else a word to expand. */
  here?: { readonly quoted: boolean; readonly body: Word };
}

export interface Assign {
  readonly name: string;
  readonly value: Word;
}

export interface SimpleCommand {
  readonly t: 'simple';
  readonly assigns: readonly Assign[];
  readonly words: readonly Word[];
  readonly redirs: readonly Redir[];
  readonly line: number;
}

export interface CaseItem {
  readonly patterns: readonly Word[];
  readonly body: List;
}

export type Compound =
  | { readonly t: 'subshell'; readonly body: List; readonly redirs: readonly Redir[]; readonly line: number }
  | { readonly t: 'group'; readonly body: List; readonly redirs: readonly Redir[]; readonly line: number }
  | { readonly t: 'if'; readonly clauses: readonly { readonly cond: List; readonly body: List }[]; readonly else?: List; readonly redirs: readonly Redir[]; readonly line: number }
  | { readonly t: 'loop'; readonly until: boolean; readonly cond: List; readonly body: List; readonly redirs: readonly Redir[]; readonly line: number }
  | { readonly t: 'for'; readonly name: string; readonly items?: readonly Word[]; readonly body: List; readonly redirs: readonly Redir[]; readonly line: number }
  | { readonly t: 'case'; readonly word: Word; readonly items: readonly CaseItem[]; readonly redirs: readonly Redir[]; readonly line: number };

export interface FuncDef {
  readonly t: 'func';
  readonly name: string;
  readonly body: Command;
  readonly line: number;
}

export type Command = SimpleCommand | Compound | FuncDef;

export interface Pipeline {
  readonly bang: boolean;
  readonly cmds: readonly Command[];
}

export interface AndOr {
  readonly first: Pipeline;
  readonly rest: readonly { readonly op: '&&' | '||'; readonly pipe: Pipeline }[];
  /** Ended by `&`: run asynchronously. */
  readonly bg: boolean;
  /** Source text, for job listings. */
  readonly text: string;
}

export type List = readonly AndOr[];
