import { z } from 'zod';
import { PaperSchema } from './paper';
import { IntentSchema, IntentLabelSchema, PolarityLabelSchema } from './labels';

/** One citation sentence ("context") of a citing paper about the target paper. */
export const CitationSentenceSchema = z.object({
  text: z.string(),
  /** Intents the source attached to this very sentence (contextsWithIntent); may be empty. */
  sourceIntents: z.array(IntentSchema),
  /** Filled at fetch time: source label when present, local classifier otherwise. */
  intent: IntentLabelSchema.optional(),
  polarity: PolarityLabelSchema.optional(),
  /** Version of the local models that produced `intent` (when local) and `polarity`. */
  modelVersion: z.string().optional(),
});
export type CitationSentence = z.infer<typeof CitationSentenceSchema>;

/** A citing paper and how it cites the target. */
export const CitationSchema = z.object({
  citing: PaperSchema,
  isInfluential: z.boolean(),
  /** Edge-level intents from the source (union over its contexts). */
  intents: z.array(IntentSchema),
  sentences: z.array(CitationSentenceSchema),
});
export type Citation = z.infer<typeof CitationSchema>;

/**
 * One entry of the paper's own reference list and how the paper cites it. `cited` is null when
 * Semantic Scholar could not resolve the entry to a paper: such references are kept by title.
 */
export const ReferenceSchema = z.object({
  cited: PaperSchema.nullable(),
  /** The referenced work's title (the paper's title when resolved). */
  title: z.string(),
  isInfluential: z.boolean(),
  /** Edge-level intents from the source (union over its contexts). */
  intents: z.array(IntentSchema),
  sentences: z.array(CitationSentenceSchema),
});
export type Reference = z.infer<typeof ReferenceSchema>;
