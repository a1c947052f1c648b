/**
 * A JavaScript program image as the kernel hands it to the Worker that becomes the process:
 * linked already (proc/link.ts: its imports of the posixbox modules become bindings read from
 * the parameter IMPORT_PARAM, its exports the object the body returns), so that a Worker, whose
 * locked-down intrinsics make regular expressions slow, compiles it and nothing more, and an
 * image spawned a hundred times is linked once.
 */

/** The parameter the linked body reads the posixbox modules from. */
export const IMPORT_PARAM = '$posixbox$module';

export interface LinkedImage {
  /** The path it was loaded from (tracebacks, messages). */
  readonly path: string;
  /** Strict function body; its first line is the program's first line (tracebacks keep line numbers). */
  readonly body: string;
  /** `name` or `exported: local` pairs for the object the body returns. */
  readonly exports: readonly string[];
  /** The posixbox modules it imports (statically or dynamically). */
  readonly imports: readonly string[];
  /** Set when it imports something else: the one line the process prints before exiting 1. */
  readonly error?: string;
}
