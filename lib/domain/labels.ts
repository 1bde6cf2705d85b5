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
  /** The label as shown: below its threshold the model abstains and the sentence counts as neutral. */
  label: PolaritySchema,
  /** The model's probability for `label` (1 for a reader's correction). */
  confidence: z.number().min(0).max(1),
  /** When the model abstained ("no clear stance"): the stance it leaned to and that stance's probability. */
  leaning: z.object({ label: PolaritySchema, confidence: z.number().min(0).max(1) }).optional(),
  /** True when the judgement was made on the clause about the cited work only (author–year citations). */
  focused: z.boolean().optional(),
  /** Set when the reader corrected the label: the label is theirs, and this is what the model had said. */
  correctedFrom: PolaritySchema.optional(),
});
export type PolarityLabel = z.infer<typeof PolarityLabelSchema>;

/** What a classifier returns; `modelVersion` lets cached sentences be relabelled when the model changes. */
export interface Classification<L extends string> {
  label: L;
  confidence: number;
  modelVersion: string;
  /** Set when the model abstained: the label it leaned to, under that label's threshold, and its probability. */
  leaning?: { label: L; confidence: number };
}
