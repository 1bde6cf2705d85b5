import { extractFeatures, type FeatureConfig, type SparseVector, type WordClusters } from '../../lib/classify/features';
import type { PackedWeights } from '../../lib/classify/packedWeights';
import { argmaxWithOffsets, fitTemperature, softmax, tuneAbstention, tuneOffsets, type OffsetTuning } from './calibrate';
import type { LabelledSentence } from './datasets';
import { columnIndex, scoreVector, trainLinearSvm, type LinearModel, type SvmOptions } from './linearSvm';
import { computeMetrics, type Metrics } from './metrics';
import { dequantise, packWeights, pruneAndQuantise } from './pack';
import { groupedFolds } from './splits';

export type ClassWeighting = 'none' | 'balanced' | 'sqrt-balanced';

export interface TaskDefinition<L extends string> {
  task: string;
  labels: readonly L[];
  features: FeatureConfig;
  /** Needed when `features` has a word-cluster block. */
  wordClusters?: WordClusters;
  /**
   * One or more SVMs trained on the same features; their weights are summed, which equals summing
   * their scores, so an ensemble still ships as a single linear model.
   */
  members: readonly Omit<SvmOptions, 'classWeights'>[];
  classWeighting: ClassWeighting;
  maxBuckets: number;
  offsets: OffsetTuning;
  /** Folds of the training rows used to tune offsets and temperature (never the held-out rows). */
  folds: number;
  foldSeed: number;
  /**
   * More cuts of the same folds (each its own seed). Every row is then out of fold once per cut: its
   * scores are averaged over the cuts, and a 'fold-average' model is the mean of every cut's models,
   * so neither the tuned thresholds nor the shipped model hang on one arbitrary cut.
   */
  moreFoldSeeds?: readonly number[];
  /** Rows sharing a key stay in one fold (e.g. the cited paper), mirroring how the held-out set was cut. */
  foldKey: (row: LabelledSentence<L> & Record<string, unknown>) => string;
  /**
   * 'refit': the shipped model is trained once more on every training row. 'fold-average': it is the
   * mean of the cross-validation models, so the offsets tuned on their out-of-fold scores apply to a
   * model of the same scale (a refit on 25 % more rows has larger weights than the models the
   * offsets were tuned for), and averaging (bagging) steadies a model fitted to few examples.
   */
  finalModel: 'refit' | 'fold-average';
  /** Abstain rather than guess: thresholds for these labels chosen on cross-validated probabilities. */
  abstention?: AbstentionTuning<L>;
  /** Multiplier on C per training row (e.g. by source); 1 when absent. */
  exampleWeight?: (row: LabelledSentence<L> & Record<string, unknown>) => number;
}

export interface AbstentionTuning<L extends string> {
  /** The label shown instead when the model abstains. */
  to: L;
  labels: readonly L[];
  /** A shown label must be right at least this often on the calibration rows' out-of-fold predictions. */
  targetPrecision: number;
  /** The rows whose out-of-fold predictions calibrate the thresholds (e.g. real corpora, not written examples). */
  calibrateOn: (row: LabelledSentence<L> & Record<string, unknown>) => boolean;
}

export interface TaskResult<L extends string> {
  weights: PackedWeights;
  crossValidation: Metrics<L>;
  /** Each training row's out-of-fold label as the panel would show it (after abstention), for per-source diagnostics. */
  outOfFoldShown: L[];
}

function classWeights(labels: readonly number[], classCount: number, weighting: ClassWeighting): number[] {
  const counts = new Array<number>(classCount).fill(0);
  for (const label of labels) counts[label] = counts[label]! + 1;
  return counts.map((count) => {
    if (weighting === 'none' || count === 0) return 1;
    const balanced = labels.length / (classCount * count);
    return weighting === 'balanced' ? balanced : Math.sqrt(balanced);
  });
}

/** Mean of models that may use different buckets (folds see different rows); a bucket absent from a model counts as 0. */
function averageModels(models: readonly LinearModel[]): LinearModel {
  const [first] = models;
  if (!first) throw new Error('nothing to average');
  const { classCount } = first;
  const buckets = Uint32Array.from(new Set(models.flatMap((model) => [...model.buckets]))).sort();
  const rowOf = new Map<number, number>();
  buckets.forEach((bucket, row) => rowOf.set(bucket, row));
  const weights = new Float64Array(buckets.length * classCount);
  const biases = new Float64Array(classCount);
  for (const model of models) {
    model.buckets.forEach((bucket, row) => {
      const target = rowOf.get(bucket)!;
      for (let k = 0; k < classCount; k++) weights[target * classCount + k]! += model.weights[row * classCount + k]! / models.length;
    });
    for (let k = 0; k < classCount; k++) biases[k]! += model.biases[k]! / models.length;
  }
  return { classCount, buckets, weights, biases };
}

function sumModels(models: readonly LinearModel[]): LinearModel {
  const [first, ...rest] = models;
  if (!first) throw new Error('a task needs at least one model');
  const weights = Float64Array.from(first.weights);
  const biases = Float64Array.from(first.biases);
  for (const model of rest) {
    // Members see the same vectors, so they share one bucket list.
    if (model.buckets.length !== first.buckets.length) throw new Error('ensemble members disagree on buckets');
    for (let i = 0; i < weights.length; i++) weights[i] = weights[i]! + model.weights[i]!;
    for (let k = 0; k < biases.length; k++) biases[k] = biases[k]! + model.biases[k]!;
  }
  return { classCount: first.classCount, buckets: first.buckets, weights, biases };
}

/**
 * Cross-validates the whole shipped pipeline (train → prune → quantise) on the training rows to
 * tune the per-class offsets and the confidence temperature, then trains the final model on all
 * training rows and packs it.
 */
export function trainTask<L extends string, R extends LabelledSentence<L> & Record<string, unknown>>(
  definition: TaskDefinition<L>,
  rows: readonly R[],
  log: (line: string) => void = () => {},
): TaskResult<L> {
  const { labels } = definition;
  const classCount = labels.length;
  const gold = rows.map((row) => {
    const index = labels.indexOf(row.label);
    if (index < 0) throw new Error(`unknown ${definition.task} label: ${row.label}`);
    return index;
  });
  const vectors: SparseVector[] = rows.map((row) => extractFeatures(row.text, definition.features, definition.wordClusters));
  const fit = (indices: readonly number[]) => {
    const subsetLabels = indices.map((i) => gold[i]!);
    const subset = { vectors: indices.map((i) => vectors[i]!), labels: subsetLabels, classCount };
    const weights = classWeights(subsetLabels, classCount, definition.classWeighting);
    const exampleWeights = definition.exampleWeight ? indices.map((i) => definition.exampleWeight!(rows[i]!)) : undefined;
    const models = definition.members.map((member) => trainLinearSvm(subset, { ...member, classWeights: weights, ...(exampleWeights ? { exampleWeights } : {}) }));
    return sumModels(models);
  };
  const shipped = (model: LinearModel) => pruneAndQuantise(model, { maxBuckets: definition.maxBuckets });

  const cuts = [definition.foldSeed, ...(definition.moreFoldSeeds ?? [])];
  const outOfFold: Float64Array[] = rows.map(() => new Float64Array(classCount));
  const foldModels: LinearModel[] = [];
  for (const [cut, seed] of cuts.entries()) {
    const fold = groupedFolds(rows, definition.folds, definition.foldKey, seed);
    for (let f = 0; f < definition.folds; f++) {
      const inside = rows.flatMap((_, i) => (fold[i] !== f ? [i] : []));
      const outside = rows.flatMap((_, i) => (fold[i] === f ? [i] : []));
      const fitted = fit(inside);
      foldModels.push(fitted);
      const model = dequantise(shipped(fitted));
      const columns = columnIndex(model);
      for (const i of outside) {
        const scores = scoreVector(model, columns, vectors[i]!);
        for (let k = 0; k < classCount; k++) outOfFold[i]![k]! += scores[k]! / cuts.length;
      }
      log(`${definition.task}: ${cuts.length > 1 ? `cut ${cut + 1}/${cuts.length}, ` : ''}fold ${f + 1}/${definition.folds} done`);
    }
  }
  const offsets = tuneOffsets(outOfFold, gold, classCount, definition.offsets);
  const temperature = fitTemperature(
    outOfFold.map((scores) => scores.map((score, k) => score + offsets[k]!)),
    gold,
  );
  const abstention = definition.abstention;
  const below: Record<string, number> = {};
  const outOfFoldProbabilities = outOfFold.map((scores) => softmax(scores.map((score, k) => score + offsets[k]!), temperature));
  if (abstention) {
    const calibration = rows.flatMap((row, i) => (abstention.calibrateOn(row) ? [i] : []));
    for (const label of abstention.labels) {
      const k = labels.indexOf(label);
      below[label] = tuneAbstention(
        calibration.map((i) => outOfFoldProbabilities[i]!),
        calibration.map((i) => gold[i]!),
        k,
        abstention.targetPrecision,
      );
    }
    log(`${definition.task}: abstain below ${JSON.stringify(below)} (shown precision ≥ ${abstention.targetPrecision} on ${calibration.length} out-of-fold rows)`);
  }
  const shownLabel = (probabilities: Float64Array): L => {
    let best = 0;
    for (let k = 1; k < classCount; k++) if (probabilities[k]! > probabilities[best]!) best = k;
    const threshold = below[labels[best]!];
    return abstention && threshold !== undefined && probabilities[best]! < threshold ? abstention.to : labels[best]!;
  };
  const outOfFoldShown = outOfFoldProbabilities.map(shownLabel);
  const crossValidation = computeMetrics(
    labels,
    gold.map((index) => labels[index]!),
    outOfFoldShown,
  );

  const finalModel = shipped(definition.finalModel === 'fold-average' ? averageModels(foldModels) : fit(rows.map((_, i) => i)));
  log(`${definition.task}: final model ${definition.finalModel === 'fold-average' ? `averaged over the ${foldModels.length} fold models` : 'trained on every row'}`);
  const weights = packWeights({
    task: definition.task,
    labels,
    features: definition.features,
    model: finalModel,
    offsets,
    temperature,
    abstention: abstention ? { to: abstention.to, below } : undefined,
    training: {
      rows: rows.length,
      rowsPerLabel: Object.fromEntries(labels.map((label, k) => [label, gold.filter((g) => g === k).length])),
      method: 'sum of one-vs-rest linear SVMs (dual coordinate descent) over hashed word and character n-grams and cue phrases',
      finalModel: definition.finalModel,
      members: definition.members,
      classWeighting: definition.classWeighting,
      maxBuckets: definition.maxBuckets,
      offsetsTunedOn: `${definition.folds}-fold grouped cross-validation of the training rows${cuts.length > 1 ? `, out-of-fold scores averaged over ${cuts.length} cuts` : ''}`,
      offsetTuning: definition.offsets,
      offsets,
      crossValidatedMacroF1: Number(crossValidation.macroF1.toFixed(4)),
      ...(abstention ? { abstentionTunedOn: 'out-of-fold probabilities of the calibration rows', abstentionTargetPrecision: abstention.targetPrecision } : {}),
    },
  });
  return { weights, crossValidation, outOfFoldShown };
}
