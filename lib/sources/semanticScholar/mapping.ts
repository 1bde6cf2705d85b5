import type { Paper } from '../../domain/paper';
import type { Citation, CitationSentence, Reference } from '../../domain/citation';
import { INTENTS, type Intent } from '../../domain/labels';
import type { BatchRecord } from '../types';
import type { S2CitationEdge, S2Paper, S2ReferenceEdge } from './schemas';

/** S2 paper JSON (already validated) → domain Paper. Absent or unusable values are left out. */
export function toPaper(s2: S2Paper): Paper {
  const externalIds = s2.externalIds ?? undefined;
  const corpusId = s2.corpusId ?? toNumber(externalIds?.CorpusId);
  const paper: Paper = {
    paperId: s2.paperId,
    // Title is the one field the domain guarantees; S2 has sent untitled records, the UI shows "".
    title: s2.title?.trim() ?? '',
    authors: (s2.authors ?? []).flatMap((author) => (author?.name?.trim() ? [author.name.trim()] : [])),
  };
  assignText(paper, 'arxivId', externalIds?.ArXiv);
  assignText(paper, 'doi', externalIds?.DOI);
  if (corpusId !== undefined && Number.isFinite(corpusId)) paper.corpusId = corpusId;
  if (isYear(s2.year)) paper.year = s2.year;
  assignText(paper, 'venue', s2.venue);
  assignText(paper, 'publicationDate', s2.publicationDate);
  assignText(paper, 'abstract', s2.abstract);
  assignText(paper, 'tldr', s2.tldr?.text);
  assignCount(paper, 'citationCount', s2.citationCount);
  assignCount(paper, 'influentialCitationCount', s2.influentialCitationCount);
  assignCount(paper, 'referenceCount', s2.referenceCount);
  assignText(paper, 'url', s2.url);
  assignText(paper, 'openAccessPdfUrl', s2.openAccessPdf?.url);
  return paper;
}

/**
 * One citation edge → domain Citation. Sentences come from `contextsWithIntent` (each with its own
 * intents); contexts that appear only in `contexts` are added with no intents. Exact duplicate
 * sentences are kept once, with their intents merged. Intent labels other than S2's three are ignored.
 */
export function toCitation(edge: S2CitationEdge): Citation {
  const { sentences, intents } = edgeSentences(edge);
  return { citing: toPaper(edge.citingPaper), isInfluential: edge.isInfluential === true, intents, sentences };
}

/**
 * One reference edge → domain Reference, sentences as for citations. An entry S2 could not resolve
 * (paperId null) is kept by its title; one with neither id nor title is unusable and returns null.
 */
export function toReference(edge: S2ReferenceEdge): Reference | null {
  const { sentences, intents } = edgeSentences(edge);
  const { paperId, ...rest } = edge.citedPaper;
  const cited = paperId ? toPaper({ ...rest, paperId }) : null;
  const title = cited?.title ?? rest.title?.trim() ?? '';
  if (!cited && !title) return null;
  return { cited, title, isInfluential: edge.isInfluential === true, intents, sentences };
}

function edgeSentences(edge: Pick<S2CitationEdge, 'contexts' | 'contextsWithIntent' | 'intents'>): { sentences: CitationSentence[]; intents: Intent[] } {
  const sentences: CitationSentence[] = [];
  const byText = new Map<string, CitationSentence>();
  const addSentence = (raw: string | null | undefined, intents: readonly string[]) => {
    const text = raw?.trim();
    if (!text) return;
    const known = byText.get(text);
    if (known) {
      known.sourceIntents = knownIntents([...known.sourceIntents, ...intents]);
      return;
    }
    const sentence: CitationSentence = { text, sourceIntents: knownIntents(intents) };
    byText.set(text, sentence);
    sentences.push(sentence);
  };
  for (const entry of edge.contextsWithIntent ?? []) addSentence(entry.context, entry.intents ?? []);
  for (const context of edge.contexts ?? []) addSentence(context, []);

  // The edge-level list is S2's union over contexts; rebuild it from the sentences if S2 left it out.
  const intents = edge.intents ? knownIntents(edge.intents) : knownIntents(sentences.flatMap((s) => s.sourceIntents));
  return { sentences, intents };
}

/** A batch record → TL;DR-carrying paper plus the resolved ids it references (unresolved ones dropped). */
export function toBatchRecord(s2: S2Paper): BatchRecord {
  const referenceIds = [...new Set((s2.references ?? []).flatMap((ref) => (ref?.paperId ? [ref.paperId] : [])))];
  return { paper: toPaper(s2), referenceIds };
}

function knownIntents(labels: readonly string[]): Intent[] {
  const wanted = new Set(labels);
  // Canonical order, no duplicates.
  return INTENTS.filter((intent) => wanted.has(intent));
}

type TextKey = 'arxivId' | 'doi' | 'venue' | 'publicationDate' | 'abstract' | 'tldr' | 'url' | 'openAccessPdfUrl';
type CountKey = 'citationCount' | 'influentialCitationCount' | 'referenceCount';

function assignText(paper: Paper, key: TextKey, value: string | null | undefined): void {
  const trimmed = value?.trim();
  // S2 sends `venue: ""` for unknown venues; an empty string is no value.
  if (trimmed) paper[key] = trimmed;
}

function assignCount(paper: Paper, key: CountKey, value: number | null | undefined): void {
  if (typeof value === 'number' && Number.isInteger(value) && value >= 0) paper[key] = value;
}

function isYear(value: number | null | undefined): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value > 0;
}

function toNumber(value: number | string | null | undefined): number | undefined {
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && /^\d+$/.test(value)) return Number(value);
  return undefined;
}
