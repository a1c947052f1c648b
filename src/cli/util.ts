/** Small things the CLI's commands share. */
import type { Kernel, SpawnOptions } from '../kernel/kernel.js';
import type { HostStdio } from './terminal.js';

/** A wait status as a shell reports it: the exit code, or 128 + the signal. */
export function exitCodeOf(status: number): number {
  return (status & 0x7f) === 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f);
}

/** Resolves once everything written to `stream` so far is out. */
export async function flushed(stream: NodeJS.WriteStream): Promise<void> {
  await new Promise<void>((r) => stream.write('', () => r()));
}

/**
 * Run one process on the host's stdio to its end, report any kernel bug, shut the kernel down,
 * and give the exit code a shell would report.
 */
export async function runToEnd(k: Kernel, host: HostStdio, o: Omit<SpawnOptions, 'stdio'>): Promise<number> {
  let status: number;
  try {
    status = await k.spawn({ ...o, stdio: host.stdio }).exited;
  } finally {
    host.release();
  }
  for (const b of k.bugs) process.stderr.write(`posixbox: kernel bug in pid ${b.pid} (${b.call}): ${b.error}\n`);
  await k.shutdownAndWait();
  await flushed(process.stdout);
  return exitCodeOf(status);
}
