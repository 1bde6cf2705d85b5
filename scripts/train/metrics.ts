export interface Metrics<L extends string = string> {
  accuracy: number;
  macroF1: number;
  recall: Record<L, number>;
  precision: Record<L, number>;
  f1: Record<L, number>;
  /** How many rows got each label (for polarity: how many are shown as that label). */
  predicted: Record<L, number>;
}

/** Accuracy, macro-F1 and per-class recall/precision; a class never predicted nor present scores 0. */
export function computeMetrics<L extends string>(labels: readonly L[], gold: readonly L[], predictions: readonly L[]): Metrics<L> {
  if (gold.length !== predictions.length) throw new Error('gold and predicted lengths differ');
  const recall = {} as Record<L, number>;
  const precision = {} as Record<L, number>;
  const f1 = {} as Record<L, number>;
  const predicted = {} as Record<L, number>;
  let correct = 0;
  for (let i = 0; i < gold.length; i++) if (gold[i] === predictions[i]) correct++;
  for (const label of labels) {
    let truePositive = 0;
    let goldCount = 0;
    let predictedCount = 0;
    for (let i = 0; i < gold.length; i++) {
      if (gold[i] === label) goldCount++;
      if (predictions[i] === label) predictedCount++;
      if (gold[i] === label && predictions[i] === label) truePositive++;
    }
    predicted[label] = predictedCount;
    recall[label] = goldCount === 0 ? 0 : truePositive / goldCount;
    precision[label] = predictedCount === 0 ? 0 : truePositive / predictedCount;
    const sum = recall[label] + precision[label];
    f1[label] = sum === 0 ? 0 : (2 * recall[label] * precision[label]) / sum;
  }
  const macroF1 = labels.reduce((sum, label) => sum + f1[label], 0) / labels.length;
  return { accuracy: gold.length === 0 ? 0 : correct / gold.length, macroF1, recall, precision, f1, predicted };
}
