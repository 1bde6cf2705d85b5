import { describe, expect, it } from 'vitest';
import { countCoCitedIds, createFakeSource, createKeywordLabeler, generateCorpus, never } from '../../lib/hub/fakeSource';
import { FALLBACK_STAGE_MESSAGE } from '../../lib/hub/hubData';
import { createHubService, type HubSnapshot } from '../../lib/hub/service';
import { SourceError, type FallbackSource } from '../../lib/sources/types';
import type { Paper } from '../../lib/domain/paper';
import { HOUR, T0, createHarness, openAndSettle, uniqueDb, waitFor, fakeClock, manualTimers } from './hub-harness';

const openAlexPaper: Paper = {
  paperId: 'openalex:W2963403868',
  title: 'Attention Is All You Need',
  authors: ['Ashish Vaswani'],
  year: 2017,
  citationCount: 4_321,
};

describe('single flight', () => {
  it('two tabs opening the same paper share one fetch and both see every snapshot', async () => {
    const harness = createHarness();
    const secondTab: HubSnapshot[] = [];
    harness.service.subscribe(harness.corpus.arxivId, (snapshot) => secondTab.push(snapshot));

    const [first, second] = await Promise.all([harness.service.open('1706.03762'), harness.service.open('arXiv:1706.03762v5')]);
    expect(second).toBe(first);
    const final = await harness.service.whenSettled('1706.03762');
    // A third open while nothing is stale: no new requests at all.
    await harness.service.open('1706.03762');

    expect(final?.status.state).toBe('ready');
    expect(harness.source.log.filter((line) => line.startsWith('paper '))).toHaveLength(1);
    expect(harness.source.log).toHaveLength(1 + 2 + 3 + 1 + 1 + 1); // paper, 2 pages, 3 batches (all 1,200 sampled), co-cited, recommendations, references
    expect(secondTab).toEqual(harness.snapshots);
    expect(secondTab.length).toBeGreaterThan(5);
  });

  it('emits progressively: loading, header counts, citation pages, batches, co-cited, recommendations, ready', async () => {
    const harness = createHarness({ corpus: generateCorpus({ citationCount: 2_500 }), settings: { sampleSize: 1_000 } });
    await openAndSettle(harness);
    const snaps = harness.snapshots;

    expect(snaps[0]).toEqual({ data: null, status: { state: 'loading' } });
    const header = snaps[1]!;
    expect(header.status.state).toBe('partial');
    expect(header.data!.paper!.citationCount).toBe(2_500);
    expect(header.data!.citations).toHaveLength(0);
    expect(header.data!.stages.citations.status).toBe('running');

    const listed = snaps.slice(1).map((snapshot) => snapshot.data!.citations.length);
    expect(listed.slice(0, 4)).toEqual([0, 1_000, 2_000, 2_500]);
    const sampled = snaps.slice(1).map((snapshot) => snapshot.data!.provenance.batchSampled);
    // One snapshot more between the listing and the batches: the per-year stage, skipped (all 2,500 are listed).
    expect(snaps[5]!.data!.stages.yearCounts.status).toBe('skipped');
    expect(sampled.slice(4, 7)).toEqual([0, 500, 1_000]);
    const coCitedAt = snaps.findIndex((snapshot) => Object.keys(snapshot.data?.coCitedPapers ?? {}).length > 0);
    const recommendedAt = snaps.findIndex((snapshot) => (snapshot.data?.recommendations.length ?? 0) > 0);
    expect(coCitedAt).toBeGreaterThan(5);
    expect(recommendedAt).toBeGreaterThan(coCitedAt);
    const referencesAt = snaps.findIndex((snapshot) => (snapshot.data?.references.length ?? 0) > 0);
    expect(referencesAt).toBeGreaterThan(recommendedAt);
    expect(snaps.at(-1)!.status.state).toBe('ready');
    expect(snaps.slice(1, -1).every((snapshot) => snapshot.status.state === 'partial')).toBe(true);
    // Snapshots already handed out never change afterwards.
    expect(header.data!.citations).toHaveLength(0);
  });

  it('throttles progress snapshots but always delivers the final one', async () => {
    const harness = createHarness({ corpus: generateCorpus({ citationCount: 2_500 }), emitIntervalMs: 60_000 });
    await openAndSettle(harness);
    const states = harness.snapshots.map((snapshot) => snapshot.status.state);
    // Only the state changes get through within a minute: loading, the first partial, ready.
    expect(states).toEqual(['loading', 'partial', 'ready']);
    expect(harness.snapshots.at(-1)!.data!.citations).toHaveLength(2_500);
  });
});

describe('cache freshness', () => {
  it('a fresh complete hub opens with zero requests', async () => {
    const db = uniqueDb();
    const clock = fakeClock();
    const first = createHarness({ db, clock });
    await openAndSettle(first);

    clock.advance(23 * HOUR);
    const second = createHarness({ db, clock, corpus: first.corpus });
    const snapshot = await second.service.open(first.corpus.arxivId);
    expect(snapshot.status.state).toBe('ready');
    expect(snapshot.data!.citations).toHaveLength(1_200);
    expect(second.source.calls).toHaveLength(0);
  });

  it('an old hub is shown at once as stale, refreshed in the background, then ready', async () => {
    const db = uniqueDb();
    const clock = fakeClock();
    const first = createHarness({ db, clock, corpus: generateCorpus({ citationCount: 1_200 }) });
    await openAndSettle(first);

    clock.advance(25 * HOUR);
    const grown = generateCorpus({ citationCount: 1_500 });
    const second = createHarness({ db, clock, corpus: grown });
    const shown = await second.service.open(grown.arxivId);
    expect(shown.status).toEqual({ state: 'stale', dataFetchedAt: T0 });
    expect(shown.data!.citations).toHaveLength(1_200);

    const final = await second.service.whenSettled(grown.arxivId);
    expect(final!.status.state).toBe('ready');
    expect(final!.data!.citations).toHaveLength(1_500);
    expect(final!.data!.provenance.fetchedAt).toBe(T0 + 25 * HOUR);
    expect(second.snapshots.map((snapshot) => snapshot.status.state)).toEqual(['stale', 'ready']);
    const row = await db.hubs.get(grown.arxivId);
    expect(row).toMatchObject({ complete: true, fetchedAt: T0 + 25 * HOUR });
    expect(await db.progress.count()).toBe(0);
  });

  it('a malformed response during a refresh never replaces the good cached hub', async () => {
    const db = uniqueDb();
    const clock = fakeClock();
    const first = createHarness({ db, clock });
    const good = (await openAndSettle(first)).data!;

    clock.advance(48 * HOUR);
    const source = createFakeSource(first.corpus, {
      intercept: (call) => {
        if (call.method === 'getCitationsPage' && call.offset === 1_000) throw new SourceError('malformed', 'truncated JSON');
      },
    });
    const second = createHarness({ db, clock, corpus: first.corpus, source });
    const final = await openAndSettle(second);
    expect(final.status.state).toBe('stale');
    expect(final.status.message).toMatch(/^Could not refresh: Semantic Scholar sent a response that could not be read/);
    expect(final.status.dataFetchedAt).toBe(T0);
    expect(final.data).toEqual(good);
    const row = await db.hubs.get(first.corpus.arxivId);
    expect(row!.data).toEqual(good);
    expect(row!.fetchedAt).toBe(T0);
  });

  it('a malformed optional section during a refresh keeps the previous section', async () => {
    const db = uniqueDb();
    const clock = fakeClock();
    const first = createHarness({ db, clock });
    const good = (await openAndSettle(first)).data!;

    clock.advance(48 * HOUR);
    const source = createFakeSource(first.corpus, {
      intercept: (call) => {
        if (call.method === 'getRecommendations') throw new SourceError('malformed', 'HTML instead of JSON');
      },
    });
    const second = createHarness({ db, clock, corpus: first.corpus, source });
    const final = await openAndSettle(second);
    expect(final.status.state).toBe('ready');
    expect(final.data!.recommendations).toEqual(good.recommendations);
    expect(final.data!.stages.recommendations).toMatchObject({ status: 'done', message: expect.stringMatching(/^Kept from the previous fetch/) });
    expect(final.data!.provenance.fetchedAt).toBe(T0 + 48 * HOUR);
  });
});

describe('offline', () => {
  it('with nothing cached: a clear offline message, automatic retry with backoff, recovery', async () => {
    let online = false;
    const corpus = generateCorpus({ citationCount: 400 });
    const source = createFakeSource(corpus, {
      intercept: () => {
        if (!online) throw new SourceError('offline', 'Failed to fetch');
      },
    });
    const harness = createHarness({ corpus, source });
    const offline = await openAndSettle(harness);
    expect(offline.data).toBeNull();
    expect(offline.status.state).toBe('offline');
    expect(offline.status.message).toMatch(/offline and this paper has not been cached yet/);
    expect(offline.status.nextRetryAt).toBe(T0 + 15_000);
    expect(harness.timers.pending()).toEqual([{ ms: 15_000 }]);

    harness.timers.fireAll(); // still offline: the wait doubles
    await waitFor(() => harness.timers.pending().length === 1);
    expect(harness.timers.pending()).toEqual([{ ms: 30_000 }]);

    online = true;
    harness.timers.fireAll();
    await waitFor(() => harness.snapshots.at(-1)?.status.state === 'ready');
    expect(harness.snapshots.at(-1)!.data!.citations).toHaveLength(400);
  });

  it('with a cached hub: shows it with its age; retryOfflineNow() recovers at once', async () => {
    const db = uniqueDb();
    const clock = fakeClock();
    const first = createHarness({ db, clock });
    await openAndSettle(first);

    clock.advance(30 * HOUR);
    let online = false;
    const source = createFakeSource(first.corpus, {
      intercept: () => {
        if (!online) throw new SourceError('offline', 'Failed to fetch');
      },
    });
    const second = createHarness({ db, clock, corpus: first.corpus, source });
    const offline = await openAndSettle(second);
    expect(offline.status).toMatchObject({ state: 'offline', dataFetchedAt: T0 });
    expect(offline.status.message).toMatch(/showing the copy saved earlier/);
    expect(offline.data!.citations).toHaveLength(1_200);

    online = true;
    await second.service.retryOfflineNow();
    const final = await second.service.whenSettled(first.corpus.arxivId);
    expect(final!.status.state).toBe('ready');
    expect(final!.data!.provenance.fetchedAt).toBe(T0 + 30 * HOUR);
    expect(second.timers.pending()).toEqual([]);
  });
});

describe('rate limits', () => {
  it('waits out a 429 with the data shown, retries by itself, and never refetches what it has', async () => {
    const corpus = generateCorpus({ citationCount: 2_500 });
    let limited = true;
    const source = createFakeSource(corpus, {
      intercept: (call) => {
        if (call.method === 'getCitingBatch' && limited) {
          limited = false;
          throw new SourceError('rate-limited', 'HTTP 429', 429, T0 + 90_000);
        }
      },
    });
    const harness = createHarness({ corpus, source });
    const waiting = await openAndSettle(harness);
    expect(waiting.status).toMatchObject({ state: 'rate-limited', nextRetryAt: T0 + 90_000 });
    expect(waiting.data!.citations).toHaveLength(2_500);
    expect(harness.timers.pending()).toEqual([{ ms: 90_000 }]);

    harness.timers.fireAll();
    await waitFor(() => harness.snapshots.at(-1)?.status.state === 'ready');
    expect(harness.source.log.filter((line) => line.startsWith('citations'))).toHaveLength(3);
    expect(harness.source.log.filter((line) => line.startsWith('paper '))).toHaveLength(1);
    expect(harness.snapshots.at(-1)!.data!.provenance.batchSampled).toBe(2_000);
  });

  it('takes the retry time from the scheduler when the error has none, and never falls back on a 429', async () => {
    const corpus = generateCorpus({ citationCount: 100 });
    const source = createFakeSource(corpus, {
      intercept: () => {
        throw new SourceError('rate-limited', 'HTTP 429', 429);
      },
    });
    let fallbackCalls = 0;
    const fallback: FallbackSource = {
      getPaperByArxivId: async () => {
        fallbackCalls += 1;
        return openAlexPaper;
      },
    };
    const harness = createHarness({
      corpus,
      source,
      fallback,
      schedulerState: () => ({ host: 'api.semanticscholar.org', rateLimited: true, nextRetryAt: T0 + 42_000, attempts: 8 }),
    });
    const waiting = await openAndSettle(harness);
    expect(waiting).toMatchObject({ data: null, status: { state: 'rate-limited', nextRetryAt: T0 + 42_000 } });
    expect(fallbackCalls).toBe(0);
  });

  it('shows rate-limited while the scheduler waits out a 429 for the request in flight', async () => {
    const corpus = generateCorpus({ citationCount: 100 });
    let release: () => void = () => {};
    const source = createFakeSource(corpus, {
      intercept: (call) => (call.method === 'getPaper' ? new Promise<void>((resolve) => (release = resolve)) : undefined),
    });
    let schedulerWaiting = true;
    const harness = createHarness({
      corpus,
      source,
      schedulerPollMs: 5,
      schedulerState: () => ({ host: 'api.semanticscholar.org', rateLimited: schedulerWaiting, nextRetryAt: schedulerWaiting ? T0 + 8_000 : null, attempts: 2 }),
    });
    await harness.service.open(corpus.arxivId);
    await waitFor(() => harness.snapshots.at(-1)?.status.state === 'rate-limited');
    expect(harness.snapshots.at(-1)!.status.nextRetryAt).toBe(T0 + 8_000);
    schedulerWaiting = false;
    release();
    const final = await harness.service.whenSettled(corpus.arxivId);
    expect(final!.status.state).toBe('ready');
  });
});

describe('not found and fallback', () => {
  const notFound = () => {
    throw new SourceError('not-found', 'Paper with id ARXIV:1706.03762 not found', 404);
  };

  it('S2 404 with OpenAlex available: a counts-only hub, labelled as fallback', async () => {
    const corpus = generateCorpus({ citationCount: 100 });
    const source = createFakeSource(corpus, { intercept: notFound });
    const harness = createHarness({ corpus, source, fallback: { getPaperByArxivId: async () => openAlexPaper } });
    const { data, status } = await openAndSettle(harness);
    expect(status.state).toBe('ready');
    expect(data!.paper).toEqual(openAlexPaper);
    expect(data!.provenance).toMatchObject({ fallback: true, sources: ['openalex'], citationsReported: 4_321, citationsListed: 0 });
    expect(data!.stages.paper.status).toBe('done');
    for (const stage of ['citations', 'batch', 'cocitedMeta', 'recommendations', 'classify'] as const) {
      expect(data!.stages[stage]).toMatchObject({ status: 'skipped', message: FALLBACK_STAGE_MESSAGE });
    }
    expect(source.log).toEqual([]);
  });

  it('repeated 5xx on the paper also falls back to OpenAlex', async () => {
    const corpus = generateCorpus({ citationCount: 100 });
    const source = createFakeSource(corpus, {
      intercept: () => {
        throw new SourceError('server', 'HTTP 503 after 4 attempts', 503);
      },
    });
    const harness = createHarness({ corpus, source, fallback: { getPaperByArxivId: async () => openAlexPaper } });
    const { data } = await openAndSettle(harness);
    expect(data!.provenance.fallback).toBe(true);
  });

  it('S2 404 without a fallback: not-found, the "not indexed yet" state', async () => {
    const corpus = generateCorpus({ citationCount: 100 });
    const harness = createHarness({ corpus, source: createFakeSource(corpus, { intercept: notFound }) });
    const { data, status } = await openAndSettle(harness);
    expect(data).toBeNull();
    expect(status.state).toBe('not-found');
    expect(status.message).toMatch(/^Not indexed yet: Semantic Scholar does not know this paper/);
  });

  it('S2 404 and OpenAlex failing too: not-found', async () => {
    const corpus = generateCorpus({ citationCount: 100 });
    const fallback: FallbackSource = {
      getPaperByArxivId: async () => {
        throw new SourceError('not-found', 'OpenAlex 404', 404);
      },
    };
    const harness = createHarness({ corpus, source: createFakeSource(corpus, { intercept: notFound }), fallback });
    const { status } = await openAndSettle(harness);
    expect(status.state).toBe('not-found');
    expect(status.message).toMatch(/neither Semantic Scholar nor OpenAlex/);
  });
});

describe('errors', () => {
  it('a malformed answer with nothing usable is an error; open with force retries', async () => {
    const corpus = generateCorpus({ citationCount: 300 });
    let broken = true;
    const source = createFakeSource(corpus, {
      intercept: () => {
        if (broken) throw new SourceError('malformed', 'body was HTML');
      },
    });
    const harness = createHarness({ corpus, source });
    const failed = await openAndSettle(harness);
    expect(failed).toEqual({ data: null, status: { state: 'error', message: 'Semantic Scholar sent a response that could not be read. Try again.' } });
    expect(await harness.db.hubs.count()).toBe(0);

    broken = false;
    const retried = await openAndSettle(harness, { force: true });
    expect(retried.status.state).toBe('ready');
    expect(retried.data!.citations).toHaveLength(300);
  });

  it('a failing citations page keeps what was listed, and a forced retry resumes from there', async () => {
    const corpus = generateCorpus({ citationCount: 2_500 });
    let broken = true;
    const source = createFakeSource(corpus, {
      intercept: (call) => {
        if (broken && call.method === 'getCitationsPage' && call.offset === 2_000) throw new SourceError('server', 'HTTP 500', 500);
      },
    });
    const harness = createHarness({ corpus, source });
    const failed = await openAndSettle(harness);
    expect(failed.status.state).toBe('error');
    expect(failed.data!.citations).toHaveLength(2_000);
    expect(failed.data!.stages.citations.status).toBe('failed');

    broken = false;
    await openAndSettle(harness, { force: true });
    expect(source.log.filter((line) => line.startsWith('citations'))).toEqual(['citations 0', 'citations 1000', 'citations 2000']);
    expect(harness.snapshots.at(-1)!.data!.citations).toHaveLength(2_500);
  });

  it('refuses something that is not an arXiv id without any request', async () => {
    const db = uniqueDb();
    const corpus = generateCorpus({ citationCount: 10 });
    const source = createFakeSource(corpus);
    const service = createHubService({
      db,
      source,
      labeler: createKeywordLabeler(),
      topCoCitedIds: countCoCitedIds,
      now: fakeClock().now,
      settings: () => ({}),
      setTimer: manualTimers().setTimer,
    });
    const snapshot = await service.open('not-a-paper');
    expect(snapshot.status.state).toBe('error');
    expect(source.calls).toHaveLength(0);
  });

  it('dispose abandons a fetch that is stuck on a request', async () => {
    const corpus = generateCorpus({ citationCount: 10 });
    const harness = createHarness({ corpus, source: createFakeSource(corpus, { intercept: () => never() }) });
    await harness.service.open(corpus.arxivId);
    const settled = harness.service.whenSettled(corpus.arxivId);
    harness.service.dispose();
    expect((await settled)?.status.state).toBe('loading');
  });
});
