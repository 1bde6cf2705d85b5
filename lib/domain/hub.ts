import { z } from 'zod';
import { PaperSchema } from './paper';
import { CitationSchema, ReferenceSchema } from './citation';

export const SourceNameSchema = z.enum(['semanticscholar', 'openalex', 'sample']);
export type SourceName = z.infer<typeof SourceNameSchema>;

/** Pipeline stages, in the order results reach the panel. */
export const STAGES = ['paper', 'citations', 'yearCounts', 'batch', 'cocitedMeta', 'recommendations', 'references', 'classify'] as const;
export const StageNameSchema = z.enum(STAGES);
export type StageName = z.infer<typeof StageNameSchema>;

export const StageStatusSchema = z.enum(['queued', 'running', 'done', 'failed', 'skipped']);
export type StageStatus = z.infer<typeof StageStatusSchema>;

export const StageProgressSchema = z.object({
  status: StageStatusSchema,
  done: z.number().int().nonnegative(),
  /** Units expected in total (citations, papers); null while unknown. */
  total: z.number().int().nonnegative().nullable(),
  message: z.string().optional(),
});
export type StageProgress = z.infer<typeof StageProgressSchema>;

/**
 * Everything the pipeline fetched for one paper, as cached in IndexedDB.
 * Analytics (lib/analytics) turn this into a HubView; raw data is kept so that a new
 * classifier or a new analytics rule never needs a refetch.
 */
export const HubDataSchema = z.object({
  arxivId: z.string(),
  paper: PaperSchema.nullable(),
  citations: z.array(CitationSchema),
  /** citing paperId -> paperIds it references (from the batch stage; the co-citation sample). */
  referencesByCiting: z.record(z.string(), z.array(z.string())),
  /** Metadata for works that appear in the co-citation ranking (paperId -> paper). */
  coCitedPapers: z.record(z.string(), PaperSchema),
  recommendations: z.array(PaperSchema),
  /** The paper's own reference list as the source lists it (resolved and unresolved entries), in source order. */
  references: z.array(ReferenceSchema),
  /**
   * Citations per publication year as OpenAlex counts them for the work (all citations, not only the
   * listed ones); fetched only when the source lists fewer citing papers than it reports. null: not asked.
   */
  yearCounts: z.array(z.object({ year: z.number().int(), count: z.number().int().nonnegative() })).nullable(),
  stages: z.record(StageNameSchema, StageProgressSchema),
  provenance: z.object({
    sources: z.array(SourceNameSchema),
    /** ms since epoch when the last stage finished (or when the fetch started, while running). */
    fetchedAt: z.number(),
    /** True when counts and metadata come from OpenAlex because Semantic Scholar failed or did not know the paper. */
    fallback: z.boolean(),
    /** Rows dropped because they failed validation, per stage. */
    droppedRows: z.number().int().nonnegative(),
    /** citationCount reported by the source vs citing papers actually listed (ceiling ~9,999). */
    citationsListed: z.number().int().nonnegative(),
    citationsReported: z.number().int().nonnegative(),
    /** How many citing papers the reference/TL;DR batch covered (the documented sample). */
    batchSampled: z.number().int().nonnegative(),
  }),
});
export type HubData = z.infer<typeof HubDataSchema>;

/** Panel-wide states; the content script mirrors this into `data-state` on the host element. */
export const HubStateSchema = z.enum(['loading', 'partial', 'ready', 'stale', 'rate-limited', 'offline', 'error', 'not-found']);
export type HubState = z.infer<typeof HubStateSchema>;

export const HubStatusSchema = z.object({
  state: HubStateSchema,
  /** Human-readable explanation for error / offline / rate-limited / not-found. */
  message: z.string().optional(),
  /** When a rate-limited or offline hub will try again by itself (ms since epoch). */
  nextRetryAt: z.number().optional(),
  /** Age of the data shown, for `stale` and `offline` (ms since epoch of fetchedAt). */
  dataFetchedAt: z.number().optional(),
});
export type HubStatus = z.infer<typeof HubStatusSchema>;
