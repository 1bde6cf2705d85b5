import { resolve } from 'node:path';
import { z } from 'zod';
import { createPolarityClassifier } from '../../lib/classify/polarity';
import type { PackedWeights } from '../../lib/classify/packedWeights';
import { POLARITIES } from '../../lib/domain/labels';
import { REPO_ROOT } from '../../tests/paths';
import { readJsonl, type LabelledSentence } from './datasets';
import { computeMetrics } from './metrics';

/** Plain sentences written from the definitions, never trained or tuned on (tests/fixtures/polarity-probe/README.md). */
export const PROBE_SET = resolve(REPO_ROOT, 'tests/fixtures/polarity-probe/probe.jsonl');
/** A second probe by another writer, first scored after the model it measures was chosen (same README). */
export const PROBE_SET_2 = resolve(REPO_ROOT, 'tests/fixtures/polarity-probe/probe-2.jsonl');
/** A third, written in session 10 by a writer who read no file, first scored after training batch 5 was chosen on CV (same README). */
export const PROBE_SET_3 = resolve(REPO_ROOT, 'tests/fixtures/polarity-probe/probe-3.jsonl');
/** A fourth, written in session 11 by a writer who read no file, first scored after training batch 6 and the measured-values features were chosen on CV (same README). */
export const PROBE_SET_4 = resolve(REPO_ROOT, 'tests/fixtures/polarity-probe/probe-4.jsonl');

export function loadProbe(path = PROBE_SET): LabelledSentence[] {
  return readJsonl(path, z.object({ text: z.string(), label: z.enum(POLARITIES) })).map(({ text, label }) => ({ text, label }));
}

const round = (value: number) => Number(value.toFixed(4));

/** Figures of the labels as shown (after abstention) on one evaluation set. */
function figures(weights: PackedWeights, rows: readonly LabelledSentence[]) {
  const classifier = createPolarityClassifier(weights);
  const metrics = computeMetrics(POLARITIES, rows.map((row) => row.label as (typeof POLARITIES)[number]), rows.map((row) => classifier.classify(row.text).label));
  const shown = (label: 'supporting' | 'contrasting') => ({ precision: round(metrics.precision[label]), shown: metrics.predicted[label], recall: round(metrics.recall[label]) });
  return { rows: rows.length, macroF1: round(metrics.macroF1), supporting: shown('supporting'), contrasting: shown('contrasting') };
}

/**
 * The panel's precision sentence quotes the MultiCite held-out figures: computer-science papers, the
 * closest of the evaluation sets to what arXiv readers open. Every set's figures are kept for the README.
 */
export function measurePolarity(weights: PackedWeights, sets: Record<'athar' | 'multicite' | 'scicite' | 'probe' | 'probe2' | 'probe3' | 'probe4', readonly LabelledSentence[]>) {
  const evaluations = Object.fromEntries(Object.entries(sets).map(([name, rows]) => [name, figures(weights, rows)])) as Record<keyof typeof sets, ReturnType<typeof figures>>;
  const quoted = evaluations.multicite;
  return {
    model: weights.version,
    heldOutName: 'computer-science papers',
    shown: {
      supporting: { precision: quoted.supporting.precision, shown: quoted.supporting.shown },
      contrasting: { precision: quoted.contrasting.precision, shown: quoted.contrasting.shown },
    },
    evaluations,
  };
}
