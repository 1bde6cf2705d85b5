import { describe, expect, it } from 'vitest';
import type { Paper } from '../../lib/domain/paper';
import { UNKNOWN_TITLE, buildCoCited, countCoCitations, globalSaltonStrength, saltonStrength, topCoCitedIds } from '../../lib/analytics/cocitation';

const T = 'target';
/*
 * Hand-built sample. Reference lists of the target's citing papers:
 *   c1: A, B, T, A, C   (A twice: counted once)
 *   c2: A, C, T
 *   c3: B, A, null, ''  (invalid ids dropped)
 *   c4: (empty)         -> no reference list, not in the basis
 *   c5: T               -> in the basis, co-cites nothing
 *   c6: D, c6           -> cites itself (dropped); D once
 * basis = c1, c2, c3, c5, c6 = 5
 * counts: A = c1, c2, c3 = 3; B = c1, c3 = 2; C = c1, c2 = 2; D = c6 = 1 (below the minimum of 2)
 * strength = count / sqrt(basis × count): A = 3 / sqrt(15) = 0.7746, B = C = 2 / sqrt(10) = 0.6325
 * ranking: A (3), then B and C (2 each, equal strength) by id: B, C
 */
const referencesByCiting = {
  c1: ['A', 'B', T, 'A', 'C'],
  c2: ['A', 'C', T],
  c3: ['B', 'A', null as unknown as string, ''],
  c4: [],
  c5: [T],
  c6: ['D', 'c6'],
};
const paper = (paperId: string, title: string): Paper => ({ paperId, title, authors: ['Someone'] });

describe('co-citation counts', () => {
  it('counts citing papers that cite both, once per citing paper', () => {
    const { basis, counts } = countCoCitations(referencesByCiting, T);
    expect(basis).toBe(5);
    expect(Object.fromEntries(counts)).toEqual({ A: 3, B: 2, C: 2, D: 1 });
  });

  it('computes the Salton cosine strength', () => {
    expect(saltonStrength(3, 5)).toBeCloseTo(0.7746, 4);
    expect(saltonStrength(2, 5)).toBeCloseTo(0.6325, 4);
    expect(saltonStrength(5, 5)).toBe(1);
    expect(saltonStrength(0, 0)).toBe(0);
  });
});

describe('co-cited ranking', () => {
  it('ranks by count, then strength, then id, and drops works co-cited only once', () => {
    expect(topCoCitedIds(referencesByCiting, T, 30)).toEqual(['A', 'B', 'C']);
    expect(topCoCitedIds(referencesByCiting, T, 2)).toEqual(['A', 'B']);
  });

  it('is the same whatever order the lists and their entries came in', () => {
    const shuffled = {
      c6: ['c6', 'D'],
      c3: ['', 'A', 'B'],
      c5: [T],
      c2: [T, 'C', 'A'],
      c4: [],
      c1: ['C', 'A', T, 'B', 'A'],
    };
    expect(topCoCitedIds(shuffled, T, 30)).toEqual(['A', 'B', 'C']);
  });

  it('attaches metadata and keeps works without it under a placeholder title', () => {
    const { coCited, basis } = buildCoCited(referencesByCiting, T, { A: paper('A', 'Attention'), C: paper('C', 'Chinchilla') });
    expect(basis).toBe(5);
    expect(coCited.map((work) => [work.paper.title, work.count])).toEqual([
      ['Attention', 3],
      [UNKNOWN_TITLE, 2],
      ['Chinchilla', 2],
    ]);
    expect(coCited[0]!.strength).toBeCloseTo(Math.sqrt(3 / 5), 10);
    expect(coCited[1]!.paper).toEqual({ paperId: 'B', title: 'Unknown title', authors: [] });
  });

  it('returns nothing without reference lists', () => {
    expect(buildCoCited({}, T, {})).toEqual({ coCited: [], basis: 0 });
  });
});

describe('whole-graph strength when citation counts are known', () => {
  it('weighs a work everyone cites below one cited mostly alongside the target', () => {
    // Target T has 100 citing papers; the sample of 4 all list both X and Y.
    // X has 10,000 citations in total, Y only 200: same count, Y is the more specific co-citation.
    const refs = { c1: ['X', 'Y'], c2: ['X', 'Y'], c3: ['X', 'Y'], c4: ['X', 'Y'] };
    const meta = {
      X: { paperId: 'X', title: 'Everyone cites this', authors: [], citationCount: 10_000 },
      Y: { paperId: 'Y', title: 'Niche companion', authors: [], citationCount: 200 },
    };
    const { coCited } = buildCoCited(refs, 'T', meta, 30, 100);
    expect(coCited.map((work) => work.paper.paperId)).toEqual(['Y', 'X']);
    // scaled = 4 × 100 / 4 = 100; X: 100 / sqrt(100 × 10,000) = 0.1; Y: 100 / sqrt(100 × 200) ≈ 0.7071
    expect(coCited[0]!.strength).toBeCloseTo(0.7071, 4);
    expect(coCited[1]!.strength).toBeCloseTo(0.1, 4);
  });

  it('never exceeds 1 and falls back to the sample cosine without counts', () => {
    expect(globalSaltonStrength(4, 4, 100, 50)).toBe(1);
    expect(globalSaltonStrength(2, 4, 0, 50)).toBeCloseTo(saltonStrength(2, 4), 10);
  });
});
