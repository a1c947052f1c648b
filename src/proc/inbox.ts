/**
 * Messages to a Worker, kept from the moment they arrive until the runtime asks for one: a
 * listener that is attached only when needed could miss a message posted before it.
 */
export interface Inbox<T> {
  /** The oldest message not yet taken, once there is one. */
  next(): Promise<T>;
}

export function inbox<T>(listen: (deliver: (message: T) => void) => void): Inbox<T> {
  const queued: T[] = [];
  const waiting: Array<(message: T) => void> = [];
  listen((message) => {
    const take = waiting.shift();
    if (take) take(message);
    else queued.push(message);
  });
  return {
    next: () => (queued.length > 0 ? Promise.resolve(queued.shift()!) : new Promise<T>((resolve) => { waiting.push(resolve); })),
  };
}
