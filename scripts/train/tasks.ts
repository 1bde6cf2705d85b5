import type { FeatureConfig } from '../../lib/classify/features';
import { shippedWordClusters } from '../../lib/classify/wordClusters';
import { INTENTS, POLARITIES, type Intent, type Polarity } from '../../lib/domain/labels';
import type { IntentRow, StanceRow } from './datasets';
import type { TaskDefinition } from './trainTask';

/*
 * Settings chosen by 5-fold cross-validation on the training rows only (grouped by cited paper for
 * polarity); the held-out files played no part in choosing them.
 */

const SHARED_FEATURES: FeatureConfig = {
  hashBits: 20,
  wordNgrams: [1, 2],
  charNgramMin: 3,
  charNgramMax: 5,
  wordBlockWeight: 1,
  charBlockWeight: 1,
  cueBlockWeight: 0.5,
  maskNames: false,
};

export const INTENT_TASK: TaskDefinition<Intent> = {
  task: 'intent',
  labels: INTENTS,
  features: SHARED_FEATURES,
  members: [{ c: 0.5, loss: 'squared-hinge', naiveBayesSmoothing: 0, maxPasses: 30, epsilon: 0.1, seed: 1 }],
  classWeighting: 'none',
  maxBuckets: 70_000,
  offsets: { range: 1, step: 0.05, minRecall: 0 },
  folds: 5,
  foldSeed: 7,
  // Duplicate texts stay together so a sentence never scores itself.
  foldKey: (row) => (row as unknown as IntentRow).text,
  finalModel: 'refit',
};

export const POLARITY_TASK: TaskDefinition<Polarity> = {
  task: 'polarity',
  labels: POLARITIES,
  // Word clusters (pretrained GloVe vectors grouped by meaning) let a stance verb the training rows
  // never used share weight with its neighbours; grouped CV macro-F1 0.702 → 0.708.
  features: {
    ...SHARED_FEATURES,
    cueBlockWeight: 1,
    stanceCueBlockWeight: 1,
    // How close the sentence's numbers are ("0.42 where [4] report 0.43"): grouped CV mean over the
    // real and written sources 0.608 → 0.611, up on each (README, "Tried this session").
    measuredValuesBlockWeight: 1,
    maskNames: true,
    wordClusterNgrams: [1, 2],
    wordClusterBlockWeight: 1,
    wordClusterFingerprint: shippedWordClusters().fingerprint,
  },
  wordClusters: shippedWordClusters().index,
  // Three views of ~190 contrasting examples: a strongly regularised hinge SVM (robust to the noisy
  // labels), a squared-hinge SVM, and an NB-SVM. Summed they beat each alone in cross-validation.
  members: [
    { c: 0.1, loss: 'hinge', naiveBayesSmoothing: 0, maxPasses: 30, epsilon: 0.1, seed: 1 },
    { c: 0.5, loss: 'squared-hinge', naiveBayesSmoothing: 0, maxPasses: 30, epsilon: 0.1, seed: 2 },
    { c: 0.2, loss: 'squared-hinge', naiveBayesSmoothing: 0.02, maxPasses: 30, epsilon: 0.1, seed: 3 },
  ],
  classWeighting: 'balanced',
  maxBuckets: 70_000,
  // The product promises to surface criticism: accept a little macro-F1 for half the contrasting ones.
  offsets: { range: 2.5, step: 0.05, minRecall: 0.5 },
  folds: 5,
  foldSeed: 7,
  // One cut of the folds moved grouped CV by up to 0.03 and probe 2 by 0.05 (seeds 7 / 11 / 13):
  // thresholds and the shipped model average three cuts instead of hanging on one.
  moreFoldSeeds: [11, 13],
  foldKey: (row) => (row as unknown as StanceRow).group,
  // Its offsets are large (contrasting is 3 % of rows), so they must fit the scale of the shipped model.
  finalModel: 'fold-average',
  // Shown supporting / contrasting labels should be right at least 60 % of the time on real citing
  // sentences, so thresholds are calibrated on MultiCite's out-of-fold rows, not on written examples.
  abstention: {
    to: 'neutral',
    labels: ['supporting', 'contrasting'],
    targetPrecision: 0.6,
    calibrateOn: (row) => (row as unknown as StanceRow).source === 'multicite',
  },
};
