import type { FeatureConfig } from '../../lib/classify/features';
import { encodeAscendingVarints, encodeBase64, modelVersion, type PackedWeights } from '../../lib/classify/packedWeights';
import type { LinearModel } from './linearSvm';

export interface PruneOptions {
  /** Keep at most this many buckets, those with the largest weight magnitude for any class. */
  maxBuckets: number;
}

/** The model restricted to its most influential buckets and rounded to int8 — exactly what ships. */
export interface QuantisedModel {
  classCount: number;
  buckets: Uint32Array;
  quantised: Int8Array;
  weightScale: number;
  biases: Float64Array;
}

export function pruneAndQuantise(model: LinearModel, options: PruneOptions): QuantisedModel {
  const { classCount } = model;
  const strength = (row: number) => {
    let largest = 0;
    for (let k = 0; k < classCount; k++) largest = Math.max(largest, Math.abs(model.weights[row * classCount + k]!));
    return largest;
  };
  const rows = Array.from(model.buckets.keys())
    .map((row) => ({ row, strength: strength(row) }))
    .filter((entry) => entry.strength > 0)
    .sort((a, b) => b.strength - a.strength || model.buckets[a.row]! - model.buckets[b.row]!)
    .slice(0, options.maxBuckets)
    .map((entry) => entry.row)
    .sort((a, b) => model.buckets[a]! - model.buckets[b]!);
  const largest = rows.reduce((max, row) => Math.max(max, strength(row)), 0);
  // Rounded as it will be written to JSON, so training scores exactly what inference will compute.
  const weightScale = largest > 0 ? Number((largest / 127).toPrecision(6)) : 1;
  const quantised = new Int8Array(rows.length * classCount);
  rows.forEach((row, i) => {
    for (let k = 0; k < classCount; k++) quantised[i * classCount + k] = Math.max(-127, Math.min(127, Math.round(model.weights[row * classCount + k]! / weightScale)));
  });
  return {
    classCount,
    buckets: Uint32Array.from(rows, (row) => model.buckets[row]!),
    quantised,
    weightScale,
    biases: Float64Array.from(model.biases),
  };
}

/** Reads a quantised model back as a plain linear model, for scoring during training. */
export function dequantise(model: QuantisedModel): LinearModel {
  return {
    classCount: model.classCount,
    buckets: model.buckets,
    weights: Float64Array.from(model.quantised, (q) => q * model.weightScale),
    biases: model.biases,
  };
}

export interface PackInput {
  task: string;
  labels: readonly string[];
  features: FeatureConfig;
  model: QuantisedModel;
  offsets: readonly number[];
  temperature: number;
  abstention?: { to: string; below: Record<string, number> };
  training: Record<string, unknown>;
}

/** Rounds floats that go into JSON so the file does not depend on the last bits of a platform's libm. */
const round = (value: number, digits = 6) => Number(value.toPrecision(digits));

export function packWeights(input: PackInput): PackedWeights {
  // Absent, not undefined, when unused: older models keep byte-identical weights files.
  const { wordClusterNgrams, ...featuresWithoutClusters } = input.features;
  const body = {
    format: 'linear-hashed-v1' as const,
    task: input.task,
    labels: [...input.labels],
    features: {
      ...featuresWithoutClusters,
      wordNgrams: [...input.features.wordNgrams],
      ...(wordClusterNgrams ? { wordClusterNgrams: [...wordClusterNgrams] } : {}),
    },
    biases: Array.from(input.model.biases, (bias, k) => round(bias + (input.offsets[k] ?? 0))),
    temperature: round(input.temperature),
    weightScale: input.model.weightScale,
    bucketCount: input.model.buckets.length,
    buckets: encodeBase64(encodeAscendingVarints(input.model.buckets)),
    weights: encodeBase64(new Uint8Array(input.model.quantised.buffer, input.model.quantised.byteOffset, input.model.quantised.byteLength)),
    ...(input.abstention ? { abstention: input.abstention } : {}),
  };
  return { ...body, version: modelVersion(body), training: input.training };
}
