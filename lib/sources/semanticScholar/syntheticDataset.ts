import { seededRandom } from '../../random';
import type { SemanticScholarDataset } from './sampleServer';
import type { S2CitationEdgeJson, S2PaperJson } from './schemas';

export interface LargeDatasetOptions {
  /** Bare arXiv id of the target paper. */
  arxivId: string;
  /** Number of citing papers (citation edges) to generate. */
  citations: number;
  seed: number;
  /** Defaults to `citations`; set it higher to mimic S2's ~9,999-listed ceiling. */
  reportedCitationCount?: number;
  /** Size of the pool of works the citing papers also cite (the co-citation candidates). Default 150. */
  coCitedPool?: number;
  /** Default 40. */
  recommendations?: number;
}

/*
 * A synthetic but plausible citation neighbourhood: citing papers spread over the years after the
 * target, one to three citation sentences each (a third with none, as when S2 had no full text),
 * S2-style intents on most sentences, a few contrasting results, reference lists drawn from a
 * popularity-skewed pool so co-citation has a clear head, and a recommendation list. Deterministic
 * for a given seed; no clock, no I/O.
 */
export function generateLargeDataset(options: LargeDatasetOptions): SemanticScholarDataset {
  const random = seededRandom(options.seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const chance = (p: number) => random() < p;
  const between = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
  const usedIds = new Set<string>();
  const paperId = () => {
    for (;;) {
      let id = '';
      for (let word = 0; word < 5; word++) id += Math.floor(random() * 2 ** 32).toString(16).padStart(8, '0');
      if (!usedIds.has(id)) {
        usedIds.add(id);
        return id;
      }
    }
  };
  let nextCorpusId = 200_000_000 + between(0, 9_999_999);
  const authorsOf = (count: number) =>
    Array.from({ length: count }, () => ({ authorId: String(between(1_000_000, 99_999_999)), name: `${pick(GIVEN)} ${pick(FAMILY)}` }));
  const arxivFor = (year: number) => `${String(year % 100).padStart(2, '0')}${String(between(1, 12)).padStart(2, '0')}.${String(between(0, 29_999)).padStart(5, '0')}`;

  const papers: Record<string, S2PaperJson> = {};
  const referencesOf: Record<string, string[]> = {};

  const targetYear = yearOfArxivId(options.arxivId) ?? 2021;
  const topic = pick(TOPICS);
  const method = `${pick(METHOD_ADJECTIVES)} ${pick(METHOD_NOUNS)}`;
  const acronym = acronymOf(method);
  const targetId = paperId();
  const target: S2PaperJson = {
    paperId: targetId,
    corpusId: nextCorpusId++,
    externalIds: { ArXiv: options.arxivId, CorpusId: nextCorpusId - 1 },
    url: `https://www.semanticscholar.org/paper/${targetId}`,
    title: `${titleCase(method)} for ${titleCase(topic)}`,
    abstract: `We introduce ${acronym}, a ${method} for ${topic}. ${acronym} improves ${pick(METRICS)} over strong baselines on ${between(3, 9)} benchmarks while using ${between(2, 8)}x less compute.`,
    venue: pick(VENUES),
    year: targetYear,
    publicationDate: `${targetYear}-${String(between(1, 12)).padStart(2, '0')}-${String(between(1, 28)).padStart(2, '0')}`,
    referenceCount: between(30, 80),
    citationCount: options.reportedCitationCount ?? options.citations,
    influentialCitationCount: Math.round(options.citations * 0.12),
    openAccessPdf: { url: `https://arxiv.org/pdf/${options.arxivId}`, status: 'GREEN' },
    tldr: { model: 'tldr@v2.0.0', text: `${acronym} is a ${method} that makes ${topic} cheaper and more accurate.` },
    authors: authorsOf(between(3, 8)),
  };
  papers[targetId] = target;

  // Co-citation candidates: popularity follows a Zipf-like law so a handful of works dominate.
  const poolSize = options.coCitedPool ?? 150;
  const pool: { id: string; weight: number }[] = [];
  for (let rank = 1; rank <= poolSize; rank++) {
    const id = paperId();
    const year = between(2012, targetYear + 2);
    papers[id] = {
      paperId: id,
      corpusId: nextCorpusId++,
      externalIds: chance(0.7) ? { ArXiv: arxivFor(year), CorpusId: nextCorpusId - 1 } : { DOI: `10.${between(1000, 9999)}/${between(100000, 999999)}`, CorpusId: nextCorpusId - 1 },
      url: `https://www.semanticscholar.org/paper/${id}`,
      title: `${titleCase(pick(METHOD_ADJECTIVES))} ${titleCase(pick(METHOD_NOUNS))}s for ${titleCase(pick(TOPICS))}`,
      abstract: chance(0.8) ? `A study of ${pick(TOPICS)} with ${pick(METHOD_NOUNS)}s.` : null,
      venue: pick(VENUES),
      year,
      publicationDate: `${year}-${String(between(1, 12)).padStart(2, '0')}-01`,
      referenceCount: between(20, 90),
      citationCount: Math.round(40_000 / rank + between(0, 200)),
      influentialCitationCount: Math.round(4_000 / rank),
      openAccessPdf: chance(0.6) ? { url: `https://example.org/pdf/${id}.pdf`, status: 'GREEN' } : null,
      tldr: chance(0.85) ? { model: 'tldr@v2.0.0', text: `Introduces a ${pick(METHOD_NOUNS)} for ${pick(TOPICS)}.` } : null,
      authors: authorsOf(between(1, 6)),
    };
    pool.push({ id, weight: 1 / rank ** 0.9 });
  }
  const cumulative: number[] = [];
  for (const entry of pool) cumulative.push((cumulative[cumulative.length - 1] ?? 0) + entry.weight);
  const totalWeight = cumulative[cumulative.length - 1] ?? 0;
  const drawFromPool = () => {
    const point = random() * totalWeight;
    let low = 0;
    let high = cumulative.length - 1;
    while (low < high) {
      const middle = (low + high) >> 1;
      if ((cumulative[middle] as number) < point) low = middle + 1;
      else high = middle;
    }
    return pool[low]?.id ?? targetId;
  };

  const lastYear = Math.max(targetYear + 1, 2025);
  const edges: S2CitationEdgeJson[] = [];
  for (let index = 0; index < options.citations; index++) {
    const id = paperId();
    // Citations grow in the years after publication: weight later years more.
    const year = Math.min(lastYear, targetYear + Math.floor(Math.sqrt(random()) * (lastYear - targetYear + 1)));
    const citingTopic = pick(TOPICS);
    const fill = (template: string) =>
      template.replace(/\{(\w+)\}/g, (_placeholder, name: string) => {
        switch (name) {
          case 'M':
            return acronym;
          case 'method':
            return method;
          case 'topic':
            return citingTopic;
          case 'metric':
            return pick(METRICS);
          case 'n':
            return String(between(2, 15));
          default:
            return chance(0.6) ? `[${between(1, 60)}]` : `(${pick(FAMILY)} et al., ${targetYear})`;
        }
      });

    const sentences: { context: string; intents: string[] }[] = [];
    if (chance(0.68)) {
      const count = chance(0.55) ? 1 : chance(0.7) ? 2 : 3;
      for (let s = 0; s < count; s++) {
        const roll = random();
        const [intent, templates] =
          roll < 0.55 ? (['background', BACKGROUND] as const) : roll < 0.85 ? (['methodology', METHODOLOGY] as const) : chance(0.7) ? (['result', RESULT_SUPPORTING] as const) : (['result', RESULT_CONTRASTING] as const);
        // S2 leaves some sentences unlabelled; the local classifier fills those.
        sentences.push({ context: fill(pick(templates)), intents: chance(0.1) ? [] : [intent] });
      }
    }
    const edgeIntents = [...new Set(sentences.flatMap((s) => s.intents))];
    const citing: S2PaperJson = {
      paperId: id,
      corpusId: nextCorpusId++,
      externalIds: {
        ...(chance(0.6) ? { ArXiv: arxivFor(year) } : {}),
        ...(chance(0.45) ? { DOI: `10.${between(1000, 9999)}/${pick(['j', 'conf', 'tacl', 'jmlr'])}.${year}.${between(1000, 99999)}` } : {}),
        CorpusId: nextCorpusId - 1,
      },
      url: `https://www.semanticscholar.org/paper/${id}`,
      title: `${pick(TITLE_OPENERS)} ${titleCase(citingTopic)}${chance(0.4) ? ` with ${titleCase(pick(METHOD_ADJECTIVES))} ${titleCase(pick(METHOD_NOUNS))}s` : ''}`,
      abstract: chance(0.5) ? `We study ${citingTopic}. Building on recent ${pick(METHOD_NOUNS)}s, we report gains in ${pick(METRICS)}.` : null,
      venue: chance(0.85) ? pick(VENUES) : '',
      year,
      publicationDate: chance(0.9) ? `${year}-${String(between(1, 12)).padStart(2, '0')}-${String(between(1, 28)).padStart(2, '0')}` : null,
      referenceCount: between(15, 90),
      citationCount: Math.floor(Math.exp(random() * 6)) - 1,
      influentialCitationCount: chance(0.3) ? between(0, 10) : 0,
      openAccessPdf: chance(0.5) ? { url: `https://arxiv.org/pdf/${id.slice(0, 8)}`, status: 'GREEN' } : null,
      tldr: chance(0.75) ? { model: 'tldr@v2.0.0', text: `This paper ${pick(TLDR_VERBS)} ${citingTopic} using ${pick(METHOD_NOUNS)}s.` } : null,
      authors: authorsOf(between(1, 7)),
    };
    papers[id] = citing;
    const references = new Set<string>([targetId]);
    // Popular works are drawn again and again; a bounded number of draws keeps small pools fast.
    const referenceTotal = between(5, 25);
    for (let draw = 0; draw < referenceTotal * 3 && references.size < referenceTotal + 1; draw++) references.add(drawFromPool());
    referencesOf[id] = [...references];
    edges.push({
      contexts: sentences.map((s) => s.context),
      intents: edgeIntents,
      contextsWithIntent: sentences.map((s) => ({ context: s.context, intents: s.intents })),
      isInfluential: sentences.length > 0 && chance(edgeIntents.includes('methodology') ? 0.3 : 0.08),
      citingPaper: citing,
    });
  }
  // S2 lists the newest citing papers first.
  edges.sort((a, b) => (b.citingPaper.year ?? 0) - (a.citingPaper.year ?? 0));
  referencesOf[targetId] = pool.slice(0, 40).map((entry) => entry.id);

  const recommendationCount = options.recommendations ?? 40;
  const recommended: S2PaperJson[] = [];
  for (let index = 0; index < recommendationCount; index++) {
    const id = paperId();
    const year = between(targetYear - 2, lastYear);
    const paper: S2PaperJson = {
      paperId: id,
      corpusId: nextCorpusId++,
      externalIds: { ArXiv: arxivFor(year), CorpusId: nextCorpusId - 1 },
      url: `https://www.semanticscholar.org/paper/${id}`,
      title: `${titleCase(pick(METHOD_ADJECTIVES))} ${titleCase(pick(METHOD_NOUNS))}s for ${titleCase(topic)}`,
      abstract: `Related work on ${topic}.`,
      venue: pick(VENUES),
      year,
      publicationDate: `${year}-${String(between(1, 12)).padStart(2, '0')}-15`,
      citationCount: between(0, 400),
      influentialCitationCount: between(0, 30),
      openAccessPdf: null,
      tldr: { model: 'tldr@v2.0.0', text: `A ${pick(METHOD_NOUNS)} for ${topic}.` },
      authors: authorsOf(between(1, 5)),
    };
    papers[id] = paper;
    recommended.push(paper);
  }

  return {
    papers,
    citationsOf: { [targetId]: edges },
    referencesOf,
    recommendationsOf: { [targetId]: recommended },
    recentRecommendationsOf: { [targetId]: recommended.filter((paper) => (paper.year ?? 0) >= lastYear - 1) },
    arxivToPaperId: { [options.arxivId]: targetId },
  };
}

function yearOfArxivId(arxivId: string): number | null {
  const modern = /^(\d{2})\d{2}\./.exec(arxivId);
  if (modern?.[1]) return 2000 + Number(modern[1]);
  const legacy = /\/(\d{2})\d{5}$/.exec(arxivId);
  if (legacy?.[1]) return Number(legacy[1]) >= 91 ? 1900 + Number(legacy[1]) : 2000 + Number(legacy[1]);
  return null;
}

function titleCase(text: string): string {
  return text.replace(/\b([a-z])/g, (letter) => letter.toUpperCase());
}

function acronymOf(phrase: string): string {
  return phrase
    .split(/[\s-]+/)
    .map((word) => word[0]?.toUpperCase() ?? '')
    .join('');
}

const GIVEN = ['Ana', 'Wei', 'Priya', 'Jonas', 'Fatima', 'Kenji', 'Lucía', 'Olu', 'Mei', 'Sven', 'Aarav', 'Chloé', 'Tomasz', 'Yara', 'Diego', 'Hana', 'Ivan', 'Noor', 'Mateo', 'Zainab'];
const FAMILY = ['Chen', 'Garcia', 'Okafor', 'Müller', 'Tanaka', 'Kowalski', 'Silva', 'Nguyen', 'Haddad', 'Johansson', 'Patel', 'Rossi', 'Kim', 'Dubois', 'Ivanova', 'Mensah', 'Novak', 'Sato', 'Ali', 'Moreau'];
const TOPICS = ['long-context language modelling', 'protein structure prediction', 'machine translation', 'image segmentation', 'speech recognition', 'code generation', 'graph representation learning', 'time-series forecasting', 'reinforcement learning from feedback', 'document retrieval', 'video understanding', 'tabular classification'];
const METHOD_ADJECTIVES = ['sparse', 'linear', 'hierarchical', 'low-rank', 'mixture-of-experts', 'retrieval-augmented', 'contrastive', 'quantised', 'recurrent', 'diffusion-based'];
const METHOD_NOUNS = ['attention mechanism', 'transformer', 'adapter', 'state-space model', 'encoder', 'tokeniser', 'objective', 'memory module'];
const METRICS = ['accuracy', 'perplexity', 'BLEU', 'F1', 'latency', 'memory use', 'sample efficiency', 'calibration'];
const VENUES = ['NeurIPS', 'ICML', 'ICLR', 'ACL', 'EMNLP', 'CVPR', 'AAAI', 'TACL', 'JMLR', 'arXiv.org', 'Nature Machine Intelligence', 'Transactions on Machine Learning Research'];
const TITLE_OPENERS = ['Towards Efficient', 'Revisiting', 'Scaling', 'On the Limits of', 'A Benchmark for', 'Rethinking', 'Robust', 'Understanding', 'Fast and Accurate', 'Lessons from'];
const TLDR_VERBS = ['improves', 'benchmarks', 'analyses', 'scales up', 'simplifies', 'revisits'];

const BACKGROUND = [
  'Recent work has proposed {method}s for {topic} {ref}.',
  '{M} {ref} reduced the cost of attention over long inputs.',
  'A growing body of work studies {topic}, including {M} {ref}.',
  'Several efficient architectures have been proposed for {topic} {ref}, among them {M}.',
  'The {method} introduced in {ref} has become a common building block.',
  'Prior approaches such as {M} {ref} trade exactness for speed.',
];
const METHODOLOGY = [
  'We adopt the {method} of {ref} as our backbone.',
  'Following {M} {ref}, we replace dense attention with the proposed {method}.',
  'Our implementation builds on the public code of {M} {ref}.',
  'We use the same training recipe as {ref} with {n} layers.',
  'The encoder is initialised from {M} {ref} and fine-tuned on our data.',
];
const RESULT_SUPPORTING = [
  'Consistent with {ref}, we observe a clear gain in {metric}.',
  'Our results confirm the findings of {M} {ref} on {topic}.',
  'Like {M} {ref}, our model improves {metric} by {n}%.',
  '{M} {ref} remains the strongest baseline in our experiments on {topic}.',
];
const RESULT_CONTRASTING = [
  'In contrast to {ref}, we find that {M} degrades {metric} on {topic}.',
  'Unlike the claims of {M} {ref}, we could not reproduce the reported {metric} gains.',
  '{M} {ref} fails to generalise beyond the benchmarks it was tuned on.',
  'However, our experiments show that {M} {ref} underperforms a dense baseline by {n} points.',
];
