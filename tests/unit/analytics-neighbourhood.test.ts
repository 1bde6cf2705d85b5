import { describe, expect, it } from 'vitest';
import type { Citation, Reference } from '../../lib/domain/citation';
import type { Paper } from '../../lib/domain/paper';
import { buildCoCitationLinks, countPairCoCitations, thinLinks } from '../../lib/analytics/cocitationMap';
import { buildReferences, filterReferences } from '../../lib/analytics/references';
import { citationRole } from '../../lib/analytics/roles';
import { buildTimeline } from '../../lib/analytics/timeline';

const paper = (paperId: string, extra: Partial<Paper> = {}): Paper => ({ paperId, title: `Title ${paperId}`, authors: [], ...extra });

describe('citations per year', () => {
  const citation = (id: string, year: number | undefined, intent: 'background' | 'methodology' | 'result' | null, isInfluential = false): Citation => ({
    citing: paper(id, year === undefined ? {} : { year }),
    isInfluential,
    intents: intent ? [intent] : [],
    sentences: [],
  });
  // 2019: 2 (background, methodology*), 2020: none, 2021: 3 (result, background, unclassified*), no year: 1.  (* influential)
  const citations = [
    citation('a', 2019, 'background'),
    citation('b', 2019, 'methodology', true),
    citation('c', 2021, 'result'),
    citation('d', 2021, 'background'),
    citation('e', 2021, null, true),
    citation('f', undefined, 'background'),
  ];

  it.each([
    { year: 2019, total: 2, perRole: { background: 1, methodology: 1, result: 0, unclassified: 0 }, influential: 1 },
    { year: 2020, total: 0, perRole: { background: 0, methodology: 0, result: 0, unclassified: 0 }, influential: 0 },
    { year: 2021, total: 3, perRole: { background: 1, methodology: 0, result: 1, unclassified: 1 }, influential: 1 },
  ])('year $year: $total listed, split by role', (expected) => {
    const timeline = buildTimeline(citations, citations.map(citationRole), null, 10);
    expect(timeline.years.find((entry) => entry.year === expected.year)).toEqual(expected);
  });

  it('runs without gaps, and the bars plus the undated papers add up to the papers listed', () => {
    const timeline = buildTimeline(citations, citations.map(citationRole), null, 10);
    expect(timeline.years.map((entry) => entry.year)).toEqual([2019, 2020, 2021]);
    expect(timeline.undated).toBe(1);
    expect(timeline.years.reduce((sum, entry) => sum + entry.total, 0) + timeline.undated).toBe(timeline.listed);
    expect(timeline).toMatchObject({ listed: 6, reported: 10, allCitations: null, earlier: 0 });
  });

  it("keeps OpenAlex's all-citation counts oldest first", () => {
    const timeline = buildTimeline(citations, citations.map(citationRole), [{ year: 2021, count: 900 }, { year: 2019, count: 40 }], 170_735);
    expect(timeline.allCitations).toEqual([{ year: 2019, count: 40 }, { year: 2021, count: 900 }]);
  });

  it('is empty for no citing papers', () => {
    expect(buildTimeline([], [], [], 0)).toEqual({ years: [], undated: 0, earlier: 0, listed: 0, reported: 0, allCitations: [] });
  });
});

describe('references: roles and order', () => {
  const reference = (id: string | null, opts: Partial<Reference> & { citationCount?: number } = {}): Reference => ({
    cited: id === null ? null : paper(id, opts.citationCount === undefined ? {} : { citationCount: opts.citationCount }),
    title: opts.title ?? `Title ${id}`,
    isInfluential: opts.isInfluential ?? false,
    intents: opts.intents ?? [],
    sentences: opts.sentences ?? [],
  });
  const references = [
    reference('low', { citationCount: 10, sentences: [{ text: 'We use their tokenizer.', sourceIntents: ['methodology'] }] }),
    reference('high', { citationCount: 5_000, sentences: [{ text: 'Background on transformers.', sourceIntents: ['background'] }, { text: 'More background.', sourceIntents: ['background'] }] }),
    reference('key', { citationCount: 50, isInfluential: true, intents: ['result'] }),
    reference(null, { title: 'A technical report' }),
  ];

  it('lists influential references first, then by citation count; unresolved ones last, by title', () => {
    const view = buildReferences(references, 6);
    expect(view.rows.map((row) => row.reference.title)).toEqual(['Title key', 'Title high', 'Title low', 'A technical report']);
    expect(view.rows.map((row) => row.role)).toEqual(['result', 'background', 'methodology', 'unclassified']);
  });

  it.each([
    ['background', 1],
    ['methodology', 1],
    ['result', 1],
    ['unclassified', 1],
  ] as const)('counts %s references: %i', (role, count) => {
    expect(buildReferences(references, 6).roles.perPaper[role]).toBe(count);
  });

  it('counts sentences by role and reports listed, reported and unresolved', () => {
    const view = buildReferences(references, 6);
    expect(view.roles.perSentence).toEqual({ background: 2, methodology: 1, result: 0 });
    expect(view.roles.totalPapers).toBe(4);
    expect(view).toMatchObject({ listed: 4, reported: 6, unresolved: 1 });
    expect(buildReferences(references, undefined).reported).toBeNull();
  });

  it('filters by every term in title, authors, venue or sentences', () => {
    const rows = buildReferences(references, 6).rows;
    expect(filterReferences(rows, 'tokenizer').map((row) => row.reference.title)).toEqual(['Title low']);
    expect(filterReferences(rows, 'TECHNICAL report').map((row) => row.reference.title)).toEqual(['A technical report']);
    expect(filterReferences(rows, 'title background')).toHaveLength(1);
    expect(filterReferences(rows, '  ')).toHaveLength(4);
  });
});

describe('co-citation between co-cited works', () => {
  /*
   * Sampled citing papers' reference lists over works A–D (T the target):
   *   p1: A B C   p2: A B   p3: A B D   p4: A C   p5: C D   p6: A A B (A counted once)
   * counts (from the co-cited list): A 5, B 4, C 3, D 2
   * pairs: A–B 4 (p1 p2 p3 p6), A–C 2 (p1 p4), B–C 1, A–D 1, B–D 1, C–D 1 (p5)
   * strength: A–B 4/√(5·4) = 0.894, A–C 2/√(5·3) = 0.516
   */
  const refs = { p1: ['T', 'A', 'B', 'C'], p2: ['A', 'B'], p3: ['A', 'B', 'D'], p4: ['A', 'C'], p5: ['C', 'D'], p6: ['A', 'A', 'B'] };
  const works = [
    { paper: paper('A'), count: 5 },
    { paper: paper('B'), count: 4 },
    { paper: paper('C'), count: 3 },
    { paper: paper('D'), count: 2 },
  ];

  it.each([
    ['A', 'B', 4, 0.894],
    ['A', 'C', 2, 0.516],
  ])('%s–%s: cited together by %i sampled papers, strength %f', (source, target, count, strength) => {
    const link = countPairCoCitations(refs, works).find((entry) => entry.source === source && entry.target === target);
    expect(link?.count).toBe(count);
    expect(link?.strength).toBeCloseTo(strength, 3);
  });

  it('drops pairs cited together by fewer than two papers', () => {
    expect(countPairCoCitations(refs, works).map((link) => `${link.source}-${link.target}`)).toEqual(['A-B', 'A-C']);
    expect(countPairCoCitations(refs, works, 1)).toHaveLength(6);
  });

  it("keeps only each work's strongest links", () => {
    const links = [
      { source: 'A', target: 'B', count: 9, strength: 0.9 },
      { source: 'A', target: 'C', count: 8, strength: 0.8 },
      { source: 'A', target: 'D', count: 7, strength: 0.7 },
      { source: 'B', target: 'C', count: 6, strength: 0.6 },
    ];
    // With one link per work: A–B (A and B take theirs), A–C (C's first), A–D (D's first); B–C has both ends taken.
    expect(thinLinks(links, 1).map((link) => `${link.source}-${link.target}`)).toEqual(['A-B', 'A-C', 'A-D']);
    expect(thinLinks(links, 3)).toHaveLength(4);
    expect(buildCoCitationLinks(refs, works)).toHaveLength(2);
  });
});
