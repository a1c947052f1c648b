/**
 * The CLI's stdio for a program. When the host's stdin is a terminal, `posixbox run` puts it in
 * raw mode and connects it to a pseudo-terminal (the kernel's line discipline does the editing,
 * echo and ^C), forwarding the window size; the mode is restored when the run ends, by error
 * too, and on process exit. Otherwise (or when the caller asks for no terminal) the program gets
 * the host's streams as they are.
 */
import type { Kernel, StdioSpec } from '../kernel/kernel.js';
import { HostInput } from '../fs/hoststream.js';

export interface HostStdio {
  readonly stdio: readonly [StdioSpec, StdioSpec, StdioSpec];
  /** Let go of the host's terminal (idempotent). */
  release(): void;
}

/** `tty`: whether to connect a pseudo-terminal (default: when stdin is a terminal). */
export function hostStdio(k: Kernel, uid: number, o: { readonly tty?: boolean } = {}): HostStdio {
  const { stdin, stdout, stderr } = process;
  if (!(o.tty ?? stdin.isTTY) || !stdin.isTTY) {
    const input = new HostInput();
    const onData = (b: Buffer): void => input.push(new Uint8Array(b));
    stdin.on('data', onData);
    stdin.once('end', () => input.end());
    return {
      stdio: [
        { kind: 'input', input },
        { kind: 'sink', write: (b) => stdout.write(b), fifo: !stdout.isTTY },
        { kind: 'sink', write: (b) => stderr.write(b), fifo: !stderr.isTTY },
      ],
      release() {
        stdin.off('data', onData);
        stdin.pause();
        stdin.unref?.();
      },
    };
  }
  const size = (): [number, number] => [stdout.rows ?? 24, stdout.columns ?? 80];
  const [rows, cols] = size();
  const pty = k.openpty({ uid, rows, cols });
  pty.onOutput((b) => stdout.write(b));
  const onData = (b: Buffer): void => pty.write(new Uint8Array(b));
  const onResize = (): void => pty.resize(...size());
  const wasRaw = stdin.isRaw;
  const restoreMode = (): void => { stdin.setRawMode(wasRaw); };
  stdin.setRawMode(true);
  stdin.on('data', onData);
  stdin.resume();
  stdout.on('resize', onResize);
  process.once('exit', restoreMode);
  let released = false;
  return {
    stdio: [{ kind: 'tty', pty }, { kind: 'tty', pty }, { kind: 'tty', pty }],
    release() {
      if (released) return;
      released = true;
      stdout.off('resize', onResize);
      stdin.off('data', onData);
      restoreMode();
      process.off('exit', restoreMode);
      stdin.pause();
      stdin.unref?.();
      pty.close();
    },
  };
}
