import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { createCitationCountService, watchRateLimit, type CitationCountService } from '../../lib/badges/service';
import type { BadgeCounts } from '../../lib/badges/types';
import { openDatabase, type CitationHubDb } from '../../lib/db/database';
import { createScheduler, SEMANTIC_SCHOLAR_HOST } from '../../lib/sources/scheduler';
import { COUNT_FIELDS, createSemanticScholarClient } from '../../lib/sources/semanticScholar/client';
import { createFakeFetch, type FakeAnswer, type FakeFetch, type RecordedRequest, type StoredInteraction, type StoredResponse } from '../../lib/sources/testing/fakeFetch';
import { REPO_ROOT } from '../paths';

const HOUR = 3_600_000;
const RATE_LIMITED = (JSON.parse(readFileSync(resolve(REPO_ROOT, 'tests', 'fixtures', 's2-constructed', '429-retry-after.json'), 'utf8')) as { interactions: StoredInteraction[] })
  .interactions[0]!.response;

const ok = (body: unknown): StoredResponse => ({ status: 200, headers: { 'content-type': 'application/json' }, body });
const askedIds = (request: RecordedRequest | undefined): string[] => (request?.body as { ids: string[] }).ids;

/** A small S2: knows these arXiv ids with these counts; null slots for everything else. */
function s2Knowing(known: Record<string, number>) {
  return (request: RecordedRequest): FakeAnswer =>
    ok(askedIds(request).map((prefixed) => {
      const id = prefixed.replace(/^ARXIV:/, '');
      return id in known ? { paperId: `s2-${id}`, citationCount: known[id] } : null;
    }));
}

const databases: CitationHubDb[] = [];
let counter = 0;
afterEach(async () => {
  for (const db of databases.splice(0)) {
    db.close();
    await Dexie.delete(db.name);
  }
});

interface Harness {
  service: CitationCountService;
  fetch: FakeFetch;
  db: CitationHubDb;
  now(): number;
  /** Moves the clock; nothing else happens by itself. */
  advance(ms: number): void;
  counts(ids: string[]): Promise<BadgeCounts>;
}

/**
 * Time stands still unless a test moves it: the scheduler's waits only yield a macrotask, and
 * requests are not spaced (pacing is the scheduler's own tested business). A backoff after a 429
 * therefore never ends by itself; the service must answer without waiting for it.
 */
function harness(handler: (request: RecordedRequest, index: number) => FakeAnswer, options: { lifetimeMs?: number } = {}): Harness {
  let now = 1_750_000_000_000;
  const scheduler = createScheduler({
    now: () => now,
    sleep: () => new Promise<void>((resolve) => setTimeout(resolve, 1)),
    random: () => 0.5,
    minIntervalMs: { [SEMANTIC_SCHOLAR_HOST]: 0 },
  });
  const fetch = createFakeFetch(handler);
  const source = createSemanticScholarClient({ fetch, scheduler });
  const db = openDatabase(`badges-test-${++counter}`);
  databases.push(db);
  const service = createCitationCountService({
    db,
    source,
    now: () => now,
    cacheLifetimeMs: () => options.lifetimeMs ?? 24 * HOUR,
    rateLimit: watchRateLimit(scheduler, SEMANTIC_SCHOLAR_HOST, () => now),
  });
  return { service, fetch, db, now: () => now, advance: (ms) => void (now += ms), counts: (ids) => service.counts(ids) };
}

const settle = () => new Promise<void>((resolve) => setTimeout(resolve, 20));

function countsOf(reply: BadgeCounts): Record<string, number | null> {
  if (reply.status !== 'ok') throw new Error(`expected counts, got ${reply.reason}: ${reply.message}`);
  return Object.fromEntries(Object.entries(reply.counts).map(([id, count]) => [id, count.citationCount]));
}

describe('badge counts: what goes to Semantic Scholar', () => {
  it('sends only the bare arXiv ids, once each, asking for the count field alone', async () => {
    const h = harness(s2Knowing({ '1706.03762': 120_345, 'hep-th/9711200': 17_000 }));
    const reply = await h.counts(['1706.03762', 'hep-th/9711200', '1706.03762']);
    expect(countsOf(reply)).toEqual({ '1706.03762': 120_345, 'hep-th/9711200': 17_000 });
    expect(h.fetch.requests).toHaveLength(1);
    const [request] = h.fetch.requests;
    expect(request?.method).toBe('POST');
    expect(request?.body).toEqual({ ids: ['ARXIV:1706.03762', 'ARXIV:hep-th/9711200'] });
    expect(new URL(request!.url).pathname).toBe('/graph/v1/paper/batch');
    expect(new URL(request!.url).searchParams.get('fields')).toBe(COUNT_FIELDS.join(','));
  });

  it('splits more than 500 missing ids into batches of at most 500, keeping every count', async () => {
    const ids = Array.from({ length: 1_203 }, (_, index) => `2411.${String(index + 10_000).padStart(5, '0')}`);
    const known = Object.fromEntries(ids.map((id, index) => [id, index]));
    const h = harness(s2Knowing(known));
    const reply = await h.counts(ids);
    expect(h.fetch.requests.map((request) => askedIds(request).length)).toEqual([500, 500, 203]);
    expect(countsOf(reply)).toEqual(known);
  });
});

describe('badge counts: cache', () => {
  it('answers a second time from the cache with zero requests, keeping the first fetch time', async () => {
    const h = harness(s2Knowing({ '2001.08361': 4_321 }));
    const first = await h.counts(['2001.08361', '2411.10002']);
    expect(h.fetch.requests).toHaveLength(1);
    const second = await h.counts(['2411.10002', '2001.08361']);
    expect(h.fetch.requests).toHaveLength(1);
    expect(second).toEqual(first);
    expect(second).toMatchObject({ status: 'ok', source: 'Semantic Scholar', counts: { '2001.08361': { citationCount: 4_321, fetchedAt: h.now() } } });
  });

  it('asks only for the ids it does not have fresh', async () => {
    const h = harness(s2Knowing({ '2001.08361': 1, '2112.11446': 2, '2203.15556': 3 }));
    await h.counts(['2001.08361', '2112.11446']);
    await h.counts(['2001.08361', '2112.11446', '2203.15556']);
    expect(h.fetch.requests.map(askedIds)).toEqual([['ARXIV:2001.08361', 'ARXIV:2112.11446'], ['ARXIV:2203.15556']]);
  });

  it('refetches counts older than the cache lifetime', async () => {
    const known = { '2001.08361': 10 };
    const h = harness(s2Knowing(known), { lifetimeMs: 2 * HOUR });
    await h.counts(['2001.08361']);
    h.advance(2 * HOUR + 1);
    known['2001.08361'] = 11;
    expect(countsOf(await h.counts(['2001.08361']))).toEqual({ '2001.08361': 11 });
    expect(h.fetch.requests).toHaveLength(2);
  });

  it('shares one request between two pages asking at the same time', async () => {
    const h = harness(s2Knowing({ '2001.08361': 5 }));
    const [a, b] = await Promise.all([h.counts(['2001.08361']), h.counts(['2001.08361'])]);
    expect(countsOf(a)).toEqual({ '2001.08361': 5 });
    expect(countsOf(b)).toEqual({ '2001.08361': 5 });
    expect(h.fetch.requests).toHaveLength(1);
  });
});

describe('badge counts: unknown papers and failures', () => {
  it('maps null slots to "not indexed" (null count) and caches that too', async () => {
    const h = harness(s2Knowing({ '1706.03762': 9 }));
    const reply = await h.counts(['1706.03762', '2411.10002']);
    expect(countsOf(reply)).toEqual({ '1706.03762': 9, '2411.10002': null });
    await h.counts(['2411.10002']);
    expect(h.fetch.requests).toHaveLength(1);
  });

  it('a 429 answers at once as rate-limited with when to retry, makes no second request, caches nothing', async () => {
    const h = harness(() => RATE_LIMITED);
    const asked = h.now();
    const reply = await h.counts(['1706.03762']);
    expect(reply).toMatchObject({ status: 'unavailable', reason: 'rate-limited' });
    // The fixture's Retry-After is 3 s; the scheduler's jittered backoff may add to it, never subtract.
    const retryAt = reply.status === 'unavailable' ? reply.retryAt : null;
    expect(retryAt).not.toBeNull();
    expect(retryAt! - asked).toBeGreaterThanOrEqual(3_000);
    // Let the scheduler's wait run out: the dropped request is not sent again.
    h.advance(120_000);
    await settle();
    expect(h.fetch.requests).toHaveLength(1);
    expect(await h.db.citationCounts.count()).toBe(0);
  });

  it('while the source is rate-limited, answers without any request until the retry time', async () => {
    let limited = true;
    const h = harness((request) => (limited ? RATE_LIMITED : s2Knowing({ '1706.03762': 3 })(request)));
    await h.counts(['1706.03762']);
    const again = await h.counts(['2001.08361']);
    expect(again).toMatchObject({ status: 'unavailable', reason: 'rate-limited' });
    expect(h.fetch.requests).toHaveLength(1);
    limited = false;
    h.advance(120_000);
    await settle();
    expect(countsOf(await h.counts(['1706.03762']))).toEqual({ '1706.03762': 3 });
  });

  it.each([
    ['a count of the wrong type', [{ paperId: 'x', citationCount: 'many' }]],
    ['a record without paperId', [{ citationCount: 5 }]],
    ['fewer records than ids', []],
    ['an object instead of the array', { data: [] }],
  ])('malformed (%s) is an error and nothing is cached', async (_name, body) => {
    const h = harness(() => ok(body));
    const reply = await h.counts(['1706.03762']);
    expect(reply).toMatchObject({ status: 'unavailable', reason: 'malformed', retryAt: null });
    expect(await h.db.citationCounts.count()).toBe(0);
  });

  it('a dead network is "offline", nothing cached', async () => {
    const h = harness(() => 'network-error');
    expect(await h.counts(['1706.03762'])).toMatchObject({ status: 'unavailable', reason: 'offline' });
    expect(await h.db.citationCounts.count()).toBe(0);
  });

  it('a count S2 withholds (null) is shown as not indexed, not as an error', async () => {
    const h = harness(() => ok([{ paperId: 'x', citationCount: null }]));
    expect(countsOf(await h.counts(['1706.03762']))).toEqual({ '1706.03762': null });
  });
});
