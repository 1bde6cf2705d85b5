import { z } from 'zod';
import { hashString } from './features';

/**
 * The shipped model file. Weights are pruned to the buckets that matter, quantised to int8 and
 * base64-packed so a model stays well under 500 KB of JSON:
 *   buckets: ascending bucket ids, delta-encoded as LEB128 varints;
 *   weights: one int8 per (bucket, class), class-minor; real weight = int8 × weightScale.
 */
export const PackedWeightsSchema = z.object({
  format: z.literal('linear-hashed-v1'),
  task: z.string(),
  version: z.string(),
  labels: z.array(z.string()).min(2),
  features: z.object({
    hashBits: z.number().int().min(8).max(30),
    wordNgrams: z.array(z.number().int().min(1).max(4)),
    charNgramMin: z.number().int().min(1),
    charNgramMax: z.number().int().min(1),
    wordBlockWeight: z.number(),
    charBlockWeight: z.number(),
    cueBlockWeight: z.number(),
    stanceCueBlockWeight: z.number().optional(),
    measuredValuesBlockWeight: z.number().optional(),
    maskNames: z.boolean(),
    wordClusterNgrams: z.array(z.number().int().min(1).max(4)).optional(),
    wordClusterBlockWeight: z.number().optional(),
    wordClusterFingerprint: z.string().optional(),
  }),
  /** Per-class score offsets: the model's own biases plus the imbalance correction tuned in training. */
  biases: z.array(z.number()),
  /** Confidence = softmax(temperature × scores), temperature fitted on cross-validated scores. */
  temperature: z.number().positive(),
  weightScale: z.number().positive(),
  /**
   * Abstain rather than guess: a top label listed in `below` whose probability is under its
   * threshold is shown as `to` instead (polarity: "no clear stance", counted as neutral).
   */
  abstention: z.object({ to: z.string(), below: z.record(z.string(), z.number().min(0).max(1)) }).optional(),
  bucketCount: z.number().int().nonnegative(),
  buckets: z.string(),
  weights: z.string(),
  /** Free-form provenance (data sizes, options); not read by inference. */
  training: z.record(z.string(), z.unknown()),
});
export type PackedWeights = z.infer<typeof PackedWeightsSchema>;

const BASE64_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

export function encodeBase64(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const a = bytes[i]!;
    const b = bytes[i + 1];
    const c = bytes[i + 2];
    const triple = (a << 16) | ((b ?? 0) << 8) | (c ?? 0);
    out += BASE64_ALPHABET[(triple >> 18) & 63]! + BASE64_ALPHABET[(triple >> 12) & 63]!;
    out += b === undefined ? '=' : BASE64_ALPHABET[(triple >> 6) & 63]!;
    out += c === undefined ? '=' : BASE64_ALPHABET[triple & 63]!;
  }
  return out;
}

const BASE64_VALUES = new Int16Array(128).fill(-1);
for (let i = 0; i < BASE64_ALPHABET.length; i++) BASE64_VALUES[BASE64_ALPHABET.charCodeAt(i)] = i;

/** Own decoder rather than atob/Buffer: identical in the service worker, Node and tests. */
export function decodeBase64(text: string): Uint8Array {
  const clean = text.replace(/=+$/, '');
  const bytes = new Uint8Array(Math.floor((clean.length * 3) / 4));
  let bits = 0;
  let bitCount = 0;
  let at = 0;
  for (let i = 0; i < clean.length; i++) {
    const code = clean.charCodeAt(i);
    const value = code < 128 ? BASE64_VALUES[code]! : -1;
    if (value < 0) throw new Error(`invalid base64 character at ${i}`);
    bits = ((bits << 6) | value) & 0xffffff;
    bitCount += 6;
    if (bitCount >= 8) {
      bitCount -= 8;
      bytes[at++] = (bits >> bitCount) & 0xff;
    }
  }
  return bytes;
}

export function encodeAscendingVarints(values: Uint32Array): Uint8Array {
  const bytes: number[] = [];
  let previous = 0;
  for (const value of values) {
    let delta = value - previous;
    if (delta < 0) throw new Error('buckets must ascend');
    previous = value;
    while (delta >= 0x80) {
      bytes.push((delta & 0x7f) | 0x80);
      delta >>>= 7;
    }
    bytes.push(delta);
  }
  return Uint8Array.from(bytes);
}

export function decodeAscendingVarints(bytes: Uint8Array, count: number): Uint32Array {
  const values = new Uint32Array(count);
  let previous = 0;
  let at = 0;
  for (let i = 0; i < count; i++) {
    let delta = 0;
    let shift = 0;
    for (;;) {
      if (at >= bytes.length) throw new Error('bucket list ends early');
      const byte = bytes[at++]!;
      delta += (byte & 0x7f) * 2 ** shift;
      if (byte < 0x80) break;
      shift += 7;
    }
    previous += delta;
    values[i] = previous;
  }
  return values;
}

/** `<task>-v1-<8 hex>`: a hash of everything inference reads, so any change to the model changes it. */
export function modelVersion(weights: Omit<PackedWeights, 'version' | 'training'>): string {
  const content = JSON.stringify([
    weights.labels, weights.features, weights.biases, weights.temperature, weights.weightScale, weights.buckets, weights.weights,
    // Only when present, so models without abstention keep the version they always had.
    ...(weights.abstention ? [weights.abstention] : []),
  ]);
  return `${weights.task}-v1-${hashString(content, 0x7e57).toString(16).padStart(8, '0')}`;
}
