import { POLARITIES, type Classification, type Polarity } from '../domain/labels';
import { createLinearClassifier } from './linearClassifier';
import polarityWeights from './weights/polarity.json';

const polarityClassifier = createLinearClassifier(polarityWeights, POLARITIES);

export const POLARITY_MODEL_VERSION: string = polarityClassifier.modelVersion;

/** Whether a citing sentence supports, contrasts with, or neutrally mentions the cited work. Pure and synchronous. */
export function classifyPolarity(sentence: string): Classification<Polarity> {
  return polarityClassifier.classify(sentence);
}
