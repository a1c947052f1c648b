/**
 * A wait queue (Linux's wait_queue_head_t): sleepers register a wake-up function; whoever changes
 * the state they wait on calls wakeAll(). Wake-ups run in registration order (deterministic).
 */
export class WaitQueue {
  private readonly waiters = new Set<() => void>();

  add(wake: () => void): () => void {
    this.waiters.add(wake);
    return () => this.waiters.delete(wake);
  }

  wakeAll(): void {
    const ws = [...this.waiters];
    this.waiters.clear();
    for (const w of ws) w();
  }

  get size(): number {
    return this.waiters.size;
  }
}

/** File operations that may block: the kernel parks a caller on `waitQueue` after EAGAIN. */
export interface Waitable {
  readonly waitQueue: WaitQueue;
}

export function isWaitable(x: object): x is Waitable {
  return 'waitQueue' in x && (x as { waitQueue: unknown }).waitQueue instanceof WaitQueue;
}
