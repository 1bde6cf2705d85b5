import { INTENTS, type Classification, type Intent } from '../domain/labels';
import { createLinearClassifier } from './linearClassifier';
import intentWeights from './weights/intent.json';

const intentClassifier = createLinearClassifier(intentWeights, INTENTS);

export const INTENT_MODEL_VERSION: string = intentClassifier.modelVersion;

/** How a citing sentence uses the cited work: background, methodology or result. Pure and synchronous. */
export function classifyIntent(sentence: string): Classification<Intent> {
  return intentClassifier.classify(sentence);
}
