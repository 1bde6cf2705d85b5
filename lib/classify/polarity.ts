import { POLARITIES, type Classification, type Polarity } from '../domain/labels';
import { createLinearClassifier, type LinearClassifier } from './linearClassifier';
import polarityWeights from './weights/polarity.json';
import { shippedWordClusters } from './wordClusters';

/** A polarity classifier over packed weights, with the shipped word clusters its features may need. */
export function createPolarityClassifier(weights: unknown): LinearClassifier<Polarity> {
  return createLinearClassifier(weights, POLARITIES, shippedWordClusters);
}

const polarityClassifier = createPolarityClassifier(polarityWeights);

export const POLARITY_MODEL_VERSION: string = polarityClassifier.modelVersion;

/** Whether a citing sentence supports, contrasts with, or neutrally mentions the cited work. Pure and synchronous. */
export function classifyPolarity(sentence: string): Classification<Polarity> {
  return polarityClassifier.classify(sentence);
}
