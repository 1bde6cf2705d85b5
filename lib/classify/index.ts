export { classifyIntent, INTENT_MODEL_VERSION } from './intent';
export { classifyPolarity, POLARITY_MODEL_VERSION } from './polarity';
