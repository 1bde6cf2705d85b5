import { z } from 'zod';

/*
 * Semantic Scholar Graph API shapes, built from the recorded responses in
 * shared/fixtures/s2-recorded (danielnsilva/semanticscholar cassettes).
 * Lenient on presence — every field except `paperId` may be null or missing, because S2 sends
 * null for withheld abstracts, missing TL;DRs, unresolved references — but strict on types: a
 * value of the wrong type means the record is not what we think it is, and the row is dropped.
 * Unknown keys (publicationVenue, s2FieldsOfStudy, embedding, …) are stripped.
 */

const text = z.string().nullish();
const count = z.number().nullish();

export const S2AuthorSchema = z.object({
  authorId: text,
  name: text,
});

export const S2ExternalIdsSchema = z.object({
  ArXiv: text,
  DOI: text,
  // A number in every recorded response; tolerated as a string since ids are often stringly typed.
  CorpusId: z.union([z.number(), z.string()]).nullish(),
});

export const S2OpenAccessPdfSchema = z.object({
  url: text,
  status: text,
});

export const S2TldrSchema = z.object({
  model: text,
  text: text,
});

/** A nested `references.paperId` / `citations.paperId` entry; unresolved references have paperId null. */
export const S2PaperRefSchema = z.object({ paperId: text });

export const S2PaperSchema = z.object({
  paperId: z.string().min(1),
  corpusId: count,
  externalIds: S2ExternalIdsSchema.nullish(),
  url: text,
  title: text,
  abstract: text,
  venue: text,
  year: count,
  publicationDate: text,
  referenceCount: count,
  citationCount: count,
  influentialCitationCount: count,
  openAccessPdf: S2OpenAccessPdfSchema.nullish(),
  tldr: S2TldrSchema.nullish(),
  authors: z.array(S2AuthorSchema.nullish()).nullish(),
  references: z.array(S2PaperRefSchema.nullish()).nullish(),
});
export type S2Paper = z.infer<typeof S2PaperSchema>;
/** What S2 sends (and what the sample responder serves). */
export type S2PaperJson = z.input<typeof S2PaperSchema>;

export const S2ContextWithIntentSchema = z.object({
  context: text,
  intents: z.array(z.string()).nullish(),
});

/** What an edge says about the citation itself, on `/citations` and `/references` alike. */
const S2EdgeFields = {
  contexts: z.array(z.string()).nullish(),
  intents: z.array(z.string()).nullish(),
  contextsWithIntent: z.array(S2ContextWithIntentSchema).nullish(),
  isInfluential: z.boolean().nullish(),
};

export const S2CitationEdgeSchema = z.object({ ...S2EdgeFields, citingPaper: S2PaperSchema });
export type S2CitationEdge = z.infer<typeof S2CitationEdgeSchema>;
export type S2CitationEdgeJson = z.input<typeof S2CitationEdgeSchema>;

/** A referenced work on `/paper/{id}/references`: S2 sends `paperId: null` (title only) for entries it could not resolve. */
export const S2CitedPaperSchema = S2PaperSchema.extend({ paperId: z.string().nullish() });

export const S2ReferenceEdgeSchema = z.object({ ...S2EdgeFields, citedPaper: S2CitedPaperSchema });
export type S2ReferenceEdge = z.infer<typeof S2ReferenceEdgeSchema>;
export type S2ReferenceEdgeJson = z.input<typeof S2ReferenceEdgeSchema>;

/**
 * `/paper/{id}/citations` (and `/references`) envelope. `next` is absent on the last page. Rows are validated one by
 * one by the client (a bad row is dropped, not the page), so `data` is `unknown[]` here.
 * A page with no `data` at all (seen for empty result sets) counts as empty.
 */
export const S2CitationPageSchema = z.object({
  offset: z.number().nullish(),
  next: z.number().nullish(),
  data: z.array(z.unknown()).nullish(),
});

/** `POST /paper/batch`: aligned by position with the requested ids, `null` for unknown ids. */
export const S2BatchResponseSchema = z.array(z.unknown());

/** A `fields=citationCount` batch record. A count S2 withholds (null) is "no count", not an error. */
export const S2CountRecordSchema = z.object({
  paperId: z.string().min(1),
  citationCount: z.number().int().min(0).nullish(),
});

export const S2RecommendationsSchema = z.object({
  recommendedPapers: z.array(z.unknown()).nullish(),
});
