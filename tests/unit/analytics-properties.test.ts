import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Citation, CitationSentence } from '../../lib/domain/citation';
import type { HubData } from '../../lib/domain/hub';
import { buildHubView } from '../../lib/analytics';

const intent = fc.constantFrom('background', 'methodology', 'result' as const);
const words = fc.constantFrom('scaling', 'laws', 'loss', 'compute', 'budget', 'language', 'vision', 'data', 'optimal', 'training');

const sentenceArbitrary: fc.Arbitrary<CitationSentence> = fc.record(
  {
    text: fc.array(words, { minLength: 3, maxLength: 10 }).map((list) => list.join(' ')),
    sourceIntents: fc.array(intent, { maxLength: 2 }),
    intent: fc.record({ label: intent, origin: fc.constantFrom('source', 'local' as const), confidence: fc.double({ min: 0, max: 1, noNaN: true }) }),
    polarity: fc.record({
      label: fc.constantFrom('supporting', 'contrasting', 'neutral' as const),
      confidence: fc.double({ min: 0, max: 1, noNaN: true }),
    }),
  },
  { requiredKeys: ['text', 'sourceIntents'] },
);

const citationArbitrary = (paperId: string): fc.Arbitrary<Citation> =>
  fc.record({
    citing: fc.record(
      {
        paperId: fc.constant(paperId),
        title: fc.array(words, { minLength: 1, maxLength: 4 }).map((list) => list.join(' ')),
        authors: fc.constant([]),
        year: fc.integer({ min: 2015, max: 2025 }),
        citationCount: fc.integer({ min: 0, max: 50 }),
        tldr: fc.constant('A short summary.'),
      },
      { requiredKeys: ['paperId', 'title', 'authors'] },
    ),
    isInfluential: fc.boolean(),
    intents: fc.uniqueArray(intent, { maxLength: 3 }),
    sentences: fc.array(sentenceArbitrary, { maxLength: 4 }),
  });

/** A hub with unique citing paper ids and reference lists drawn from a small pool (so works are co-cited). */
const hubArbitrary: fc.Arbitrary<HubData> = fc
  .integer({ min: 0, max: 12 })
  .chain((size) => {
    const ids = Array.from({ length: size }, (_, index) => `c${index}`);
    return fc.record({
      citations: fc.tuple(...ids.map(citationArbitrary)),
      references: fc.tuple(...ids.map(() => fc.array(fc.constantFrom('w1', 'w2', 'w3', 'w4', 'target', ''), { maxLength: 6 }))),
    });
  })
  .map(({ citations, references }) => ({
    arxivId: '2001.08361',
    paper: {
      paperId: 'target',
      title: 'Target',
      authors: [],
      abstract: 'We study scaling laws for language loss. Optimal compute budget allocation follows from data.',
      citationCount: citations.length,
    },
    citations: [...citations],
    referencesByCiting: Object.fromEntries(citations.map((citation, index) => [citation.citing.paperId, [...references[index]!]])),
    coCitedPapers: { w1: { paperId: 'w1', title: 'Work one', authors: [] } },
    recommendations: [{ paperId: 'r1', title: 'Rec', authors: [] }],
    references: [],
    yearCounts: null,
    stages: {} as HubData['stages'],
    provenance: {
      sources: ['semanticscholar'],
      fetchedAt: 0,
      fallback: false,
      droppedRows: 0,
      citationsListed: citations.length,
      citationsReported: citations.length,
      batchSampled: citations.length,
    },
  }));

function shuffle<T>(items: readonly T[], seed: number): T[] {
  const copy = [...items];
  let state = seed;
  for (let index = copy.length - 1; index > 0; index -= 1) {
    state = (state * 1103515245 + 12345) % 2147483648;
    const other = state % (index + 1);
    [copy[index], copy[other]] = [copy[other]!, copy[index]!];
  }
  return copy;
}

describe('hub view invariants', () => {
  it('per-paper counts sum to the citing papers, per-sentence counts to the labelled sentences', () => {
    fc.assert(
      fc.property(hubArbitrary, (data) => {
        const view = buildHubView(data);
        const sum = (counts: Record<string, number>) => Object.values(counts).reduce((a, b) => a + b, 0);
        const allSentences = data.citations.reduce((total, citation) => total + citation.sentences.length, 0);
        expect(sum(view.roles.perPaper)).toBe(data.citations.length);
        expect(sum(view.polarity.perPaper)).toBe(data.citations.length);
        expect(sum(view.roles.perSentence)).toBe(view.roles.totalSentences);
        expect(sum(view.polarity.perSentence)).toBe(view.polarity.classifiedSentences);
        expect(view.polarity.totalSentences).toBe(allSentences);
        expect(view.roles.totalSentences).toBeLessThanOrEqual(allSentences);
        expect(view.coverage.sentences).toBe(allSentences);
        expect(view.explorer).toHaveLength(data.citations.length);
      }),
      { numRuns: 150 },
    );
  });

  it('gives the same view whatever order citations and reference lists arrive in', () => {
    fc.assert(
      fc.property(hubArbitrary, fc.integer({ min: 1, max: 1_000_000 }), (data, seed) => {
        const shuffled: HubData = {
          ...data,
          citations: shuffle(data.citations, seed),
          referencesByCiting: Object.fromEntries(
            shuffle(Object.entries(data.referencesByCiting), seed + 1).map(([id, list]) => [id, shuffle(list, seed + 2)]),
          ),
        };
        expect(buildHubView(shuffled)).toEqual(buildHubView(data));
      }),
      { numRuns: 150 },
    );
  });
});
