import { describe, expect, it } from 'vitest';
import type { Citation, CitationSentence } from '../../lib/domain/citation';
import type { HubData } from '../../lib/domain/hub';
import { computeCoverage } from '../../lib/analytics/coverage';
import { buildExplorerRows, filterExplorer, sortExplorer } from '../../lib/analytics/explorer';

function citation(
  id: string,
  options: { year?: number; citations?: number; influential?: boolean; influentialCount?: number; title?: string; sentences?: CitationSentence[] },
): Citation {
  return {
    citing: {
      paperId: id,
      title: options.title ?? `Paper ${id}`,
      authors: ['Ada Lovelace'],
      ...(options.year !== undefined ? { year: options.year } : {}),
      ...(options.citations !== undefined ? { citationCount: options.citations } : {}),
      ...(options.influentialCount !== undefined ? { influentialCitationCount: options.influentialCount } : {}),
    },
    isInfluential: options.influential ?? false,
    intents: [],
    sentences: options.sentences ?? [],
  };
}
const sentence = (text: string, role: 'background' | 'methodology', polarity?: 'contrasting'): CitationSentence => ({
  text,
  sourceIntents: [role],
  ...(polarity ? { polarity: { label: polarity, confidence: 0.9 } } : {}),
});

const citations = [
  citation('a', { year: 2019, citations: 10, title: 'Scaling Laws Revisited', sentences: [sentence('We follow the Power-Law fit of [3].', 'methodology')] }),
  citation('b', { year: 2021, citations: 300, influential: true, influentialCount: 5, sentences: [sentence('Unlike [3], loss does not plateau.', 'background', 'contrasting')] }),
  citation('c', { year: 2023, citations: 10, influentialCount: 40 }),
  citation('d', { citations: 1, title: 'No year known' }),
  citation('e', { year: 2021, influential: true, influentialCount: 1, title: 'Compute-optimal scaling' }),
];
const rows = buildExplorerRows(citations);
const ids = (list: { citation: Citation }[]) => list.map((row) => row.citation.citing.paperId);

describe('explorer rows', () => {
  it('carry role, its origin, polarity and lower-cased searchable text', () => {
    expect(rows[0]).toMatchObject({ role: 'methodology', roleOrigin: 'source', polarity: 'unclassified' });
    expect(rows[1]).toMatchObject({ role: 'background', polarity: 'contrasting' });
    expect(rows[2]).toMatchObject({ role: 'unclassified', roleOrigin: null });
    expect(rows[0]!.searchText).toContain('scaling laws revisited');
    expect(rows[0]!.searchText).toContain('power-law fit');
    expect(rows[0]!.searchText).toContain('ada lovelace');
  });
});

describe('filterExplorer', () => {
  it('keeps everything without filters', () => {
    expect(ids(filterExplorer(rows, {}))).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(ids(filterExplorer(rows, { roles: new Set(), polarities: new Set(), text: '   ' }))).toHaveLength(5);
  });

  it('filters by role and polarity sets', () => {
    expect(ids(filterExplorer(rows, { roles: new Set(['methodology', 'unclassified']) }))).toEqual(['a', 'c', 'd', 'e']);
    expect(ids(filterExplorer(rows, { polarities: new Set(['contrasting']) }))).toEqual(['b']);
  });

  it('filters by an inclusive year range, dropping papers without a year', () => {
    expect(ids(filterExplorer(rows, { yearMin: 2021, yearMax: 2021 }))).toEqual(['b', 'e']);
    expect(ids(filterExplorer(rows, { yearMin: 2020 }))).toEqual(['b', 'c', 'e']);
    expect(ids(filterExplorer(rows, { yearMax: 2019 }))).toEqual(['a']);
  });

  it('keeps only influential citations when asked', () => {
    expect(ids(filterExplorer(rows, { influentialOnly: true }))).toEqual(['b', 'e']);
  });

  it('needs every typed term, in any case, anywhere in title, authors or sentences', () => {
    expect(ids(filterExplorer(rows, { text: 'SCALING' }))).toEqual(['a', 'e']);
    expect(ids(filterExplorer(rows, { text: 'scaling  power-law' }))).toEqual(['a']);
    expect(ids(filterExplorer(rows, { text: 'plateau lovelace' }))).toEqual(['b']);
    expect(ids(filterExplorer(rows, { text: 'scaling plateau' }))).toEqual([]);
  });

  it('combines filters', () => {
    expect(ids(filterExplorer(rows, { influentialOnly: true, text: 'compute', yearMin: 2020 }))).toEqual(['e']);
  });
});

describe('sortExplorer', () => {
  it('sorts by year both ways, unknown years last, ties in input order', () => {
    expect(ids(sortExplorer(rows, { key: 'year', direction: 'asc' }))).toEqual(['a', 'b', 'e', 'c', 'd']);
    expect(ids(sortExplorer(rows, { key: 'year', direction: 'desc' }))).toEqual(['c', 'b', 'e', 'a', 'd']);
  });

  it('sorts by citations, unknown counts last', () => {
    expect(ids(sortExplorer(rows, { key: 'citations', direction: 'desc' }))).toEqual(['b', 'a', 'c', 'd', 'e']);
    expect(ids(sortExplorer(rows, { key: 'citations', direction: 'asc' }))).toEqual(['d', 'a', 'c', 'b', 'e']);
  });

  it('sorts by influence: influential citations first, then influential-citation count', () => {
    expect(ids(sortExplorer(rows, { key: 'influence', direction: 'desc' }))).toEqual(['b', 'e', 'c', 'a', 'd']);
  });

  it('does not modify its input', () => {
    const before = ids(rows);
    sortExplorer(rows, { key: 'year', direction: 'desc' });
    expect(ids(rows)).toEqual(before);
  });
});

describe('coverage', () => {
  it('counts papers with contexts and sentences next to the provenance figures', () => {
    const provenance: HubData['provenance'] = {
      sources: ['semanticscholar'],
      fetchedAt: 1,
      fallback: false,
      droppedRows: 2,
      citationsListed: 3,
      citationsReported: 1_180,
      batchSampled: 4,
    };
    expect(computeCoverage({ citations, provenance })).toEqual({
      citationsReported: 1_180,
      citationsListed: 5, // 5 stored already, provenance still says 3
      papersWithContexts: 2,
      sentences: 2,
      batchSampled: 4,
      droppedRows: 2,
    });
  });
});
