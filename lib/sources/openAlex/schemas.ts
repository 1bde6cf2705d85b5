import { z } from 'zod';

/*
 * OpenAlex work shapes, from shared/docs/data-sources.md §2 (no recorded OpenAlex responses exist
 * yet: these follow the documented fields). Same policy as the S2 schemas: presence is optional,
 * types are checked, unknown keys are stripped.
 */

const text = z.string().nullish();
const count = z.number().nullish();

export const OpenAlexSourceSchema = z.object({
  id: text,
  display_name: text,
});

export const OpenAlexLocationSchema = z.object({
  id: text,
  landing_page_url: text,
  pdf_url: text,
  source: OpenAlexSourceSchema.nullish(),
});

export const OpenAlexAuthorshipSchema = z.object({
  author: z.object({ id: text, display_name: text }).nullish(),
  raw_author_name: text,
});

export const OpenAlexWorkSchema = z.object({
  /** `https://openalex.org/W…` */
  id: z.string().min(1),
  doi: text,
  type: text,
  display_name: text,
  title: text,
  publication_year: count,
  publication_date: text,
  authorships: z.array(OpenAlexAuthorshipSchema.nullish()).nullish(),
  cited_by_count: count,
  referenced_works_count: count,
  referenced_works: z.array(z.string()).nullish(),
  /** `{"word": [positions]}` — OpenAlex never ships plain abstracts. */
  abstract_inverted_index: z.record(z.string(), z.array(z.number())).nullish(),
  primary_location: OpenAlexLocationSchema.nullish(),
  best_oa_location: OpenAlexLocationSchema.nullish(),
  locations: z.array(OpenAlexLocationSchema.nullish()).nullish(),
  open_access: z.object({ is_oa: z.boolean().nullish(), oa_url: text }).nullish(),
  /** Citations received per year (OpenAlex keeps the last ten years). Rows are checked one by one. */
  counts_by_year: z.array(z.unknown()).nullish(),
});
export type OpenAlexWork = z.infer<typeof OpenAlexWorkSchema>;

export const OpenAlexGroupSchema = z.object({
  key: z.string().min(1),
  key_display_name: text,
  count: z.number(),
});

/** `GET /works?filter=cites:W…&group_by=cites`; groups are validated one by one. */
export const OpenAlexGroupByResponseSchema = z.object({
  meta: z.object({ count: count, groups_count: count }).nullish(),
  group_by: z.array(z.unknown()).nullish(),
});

export const OpenAlexYearCountSchema = z.object({
  year: z.number().int().min(1900).max(2200),
  cited_by_count: z.number().int().nonnegative(),
});
