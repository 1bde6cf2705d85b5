import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { z } from 'zod';
import { INTENTS, POLARITIES } from '../../lib/domain/labels';
import { hashString } from '../../lib/classify/features';
import { DATASETS, REPO_ROOT } from '../../tests/paths';

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

/*
 * Polarity sources beyond Athar. Every row carries a `group` (rows of one group never straddle a
 * fold or a held-out boundary) and its `source`, so each source's share and effect can be measured.
 */
export const POLARITY_SOURCES = ['athar', 'multicite', 'scicite', 'scicite-background', 'written', 'written-content', 'written-hard'] as const;
export type PolaritySource = (typeof POLARITY_SOURCES)[number];

export type StanceRow = {
  text: string;
  label: (typeof POLARITIES)[number];
  group: string;
  source: PolaritySource;
};

export const MULTICITE_DATASET = resolve(DATASETS, 'multicite-sentence.jsonl');
/** Our stance labels for MultiCite's `similarities` / `differences` rows, keyed by line (README, "Polarity data"). */
export const MULTICITE_STANCE_LABELS = resolve(REPO_ROOT, 'scripts/train/data/multicite-stance.jsonl');
/** Our stance labels for SciCite rows (every `result` row, a sample of the rest), keyed by line of the intent dataset (scripts/train/data/README.md). */
export const SCICITE_STANCE_LABELS = resolve(REPO_ROOT, 'scripts/train/data/scicite-stance.jsonl');
/** Clear-cut sentences written for training from the definitions, by two writers; never part of an evaluation set. */
export const WRITTEN_POLARITY = [
  resolve(REPO_ROOT, 'scripts/train/data/written-polarity.jsonl'),
  resolve(REPO_ROOT, 'scripts/train/data/written-polarity-2.jsonl'),
  resolve(REPO_ROOT, 'scripts/train/data/written-polarity-3a.jsonl'),
  resolve(REPO_ROOT, 'scripts/train/data/written-polarity-3b.jsonl'),
  resolve(REPO_ROOT, 'scripts/train/data/written-polarity-3c.jsonl'),
  resolve(REPO_ROOT, 'scripts/train/data/written-polarity-4a.jsonl'),
  resolve(REPO_ROOT, 'scripts/train/data/written-polarity-4b.jsonl'),
  resolve(REPO_ROOT, 'scripts/train/data/written-polarity-4c.jsonl'),
];
/**
 * Batch 5 (session 10, four writers): stance carried by content (numbers that land inside or outside, re-runs that
 * do or do not recover the gains) rather than cue words. A source of its own, so grouped CV can say
 * what it does to the rows every mixture shares.
 */
export const WRITTEN_CONTENT_POLARITY = [
  resolve(REPO_ROOT, 'scripts/train/data/written-polarity-5a.jsonl'),
  resolve(REPO_ROOT, 'scripts/train/data/written-polarity-5b.jsonl'),
  resolve(REPO_ROOT, 'scripts/train/data/written-polarity-5c.jsonl'),
  resolve(REPO_ROOT, 'scripts/train/data/written-polarity-5d.jsonl'),
];
/**
 * Batch 6 (session 11, four writers): stance that is hedged (6a), far from the citation in a long
 * sentence (6b), or told by outcomes with almost no evaluative word (6c). A source of its own, for
 * the same reason as batch 5.
 */
export const WRITTEN_HARD_POLARITY = ['6a', '6b', '6c'].map((batch) => resolve(REPO_ROOT, `scripts/train/data/written-polarity-${batch}.jsonl`));
/**
 * Batch 6d, brief stance in the register of real computer-science papers: written with the others but
 * not trained on, since it lowered grouped CV on the real sources (README, "Tried this session"). Kept
 * so the source ablation can repeat that measurement.
 */
export const WRITTEN_HARD_NOT_TRAINED = [resolve(REPO_ROOT, 'scripts/train/data/written-polarity-6d.jsonl')];

const MultiCiteRowSchema = z.object({
  text: z.string(),
  mentions: z.array(z.string()),
  labels: z.array(z.string()),
  group: z.string(),
  split: z.enum(['train', 'dev']),
});
const StanceLabelSchema = z.object({ line: z.number().int().positive(), fingerprint: z.string(), label: z.enum(POLARITIES) });
const WrittenRowSchema = z.object({ text: z.string(), label: z.enum(POLARITIES) });

/**
 * MultiCite intents that can carry a stance: similar or different results, motivation (often a
 * limitation of the cited work) and extends (sometimes extending its findings, or fixing its flaw).
 * The rest (background, uses, future work) are neutral.
 */
const STANCE_BEARING_INTENTS = new Set(['similarities', 'differences', 'motivation', 'extends']);

export function textFingerprint(text: string): string {
  return hashString(text, 0x51a7).toString(16).padStart(8, '0');
}

/**
 * MultiCite mapped to polarity: a row tagged `similarities`, `differences`, `motivation` or `extends` takes the stance label
 * we gave it by reading it under the definitions (most are similarities or differences of approach,
 * hence neutral); every other row is neutral. A label whose line or text no longer matches fails loudly.
 */
export function loadMultiCiteStance(split: 'train' | 'dev', path = MULTICITE_DATASET, labelsPath = MULTICITE_STANCE_LABELS): StanceRow[] {
  const rows = readJsonl(path, MultiCiteRowSchema);
  const stance = new Map(readJsonl(labelsPath, StanceLabelSchema).map((entry) => [entry.line, entry]));
  const out: StanceRow[] = [];
  rows.forEach((row, index) => {
    if (row.split !== split) return;
    const line = index + 1;
    let label: (typeof POLARITIES)[number] = 'neutral';
    if (row.labels.some((intent) => STANCE_BEARING_INTENTS.has(intent))) {
      const entry = stance.get(line);
      if (!entry) throw new Error(`${labelsPath}: no stance label for MultiCite line ${line}`);
      if (entry.fingerprint !== textFingerprint(row.text)) throw new Error(`${labelsPath}: line ${line} does not match MultiCite's text`);
      label = entry.label;
    }
    out.push({ text: row.text, label, group: `multicite:${row.group}`, source: 'multicite' });
  });
  return out;
}

export function loadWrittenPolarity(paths: readonly string[] = WRITTEN_POLARITY, source: 'written' | 'written-content' | 'written-hard' = 'written'): StanceRow[] {
  return paths.flatMap((path, file) => readJsonl(path, WrittenRowSchema).map((row, index): StanceRow => ({ ...row, group: `${source}:${file}:${index}`, source })));
}

export function loadWrittenContentPolarity(): StanceRow[] {
  return loadWrittenPolarity(WRITTEN_CONTENT_POLARITY, 'written-content');
}

export function loadWrittenHardPolarity(paths: readonly string[] = WRITTEN_HARD_POLARITY): StanceRow[] {
  return loadWrittenPolarity(paths, 'written-hard');
}

export function atharAsStanceRows(rows: readonly PolarityRow[]): StanceRow[] {
  return rows.map((row) => ({ text: row.text, label: row.label, group: `athar:${row.cited}`, source: 'athar' }));
}

/** `mixed`: agrees with one cited work and disagrees with another; `disputed`: the two readers of a held-out row differed. */
const SciCiteStanceSchema = z.object({
  line: z.number().int().positive(),
  fingerprint: z.string(),
  label: z.enum([...POLARITIES, 'mixed', 'disputed']),
});

/**
 * SciCite rows read for stance under the definitions: every `result` row (a citing paper relating its
 * results to the cited work's; source `scicite`) and a seeded sample of the background and method rows
 * (source `scicite-background`; rows without a label were never read and are not used). `mixed` and
 * `disputed` rows are left out. Grouped by text, so a sentence repeated for two cited works never
 * straddles a fold. A label whose text no longer matches, or a result row without one, fails loudly.
 */
export function loadSciCiteStance(split: 'train' | 'dev', path = INTENT_DATASET, labelsPath = SCICITE_STANCE_LABELS): StanceRow[] {
  const rows = readJsonl(path, IntentRowSchema);
  const stance = new Map(readJsonl(labelsPath, SciCiteStanceSchema).map((entry) => [entry.line, entry]));
  const out: StanceRow[] = [];
  rows.forEach((row, index) => {
    if (row.split !== split) return;
    const line = index + 1;
    const entry = stance.get(line);
    if (!entry) {
      if (row.label === 'result') throw new Error(`${labelsPath}: no stance label for SciCite result line ${line}`);
      return;
    }
    if (entry.fingerprint !== textFingerprint(row.text)) throw new Error(`${labelsPath}: line ${line} does not match SciCite's text`);
    if (entry.label === 'mixed' || entry.label === 'disputed') return;
    const source = row.label === 'result' ? 'scicite' : 'scicite-background';
    out.push({ text: row.text, label: entry.label, group: `scicite:${textFingerprint(row.text)}`, source });
  });
  return out;
}
