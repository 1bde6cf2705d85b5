import { classifyIntent } from '../../lib/classify/intent';
import { classifyPolarity } from '../../lib/classify/polarity';
import { INTENTS, POLARITIES } from '../../lib/domain/labels';
import type { LabelledSentence } from './datasets';
import { computeMetrics, type Metrics } from './metrics';

export const TASKS = ['intent', 'polarity'] as const;
export type TaskName = (typeof TASKS)[number];

export const TASK_LABELS: Record<TaskName, readonly string[]> = { intent: INTENTS, polarity: POLARITIES };

const CLASSIFIERS: Record<TaskName, (sentence: string) => { label: string }> = {
  intent: classifyIntent,
  polarity: classifyPolarity,
};

/** Scores the shipped classifier of `task` on labelled rows. */
export function evaluateShipped(task: TaskName, rows: readonly LabelledSentence[]): Metrics {
  const labels = TASK_LABELS[task];
  for (const [index, row] of rows.entries()) {
    if (!labels.includes(row.label)) throw new Error(`row ${index + 1}: label "${row.label}" is not one of ${labels.join(', ')}`);
  }
  const classify = CLASSIFIERS[task];
  return computeMetrics(labels, rows.map((row) => row.label), rows.map((row) => classify(row.text).label));
}

/** Labels a reader acts on; for polarity, the ones shown only above the shipped thresholds. */
const SHOWN_LABELS: Record<TaskName, readonly string[]> = { intent: [], polarity: ['supporting', 'contrasting'] };

/**
 * The report's closing lines, in the exact form the lead's tooling reads. Labels are scored as the
 * panel shows them: for polarity, after the abstention thresholds ("no clear stance" counts as neutral).
 */
export function formatMetrics(task: TaskName, metrics: Metrics): string[] {
  const show = (value: number) => value.toFixed(4);
  return [
    `accuracy: ${show(metrics.accuracy)}`,
    `macro-F1: ${show(metrics.macroF1)}`,
    ...TASK_LABELS[task].map((label) => `recall ${label}: ${show(metrics.recall[label] ?? 0)}`),
    ...TASK_LABELS[task].map((label) => `precision ${label}: ${show(metrics.precision[label] ?? 0)}`),
    ...SHOWN_LABELS[task].map((label) => `shown ${label}: precision ${show(metrics.precision[label] ?? 0)} of ${metrics.predicted[label] ?? 0}`),
  ];
}
