import type { SemanticScholarDataset } from '../../../lib/sources/semanticScholar/sampleServer';
import type { S2CitationEdgeJson, S2PaperJson } from '../../../lib/sources/semanticScholar/schemas';

/*
 * What the panel should show for a paper of the sample data, derived from the raw S2-shaped data
 * the fake API serves — never from the extension's own code — so a test compares the panel with
 * an independent reading of the source.
 */

export interface CitingPaperFacts {
  paperId: string;
  title: string;
  isInfluential: boolean;
  /** Every citation sentence the edge carries (contextsWithIntent and contexts). */
  sentences: string[];
  /** Source intents per sentence; an empty list = the source did not label that sentence. */
  sentenceIntents: string[][];
  edgeIntents: string[];
  tldr: string;
  authorsAndVenue: string;
}

export interface PaperExpectations {
  arxivId: string;
  paperId: string;
  paper: S2PaperJson;
  citing: CitingPaperFacts[];
  influentialEdges: number;
  /** Co-cited works in ranking order (count desc, then paperId), each with its count and title. */
  coCited: Array<{ paperId: string; count: number; title: string | undefined }>;
  recommendationIds: Set<string>;
}

function tldrOf(paper: S2PaperJson | undefined): string {
  const tldr = paper?.tldr as { text?: string | null } | null | undefined;
  return tldr?.text ?? '';
}

function factsOf(edge: S2CitationEdgeJson, dataset: SemanticScholarDataset): CitingPaperFacts {
  const citing = edge.citingPaper;
  const full = dataset.papers[citing.paperId];
  const byText = new Map<string, string[]>();
  for (const entry of edge.contextsWithIntent ?? []) {
    const text = entry.context?.trim();
    if (text) byText.set(text, [...(byText.get(text) ?? []), ...(entry.intents ?? [])]);
  }
  for (const context of edge.contexts ?? []) {
    const text = context.trim();
    if (text && !byText.has(text)) byText.set(text, []);
  }
  const authors = (citing.authors ?? []).map((author) => author?.name ?? '').join(' ');
  return {
    paperId: citing.paperId,
    title: citing.title ?? '',
    isInfluential: edge.isInfluential === true,
    sentences: [...byText.keys()],
    sentenceIntents: [...byText.values()],
    edgeIntents: edge.intents ?? [],
    tldr: tldrOf(full),
    authorsAndVenue: `${authors} ${citing.venue ?? ''} ${full?.venue ?? ''}`,
  };
}

/**
 * Co-citation as the product documents it: per citing paper, its distinct references other than the
 * target and itself; a work counts once per citing paper; works cited by fewer than two are dropped.
 */
function coCitedOf(paperId: string, citing: readonly CitingPaperFacts[], dataset: SemanticScholarDataset): PaperExpectations['coCited'] {
  const counts = new Map<string, number>();
  for (const { paperId: citingId } of citing) {
    for (const reference of new Set(dataset.referencesOf[citingId] ?? [])) {
      if (reference === paperId || reference === citingId) continue;
      counts.set(reference, (counts.get(reference) ?? 0) + 1);
    }
  }
  return [...counts]
    .filter(([, count]) => count >= 2)
    .sort(([idA, a], [idB, b]) => b - a || (idA < idB ? -1 : idA > idB ? 1 : 0))
    .map(([id, count]) => ({ paperId: id, count, title: dataset.papers[id]?.title ?? undefined }));
}

export function expectationsFor(dataset: SemanticScholarDataset, arxivId: string): PaperExpectations {
  const paperId = dataset.arxivToPaperId[arxivId];
  const paper = paperId ? dataset.papers[paperId] : undefined;
  if (!paperId || !paper) throw new Error(`${arxivId} is not in the sample data`);
  const citing = (dataset.citationsOf[paperId] ?? []).map((edge) => factsOf(edge, dataset));
  return {
    arxivId,
    paperId,
    paper,
    citing,
    influentialEdges: citing.filter((row) => row.isInfluential).length,
    coCited: coCitedOf(paperId, citing, dataset),
    recommendationIds: new Set((dataset.recommendationsOf[paperId] ?? []).map((recommended) => recommended.paperId)),
  };
}

/** Lower-cased text a user can find a citing paper by: its title, TL;DR and citation sentences. */
export function searchableText(row: CitingPaperFacts): string {
  return [row.title, row.tldr, ...row.sentences].join('\n').toLowerCase();
}

/**
 * A word from a citing paper's title that selects some but not all citing papers and that occurs in
 * no author name or venue (so the expected count does not depend on whether those are searched).
 */
export function discriminatingTitleWord(citing: readonly CitingPaperFacts[]): { word: string; matches: number; fromTitle: string } {
  for (const row of citing) {
    for (const word of row.title.toLowerCase().split(/[^a-z]+/)) {
      if (word.length < 6) continue;
      if (citing.some((other) => other.authorsAndVenue.toLowerCase().includes(word))) continue;
      const matches = citing.filter((other) => searchableText(other).includes(word)).length;
      if (matches >= 2 && matches < citing.length) return { word, matches, fromTitle: row.title };
    }
  }
  throw new Error('no discriminating title word in the sample data');
}

const ROLE_PRECEDENCE = ['methodology', 'result', 'background'] as const;

/**
 * The role of a citing paper whose every sentence the source labelled (majority of sentences, ties
 * methodology > result > background, a sentence with several intents votes for the strongest); null
 * when some sentence needs the local classifier, whose verdict the data cannot predict.
 */
export function sourceDecidedRole(row: CitingPaperFacts): string | null {
  const strongest = (intents: readonly string[]) => ROLE_PRECEDENCE.find((intent) => intents.includes(intent)) ?? null;
  if (row.sentences.length === 0) return strongest(row.edgeIntents) ?? 'unclassified';
  const votes = new Map<string, number>();
  for (const intents of row.sentenceIntents) {
    const label = strongest(intents);
    if (label === null) return null;
    votes.set(label, (votes.get(label) ?? 0) + 1);
  }
  let winner: string = ROLE_PRECEDENCE[0];
  for (const intent of ROLE_PRECEDENCE) if ((votes.get(intent) ?? 0) > (votes.get(winner) ?? 0)) winner = intent;
  return winner;
}

/** "1,050": how every count must read (never "1.1k"); written out so the test does not share the product's formatter. */
export function withSeparators(value: number): string {
  return String(value).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}
