/** The shape of a VFS table row. */
import type { Call, Tree, User } from './helpers.js';

export interface Row {
  readonly name: string;
  /** Extra tree on top of BASE_TREE. */
  readonly tree?: Tree;
  /** Calls made as root before the one under test; each must not fail. */
  readonly setup?: readonly Call[];
  /** Who makes the call (default root). */
  readonly as?: User;
  readonly cwd?: string;
  readonly umask?: number;
  readonly call: Call;
  /** The rendered result: 'ok', a summary, content, or an errno name. */
  readonly expect: string;
  /** Checks made as root afterwards: [call, expected]. */
  readonly then?: readonly (readonly [Call, string])[];
}
