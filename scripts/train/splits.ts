import { hashString } from '../../lib/classify/features';
import type { IntentRow, LabelledSentence, PolarityRow, StanceRow } from './datasets';

/** Training rows keep their source fields (e.g. `cited`, for grouped folds); held-out rows are text + label. */
export interface Split<R extends LabelledSentence> {
  train: R[];
  heldOut: LabelledSentence<R['label']>[];
}

const strip = <L extends string>({ text, label }: { text: string; label: L }): LabelledSentence<L> => ({ text, label });

/** Intent: the dataset's own `dev` rows are held out; train rows repeating a held-out text are dropped too. */
export function splitIntent(rows: readonly IntentRow[]): Split<IntentRow> {
  const heldOut = rows.filter((row) => row.split === 'dev').map(strip);
  const heldOutTexts = new Set(heldOut.map((row) => row.text));
  const train = rows.filter((row) => row.split === 'train' && !heldOutTexts.has(row.text));
  return { train, heldOut };
}

/** Chosen for composition only (before any model was scored): 17 % of rows, 38 contrasting. */
export const POLARITY_SPLIT_SEED = 2;
/** Held-out share of rows, and the least number of contrasting sentences it must contain. */
const HELD_OUT_MIN_SHARE = 0.15;
const HELD_OUT_MAX_SHARE = 0.2;
const HELD_OUT_MIN_CONTRASTING = 30;
/** Cited papers with more than this share of all rows stay in training, so none dominates the held-out set. */
const LARGEST_GROUP_SHARE = 0.05;

interface Group<R> {
  key: string;
  rows: R[];
  order: number;
}

/** Rows grouped by a key, groups in a seeded-hash order (stable, independent of file order). */
export function groupsInHashOrder<R>(rows: readonly R[], keyOf: (row: R) => string, seed: number): Group<R>[] {
  const byKey = new Map<string, R[]>();
  for (const row of rows) {
    const key = keyOf(row);
    const group = byKey.get(key);
    if (group) group.push(row);
    else byKey.set(key, [row]);
  }
  return [...byKey.entries()]
    .map(([key, groupRows]) => ({ key, rows: groupRows, order: hashString(key, seed) }))
    .sort((a, b) => a.order - b.order || (a.key < b.key ? -1 : 1));
}

/**
 * Polarity: whole cited papers go to the held-out side, in seeded-hash order, until it holds
 * 15–20 % of rows and at least 30 contrasting sentences. Papers that alone exceed 5 % of the rows
 * stay in training so that no single paper dominates the evaluation.
 */
export function splitPolarity(rows: readonly PolarityRow[]): Split<PolarityRow> {
  const groups = groupsInHashOrder(rows, (row) => row.cited, POLARITY_SPLIT_SEED);
  const heldOutKeys = new Set<string>();
  let heldOutRows = 0;
  let heldOutContrasting = 0;
  const maxRows = Math.floor(rows.length * HELD_OUT_MAX_SHARE);
  const minRows = Math.ceil(rows.length * HELD_OUT_MIN_SHARE);
  for (const group of groups) {
    if (heldOutRows >= minRows && heldOutContrasting >= HELD_OUT_MIN_CONTRASTING) break;
    if (group.rows.length > rows.length * LARGEST_GROUP_SHARE) continue;
    if (heldOutRows + group.rows.length > maxRows) continue;
    heldOutKeys.add(group.key);
    heldOutRows += group.rows.length;
    heldOutContrasting += group.rows.filter((row) => row.label === 'contrasting').length;
  }
  if (heldOutRows < minRows || heldOutContrasting < HELD_OUT_MIN_CONTRASTING) {
    throw new Error(`polarity split fell short: ${heldOutRows} rows, ${heldOutContrasting} contrasting`);
  }
  return {
    train: rows.filter((row) => !heldOutKeys.has(row.cited)),
    heldOut: rows.filter((row) => heldOutKeys.has(row.cited)).map(strip),
  };
}

/**
 * Assigns each row one of `k` folds, whole groups at a time, balancing fold sizes greedily
 * (largest groups first, ties broken by seeded hash) so every fold gets a similar share.
 */
export function groupedFolds<R>(rows: readonly R[], k: number, keyOf: (row: R) => string, seed: number): number[] {
  const groups = groupsInHashOrder(rows, keyOf, seed).sort((a, b) => b.rows.length - a.rows.length || a.order - b.order);
  const foldSizes = new Array<number>(k).fill(0);
  const foldOfKey = new Map<string, number>();
  for (const group of groups) {
    let smallest = 0;
    for (let fold = 1; fold < k; fold++) if (foldSizes[fold]! < foldSizes[smallest]!) smallest = fold;
    foldOfKey.set(group.key, smallest);
    foldSizes[smallest] = foldSizes[smallest]! + group.rows.length;
  }
  return rows.map((row) => foldOfKey.get(keyOf(row))!);
}

/**
 * One label per text: exact repeats collapse to one row, and a text labelled differently in two rows
 * (one sentence citing two works, with a stance on only one of them) is dropped, since a model sees
 * the sentence, not which work a label was about.
 */
export function oneLabelPerText<R extends LabelledSentence>(rows: readonly R[]): R[] {
  const labelsOf = new Map<string, Set<string>>();
  for (const row of rows) {
    const labels = labelsOf.get(row.text) ?? new Set<string>();
    labels.add(row.label);
    labelsOf.set(row.text, labels);
  }
  const seen = new Set<string>();
  return rows.filter((row) => {
    if (labelsOf.get(row.text)!.size > 1 || seen.has(row.text)) return false;
    seen.add(row.text);
    return true;
  });
}

/** Lower-cased, punctuation and digits dropped: a copy with other citation numbers or years is the same sentence. */
export function looseText(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}]+/gu, ' ').trim();
}

/**
 * A stance source with its own dev split (MultiCite: its citing–cited pairs never appear in `train`;
 * SciCite): dev is held out, and training rows repeating a held-out sentence, even with other
 * numbers or punctuation, are dropped.
 */
export function splitByDatasetSplit(train: readonly StanceRow[], dev: readonly StanceRow[]): Split<StanceRow> {
  const heldOut = oneLabelPerText(dev).map(strip);
  const heldOutTexts = new Set(dev.map((row) => looseText(row.text)));
  return { train: oneLabelPerText(train.filter((row) => !heldOutTexts.has(looseText(row.text)))), heldOut };
}
