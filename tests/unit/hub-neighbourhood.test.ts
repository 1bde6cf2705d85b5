import { describe, expect, it } from 'vitest';
import { createFakeSource, generateCorpus } from '../../lib/hub/fakeSource';
import { SourceError, type YearCountsSource } from '../../lib/sources/types';
import { createHarness, openAndSettle } from './hub-harness';

/** An OpenAlex stand-in that records what it was asked. */
function yearCountsSource(answer: () => Promise<{ year: number; count: number }[]>): YearCountsSource & { asked: string[] } {
  const asked: string[] = [];
  return {
    asked,
    getCountsByYear(arxivId) {
      asked.push(arxivId);
      return answer();
    },
  };
}

describe('hub stages: OpenAlex citations per year', () => {
  it('asks OpenAlex once when Semantic Scholar lists fewer citing papers than it reports, and keeps its counts', async () => {
    const corpus = generateCorpus({ citationCount: 300, reportedCount: 170_735 });
    const openAlex = yearCountsSource(async () => [{ year: 2023, count: 60_000 }, { year: 2024, count: 80_000 }]);
    const harness = createHarness({ corpus, yearCounts: openAlex });
    const final = await openAndSettle(harness);
    expect(final.status.state).toBe('ready');
    expect(openAlex.asked).toEqual(['1706.03762']);
    expect(final.data!.yearCounts).toEqual([{ year: 2023, count: 60_000 }, { year: 2024, count: 80_000 }]);
    expect(final.data!.stages.yearCounts.status).toBe('done');
    // Semantic Scholar requests are unchanged: the per-year counts come from OpenAlex alone.
    expect(harness.source.log.filter((line) => line.startsWith('paper '))).toHaveLength(1);
  });

  it('does not ask when every reported citing paper is listed', async () => {
    const openAlex = yearCountsSource(async () => [{ year: 2024, count: 1 }]);
    const harness = createHarness({ corpus: generateCorpus({ citationCount: 300 }), yearCounts: openAlex });
    const final = await openAndSettle(harness);
    expect(openAlex.asked).toEqual([]);
    expect(final.data!.yearCounts).toBeNull();
    expect(final.data!.stages.yearCounts.status).toBe('skipped');
  });

  it.each([
    ['rate-limited', new SourceError('rate-limited', '429', 429)],
    ['not found', new SourceError('not-found', '404', 404)],
  ])('an OpenAlex failure (%s) marks the stage failed and the hub is still ready', async (_name, failure) => {
    const openAlex = yearCountsSource(() => Promise.reject(failure));
    const harness = createHarness({ corpus: generateCorpus({ citationCount: 300, reportedCount: 5_000 }), yearCounts: openAlex });
    const final = await openAndSettle(harness);
    expect(final.status.state).toBe('ready');
    expect(final.data!.stages.yearCounts.status).toBe('failed');
    expect(final.data!.stages.yearCounts.message).toMatch(/OpenAlex/);
    expect(final.data!.yearCounts).toBeNull();
    expect(final.data!.references).toHaveLength(39);
  });
});

describe('hub stages: references', () => {
  it('a failing references request leaves the rest of the hub ready and says why', async () => {
    const corpus = generateCorpus({ citationCount: 300 });
    const source = createFakeSource(corpus, {
      intercept: (call) => {
        if (call.method === 'getReferencesPage') throw new SourceError('server', 'HTTP 500', 500);
      },
    });
    const harness = createHarness({ corpus, source });
    const final = await openAndSettle(harness);
    expect(final.status.state).toBe('ready');
    expect(final.data!.stages.references.status).toBe('failed');
    expect(final.data!.stages.references.message).toMatch(/HTTP 500/);
    expect(final.data!.citations).toHaveLength(300);
  });

  it('a cached reopen asks for nothing, references included', async () => {
    const harness = createHarness({ corpus: generateCorpus({ citationCount: 300 }) });
    await openAndSettle(harness);
    const before = harness.source.log.length;
    const again = await openAndSettle(harness);
    expect(harness.source.log.length).toBe(before);
    expect(again.data!.references).toHaveLength(39);
  });
});
