import { z } from 'zod';

/** Citation intents exactly as Semantic Scholar labels them (there is no "method"). */
export const INTENTS = ['background', 'methodology', 'result'] as const;
export const IntentSchema = z.enum(INTENTS);
export type Intent = z.infer<typeof IntentSchema>;

export const POLARITIES = ['supporting', 'contrasting', 'neutral'] as const;
export const PolaritySchema = z.enum(POLARITIES);
export type Polarity = z.infer<typeof PolaritySchema>;

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
