import { beforeAll, describe, expect, it } from 'vitest';
import { createFakeSource, generateCorpus, never, type FakeCorpus } from '../../lib/hub/fakeSource';
import type { HubData } from '../../lib/domain/hub';
import { HOUR, createHarness, fakeClock, openAndSettle, uniqueDb, waitFor, withoutTimestamps } from './hub-harness';

const SETTINGS = { sampleSize: 600 };

async function uninterruptedRun(corpus: FakeCorpus): Promise<{ log: string[]; data: HubData }> {
  const harness = createHarness({ corpus, settings: SETTINGS });
  const { data } = await openAndSettle(harness);
  return { log: [...harness.source.log], data: data! };
}

describe('resumable fetch', () => {
  const corpus = generateCorpus({ citationCount: 2_100 });
  let reference: { log: string[]; data: HubData };
  beforeAll(async () => {
    reference = await uninterruptedRun(corpus);
  });

  it('the uninterrupted run takes 9 requests', () => {
    // paper, 3 citation pages, 2 batches (500 + 100 of the 600 sampled), co-cited metadata, recommendations, references
    expect(reference.log).toHaveLength(9);
  });

  it.each([0, 1, 2, 3, 4, 5, 6, 7, 8])(
    'a worker stopped during request %i resumes in a new service: no request repeated, identical hub',
    async (killAt) => {
      const db = uniqueDb();
      const clock = fakeClock();
      let killed = false;
      const doomed = createFakeSource(corpus, {
        intercept: (_call, index) => {
          if (index !== killAt) return undefined;
          killed = true;
          return never(); // the worker is stopped while this request is out
        },
      });
      const first = createHarness({ db, clock, corpus, source: doomed, settings: SETTINGS });
      await first.service.open(corpus.arxivId);
      await waitFor(() => killed);

      clock.advance(5 * 60_000); // the browser restarts the worker a few minutes later; a tab asks again
      const second = createHarness({ db, clock, corpus, settings: SETTINGS });
      const resumed = await second.service.open(corpus.arxivId);
      expect(resumed.status.state).toBe(killAt === 0 ? 'loading' : 'partial');
      const final = await second.service.whenSettled(corpus.arxivId);

      expect([...doomed.log, ...second.source.log]).toEqual(reference.log);
      expect(final!.status.state).toBe('ready');
      expect(withoutTimestamps(final!.data)).toEqual(withoutTimestamps(reference.data));
      expect(final!.data!.provenance.fetchedAt).toBe(clock.now());
      expect(await db.progress.count()).toBe(0);
    },
  );

  it('shows the stored partial hub at once when resuming', async () => {
    const db = uniqueDb();
    let killed = false;
    const doomed = createFakeSource(corpus, {
      intercept: (call) => {
        if (call.method !== 'getCitationsPage' || call.offset !== 2_000) return undefined;
        killed = true;
        return never();
      },
    });
    const first = createHarness({ db, corpus, source: doomed, settings: SETTINGS });
    await first.service.open(corpus.arxivId);
    await waitFor(() => killed);

    const row = await db.hubs.get(corpus.arxivId);
    expect(row).toMatchObject({ complete: false });
    expect(row!.data.citations).toHaveLength(2_000);
    const progress = await db.progress.get(corpus.arxivId);
    expect(progress!.citationOffsets).toEqual([0, 1_000]);

    const second = createHarness({ db, corpus, settings: SETTINGS });
    const shown = await second.service.open(corpus.arxivId);
    expect(shown.status.state).toBe('partial');
    expect(shown.data!.citations).toHaveLength(2_000);
  });

  it('a refresh stopped half-way resumes as a refresh, keeping the old hub on screen until it completes', async () => {
    const db = uniqueDb();
    const clock = fakeClock();
    const old = generateCorpus({ citationCount: 600 });
    await openAndSettle(createHarness({ db, clock, corpus: old, settings: SETTINGS }));

    clock.advance(30 * HOUR);
    const grown = generateCorpus({ citationCount: 1_500 });
    const reference = await uninterruptedRun(grown);
    let killed = false;
    const doomed = createFakeSource(grown, {
      intercept: (call) => {
        if (call.method !== 'getCitingBatch') return undefined;
        killed = true;
        return never();
      },
    });
    const first = createHarness({ db, clock, corpus: grown, source: doomed, settings: SETTINGS });
    await first.service.open(grown.arxivId);
    await waitFor(() => killed);
    const cachedMeanwhile = await db.hubs.get(grown.arxivId);
    expect(cachedMeanwhile).toMatchObject({ complete: true });
    expect(cachedMeanwhile!.data.citations).toHaveLength(600);

    clock.advance(60_000);
    const second = createHarness({ db, clock, corpus: grown, settings: SETTINGS });
    const shown = await second.service.open(grown.arxivId);
    expect(shown.status.state).toBe('stale');
    expect(shown.data!.citations).toHaveLength(600);
    const final = await second.service.whenSettled(grown.arxivId);

    expect(second.source.log.some((line) => line.startsWith('citations'))).toBe(false);
    expect([...doomed.log, ...second.source.log]).toEqual(reference.log);
    expect(withoutTimestamps(final!.data)).toEqual(withoutTimestamps(reference.data));
  });
});
