/**
 * Virtual time for scheduler tests: `sleep` registers a timer, `run` fires timers in time order
 * whenever nothing else can make progress, so a minute of backoff takes microseconds and every
 * start time is exact.
 */
export interface VirtualClock {
  now(): number;
  sleep(ms: number): Promise<void>;
  /** Drives timers until `promise` settles, then returns (or rethrows) its outcome. */
  run<T>(promise: Promise<T>): Promise<T>;
  /** Timers still waiting. */
  pending(): number;
}

export function createVirtualClock(startAt = 1_750_000_000_000): VirtualClock {
  let current = startAt;
  let sequence = 0;
  const timers: { at: number; sequence: number; resolve: () => void }[] = [];

  return {
    now: () => current,
    sleep(ms: number) {
      return new Promise<void>((resolve) => {
        timers.push({ at: current + Math.max(0, ms), sequence: sequence++, resolve });
      });
    },
    async run<T>(promise: Promise<T>): Promise<T> {
      let settled = false;
      promise.then(
        () => (settled = true),
        () => (settled = true),
      );
      for (let step = 0; step < 1_000_000; step++) {
        await drainTasks();
        if (settled) return promise;
        timers.sort((a, b) => a.at - b.at || a.sequence - b.sequence);
        const next = timers.shift();
        if (!next) throw new Error('virtual clock: the promise waits for something other than a timer');
        current = Math.max(current, next.at);
        next.resolve();
      }
      throw new Error('virtual clock: too many steps');
    },
    pending: () => timers.length,
  };
}

async function drainTasks(): Promise<void> {
  const nextTask = (globalThis as { setImmediate?: (callback: () => void) => unknown }).setImmediate ?? ((callback: () => void) => setTimeout(callback, 0));
  for (let turn = 0; turn < 4; turn++) await new Promise<void>((resolve) => nextTask(() => resolve()));
}
