import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Citation, CitationSentence } from '../../lib/domain/citation';
import { firstSorted } from '../../lib/analytics/firstSorted';
import { summarizePolarity } from '../../lib/analytics/polarity';
import { scoreQueriesAgainstDocuments } from '../../lib/analytics/tfidf';
import { tokenizeForMatching } from '../../lib/analytics/tokens';

/**
 * The TF-IDF cosine as documented in tfidf.ts, computed the plain way (a map of weights per text),
 * to check the fast scorer against.
 */
function referenceSimilarities(queries: readonly string[], documents: readonly string[]): number[][] {
  const texts = [...queries, ...documents].map(tokenizeForMatching);
  const documentFrequency = new Map<string, number>();
  for (const terms of texts) for (const term of new Set(terms)) documentFrequency.set(term, (documentFrequency.get(term) ?? 0) + 1);
  const vectors = texts.map((terms) => {
    const counts = new Map<string, number>();
    for (const term of terms) counts.set(term, (counts.get(term) ?? 0) + 1);
    const weights = new Map<string, number>();
    for (const [term, count] of counts) {
      const idf = Math.log((1 + texts.length) / (1 + documentFrequency.get(term)!)) + 1;
      weights.set(term, (1 + Math.log(count)) * idf);
    }
    const norm = Math.sqrt([...weights.values()].reduce((sum, weight) => sum + weight * weight, 0));
    return { weights, norm };
  });
  return queries.map((_, query) =>
    documents.map((_, document) => {
      const a = vectors[query]!;
      const b = vectors[queries.length + document]!;
      if (a.norm === 0 || b.norm === 0) return 0;
      let dot = 0;
      for (const [term, weight] of a.weights) dot += weight * (b.weights.get(term) ?? 0);
      return dot / (a.norm * b.norm);
    }),
  );
}

function denseScores(queries: readonly string[], documents: readonly string[]): number[][] {
  return scoreQueriesAgainstDocuments(queries, documents, 0).map((row) => {
    const dense = new Array<number>(documents.length).fill(0);
    for (const { document, similarity } of row) dense[document] = similarity;
    return dense;
  });
}

// Short and long words, words that agree on their first ten letters, upper case, non-ASCII,
// digits, citation markers and math: every path of the word scanner and its lookup table.
const word = fc.constantFrom(
  'scaling', 'Scaling', 'SCALING', 'laws', 'compute', 'optimal', 'tokens', 'gpt3', '280b', '2020',
  'qwertyuiop', 'qwertyuiopz', 'zyxwvutsrqab', 'zyxwvutsrqcd', 'internationalization', 'internationalisation',
  'naïve', 'naive', 'Σοφία', 'ΣΟΦΊΑ', 'straße', '日本語', 'we', 'the', '[12]', '(Kaplan et al., 2020)', '$x^2$',
);
const sentence = fc.array(word, { minLength: 1, maxLength: 12 }).map((words) => words.join(' '));

describe('claim matching (TF-IDF scorer)', () => {
  it('gives the similarities of the plain TF-IDF cosine', () => {
    fc.assert(
      fc.property(fc.array(sentence, { minLength: 1, maxLength: 4 }), fc.array(sentence, { maxLength: 25 }), (queries, documents) => {
        const expected = referenceSimilarities(queries, documents);
        const actual = denseScores(queries, documents);
        actual.forEach((row, query) => row.forEach((similarity, document) => expect(similarity).toBeCloseTo(expected[query]![document]!, 12)));
      }),
      { numRuns: 200 },
    );
  });

  it('keeps words that share their first ten letters apart', () => {
    // Ten letters is as long as a word's numeric key stays exact; longer words are compared by their letters.
    expect(scoreQueriesAgainstDocuments(['zyxwvutsrqab'], ['zyxwvutsrqcd', 'zyxwvutsrqab'], 0)).toEqual([[{ document: 1, similarity: 1 }]]);
    expect(scoreQueriesAgainstDocuments(['qwertyuiop'], ['qwertyuiopz', 'qwertyuiop'], 0)).toEqual([[{ document: 1, similarity: 1 }]]);
  });

  it('tells thousands of distinct words apart, short, long and non-ASCII', () => {
    // Each document's three words occur nowhere else: a query equal to one document matches it alone.
    const documents = Array.from({ length: 3_000 }, (_, index) => {
      const id = index.toString(36);
      return `k${id}q supercalifragilistic${id}q ñandú${id}q`;
    });
    const [matches] = scoreQueriesAgainstDocuments([documents[1_234]!], documents, 0);
    expect(matches).toHaveLength(1);
    expect(matches![0]!.document).toBe(1_234);
    expect(matches![0]!.similarity).toBeCloseTo(1, 12);
  });

  it('lists a pair only at or above the threshold', () => {
    const queries = ['compute optimal scaling laws'];
    const documents = ['compute optimal training', 'scaling laws', 'vision transformers', 'compute optimal scaling laws'];
    const all = denseScores(queries, documents)[0]!;
    const kept = scoreQueriesAgainstDocuments(queries, documents, 0.5)[0]!;
    expect(kept.map((match) => match.document)).toEqual(all.flatMap((similarity, document) => (similarity >= 0.5 ? [document] : [])));
    expect(kept.at(-1)).toEqual({ document: 3, similarity: expect.closeTo(1, 12) as number });
  });
});

describe('firstSorted', () => {
  it('is the start of a stable sort', () => {
    const byKey = (a: { key: number }, b: { key: number }) => a.key - b.key;
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 5 }), { maxLength: 40 }), fc.integer({ min: 0, max: 45 }), (keys, count) => {
        // Few distinct keys: many ties, whose input order must survive.
        const items = keys.map((key, position) => ({ key, position }));
        expect(firstSorted(items, byKey, count)).toEqual([...items].sort(byKey).slice(0, count));
      }),
    );
  });
});

describe('polarity examples from a paper cited more than once', () => {
  function citation(paperId: string, text: string, confidence: number): Citation {
    const sentence: CitationSentence = { text, sourceIntents: [], polarity: { label: 'contrasting', confidence } };
    return { citing: { paperId, title: paperId, authors: [] }, isInfluential: false, intents: [], sentences: [sentence] };
  }

  it("shows the paper once, with its best sentence, even when its better citation comes after others' ", () => {
    const citations = [
      citation('p', 'p weak', 0.61),
      citation('a', 'a', 0.9),
      citation('b', 'b', 0.8),
      citation('c', 'c', 0.7),
      citation('d', 'd', 0.65),
      citation('e', 'e', 0.64),
      citation('p', 'p strong', 0.95),
    ];
    expect(summarizePolarity(citations).examples.contrasting.map((example) => example.text)).toEqual(['p strong', 'a', 'b', 'c', 'd']);
  });

  it('keeps the earlier, better sentence when the later citation is weaker', () => {
    const citations = [citation('p', 'p strong', 0.95), citation('a', 'a', 0.9), citation('p', 'p weak', 0.91)];
    expect(summarizePolarity(citations).examples.contrasting.map((example) => example.text)).toEqual(['p strong', 'a']);
  });
});
