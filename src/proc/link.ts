/**
 * Linking a program (the kernel's loader for JavaScript images, as binfmt is Linux's): an ES
 * module's source text → the body of a function that the process's compartment evaluates
 * (os/confine.ts), handed to the Worker as a LinkedImage (abi/image.ts). A program may import `posixbox/os` and `posixbox/lesson` and nothing
 * else: its imports of them become bindings taken from the function's one parameter, its exports
 * the object the function returns. Anything else it imports is refused with one line saying what
 * it may import and that dependencies must be bundled.
 *
 * This is not a full module system, on purpose: a program is one module (bundle it if it has
 * dependencies), so only import and export forms at the start of a line (an import also after
 * a `;`) are rewritten: what bundlers and people write. Everything else is evaluated as written, as strict code.
 */

import { IMPORT_PARAM, mentionedGlobals, type LinkedImage } from '../kernel/abi/image.js';

export { IMPORT_PARAM };

/** The modules a program may import. */
export const IMPORTABLE: ReadonlySet<string> = new Set(['posixbox/os', 'posixbox/lesson']);

/** A program that imports something it may not: the one-line reason. */
export class LinkError extends Error {
  constructor(path: string, readonly spec: string) {
    super(`${path}: cannot import '${spec}': a program can import only posixbox/os and posixbox/lesson (bundle any other dependency into the program)`);
    this.name = 'LinkError';
  }
}

export interface LinkedProgram {
  /** Strict function body; its first line is the program's first line (tracebacks keep line numbers). */
  readonly body: string;
  /** `name` or `exported: local` pairs for the object the body returns. */
  readonly exports: readonly string[];
  /** The modules it imports (statically or dynamically). */
  readonly imports: ReadonlySet<string>;
}

const STATIC_IMPORT = /(^|;)([ \t]*)import\s+(?:([A-Za-z_$][\w$]*)\s*(?:,\s*)?)?(?:\{([^}]*)\}|\*\s*as\s+([A-Za-z_$][\w$]*))?\s*(?:from\s*)?(['"])([^'"\n]*)\6[ \t]*;?/gm;
const DYNAMIC_IMPORT = /\bimport\s*\(\s*(?:(['"`])([^'"`\n]*)\1\s*\))?/g;
const LINE_EXPORT = /^([ \t]*)export[ \t]+((?:async[ \t]+)?function\*?|class|const|let|var)[ \t]+([A-Za-z_$][\w$]*)/gm;
const DEFAULT_DECL = /^([ \t]*)export[ \t]+default[ \t]+((?:async[ \t]+)?function\*?|class)([ \t]+[A-Za-z_$][\w$]*)?/gm;
const DEFAULT_EXPR = /^([ \t]*)export[ \t]+default[ \t]+/gm;
const EXPORT_CLAUSE = /^[ \t]*export[ \t]*\{([^}]*)\}[ \t]*;?[ \t]*$/gm;
const IDENT = /^[A-Za-z_$][\w$]*$/;
const REEXPORT = /^([ \t]*)export\s*(\*(?:\s+as\s+[A-Za-z_$][\w$]*)?|\{[^}]*\})\s*from\s*(['"])([^'"\n]*)\3[ \t]*;?/gm;

function bindings(dflt: string | undefined, named: string | undefined, ns: string | undefined, from: string): string {
  if (ns) return dflt ? `const ${ns} = ${from}, ${dflt} = ${ns}.default;` : `const ${ns} = ${from};`;
  const parts: string[] = [];
  if (dflt) parts.push(`default: ${dflt}`);
  for (const item of (named ?? '').split(',').map((x) => x.trim()).filter(Boolean)) {
    const [name, alias] = item.split(/\s+as\s+/);
    parts.push(alias ? `${name}: ${alias}` : name!);
  }
  return parts.length ? `const { ${parts.join(', ')} } = ${from};` : '';
}

/**
 * Link `source` (the text of a program image, `#!` line and all) for `path`. Throws LinkError for
 * an import of anything but the posixbox modules.
 */
export function linkProgram(source: string, path: string): LinkedProgram {
  const imports = new Set<string>();
  const need = (spec: string): string => {
    if (!IMPORTABLE.has(spec)) throw new LinkError(path, spec);
    imports.add(spec);
    return `${IMPORT_PARAM}(${JSON.stringify(spec)})`;
  };
  // The `#!` line goes, its newline stays: line N of the body is line N of the file.
  let body = source.startsWith('#!') ? source.slice(source.indexOf('\n') >= 0 ? source.indexOf('\n') : source.length) : source;
  body = body.replace(STATIC_IMPORT, (m, lead: string, indent: string, dflt: string | undefined, named: string | undefined, ns: string | undefined, _q: string, spec: string) =>
    `${lead}${indent}${bindings(dflt, named, ns, need(spec))}${'\n'.repeat(m.split('\n').length - 1)}`);
  body = body.replace(DYNAMIC_IMPORT, (m, _q: string | undefined, spec: string | undefined) => {
    if (spec === undefined) throw new LinkError(path, m.includes('(') ? 'import(…)' : m);
    return `Promise.resolve(${need(spec)})`;
  });
  const exports: string[] = [];
  // `export { a, b as c } from 'posixbox/os'`: bindings, then exports; anything else from elsewhere is refused.
  body = body.replace(REEXPORT, (m, indent: string, what: string, _q: string, spec: string) => {
    const from = need(spec);
    if (!what.startsWith('{')) return m; // export * from a posixbox module: left as written (a SyntaxError)
    const items = what.slice(1, -1).split(',').map((x) => x.trim()).filter(Boolean).map((x) => x.split(/\s+as\s+/));
    if (items.some((p) => p.length > 2 || !p.every((n) => IDENT.test(n)))) return m;
    const locals = items.map(([name], i) => `${name}: $reexport${i}$`);
    items.forEach(([name, alias], i) => exports.push(`${alias ?? name}: $reexport${i}$`));
    return `${indent}const { ${locals.join(', ')} } = ${from};${'\n'.repeat(m.split('\n').length - 1)}`;
  });
  body = body.replace(LINE_EXPORT, (_m, indent: string, kind: string, name: string) => {
    exports.push(name);
    return `${indent}${kind} ${name}`;
  });
  body = body.replace(DEFAULT_DECL, (_m, indent: string, kind: string, name: string | undefined) => {
    const local = name?.trim() ?? '$default$';
    exports.push(`default: ${local}`);
    return `${indent}${kind} ${local}`;
  });
  body = body.replace(DEFAULT_EXPR, (_m, indent: string) => {
    exports.push('default: $default$');
    return `${indent}const $default$ = `;
  });
  body = body.replace(EXPORT_CLAUSE, (m, list: string) => {
    const items = list.split(',').map((x) => x.trim()).filter(Boolean).map((x) => x.split(/\s+as\s+/));
    if (items.some((p) => p.length > 2 || !p.every((n) => IDENT.test(n)))) return m; // left as written: a SyntaxError
    for (const [local, exported] of items) exports.push(exported && exported !== local ? `${exported}: ${local}` : local!);
    return '';
  });
  return { body, exports, imports };
}

/** A link's result, whatever the path: the program, or the import it may not make. */
type Linked = (LinkedProgram & { readonly mentions: readonly string[] }) | { readonly refused: string };

function link(source: string): Linked {
  try {
    const linked = linkProgram(source, '');
    return { ...linked, mentions: mentionedGlobals(linked.body) };
  } catch (e) {
    if (!(e instanceof LinkError)) throw e;
    return { refused: e.spec };
  }
}

function imageOf(linked: Linked, path: string): LinkedImage {
  if ('refused' in linked) return { path, body: '', exports: [], imports: [], error: new LinkError(path, linked.refused).message };
  return { path, body: linked.body, exports: linked.exports, imports: [...linked.imports], mentions: linked.mentions };
}

/** The image handed to a Worker: linked, or carrying the one line that says why it cannot be. */
export function linkImage(source: string, path: string): LinkedImage {
  return imageOf(link(source), path);
}

/** How much source text the linked images a kernel keeps may add up to (each holds a body about that size). */
const LINKED_BYTES = 32 * 2 ** 20;

/**
 * Linked programs by source text, the oldest given up past LINKED_BYTES (a program larger than
 * that is linked each time, never kept): the path only names the image, so many links to one
 * file share one entry. The exec path hands back the same string for an unchanged file
 * (exec.ts imageText), so a hit costs a lookup.
 */
export class LinkCache {
  private readonly bySource = new Map<string, Linked>();
  private bytes = 0;

  get(source: string, path: string): LinkedImage {
    let linked = this.bySource.get(source);
    if (!linked) {
      linked = link(source);
      if (source.length <= LINKED_BYTES) {
        for (const [old] of this.bySource) {
          if (this.bytes + source.length <= LINKED_BYTES) break;
          this.bySource.delete(old);
          this.bytes -= old.length;
        }
        this.bySource.set(source, linked);
        this.bytes += source.length;
      }
    }
    return imageOf(linked, path);
  }
}
