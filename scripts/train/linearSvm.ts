import type { SparseVector } from '../../lib/classify/features';
import { seededRandom, shuffleInPlace } from './random';

export interface TrainingSet {
  vectors: readonly SparseVector[];
  /** Class index per vector. */
  labels: readonly number[];
  classCount: number;
}

export interface SvmOptions {
  /** Inverse regularisation strength. */
  c: number;
  /** Multiplier on C for examples of each class; counters class imbalance. */
  classWeights: readonly number[];
  maxPasses: number;
  /** Stop when the spread of projected gradients falls below this (liblinear's criterion). */
  epsilon: number;
  seed: number;
  /**
   * NB-SVM (Wang & Manning, ACL 2012): scale each feature, per class, by its naive-Bayes
   * log-count ratio before fitting, with this smoothing; 0 disables. Helps classes with few examples.
   */
  naiveBayesSmoothing: number;
  /** 'hinge' is more tolerant of mislabelled examples; 'squared-hinge' is smoother. */
  loss: 'hinge' | 'squared-hinge';
  /** Optional multiplier on C for each training example (aligned with the training set). */
  exampleWeights?: readonly number[];
  /** Optional multiplier on C for each one-vs-rest problem, e.g. to regularise a tiny class harder. */
  classC?: readonly number[];
}

/** One score per class: weights over the buckets seen in training, class-major per bucket. */
export interface LinearModel {
  classCount: number;
  /** Sorted distinct buckets. */
  buckets: Uint32Array;
  /** weights[b * classCount + k] for the b-th entry of `buckets`. */
  weights: Float64Array;
  biases: Float64Array;
}

interface CompactRow {
  columns: Uint32Array;
  values: Float64Array;
  squaredNorm: number;
}

/** Renumbers buckets to 0..n-1 so the solver works on small dense arrays. */
function compact(vectors: readonly SparseVector[]): { buckets: Uint32Array; rows: CompactRow[] } {
  const seen = new Set<number>();
  for (const vector of vectors) for (const bucket of vector.indices) seen.add(bucket);
  const buckets = Uint32Array.from(seen).sort();
  const column = new Map<number, number>();
  buckets.forEach((bucket, index) => column.set(bucket, index));
  const rows = vectors.map((vector) => {
    let squaredNorm = 0;
    for (const value of vector.values) squaredNorm += value * value;
    return { columns: Uint32Array.from(vector.indices, (bucket) => column.get(bucket)!), values: vector.values, squaredNorm };
  });
  return { buckets, rows };
}

/** log(p/|p|₁) − log(q/|q|₁) with p, q the smoothed feature sums over positive and negative rows. */
function logCountRatios(rows: readonly CompactRow[], labels: readonly number[], positive: number, columnCount: number, smoothing: number): Float64Array {
  const positiveSums = new Float64Array(columnCount).fill(smoothing);
  const negativeSums = new Float64Array(columnCount).fill(smoothing);
  rows.forEach((row, i) => {
    const sums = labels[i] === positive ? positiveSums : negativeSums;
    for (let j = 0; j < row.columns.length; j++) {
      const column = row.columns[j]!;
      sums[column] = sums[column]! + Math.abs(row.values[j]!);
    }
  });
  let positiveTotal = 0;
  let negativeTotal = 0;
  for (let c = 0; c < columnCount; c++) {
    positiveTotal += positiveSums[c]!;
    negativeTotal += negativeSums[c]!;
  }
  return Float64Array.from(positiveSums, (p, c) => Math.log(p / positiveTotal) - Math.log(negativeSums[c]! / negativeTotal));
}

function scaleRow(row: CompactRow, ratio: Float64Array): CompactRow {
  const values = Float64Array.from(row.values, (value, j) => value * ratio[row.columns[j]!]!);
  let squaredNorm = 0;
  for (const value of values) squaredNorm += value * value;
  return { columns: row.columns, values, squaredNorm };
}

/** The bias is learnt as the weight of a constant feature with this value (as liblinear does). */
const BIAS_FEATURE = 1;

/**
 * One-vs-rest L2-regularised squared-hinge linear SVM, solved by dual coordinate descent
 * (Hsieh et al., ICML 2008). Visiting order comes from a seeded shuffle, so reruns are identical.
 */
export function trainLinearSvm(set: TrainingSet, options: SvmOptions): LinearModel {
  const { classCount } = set;
  const { buckets, rows } = compact(set.vectors);
  const weights = new Float64Array(buckets.length * classCount);
  const biases = new Float64Array(classCount);
  const random = seededRandom(options.seed);
  const order = rows.map((_, index) => index);

  for (let k = 0; k < classCount; k++) {
    const ratio = options.naiveBayesSmoothing > 0 ? logCountRatios(rows, set.labels, k, buckets.length, options.naiveBayesSmoothing) : undefined;
    const scaled = ratio ? rows.map((row) => scaleRow(row, ratio)) : rows;
    const w = new Float64Array(buckets.length);
    let bias = 0;
    const alpha = new Float64Array(rows.length);
    const sign = set.labels.map((label) => (label === k ? 1 : -1));
    // Dual box and diagonal (Hsieh et al., table 1): hinge has alpha ≤ C, squared hinge adds 1/2C to Q.
    const c = options.c * (options.classC?.[k] ?? 1);
    const cost = set.labels.map((label, i) => c * (options.classWeights[label] ?? 1) * (options.exampleWeights?.[i] ?? 1));
    const upper = cost.map((ci) => (options.loss === 'hinge' ? ci : Infinity));
    const diagonal = cost.map((ci) => (options.loss === 'hinge' ? 0 : 1 / (2 * ci)));

    for (let pass = 0; pass < options.maxPasses; pass++) {
      shuffleInPlace(order, random);
      let largest = -Infinity;
      let smallest = Infinity;
      for (const i of order) {
        const { columns, values, squaredNorm } = scaled[i]!;
        let margin = bias * BIAS_FEATURE;
        for (let j = 0; j < columns.length; j++) margin += w[columns[j]!]! * values[j]!;
        const y = sign[i]!;
        const gradient = y * margin - 1 + diagonal[i]! * alpha[i]!;
        const projected = alpha[i] === 0 ? Math.min(gradient, 0) : alpha[i] === upper[i] ? Math.max(gradient, 0) : gradient;
        largest = Math.max(largest, projected);
        smallest = Math.min(smallest, projected);
        if (Math.abs(projected) < 1e-12) continue;
        const previous = alpha[i]!;
        alpha[i] = Math.min(Math.max(previous - gradient / (squaredNorm + BIAS_FEATURE * BIAS_FEATURE + diagonal[i]!), 0), upper[i]!);
        const step = (alpha[i]! - previous) * y;
        for (let j = 0; j < columns.length; j++) {
          const column = columns[j]!;
          w[column] = w[column]! + step * values[j]!;
        }
        bias += step * BIAS_FEATURE;
      }
      if (largest - smallest < options.epsilon) break;
    }
    // Fold the per-feature scaling into the weights: the shipped model stays a plain linear model.
    for (let b = 0; b < buckets.length; b++) weights[b * classCount + k] = w[b]! * (ratio ? ratio[b]! : 1);
    biases[k] = bias * BIAS_FEATURE;
  }
  return { classCount, buckets, weights, biases };
}

/** Raw class scores of one vector under a model (buckets the model never saw contribute nothing). */
export function scoreVector(model: LinearModel, columnOf: ReadonlyMap<number, number>, vector: SparseVector): Float64Array {
  const scores = Float64Array.from(model.biases);
  for (let i = 0; i < vector.indices.length; i++) {
    const column = columnOf.get(vector.indices[i]!);
    if (column === undefined) continue;
    const value = vector.values[i]!;
    for (let k = 0; k < model.classCount; k++) scores[k] = scores[k]! + model.weights[column * model.classCount + k]! * value;
  }
  return scores;
}

export function columnIndex(model: LinearModel): Map<number, number> {
  const columnOf = new Map<number, number>();
  model.buckets.forEach((bucket, index) => columnOf.set(bucket, index));
  return columnOf;
}
