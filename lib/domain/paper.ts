import { z } from 'zod';

/**
 * A paper as every part of the product sees it (target, citing, co-cited, similar, saved).
 * Only `paperId` and `title` are guaranteed; everything else is absent when the source had no value.
 */
export const PaperSchema = z.object({
  /** Semantic Scholar paperId (40 hex), or `openalex:W…` when the paper came from OpenAlex. */
  paperId: z.string().min(1),
  title: z.string(),
  arxivId: z.string().optional(),
  doi: z.string().optional(),
  corpusId: z.number().optional(),
  authors: z.array(z.string()),
  year: z.number().int().optional(),
  venue: z.string().optional(),
  publicationDate: z.string().optional(),
  abstract: z.string().optional(),
  tldr: z.string().optional(),
  citationCount: z.number().int().nonnegative().optional(),
  influentialCitationCount: z.number().int().nonnegative().optional(),
  referenceCount: z.number().int().nonnegative().optional(),
  /** Semantic Scholar (or OpenAlex) landing page. */
  url: z.string().optional(),
  openAccessPdfUrl: z.string().optional(),
});
export type Paper = z.infer<typeof PaperSchema>;
