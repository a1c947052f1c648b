/** Small things the CLI's commands share. */

/** A wait status as a shell reports it: the exit code, or 128 + the signal. */
export function exitCodeOf(status: number): number {
  return (status & 0x7f) === 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f);
}

/** Resolves once everything written to `stream` so far is out. */
export async function flushed(stream: NodeJS.WriteStream): Promise<void> {
  await new Promise<void>((r) => stream.write('', () => r()));
}
