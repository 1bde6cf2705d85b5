import type { Classification } from '../domain/labels';
import { visitFeatures, type FeatureConfig, type WordClusters } from './features';
import { decodeAscendingVarints, decodeBase64, PackedWeightsSchema, type PackedWeights } from './packedWeights';

export interface LinearClassifier<L extends string> {
  readonly labels: readonly L[];
  readonly modelVersion: string;
  classify(sentence: string): Classification<L>;
  /** Probability per label, in `labels` order. */
  probabilities(sentence: string): Float64Array;
}

/**
 * Bucket id → row of weights. Most n-grams of a sentence were pruned away, so a bitset over the
 * whole hash space (128 KB for 2^20 buckets, cache-friendly) rejects them before the table is
 * probed. The table interleaves key and row so one probe reads one cache line; buckets are already
 * hashed, so their low bits spread evenly over the slots.
 */
interface BucketIndex {
  present: Uint32Array;
  slots: Int32Array;
  mask: number;
}

function buildIndex(buckets: Uint32Array, hashBits: number): BucketIndex {
  const present = new Uint32Array(Math.ceil(2 ** hashBits / 32));
  let capacity = 16;
  while (capacity < buckets.length * 1.6) capacity *= 2;
  const slots = new Int32Array(capacity * 2).fill(-1);
  const mask = capacity - 1;
  buckets.forEach((bucket, row) => {
    present[bucket >>> 5]! |= 1 << (bucket & 31);
    let slot = bucket & mask;
    while (slots[slot * 2] !== -1) slot = (slot + 1) & mask;
    slots[slot * 2] = bucket;
    slots[slot * 2 + 1] = row;
  });
  return { present, slots, mask };
}

function rowOf(index: BucketIndex, bucket: number): number {
  if ((index.present[bucket >>> 5]! & (1 << (bucket & 31))) === 0) return -1;
  for (let slot = bucket & index.mask; ; slot = (slot + 1) & index.mask) {
    const stored = index.slots[slot * 2]!;
    if (stored === bucket) return index.slots[slot * 2 + 1]!;
    if (stored === -1) return -1;
  }
}

/**
 * Builds a classifier from packed weights, decoding them on first use so that merely importing
 * the module (e.g. when the service worker wakes) costs nothing. Weights trained with a
 * word-cluster block need `wordClusters` (read on first use too).
 */
export function createLinearClassifier<L extends string>(
  raw: unknown,
  labels: readonly L[],
  wordClusters?: () => { index: WordClusters; fingerprint: string },
): LinearClassifier<L> {
  const packed: PackedWeights = PackedWeightsSchema.parse(raw);
  if (packed.labels.length !== labels.length || packed.labels.some((label, i) => label !== labels[i])) {
    throw new Error(`weights for ${packed.task} have labels ${packed.labels.join(',')}, expected ${labels.join(',')}`);
  }
  const classCount = labels.length;
  const features: FeatureConfig = packed.features;
  const abstention = packed.abstention ? { to: labels.indexOf(packed.abstention.to as L), below: packed.abstention.below } : undefined;
  if (abstention && abstention.to < 0) throw new Error(`weights for ${packed.task} abstain to an unknown label ${packed.abstention!.to}`);
  if ((features.wordClusterBlockWeight ?? 0) > 0 && !wordClusters) throw new Error(`weights for ${packed.task} need word clusters`);
  let decoded: { index: BucketIndex; weights: Int8Array; clusters: WordClusters | undefined } | undefined;

  const clustersFor = (weights: PackedWeights): WordClusters | undefined => {
    const clusters = wordClusters?.();
    if (clusters && weights.features.wordClusterFingerprint !== undefined && clusters.fingerprint !== weights.features.wordClusterFingerprint) {
      throw new Error(`weights for ${weights.task} were trained with other word clusters (${weights.features.wordClusterFingerprint}, shipped ${clusters.fingerprint})`);
    }
    return clusters?.index;
  };
  const decode = () => {
    const buckets = decodeAscendingVarints(decodeBase64(packed.buckets), packed.bucketCount);
    // Kept as int8 (3 bytes a bucket) rather than floats: small enough to stay in cache.
    const weights = new Int8Array(decodeBase64(packed.weights).buffer);
    if (weights.length < buckets.length * classCount) throw new Error(`weights for ${packed.task} are truncated`);
    return { index: buildIndex(buckets, features.hashBits), weights, clusters: (features.wordClusterBlockWeight ?? 0) > 0 ? clustersFor(packed) : undefined };
  };

  const probabilities = (sentence: string): Float64Array => {
    decoded ??= decode();
    const { index, weights, clusters } = decoded;
    const sums = new Float64Array(classCount);
    visitFeatures(sentence, features, (bucket, value) => {
      const row = rowOf(index, bucket);
      if (row < 0) return;
      const base = row * classCount;
      for (let k = 0; k < classCount; k++) sums[k] = sums[k]! + weights[base + k]! * value;
    }, clusters);
    const scores = new Float64Array(classCount);
    for (let k = 0; k < classCount; k++) scores[k] = packed.biases[k]! + sums[k]! * packed.weightScale;
    let max = -Infinity;
    for (let k = 0; k < classCount; k++) max = Math.max(max, scores[k]! * packed.temperature);
    let sum = 0;
    for (let k = 0; k < classCount; k++) {
      scores[k] = Math.exp(scores[k]! * packed.temperature - max);
      sum += scores[k]!;
    }
    for (let k = 0; k < classCount; k++) scores[k] = scores[k]! / sum;
    return scores;
  };

  return {
    labels,
    modelVersion: packed.version,
    probabilities,
    classify(sentence) {
      const probs = probabilities(typeof sentence === 'string' ? sentence : '');
      let best = 0;
      for (let k = 1; k < classCount; k++) if (probs[k]! > probs[best]!) best = k;
      const threshold = abstention?.below[labels[best]!];
      if (abstention && threshold !== undefined && probs[best]! < threshold) {
        return {
          label: labels[abstention.to]!,
          confidence: probs[abstention.to]!,
          modelVersion: packed.version,
          leaning: { label: labels[best]!, confidence: probs[best]! },
        };
      }
      return { label: labels[best]!, confidence: probs[best]!, modelVersion: packed.version };
    },
  };
}
