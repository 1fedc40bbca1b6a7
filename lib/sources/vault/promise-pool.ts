/**
 * A tiny concurrency limiter: at most `size` tasks run at once, the rest wait in FIFO order.
 * The whole walk shares one limiter, so the bound holds across mounts and phases (a recursive
 * KV walk holds a slot only for its own request, never while waiting on children: no deadlock).
 */
export interface Limiter {
  run<T>(task: () => Promise<T>): Promise<T>;
  readonly active: number;
}

export function createLimiter(size: number, signal?: AbortSignal): Limiter {
  if (!Number.isInteger(size) || size < 1) throw new RangeError(`concurrency must be a positive integer, got ${size}`);
  const waiting: (() => void)[] = [];
  let active = 0;

  // A finishing task hands its slot straight to the next waiter, so a newcomer cannot slip in
  // between and push the count over `size`.
  const release = () => {
    const next = waiting.shift();
    if (next) next();
    else active--;
  };

  return {
    get active() {
      return active;
    },
    async run<T>(task: () => Promise<T>): Promise<T> {
      if (active >= size) await new Promise<void>((resolve) => waiting.push(resolve));
      else active++;
      try {
        // Checked after the wait so an abort stops queued work, not only new work.
        signal?.throwIfAborted();
        return await task();
      } finally {
        release();
      }
    },
  };
}
