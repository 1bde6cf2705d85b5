/**
 * An in-memory CitationSource over a generated corpus, for tests, benchmarks and demos (never the
 * shipped extension). It logs every call, can serialise answers to count bytes, and lets a test
 * intercept calls to inject failures or to "kill" the worker mid-request.
 */
import type { Citation, CitationSentence, Reference } from '../domain/citation';
import type { Intent } from '../domain/labels';
import type { Paper } from '../domain/paper';
import { seededRandom } from '../random';
import type { BatchRecord, CitationPage, CitationSource, RecommendationPool, ReferencePage } from '../sources/types';
import type { SentenceLabeler, TopCoCitedIds } from './deps';
import { createSentenceLabeler } from './labelling';

export interface FakeCorpus {
  arxivId: string;
  target: Paper;
  citations: Citation[];
  /** citing paperId -> works it references (the target included). */
  references: Record<string, string[]>;
  tldrs: Record<string, string>;
  /** Metadata of every referenced work. */
  works: Record<string, Paper>;
  recommendations: Record<RecommendationPool, Paper[]>;
  /** The target's own reference list as the source lists it (a few entries unresolved, title only). */
  targetReferences: Reference[];
}

export interface CorpusOptions {
  arxivId?: string;
  citationCount: number;
  /** citationCount the source reports for the target (defaults to the listed count). */
  reportedCount?: number;
  seed?: number;
  /** Recommendations in the 'recent' pool (default 20); 0 makes the pipeline fall back to 'all-cs'. */
  recentRecommendations?: number;
}

function hexId(prefix: string, n: number): string {
  return (prefix + n.toString(16)).padStart(40, '0');
}

const SENTENCES: ReadonlyArray<{ text: string; sourceIntents: Intent[] }> = [
  { text: 'Transformers [12] have become the standard architecture for sequence modelling.', sourceIntents: ['background'] },
  { text: 'We use the attention mechanism of [12] in our encoder.', sourceIntents: ['methodology'] },
  { text: 'Our model outperforms the baseline of [12] on all benchmarks.', sourceIntents: ['result'] },
  { text: 'Unlike [12], we find that attention alone does not suffice for long inputs.', sourceIntents: [] },
  { text: 'Following [12], we train with label smoothing.', sourceIntents: [] },
  { text: 'These results are consistent with the findings of [12].', sourceIntents: [] },
];

export function generateCorpus(options: CorpusOptions): FakeCorpus {
  const arxivId = options.arxivId ?? '1706.03762';
  const rand = seededRandom(options.seed ?? 42);
  const targetId = hexId('a', 1);
  const poolSize = 300;
  const works: Record<string, Paper> = {};
  for (let w = 0; w < poolSize; w += 1) {
    const paperId = hexId('b', w);
    works[paperId] = { paperId, title: `Referenced work ${w}`, authors: [`Author ${w % 17}`], year: 1990 + (w % 30), citationCount: 10_000 - w * 7, tldr: `Work ${w} in one line.` };
  }
  const citations: Citation[] = [];
  const references: Record<string, string[]> = {};
  const tldrs: Record<string, string> = {};
  for (let i = 0; i < options.citationCount; i += 1) {
    const paperId = hexId('c', i);
    const sentenceCount = Math.floor(rand() * 3); // 0–2 sentences; many edges have no contexts
    const sentences: CitationSentence[] = [];
    for (let s = 0; s < sentenceCount; s += 1) {
      const template = SENTENCES[Math.floor(rand() * SENTENCES.length)]!;
      sentences.push({ text: `${template.text} (${i}.${s})`, sourceIntents: [...template.sourceIntents] });
    }
    const intents = [...new Set(sentences.flatMap((sentence) => sentence.sourceIntents))];
    citations.push({
      citing: {
        paperId,
        title: `Citing paper ${i}`,
        authors: [`Writer ${i % 101}`],
        year: 2017 + (i % 8),
        citationCount: Math.floor(rand() * 500),
      },
      isInfluential: rand() < 0.1,
      intents,
      sentences,
    });
    // Skewed choice of co-cited works so that a few classics dominate the ranking.
    const refs = new Set<string>([targetId]);
    const referenceCount = 5 + Math.floor(rand() * 20);
    while (refs.size < referenceCount + 1) refs.add(hexId('b', Math.floor(poolSize * rand() * rand())));
    references[paperId] = [...refs];
    if (rand() < 0.8) tldrs[paperId] = `Citing paper ${i} does something with attention.`;
  }
  // The target lists 39 of its 40 references: 37 resolved works (every third one influential), 2 by title only.
  const targetReferences: Reference[] = [];
  for (let r = 0; r < 37; r += 1) {
    const cited = works[hexId('b', r * 7)]!;
    const template = SENTENCES[r % SENTENCES.length]!;
    const sentences = r % 5 === 4 ? [] : [{ text: `${template.text.replace('[12]', `[${r + 1}]`)}`, sourceIntents: [...template.sourceIntents] }];
    targetReferences.push({ cited, title: cited.title, isInfluential: r % 3 === 0, intents: [...template.sourceIntents], sentences });
  }
  for (const title of ['An unpublished technical report', 'Personal communication']) {
    targetReferences.push({ cited: null, title, isInfluential: false, intents: [], sentences: [] });
  }
  const recentCount = options.recentRecommendations ?? 20;
  const recommend = (prefix: string, count: number): Paper[] =>
    Array.from({ length: count }, (_, r) => ({ paperId: hexId(prefix, r), title: `Similar paper ${prefix}${r}`, authors: ['Someone'], year: 2024 }));
  return {
    arxivId,
    target: {
      paperId: targetId,
      title: 'Attention Is All You Need',
      arxivId,
      authors: ['Ashish Vaswani', 'Noam Shazeer'],
      year: 2017,
      abstract: 'The dominant sequence transduction models are based on complex recurrent or convolutional neural networks.',
      citationCount: options.reportedCount ?? options.citationCount,
      influentialCitationCount: citations.filter((citation) => citation.isInfluential).length,
      referenceCount: 40,
    },
    citations,
    references,
    tldrs,
    works,
    recommendations: { recent: recommend('d', recentCount), 'all-cs': recommend('e', 20) },
    targetReferences,
  };
}

export type FakeCall =
  | { method: 'getPaper'; arxivId: string }
  | { method: 'getCitationsPage'; paperId: string; offset: number; limit: number }
  | { method: 'getCitingBatch'; paperIds: string[] }
  | { method: 'getPapers'; paperIds: string[] }
  | { method: 'getRecommendations'; paperId: string; pool: RecommendationPool; limit: number }
  | { method: 'getReferencesPage'; paperId: string; offset: number; limit: number };

/** One line per call, e.g. `citations 2000`, `batch 500-999`: readable in assertion failures. */
export function describeCall(call: FakeCall): string {
  switch (call.method) {
    case 'getPaper':
      return `paper ${call.arxivId}`;
    case 'getCitationsPage':
      return `citations ${call.offset}`;
    case 'getCitingBatch':
      return `batch ${call.paperIds[0] ?? ''}+${call.paperIds.length}`;
    case 'getPapers':
      return `papers ${call.paperIds.length}`;
    case 'getRecommendations':
      return `recommendations ${call.pool}`;
    case 'getReferencesPage':
      return `references ${call.offset}`;
  }
}

export interface FakeSourceOptions {
  /** Runs before each call is answered: throw to fail it, or return a promise that never settles to "kill". */
  intercept?: (call: FakeCall, index: number) => void | Promise<void>;
  /** Offsets whose page comes back empty while `next` still points on (S2 bug #117). */
  emptyPageOffsets?: number[];
  /** Count the bytes of each answer serialised as JSON. */
  countBytes?: boolean;
}

export interface FakeSource extends CitationSource {
  /** Calls that were answered, in order. */
  readonly log: string[];
  /** Calls that were made (answered or not). */
  readonly calls: FakeCall[];
  readonly bytes: number;
}

export function createFakeSource(corpus: FakeCorpus, options: FakeSourceOptions = {}): FakeSource {
  const log: string[] = [];
  const calls: FakeCall[] = [];
  let bytes = 0;
  const empty = new Set(options.emptyPageOffsets ?? []);

  async function answer<T>(call: FakeCall, produce: () => T): Promise<T> {
    const index = calls.length;
    calls.push(call);
    await options.intercept?.(call, index);
    const result = produce();
    if (options.countBytes) bytes += JSON.stringify(result).length;
    log.push(describeCall(call));
    // Hand out copies, as a real client would parse fresh objects from JSON.
    return structuredClone(result);
  }

  return {
    log,
    calls,
    get bytes() {
      return bytes;
    },
    getPaper(arxivId) {
      return answer({ method: 'getPaper', arxivId }, () => corpus.target);
    },
    getCitationsPage(paperId, offset, limit): Promise<CitationPage> {
      return answer({ method: 'getCitationsPage', paperId, offset, limit }, () => {
        if (limit > 1_000 || offset + limit > 10_000) throw new Error(`fake S2: offset ${offset} + limit ${limit} is beyond what S2 serves`);
        const total = corpus.citations.length;
        const end = Math.min(offset + limit, total);
        const citations = empty.has(offset) ? [] : corpus.citations.slice(offset, end);
        return { offset, next: end < total ? end : null, citations, dropped: 0 };
      });
    },
    getCitingBatch(paperIds): Promise<(BatchRecord | null)[]> {
      return answer({ method: 'getCitingBatch', paperIds: [...paperIds] }, () => {
        if (paperIds.length > 500) throw new Error('fake S2: more than 500 ids in a batch');
        return paperIds.map((id) => {
          const references = corpus.references[id];
          if (!references) return null;
          const tldr = corpus.tldrs[id];
          return { paper: { paperId: id, title: `Citing ${id}`, authors: [], ...(tldr ? { tldr } : {}) }, referenceIds: references };
        });
      });
    },
    getPapers(paperIds) {
      return answer({ method: 'getPapers', paperIds: [...paperIds] }, () => paperIds.map((id) => corpus.works[id] ?? null));
    },
    getRecommendations(paperId, pool, limit) {
      return answer({ method: 'getRecommendations', paperId, pool, limit }, () => corpus.recommendations[pool].slice(0, limit));
    },
    getReferencesPage(paperId, offset, limit): Promise<ReferencePage> {
      return answer({ method: 'getReferencesPage', paperId, offset, limit }, () => {
        const total = corpus.targetReferences.length;
        const end = Math.min(offset + limit, total);
        return { offset, next: end < total ? end : null, references: corpus.targetReferences.slice(offset, end), dropped: 0 };
      });
    },
  };
}

/** A promise that never settles: a request out when the worker was stopped. */
export function never(): Promise<never> {
  return new Promise<never>(() => {});
}

/** A deterministic keyword labeler standing in for the trained classifiers. */
export function createKeywordLabeler(modelVersion = 'keywords-1'): SentenceLabeler {
  return createSentenceLabeler({
    modelVersion,
    classifyIntent: (text) => ({ label: /\b(we use|following)\b/i.test(text) ? 'methodology' : 'background', confidence: 0.7, modelVersion }),
    classifyPolarity: (text) => ({
      label: /\bunlike\b/i.test(text) ? 'contrasting' : /\b(outperforms|consistent)\b/i.test(text) ? 'supporting' : 'neutral',
      confidence: 0.8,
      modelVersion,
    }),
  });
}

/** Plain co-citation counting (the real ranking, with normalisation, lives in lib/analytics). */
export const countCoCitedIds: TopCoCitedIds = (referencesByCiting, targetPaperId, n) => {
  const counts = new Map<string, number>();
  for (const references of Object.values(referencesByCiting)) {
    for (const id of new Set(references)) if (id !== targetPaperId) counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  return [...counts.entries()]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, n)
    .map(([id]) => id);
};
