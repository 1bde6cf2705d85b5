import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { z } from 'zod';
import { INTENTS, POLARITIES } from '../../lib/domain/labels';
import { DATASETS } from '../../tests/paths';

export interface LabelledSentence<L extends string = string> {
  text: string;
  label: L;
}

const IntentRowSchema = z.object({
  text: z.string(),
  label: z.enum(INTENTS),
  split: z.enum(['train', 'dev']),
});
const PolarityRowSchema = z.object({
  text: z.string(),
  label: z.enum(POLARITIES),
  citing: z.string(),
  cited: z.string(),
});
export type IntentRow = z.infer<typeof IntentRowSchema>;
export type PolarityRow = z.infer<typeof PolarityRowSchema>;

export const INTENT_DATASET = resolve(DATASETS, 'intent-scicite.jsonl');
export const POLARITY_DATASET = resolve(DATASETS, 'polarity-athar.jsonl');

/** Parses a JSONL file row by row, naming the first bad line instead of failing vaguely. */
export function readJsonl<T>(path: string, schema: z.ZodType<T>): T[] {
  const lines = readFileSync(path, 'utf8').split('\n');
  const rows: T[] = [];
  lines.forEach((line, index) => {
    if (line.trim() === '') return;
    let parsed: unknown;
    try {
      parsed = JSON.parse(line);
    } catch {
      throw new Error(`${path}:${index + 1}: not valid JSON`);
    }
    const result = schema.safeParse(parsed);
    if (!result.success) throw new Error(`${path}:${index + 1}: ${result.error.issues[0]?.message ?? 'invalid row'}`);
    rows.push(result.data);
  });
  return rows;
}

export function loadIntentRows(path = INTENT_DATASET): IntentRow[] {
  return readJsonl(path, IntentRowSchema);
}

export function loadPolarityRows(path = POLARITY_DATASET): PolarityRow[] {
  return readJsonl(path, PolarityRowSchema);
}

export function toJsonl(rows: readonly LabelledSentence[]): string {
  return rows.map(({ text, label }) => JSON.stringify({ text, label })).join('\n') + '\n';
}
