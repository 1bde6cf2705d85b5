/**
 * Analytics on real recorded Semantic Scholar data. Edges are mapped into the domain shape by
 * hand here (field by field, as the S2 adapter is meant to), so this test does not depend on it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Citation } from '../../lib/domain/citation';
import type { HubData } from '../../lib/domain/hub';
import type { Intent } from '../../lib/domain/labels';
import type { Paper } from '../../lib/domain/paper';
import { buildHubView, filterExplorer } from '../../lib/analytics';
import { S2_FIXTURES } from '../paths';

interface S2Paper {
  paperId: string;
  title: string;
  abstract: string | null;
  year: number | null;
  venue: string | null;
  citationCount: number | null;
  influentialCitationCount: number | null;
  referenceCount: number | null;
  authors: { name: string }[];
  tldr?: { text: string } | null;
}
interface S2CitationEdge {
  isInfluential: boolean;
  intents: Intent[];
  contextsWithIntent: { context: string; intents: Intent[] }[];
  citingPaper: S2Paper;
}

const readFixture = <T>(name: string): T => JSON.parse(readFileSync(join(S2_FIXTURES, name), 'utf8')) as T;

function toPaper(s2: S2Paper): Paper {
  const paper: Paper = { paperId: s2.paperId, title: s2.title, authors: s2.authors.map((author) => author.name) };
  if (s2.abstract) paper.abstract = s2.abstract;
  if (s2.year !== null) paper.year = s2.year;
  if (s2.venue) paper.venue = s2.venue;
  if (s2.citationCount !== null) paper.citationCount = s2.citationCount;
  if (s2.influentialCitationCount !== null) paper.influentialCitationCount = s2.influentialCitationCount;
  if (s2.referenceCount !== null) paper.referenceCount = s2.referenceCount;
  if (s2.tldr?.text) paper.tldr = s2.tldr.text;
  return paper;
}

function toCitation(edge: S2CitationEdge): Citation {
  return {
    citing: toPaper(edge.citingPaper),
    isInfluential: edge.isInfluential,
    intents: edge.intents,
    // Source labels become the sentence's intent, as the pipeline does at fetch time.
    sentences: edge.contextsWithIntent.map(({ context, intents }) => ({
      text: context,
      sourceIntents: intents,
      ...(intents[0] ? { intent: { label: intents[0], origin: 'source' as const, confidence: 1 } } : {}),
    })),
  };
}

function hub(paper: Paper | null, citations: Citation[], reported: number): HubData {
  return {
    arxivId: 'test',
    paper,
    citations,
    referencesByCiting: {},
    coCitedPapers: {},
    recommendations: [],
    references: [],
    yearCounts: null,
    stages: {} as HubData['stages'],
    provenance: {
      sources: ['semanticscholar'],
      fetchedAt: 0,
      fallback: false,
      droppedRows: 0,
      citationsListed: citations.length,
      citationsReported: reported,
      batchSampled: 0,
    },
  };
}

describe('the recorded citation edge (Citation.json)', () => {
  const edge = readFixture<S2CitationEdge>('Citation.json');
  const view = buildHubView(hub(null, [toCitation(edge)], 1));

  it('counts its four contexts by their source intents', () => {
    // contextsWithIntent: methodology, methodology, result, background.
    expect(view.roles.perSentence).toEqual({ methodology: 2, result: 1, background: 1 });
    expect(view.roles.totalSentences).toBe(4);
    expect(view.roles.locallyClassifiedSentences).toBe(0);
  });

  it('gives the citing paper the majority role, from the source', () => {
    expect(view.roles.perPaper).toEqual({ methodology: 1, result: 0, background: 0, unclassified: 0 });
    expect(view.explorer[0]).toMatchObject({ role: 'methodology', roleOrigin: 'source', polarity: 'unclassified' });
  });

  it('shows it as an influential representative paper', () => {
    expect(view.representative).toHaveLength(1);
    expect(view.representative[0]!.reason).toMatch(/^Influential citation; cites it for methodology; adds a 2023 citing paper$/);
  });

  it('finds it in the explorer by title words and by a phrase of its citation sentences', () => {
    expect(filterExplorer(view.explorer, { text: 'decision TRANSFORMERS' })).toHaveLength(1);
    expect(filterExplorer(view.explorer, { text: 'residual physics' })).toHaveLength(1);
    expect(filterExplorer(view.explorer, { text: 'residual gopher' })).toHaveLength(0);
  });

  it('leaves polarity unclassified until the local classifier has run', () => {
    expect(view.polarity.classifiedSentences).toBe(0);
    expect(view.polarity.totalSentences).toBe(4);
    expect(view.polarity.perPaper.unclassified).toBe(1);
  });
});

describe('the recorded paper with 1,000 embedded citing papers (Paper.json)', () => {
  const s2 = readFixture<S2Paper & { citations: S2Paper[] }>('Paper.json');
  // Embedded citations carry no contexts or intents: every citing paper is unclassified.
  const citations: Citation[] = s2.citations.map((citing) => ({ citing: toPaper(citing), isInfluential: false, intents: [], sentences: [] }));
  const view = buildHubView(hub(toPaper(s2), citations, s2.citationCount ?? 0));

  it('is a super hub by its reported 10,059 citations though only 1,000 are listed', () => {
    expect(citations).toHaveLength(1_000);
    expect(view.tier).toMatchObject({ tier: 'super-hub', canonical: false, citingPapers: 10_059, backgroundShare: null });
    expect(view.tier.rule).toBe('super hub: ≥ 1,000 citing papers (10,059)');
  });

  it('reports the coverage gap', () => {
    expect(view.coverage).toMatchObject({ citationsReported: 10_059, citationsListed: 1_000, papersWithContexts: 0, sentences: 0 });
    expect(view.roles.perPaper.unclassified).toBe(1_000);
    expect(view.polarity.perPaper.unclassified).toBe(1_000);
  });

  it('lists the four claims of the abstract with no echoes yet', () => {
    expect(view.claims).toHaveLength(4);
    expect(view.claims.every((claim) => claim.echoes.length === 0)).toBe(true);
  });

  it('still picks 8 representative papers: one per year first (2022–2024 here), then the most cited', () => {
    expect(view.representative).toHaveLength(8);
    const years = view.representative.map((entry) => entry.citation.citing.year);
    expect(new Set(years.slice(0, 3))).toEqual(new Set([2022, 2023, 2024]));
    expect(view.representative.slice(0, 3).every((entry) => entry.reason.startsWith('Adds a 20'))).toBe(true);
    const counts = view.representative.slice(3).map((entry) => entry.citation.citing.citationCount ?? 0);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    const mostCited = Math.max(...citations.map((citation) => citation.citing.citationCount ?? 0));
    expect(view.representative[0]!.citation.citing.citationCount).toBe(mostCited);
  });
});
