/** Index of the highest score after offsets; ties go to the lower index. */
export function argmaxWithOffsets(scores: ArrayLike<number>, offsets: readonly number[]): number {
  let best = 0;
  for (let k = 1; k < scores.length; k++) if (scores[k]! + offsets[k]! > scores[best]! + offsets[best]!) best = k;
  return best;
}

interface OffsetQuality {
  macroF1: number;
  recalls: number[];
}

function quality(scores: readonly Float64Array[], gold: readonly number[], offsets: readonly number[], classCount: number): OffsetQuality {
  const truePositives = new Array<number>(classCount).fill(0);
  const goldCounts = new Array<number>(classCount).fill(0);
  const predictedCounts = new Array<number>(classCount).fill(0);
  for (let r = 0; r < scores.length; r++) {
    const predicted = argmaxWithOffsets(scores[r]!, offsets);
    const actual = gold[r]!;
    goldCounts[actual] = goldCounts[actual]! + 1;
    predictedCounts[predicted] = predictedCounts[predicted]! + 1;
    if (predicted === actual) truePositives[actual] = truePositives[actual]! + 1;
  }
  let f1Sum = 0;
  const recalls = truePositives.map((tp, k) => (goldCounts[k] ? tp / goldCounts[k]! : 0));
  for (let k = 0; k < classCount; k++) {
    const precision = predictedCounts[k] ? truePositives[k]! / predictedCounts[k]! : 0;
    const recall = recalls[k]!;
    f1Sum += precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  }
  return { macroF1: f1Sum / classCount, recalls };
}

export interface OffsetTuning {
  /** Search offsets in [-range, range] (class 0 fixed at 0). */
  range: number;
  step: number;
  /** Only accept offsets whose recall for every class is at least this (falls back to none if impossible). */
  minRecall: number;
}

/**
 * Per-class score offsets that maximise macro-F1 on cross-validated scores. A linear model trained
 * for accuracy under-predicts rare classes; shifting their scores trades a little precision on the
 * common class for recall on the rare ones. Candidates are visited from the smallest shift outwards
 * and only a strict improvement is taken, so ties keep the gentler offset.
 */
export function tuneOffsets(scores: readonly Float64Array[], gold: readonly number[], classCount: number, tuning: OffsetTuning): number[] {
  const steps = Math.round(tuning.range / tuning.step);
  const grid: number[] = [];
  for (let i = -steps; i <= steps; i++) grid.push(Number((i * tuning.step).toFixed(4)));
  let candidates: number[][] = [[0]];
  for (let k = 1; k < classCount; k++) candidates = candidates.flatMap((prefix) => grid.map((offset) => [...prefix, offset]));
  const size = (offsets: number[]) => offsets.reduce((sum, offset) => sum + Math.abs(offset), 0);
  candidates.sort((a, b) => size(a) - size(b) || a.join().localeCompare(b.join()));

  const search = (minRecall: number): number[] | undefined => {
    let best: number[] | undefined;
    let bestScore = -1;
    for (const offsets of candidates) {
      const { macroF1, recalls } = quality(scores, gold, offsets, classCount);
      if (recalls.some((recall) => recall < minRecall)) continue;
      if (macroF1 > bestScore + 1e-12) {
        best = offsets;
        bestScore = macroF1;
      }
    }
    return best;
  };
  return search(tuning.minRecall) ?? search(0)!;
}

/** Temperature T minimising the log-loss of softmax(T × scores), searched on a log grid. */
export function fitTemperature(scores: readonly Float64Array[], gold: readonly number[]): number {
  let bestTemperature = 1;
  let bestLoss = Infinity;
  for (let i = -40; i <= 80; i++) {
    const temperature = Math.exp(i * 0.05);
    let loss = 0;
    for (let r = 0; r < scores.length; r++) {
      const row = scores[r]!;
      let max = -Infinity;
      for (const score of row) max = Math.max(max, score * temperature);
      let sum = 0;
      for (const score of row) sum += Math.exp(score * temperature - max);
      loss -= row[gold[r]!]! * temperature - max - Math.log(sum);
    }
    if (loss < bestLoss) {
      bestLoss = loss;
      bestTemperature = temperature;
    }
  }
  return Number(bestTemperature.toFixed(4));
}

/** softmax(temperature × scores), as inference computes it. */
export function softmax(scores: ArrayLike<number>, temperature: number): Float64Array {
  const out = new Float64Array(scores.length);
  let max = -Infinity;
  for (let k = 0; k < scores.length; k++) max = Math.max(max, scores[k]! * temperature);
  let sum = 0;
  for (let k = 0; k < scores.length; k++) {
    out[k] = Math.exp(scores[k]! * temperature - max);
    sum += out[k]!;
  }
  for (let k = 0; k < scores.length; k++) out[k] = out[k]! / sum;
  return out;
}

/** Fewest out-of-fold predictions a threshold must keep for its precision to mean anything. */
const MIN_SHOWN_FOR_PRECISION = 20;

/**
 * The lowest probability threshold (0.01 steps) at which the rows whose top label is `label` and
 * clear it are right at least `targetPrecision` of the time, keeping as many shown as possible. If no
 * threshold reaches the target with enough rows left, the most precise one that keeps them.
 */
export function tuneAbstention(probabilities: readonly Float64Array[], gold: readonly number[], label: number, targetPrecision: number): number {
  const candidates = probabilities.flatMap((row, i) => {
    let best = 0;
    for (let k = 1; k < row.length; k++) if (row[k]! > row[best]!) best = k;
    return best === label ? [{ probability: row[label]!, correct: gold[i] === label }] : [];
  });
  let fallback = { threshold: 0, precision: -1 };
  for (let step = 0; step <= 100; step++) {
    const threshold = step / 100;
    const shown = candidates.filter((candidate) => candidate.probability >= threshold);
    if (shown.length < MIN_SHOWN_FOR_PRECISION) break;
    const precision = shown.filter((candidate) => candidate.correct).length / shown.length;
    if (precision >= targetPrecision) return threshold;
    if (precision > fallback.precision) fallback = { threshold, precision };
  }
  return fallback.threshold;
}
