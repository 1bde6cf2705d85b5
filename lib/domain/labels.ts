import { z } from 'zod';

import { INTENTS, POLARITIES, type Intent, type Polarity } from './labelNames';

export { INTENTS, POLARITIES, type Intent, type Polarity };
export const IntentSchema = z.enum(INTENTS);
export const PolaritySchema = z.enum(POLARITIES);

/** Where a label came from: the data source, or our shipped classifier (shown as "classified locally"). */
export const LabelOriginSchema = z.enum(['source', 'local']);
export type LabelOrigin = z.infer<typeof LabelOriginSchema>;

export const IntentLabelSchema = z.object({
  label: IntentSchema,
  origin: LabelOriginSchema,
  /** 1 for source labels; the classifier's probability for local ones. */
  confidence: z.number().min(0).max(1),
});
export type IntentLabel = z.infer<typeof IntentLabelSchema>;

export const PolarityLabelSchema = z.object({
  label: PolaritySchema,
  confidence: z.number().min(0).max(1),
});
export type PolarityLabel = z.infer<typeof PolarityLabelSchema>;

/** What a classifier returns; `modelVersion` lets cached sentences be relabelled when the model changes. */
export interface Classification<L extends string> {
  label: L;
  confidence: number;
  modelVersion: string;
}
