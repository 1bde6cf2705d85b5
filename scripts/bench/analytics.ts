/**
 * Analytics benchmark: `buildHubView` on a seeded synthetic hub (3,000 citing papers, 10,000
 * pre-labelled sentences, 50,000 reference edges) at 1× and 2× size, and the explorer filter over
 * 5,000 rows. Goals: ≤ 100 ms at 1×, 2×/1× ratio ≤ 2.2 (near-linear), filter well under 50 ms.
 * Also what a panel receives: the JSON size of a snapshot (summary + first explorer page) against
 * the whole view, and the background's time to answer one explorer page over 5,000 rows.
 * Run alone with `npx tsx scripts/bench/analytics.ts`.
 */
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import type { Citation, CitationSentence } from '../../lib/domain/citation';
import { STAGES, type HubData } from '../../lib/domain/hub';
import type { Intent, Polarity } from '../../lib/domain/labels';
import type { Paper } from '../../lib/domain/paper';
import { buildExplorerRows, buildHubView, filterExplorer, topCoCitedIds } from '../../lib/analytics';
import { seededRandom } from '../../lib/random';
import { queryExplorer, splitView } from '../../lib/hub/explorerPages';
import { formatFigure, type Figure } from './figure';

const BASE = { citingPapers: 3_000, sentences: 10_000, referenceEdges: 50_000, worksPool: 12_000 };
/** Timed runs per workload (the median is reported), after WARM_UP_ROUNDS untimed ones. */
const RUNS = 21;
/** Enough for the JIT to settle (the first runs also fill the stemmer's memo) on a loaded 2-core machine. */
const WARM_UP_ROUNDS = 3;

const SYLLABLES = ['ka', 'lo', 'mi', 'ne', 'ru', 'ta', 'vi', 'so', 'pe', 'dra', 'xen', 'qua', 'tor', 'lin', 'mex', 'bar'];
const COMMON = ['scaling', 'language', 'transformer', 'training', 'compute', 'loss', 'data', 'benchmark', 'reasoning', 'tasks'];

function makeVocabulary(random: () => number, size: number): string[] {
  const words = new Set<string>(COMMON);
  while (words.size < size) {
    const length = 2 + Math.floor(random() * 3);
    let word = '';
    for (let i = 0; i < length; i += 1) word += SYLLABLES[Math.floor(random() * SYLLABLES.length)];
    words.add(word);
  }
  return [...words];
}

/** Zipf-like index in [0, n): a few items are very common, most are rare (as words and cited works are). */
function zipfIndex(random: () => number, n: number): number {
  return Math.min(n - 1, Math.floor(Math.pow(n, random()) - 1));
}

function sentence(random: () => number, vocabulary: string[], words: number): string {
  const picked: string[] = [];
  for (let i = 0; i < words; i += 1) picked.push(vocabulary[zipfIndex(random, vocabulary.length)]!);
  const text = picked.join(' ');
  return `${text.charAt(0).toUpperCase()}${text.slice(1)} [${1 + Math.floor(random() * 60)}].`;
}

const hex = (random: () => number): string =>
  Array.from({ length: 40 }, () => Math.floor(random() * 16).toString(16)).join('');

export function generateHub(scale: number, seed = 42): HubData {
  const random = seededRandom(seed);
  const vocabulary = makeVocabulary(random, 4_000);
  const intents: Intent[] = ['background', 'methodology', 'result'];
  const polarities: Polarity[] = ['neutral', 'neutral', 'neutral', 'supporting', 'contrasting'];
  const citingCount = BASE.citingPapers * scale;
  const targetId = hex(random);

  const citations: Citation[] = [];
  for (let i = 0; i < citingCount; i += 1) {
    const citing: Paper = {
      paperId: hex(random),
      title: sentence(random, vocabulary, 8),
      authors: ['A. Author', 'B. Writer'],
      year: 2015 + Math.floor(random() * 11),
      citationCount: zipfIndex(random, 5_000),
      influentialCitationCount: zipfIndex(random, 200),
    };
    if (random() < 0.7) citing.tldr = sentence(random, vocabulary, 20);
    citations.push({ citing, isInfluential: random() < 0.1, intents: [], sentences: [] });
  }
  for (let i = 0; i < BASE.sentences * scale; i += 1) {
    const citation = citations[Math.floor(random() * citations.length)]!;
    const fromSource = random() < 0.6;
    const label = intents[Math.floor(random() * intents.length)]!;
    const labelled: CitationSentence = {
      text: sentence(random, vocabulary, 18 + Math.floor(random() * 15)),
      sourceIntents: fromSource ? [label] : [],
      intent: { label, origin: fromSource ? 'source' : 'local', confidence: fromSource ? 1 : 0.4 + random() * 0.6 },
      polarity: { label: polarities[Math.floor(random() * polarities.length)]!, confidence: 0.34 + random() * 0.66 },
      modelVersion: 'bench',
    };
    citation.sentences.push(labelled);
    if (fromSource && !citation.intents.includes(label)) citation.intents.push(label);
  }

  const referencesByCiting: Record<string, string[]> = {};
  const works = Array.from({ length: BASE.worksPool * scale }, () => hex(random));
  const perPaper = (BASE.referenceEdges * scale) / citingCount;
  for (const citation of citations) {
    const references = [targetId];
    for (let r = 1; r < perPaper; r += 1) references.push(works[zipfIndex(random, works.length)]!);
    referencesByCiting[citation.citing.paperId] = references;
  }
  const coCitedPapers: Record<string, Paper> = {};
  for (const id of topCoCitedIds(referencesByCiting, targetId, 30)) {
    coCitedPapers[id] = { paperId: id, title: sentence(random, vocabulary, 8), authors: ['C. Cited'] };
  }

  // Eight sentences; the paper refers to itself from the second on, so seven become claims.
  const abstract = Array.from({ length: 8 }, (_, i) => (i === 1 ? 'In this paper, we ' : '') + sentence(random, vocabulary, 22)).join(' ');
  return {
    arxivId: '2001.08361',
    paper: {
      paperId: targetId,
      title: 'Synthetic target',
      authors: ['T. Target'],
      abstract,
      tldr: sentence(random, vocabulary, 25),
      citationCount: citingCount,
    },
    citations,
    referencesByCiting,
    coCitedPapers,
    recommendations: Array.from({ length: 50 }, () => ({ paperId: hex(random), title: 'Recommended', authors: [] })),
    references: [],
    yearCounts: null,
    stages: Object.fromEntries(STAGES.map((stage) => [stage, { status: 'done', done: 1, total: 1 }])) as HubData['stages'],
    provenance: {
      sources: ['semanticscholar'],
      fetchedAt: 0,
      fallback: false,
      droppedRows: 0,
      citationsListed: citingCount,
      citationsReported: citingCount,
      batchSampled: citingCount,
    },
  };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function timeMedian(runs: number, work: () => unknown): number {
  work(); // warm-up: JIT and the stemmer's memo
  const times: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    const start = performance.now();
    work();
    times.push(performance.now() - start);
  }
  return median(times);
}

/**
 * Median times of two workloads measured alternately (a, b, a, b, …), so a burst of load on a
 * shared machine slows both alike instead of skewing their ratio.
 */
function timeMediansInterleaved(runs: number, first: () => unknown, second: () => unknown): [number, number] {
  for (let round = 0; round < WARM_UP_ROUNDS; round += 1) {
    first();
    second();
  }
  const firstTimes: number[] = [];
  const secondTimes: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    let start = performance.now();
    first();
    firstTimes.push(performance.now() - start);
    start = performance.now();
    second();
    secondTimes.push(performance.now() - start);
  }
  return [median(firstTimes), median(secondTimes)];
}

const round = (value: number, digits = 1): number => Number(value.toFixed(digits));

export async function run(): Promise<Figure[]> {
  const single = generateHub(1);
  const double = generateHub(2);
  const [singleMs, doubleMs] = timeMediansInterleaved(
    RUNS,
    () => buildHubView(single),
    () => buildHubView(double),
  );

  const rows = buildExplorerRows(double.citations.slice(0, 5_000));
  const filters = { roles: new Set(['methodology', 'result'] as const), yearMin: 2018, yearMax: 2024, text: 'scaling lo' };
  const filterMs = timeMedian(51, () => filterExplorer(rows, filters));
  const pageQuery = {
    filters: { role: 'methodology' as const, polarity: 'all' as const, yearFrom: 2018, yearTo: 2024, influentialOnly: false, text: 'scaling lo' },
    sort: { key: 'year' as const, direction: 'desc' as const },
    page: 1,
  };
  const pageMs = timeMedian(51, () => queryExplorer(rows, pageQuery));

  const view = buildHubView(single);
  const { summary, explorer } = splitView(view);
  const snapshotBytes = JSON.stringify({ view: summary, explorer }).length;
  const fullViewBytes = JSON.stringify(view).length;

  return [
    { name: 'analytics aggregation 1x', value: round(singleMs), unit: 'ms' },
    { name: 'analytics aggregation 2x', value: round(doubleMs), unit: 'ms' },
    { name: 'analytics 2x/1x ratio', value: round(doubleMs / singleMs, 2), unit: 'x' },
    { name: 'explorer filter 5,000 rows', value: round(filterMs, 2), unit: 'ms' },
    { name: 'explorer page (filter + sort + 50 rows) of 5,000 rows', value: round(pageMs, 2), unit: 'ms' },
    { name: 'panel snapshot JSON 1x (summary + first explorer page)', value: snapshotBytes, unit: 'bytes' },
    { name: 'whole view JSON 1x (sent on every snapshot before)', value: fullViewBytes, unit: 'bytes' },
  ];
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  void run().then((figures) => {
    for (const figure of figures) console.log(formatFigure(figure));
  });
}
