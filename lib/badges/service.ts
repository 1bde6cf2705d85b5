/**
 * Citation counts for listing-page badges, in the background: cache first, then one Semantic
 * Scholar batch call per ≤ 500 missing ids through the shared request scheduler. Only the ids go
 * to the source. A rate-limited source answers the page at once (with when to retry) instead of
 * keeping it waiting through the scheduler's backoff.
 */
import { readFreshCounts, saveCounts } from '../db/citationCounts';
import type { CachedCitationCount, CitationHubDb } from '../db/database';
import type { RequestScheduler } from '../sources/scheduler';
import { SourceError, type CitationCountSource } from '../sources/types';
import { COUNTS_SOURCE, MAX_BADGE_IDS, type BadgeCounts, type CountsUnavailableReason, type PaperCitationCount } from './types';

/** The source's queue as far as rate limits go. */
export interface RateLimitWatch {
  /** While the queue waits out a rate limit: when it will try again; otherwise null. */
  retryAt(): number | null;
  /** Called when the queue starts waiting out a rate limit; returns the unsubscribe function. */
  onRateLimited(listener: (retryAt: number) => void): () => void;
}

export interface CitationCountServiceDeps {
  db: CitationHubDb;
  source: CitationCountSource;
  now: () => number;
  /** The settings' cache lifetime, read on every request. */
  cacheLifetimeMs: () => number;
  rateLimit: RateLimitWatch;
}

export interface CitationCountService {
  /** Counts for canonical bare arXiv ids (duplicates allowed, answered once). */
  counts(arxivIds: readonly string[]): Promise<BadgeCounts>;
}

type FetchedCounts = Map<string, PaperCitationCount>;

export function createCitationCountService(deps: CitationCountServiceDeps): CitationCountService {
  // Ids being fetched right now → their batch: two tabs opening the same listing share one request.
  const inFlight = new Map<string, Promise<FetchedCounts>>();

  async function fetchChunk(chunk: string[]): Promise<FetchedCounts> {
    const controller = new AbortController();
    let stopWatching: () => void = () => {};
    const rateLimited = new Promise<never>((_resolve, reject) => {
      stopWatching = deps.rateLimit.onRateLimited((retryAt) =>
        reject(new SourceError('rate-limited', 'Semantic Scholar is rate-limiting requests', 429, retryAt)),
      );
    });
    const fetching = deps.source.getCitationCounts(chunk, { signal: controller.signal });
    // Whichever loses the race must not surface as an unhandled rejection.
    rateLimited.catch(() => {});
    fetching.catch(() => {});
    try {
      const slots = await Promise.race([fetching, rateLimited]);
      const fetchedAt = deps.now();
      const rows: CachedCitationCount[] = chunk.map((arxivId, index) => ({ arxivId, citationCount: slots[index] ?? null, fetchedAt }));
      try {
        await saveCounts(deps.db, rows, fetchedAt - deps.cacheLifetimeMs());
      } catch {
        // Storage full or unavailable: the page still gets its badges, they are just not cached.
      }
      return new Map(rows.map((row) => [row.arxivId, { citationCount: row.citationCount, fetchedAt }]));
    } finally {
      stopWatching();
      // Drops the request if it is still queued or backing off after a 429; a finished one is unaffected.
      controller.abort();
    }
  }

  function fetchMissing(missing: string[]): Promise<FetchedCounts[]> {
    const pending: Promise<FetchedCounts>[] = [];
    const toFetch: string[] = [];
    for (const id of missing) {
      const shared = inFlight.get(id);
      if (shared) {
        if (!pending.includes(shared)) pending.push(shared);
      } else {
        toFetch.push(id);
      }
    }
    for (let start = 0; start < toFetch.length; start += MAX_BADGE_IDS) {
      const chunk = toFetch.slice(start, start + MAX_BADGE_IDS);
      const batch = fetchChunk(chunk);
      for (const id of chunk) inFlight.set(id, batch);
      const forget = () => {
        for (const id of chunk) if (inFlight.get(id) === batch) inFlight.delete(id);
      };
      batch.then(forget, forget);
      pending.push(batch);
    }
    return Promise.all(pending);
  }

  return {
    async counts(arxivIds) {
      const ids = [...new Set(arxivIds)];
      const now = deps.now();
      const counts: Record<string, PaperCitationCount> = {};
      const cached = await readFreshCounts(deps.db, ids, now - deps.cacheLifetimeMs()).catch(() => new Map<string, CachedCitationCount>());
      for (const [id, row] of cached) counts[id] = { citationCount: row.citationCount, fetchedAt: row.fetchedAt };
      const missing = ids.filter((id) => !cached.has(id));
      if (missing.length === 0) return { status: 'ok', source: COUNTS_SOURCE, counts };

      const waitUntil = deps.rateLimit.retryAt();
      if (waitUntil !== null && waitUntil > now) {
        return unavailable('rate-limited', 'Semantic Scholar is rate-limiting requests', waitUntil);
      }
      try {
        for (const fetched of await fetchMissing(missing)) {
          for (const id of missing) {
            const count = fetched.get(id);
            if (count) counts[id] = count;
          }
        }
      } catch (error) {
        return unavailableFrom(error);
      }
      return { status: 'ok', source: COUNTS_SOURCE, counts };
    },
  };
}

/** The scheduler's view of one host, as a RateLimitWatch. */
export function watchRateLimit(scheduler: Pick<RequestScheduler, 'getState' | 'subscribe'>, host: string, now: () => number): RateLimitWatch {
  return {
    retryAt() {
      const state = scheduler.getState(host);
      return state.rateLimited && state.nextRetryAt !== null && state.nextRetryAt > now() ? state.nextRetryAt : null;
    },
    onRateLimited(listener) {
      // Only a wait still ahead counts: the state keeps a past rate limit until the next success.
      return scheduler.subscribe((state) => {
        if (state.host === host && state.rateLimited && state.nextRetryAt !== null && state.nextRetryAt > now()) listener(state.nextRetryAt);
      });
    },
  };
}

const REASON_BY_KIND: Record<SourceError['kind'], CountsUnavailableReason> = {
  'rate-limited': 'rate-limited',
  offline: 'offline',
  malformed: 'malformed',
  server: 'server',
  forbidden: 'forbidden',
  'bad-request': 'failed',
  'not-found': 'failed',
};

function unavailableFrom(error: unknown): BadgeCounts {
  if (error instanceof SourceError) return unavailable(REASON_BY_KIND[error.kind], error.message, error.kind === 'rate-limited' ? (error.retryAt ?? null) : null);
  return unavailable('failed', error instanceof Error ? error.message : String(error), null);
}

function unavailable(reason: CountsUnavailableReason, message: string, retryAt: number | null): BadgeCounts {
  return { status: 'unavailable', reason, retryAt, message };
}
