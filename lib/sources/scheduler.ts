import { SourceError, type SchedulerState } from './types';

/** What one attempt produced; `retryAfterMs` is the server's `Retry-After`, when it sent one. */
export type AttemptResult<T> = { ok: true; value: T } | { ok: false; error: SourceError; retryAfterMs?: number | null };

export interface ScheduleOptions {
  /** Cancels a request still queued or waiting to retry; rejects with the signal's reason. */
  signal?: AbortSignal;
}

export interface RequestScheduler {
  /**
   * Runs `attempt` in the queue of `url`'s host, retrying it on 429 and 5xx-like failures
   * (SourceError kinds `rate-limited` and `server`); any other failure is returned at once.
   */
  schedule<T>(url: string, attempt: () => Promise<AttemptResult<T>>, options?: ScheduleOptions): Promise<T>;
  getState(host: string): SchedulerState;
  /** Called with a host's state whenever it changes; returns the unsubscribe function. */
  subscribe(listener: (state: SchedulerState) => void): () => void;
  /** E.g. when the user adds or removes an API key. */
  setMinInterval(host: string, ms: number): void;
}

export const SEMANTIC_SCHOLAR_HOST = 'api.semanticscholar.org';
export const OPENALEX_HOST = 'api.openalex.org';

/** Where a host's pacing survives a service-worker restart (MV3 stops idle workers mid-fetch). */
export interface PacingStore {
  load(): Promise<Record<string, HostPacing>>;
  save(host: string, pacing: HostPacing): void;
}

export interface HostPacing {
  lastStartAt: number;
  notBefore: number;
}

export interface SchedulerOptions {
  /** Restores the last start and any pending wait per host, so a restarted worker stays polite. */
  pacingStore?: PacingStore;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
  /** In [0, 1); drives the jitter. */
  random?: () => number;
  /**
   * Minimum time between the STARTS of two requests to a host, retries included.
   * Default: 1,000 ms for Semantic Scholar (the anonymous pool is shared and keys get 1 RPS),
   * 100 ms for OpenAlex (its cap is 100 req/s for everyone; we stay far below), 0 elsewhere.
   */
  minIntervalMs?: Record<string, number>;
  defaultMinIntervalMs?: number;
  /** Backoff before retry n (1-based) is uniform in [0, min(maxDelayMs, baseDelayMs·2^(n−1))) — "full jitter". */
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** Attempts (first try included) before a request that keeps getting 429 is rejected as `rate-limited`. */
  maxRateLimitedAttempts?: number;
  /** Attempts before a request that keeps failing with 5xx/timeouts is rejected as `server`. */
  maxServerAttempts?: number;
  /**
   * A `Retry-After` longer than this (e.g. an OpenAlex budget that resets at midnight) is not slept
   * through in the queue: the request is rejected at once with `retryAt` set to that moment.
   */
  maxRetryAfterMs?: number;
}

export const DEFAULT_SCHEDULER_OPTIONS = {
  minIntervalMs: { [SEMANTIC_SCHOLAR_HOST]: 1_000, [OPENALEX_HOST]: 100 } as Record<string, number>,
  defaultMinIntervalMs: 0,
  baseDelayMs: 1_000,
  maxDelayMs: 60_000,
  maxRateLimitedAttempts: 8,
  maxServerAttempts: 4,
  maxRetryAfterMs: 5 * 60_000,
};

interface HostQueue {
  tail: Promise<void>;
  /** Start of the latest attempt; -Infinity before the first. */
  lastStartAt: number;
  /** No attempt starts before this (backoff, Retry-After, or a give-up's retryAt). */
  notBefore: number;
  state: SchedulerState;
}

/**
 * A polite request queue: one FIFO per host, one request in flight per host, starts spaced by the
 * host's interval, exponential backoff with full jitter on 429/5xx (Retry-After honoured: the
 * longer of the two wins). A 429 only ever makes the queue wait — it never changes the request.
 * While a request backs off, the whole host waits: a 429 is about the client, not the URL.
 */
export function createScheduler(options: SchedulerOptions = {}): RequestScheduler {
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const random = options.random ?? Math.random;
  const intervals: Record<string, number> = { ...DEFAULT_SCHEDULER_OPTIONS.minIntervalMs, ...options.minIntervalMs };
  const defaultInterval = options.defaultMinIntervalMs ?? DEFAULT_SCHEDULER_OPTIONS.defaultMinIntervalMs;
  const baseDelayMs = options.baseDelayMs ?? DEFAULT_SCHEDULER_OPTIONS.baseDelayMs;
  const maxDelayMs = options.maxDelayMs ?? DEFAULT_SCHEDULER_OPTIONS.maxDelayMs;
  const maxRateLimitedAttempts = options.maxRateLimitedAttempts ?? DEFAULT_SCHEDULER_OPTIONS.maxRateLimitedAttempts;
  const maxServerAttempts = options.maxServerAttempts ?? DEFAULT_SCHEDULER_OPTIONS.maxServerAttempts;
  const maxRetryAfterMs = options.maxRetryAfterMs ?? DEFAULT_SCHEDULER_OPTIONS.maxRetryAfterMs;

  const queues = new Map<string, HostQueue>();
  const listeners = new Set<(state: SchedulerState) => void>();
  const restoredPacing: Promise<Record<string, HostPacing>> = options.pacingStore
    ? options.pacingStore.load().catch(() => ({}))
    : Promise.resolve({});
  const restoredHosts = new Set<string>();

  async function restorePacing(queue: HostQueue, host: string): Promise<void> {
    if (restoredHosts.has(host)) return;
    restoredHosts.add(host);
    const saved = (await restoredPacing)[host];
    if (!saved) return;
    if (Number.isFinite(saved.lastStartAt)) queue.lastStartAt = Math.max(queue.lastStartAt, saved.lastStartAt);
    if (Number.isFinite(saved.notBefore)) queue.notBefore = Math.max(queue.notBefore, saved.notBefore);
  }

  function persistPacing(queue: HostQueue, host: string): void {
    try {
      options.pacingStore?.save(host, { lastStartAt: queue.lastStartAt, notBefore: queue.notBefore });
    } catch {
      // Losing pacing across a restart only costs politeness margin, never the request.
    }
  }

  function queueFor(host: string): HostQueue {
    let queue = queues.get(host);
    if (!queue) {
      queue = {
        tail: Promise.resolve(),
        lastStartAt: Number.NEGATIVE_INFINITY,
        notBefore: Number.NEGATIVE_INFINITY,
        state: { host, rateLimited: false, nextRetryAt: null, attempts: 0 },
      };
      queues.set(host, queue);
    }
    return queue;
  }

  function update(queue: HostQueue, change: Partial<SchedulerState>): void {
    queue.state = { ...queue.state, ...change };
    const snapshot = { ...queue.state };
    for (const listener of listeners) {
      try {
        listener(snapshot);
      } catch {
        // A broken UI listener must not stall the network queue.
      }
    }
  }

  async function waitForTurn(queue: HostQueue, host: string, signal: AbortSignal | undefined): Promise<void> {
    for (;;) {
      throwIfAborted(signal);
      const interval = intervals[host] ?? defaultInterval;
      const readyAt = Math.max(queue.lastStartAt + interval, queue.notBefore);
      const wait = readyAt - now();
      if (wait <= 0) return;
      await sleep(wait);
    }
  }

  function backoffDelay(attempt: number): number {
    const ceiling = Math.min(maxDelayMs, baseDelayMs * 2 ** (attempt - 1));
    return Math.floor(random() * ceiling);
  }

  async function run<T>(host: string, queue: HostQueue, attempt: () => Promise<AttemptResult<T>>, signal: AbortSignal | undefined): Promise<T> {
    await restorePacing(queue, host);
    for (let attempts = 1; ; attempts++) {
      await waitForTurn(queue, host, signal);
      queue.lastStartAt = now();
      persistPacing(queue, host);
      update(queue, { attempts });
      const result = await attempt();

      if (result.ok) {
        update(queue, { rateLimited: false, nextRetryAt: null, attempts: 0 });
        return result.value;
      }
      const { error } = result;
      if (error.kind !== 'rate-limited' && error.kind !== 'server') {
        // The server answered (404, 400, …) or the network is down: retrying cannot help here.
        update(queue, { rateLimited: false, nextRetryAt: null, attempts: 0 });
        throw error;
      }

      const retryAfterMs = result.retryAfterMs ?? null;
      const delay = Math.max(retryAfterMs ?? 0, backoffDelay(attempts));
      const retryAt = now() + delay;
      queue.notBefore = Math.max(queue.notBefore, retryAt);
      persistPacing(queue, host);
      const rateLimited = error.kind === 'rate-limited';
      const limit = rateLimited ? maxRateLimitedAttempts : maxServerAttempts;
      const waitTooLong = retryAfterMs !== null && retryAfterMs > maxRetryAfterMs;

      if (attempts >= limit || waitTooLong) {
        update(queue, { rateLimited, nextRetryAt: rateLimited ? retryAt : null, attempts });
        const why = waitTooLong ? `the server asked to wait ${Math.round(retryAfterMs / 1000)} s` : `${attempts} attempts`;
        throw new SourceError(error.kind, `${error.message} (gave up after ${why})`, error.status, rateLimited ? retryAt : undefined);
      }
      update(queue, { rateLimited, nextRetryAt: retryAt, attempts });
    }
  }

  return {
    schedule<T>(url: string, attempt: () => Promise<AttemptResult<T>>, scheduleOptions: ScheduleOptions = {}): Promise<T> {
      let host: string;
      try {
        host = new URL(url).host;
      } catch {
        return Promise.reject(new SourceError('bad-request', `not a URL: ${url.split('?')[0]}`));
      }
      const queue = queueFor(host);
      const result = queue.tail.then(() => run(host, queue, attempt, scheduleOptions.signal));
      queue.tail = result.then(
        () => undefined,
        () => undefined,
      );
      return result;
    },
    getState(host: string): SchedulerState {
      return { ...queueFor(host).state };
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    setMinInterval(host, ms) {
      intervals[host] = ms;
    },
  };
}

function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw signal.reason ?? new Error('aborted');
}
