/**
 * The label vocabularies, without zod: the panel bundle (loaded on every abstract page) imports
 * these, and lib/domain/labels.ts builds its schemas from them.
 */

/** Citation intents exactly as Semantic Scholar labels them (there is no "method"). */
export const INTENTS = ['background', 'methodology', 'result'] as const;
export type Intent = (typeof INTENTS)[number];

export const POLARITIES = ['supporting', 'contrasting', 'neutral'] as const;
export type Polarity = (typeof POLARITIES)[number];
