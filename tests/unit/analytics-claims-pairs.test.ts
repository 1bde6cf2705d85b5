/**
 * Measures the claim-echo matcher on hand-labelled real pairs (tests/fixtures/claims/README.md).
 * At ECHO_SIMILARITY_THRESHOLD = 0.14 it measured precision 23/36 = 0.64 and recall 23/29 = 0.79;
 * the assertions allow a small margin below those figures.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ECHO_SIMILARITY_THRESHOLD, echoSimilarities } from '../../lib/analytics/claims';
import { splitSentences } from '../../lib/analytics/sentences';
import { REFERENCE, REPO_ROOT, S2_FIXTURES } from '../paths';

interface LabelledPair {
  hub: string;
  claim: string;
  sentence: string;
  echoes: boolean;
  source: string;
  note: string;
}

const pairs: LabelledPair[] = readFileSync(join(REPO_ROOT, 'tests', 'fixtures', 'claims', 'pairs.jsonl'), 'utf8')
  .split('\n')
  .filter((line) => line.trim() !== '')
  .map((line) => JSON.parse(line) as LabelledPair);

/** Each hub's other citing sentences, so IDF is computed over a realistic hub (see the README). */
function hubCorpus(hub: string): string[] {
  if (hub === 'turing-1950') {
    const paper = JSON.parse(readFileSync(join(S2_FIXTURES, 'Paper.json'), 'utf8')) as { citations: { abstract: string | null }[] };
    return paper.citations.flatMap((citing) => (citing.abstract ? splitSentences(citing.abstract) : []));
  }
  if (hub === 'gopher-2112.11446' || hub === 'scaling-laws-2001.08361') {
    const pageLines = (file: string, from: number) => readFileSync(join(REFERENCE, file), 'utf8').split('\n').slice(from);
    return [
      ...pageLines('similar-papers-scaling-language-models.txt', 0),
      // After the header, title and abstract lines: the citing papers' TL;DRs.
      ...pageLines('hub-gopher-2112.11446.txt', 20),
      ...pageLines('hub-scaling-laws-2001.08361.txt', 20),
    ]
      .filter((line) => line.length > 80)
      .flatMap(splitSentences);
  }
  return [];
}

let scoredOnce: { similarity: number; pair: LabelledPair }[] | null = null;
function scorePairs(): { similarity: number; pair: LabelledPair }[] {
  if (scoredOnce) return scoredOnce;
  const scored: { similarity: number; pair: LabelledPair }[] = [];
  for (const hub of new Set(pairs.map((pair) => pair.hub))) {
    const hubPairs = pairs.filter((pair) => pair.hub === hub);
    const claims = [...new Set(hubPairs.map((pair) => pair.claim))];
    const sentences = [...new Set([...hubPairs.map((pair) => pair.sentence), ...hubCorpus(hub)])];
    const matrix = echoSimilarities(claims, sentences);
    for (const pair of hubPairs) {
      scored.push({ similarity: matrix[claims.indexOf(pair.claim)]![sentences.indexOf(pair.sentence)]!, pair });
    }
  }
  scoredOnce = scored;
  return scored;
}

describe('claim echo matcher on hand-labelled pairs', () => {
  it('has at least 30 real pairs with both labels', () => {
    expect(pairs.length).toBeGreaterThanOrEqual(30);
    expect(pairs.filter((pair) => pair.echoes).length).toBeGreaterThanOrEqual(10);
    expect(pairs.filter((pair) => !pair.echoes).length).toBeGreaterThanOrEqual(10);
  });

  it('keeps precision >= 0.60 and recall >= 0.75 at the shipped threshold', () => {
    const scored = scorePairs();
    const predicted = scored.filter((entry) => entry.similarity >= ECHO_SIMILARITY_THRESHOLD);
    const truePositives = predicted.filter((entry) => entry.pair.echoes).length;
    const precision = truePositives / predicted.length;
    const recall = truePositives / pairs.filter((pair) => pair.echoes).length;
    expect(precision).toBeGreaterThanOrEqual(0.6);
    expect(recall).toBeGreaterThanOrEqual(0.75);
  });

  it('scores a quoted claim far above an unrelated sentence that shares one word', () => {
    const scored = scorePairs();
    const quoted = scored.find((entry) => entry.pair.sentence === 'Can machines think?')!;
    const unrelated = scored.find((entry) => entry.pair.sentence.startsWith('Statistical thinking and magical thinking'))!;
    expect(quoted.pair.echoes).toBe(true);
    expect(quoted.similarity).toBeGreaterThanOrEqual(ECHO_SIMILARITY_THRESHOLD);
    expect(unrelated.similarity).toBeLessThan(quoted.similarity / 2);
  });
});
