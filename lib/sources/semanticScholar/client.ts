import type { z } from 'zod';
import type { Paper } from '../../domain/paper';
import { SourceError, type BatchRecord, type CitationCountSource, type CitationPage, type CitationSource, type RecommendationPool, type ReferencePage } from '../types';
import { describeUrl, fetchJson, type FetchLike, type JsonRequest, type JsonResponse } from '../http';
import type { RequestScheduler } from '../scheduler';
import { toBareArxivId } from '../arxivIds';
import {
  S2BatchResponseSchema,
  S2CountRecordSchema,
  S2CitationEdgeSchema,
  S2CitationPageSchema,
  S2PaperSchema,
  S2RecommendationsSchema,
  S2ReferenceEdgeSchema,
} from './schemas';
import { toBatchRecord, toCitation, toPaper, toReference } from './mapping';

export const S2_GRAPH_BASE = 'https://api.semanticscholar.org/graph/v1';
export const S2_RECOMMENDATIONS_BASE = 'https://api.semanticscholar.org/recommendations/v1';

/** Target paper and co-cited works: full metadata, TL;DR included (allowed on /paper and /paper/batch). */
export const PAPER_FIELDS = [
  'paperId', 'externalIds', 'title', 'abstract', 'venue', 'year', 'publicationDate', 'authors',
  'citationCount', 'influentialCitationCount', 'referenceCount', 'tldr', 'openAccessPdf', 'url',
] as const;

/** Citation edges. Never `tldr`: S2 rejects it on /citations with a 400. */
export const CITATION_FIELDS = [
  'contexts', 'intents', 'contextsWithIntent', 'isInfluential',
  'paperId', 'title', 'year', 'authors', 'venue', 'citationCount', 'influentialCitationCount', 'externalIds', 'publicationDate',
] as const;

/** Reference edges: the same edge fields; the cited work's metadata (no `tldr` either). */
export const REFERENCE_FIELDS = CITATION_FIELDS;

/** Citing-paper batch: the TL;DR the edges could not carry, and the reference ids for co-citation. */
export const CITING_BATCH_FIELDS = ['paperId', 'title', 'year', 'externalIds', 'tldr', 'references.paperId'] as const;

/** Recommendations. Never `tldr` (rejected by the Recommendations API). */
export const RECOMMENDATION_FIELDS = [
  'paperId', 'externalIds', 'title', 'abstract', 'venue', 'year', 'publicationDate', 'authors',
  'citationCount', 'influentialCitationCount', 'openAccessPdf', 'url',
] as const;

/** Listing-page badges: the count alone (S2 adds `paperId` to every record by itself). */
export const COUNT_FIELDS = ['citationCount'] as const;

export const MAX_CITATIONS_PAGE = 1_000;
/**
 * S2 serves at most ~9,999 citations per paper (allenai/s2-folks#27): we never ask for a window
 * reaching past index 9,998, i.e. offset + limit ≤ 9,999. A page that would start at or past it is
 * answered locally as an empty last page (`next: null`) without a request.
 */
export const CITATIONS_CEILING = 9_999;
export const MAX_BATCH_IDS = 500;
export const MAX_RECOMMENDATIONS = 500;

export interface SemanticScholarClientOptions {
  fetch: FetchLike;
  scheduler: RequestScheduler;
  /** The user's own key, read at every attempt; sent as `x-api-key` only when non-empty. */
  apiKey?: () => string | undefined;
  timeoutMs?: number;
}

export function createSemanticScholarClient(options: SemanticScholarClientOptions): CitationSource & CitationCountSource {
  const { fetch: fetchImpl, scheduler } = options;

  function request(req: JsonRequest, signal?: AbortSignal): Promise<JsonResponse> {
    return scheduler.schedule(
      req.url,
      () => {
        const key = options.apiKey?.()?.trim();
        const headers = key ? { ...req.headers, 'x-api-key': key } : req.headers;
        return fetchJson(fetchImpl, { ...req, headers }, { timeoutMs: options.timeoutMs });
      },
      { signal },
    );
  }

  async function batch(fields: readonly string[], ids: string[], signal?: AbortSignal): Promise<unknown[]> {
    const slots: unknown[] = [];
    for (let start = 0; start < ids.length; start += MAX_BATCH_IDS) {
      slots.push(...(await batchChunk(fields, ids.slice(start, start + MAX_BATCH_IDS), signal)));
    }
    return slots;
  }

  /** One POST; when S2 refuses a response over 10 MB, the chunk is halved until it fits. */
  async function batchChunk(fields: readonly string[], ids: string[], signal?: AbortSignal): Promise<unknown[]> {
    if (ids.length === 0) return [];
    const url = `${S2_GRAPH_BASE}/paper/batch?fields=${fields.join(',')}`;
    let response: JsonResponse;
    try {
      response = await request({ method: 'POST', url, body: { ids } }, signal);
    } catch (error) {
      if (!isTooLarge(error)) throw error;
      // A single record too large to send is treated like an unknown one.
      if (ids.length === 1) return [null];
      const half = Math.ceil(ids.length / 2);
      return [...(await batchChunk(fields, ids.slice(0, half), signal)), ...(await batchChunk(fields, ids.slice(half), signal))];
    }
    const slots = parse(S2BatchResponseSchema, response.data, url);
    if (slots.length !== ids.length) {
      throw new SourceError('malformed', `${describeUrl(url)}: ${slots.length} records for ${ids.length} ids`, response.status);
    }
    return slots;
  }

  /** One page of `/citations` or `/references`; rows are validated one by one (a bad row is dropped, not the page). */
  async function edgePage<T>(
    direction: 'citations' | 'references',
    paperId: string,
    offset: number,
    limit: number,
    toItem: (row: unknown) => T | null,
  ): Promise<{ offset: number; next: number | null; items: T[]; dropped: number }> {
    const start = Math.max(0, Math.floor(offset));
    const size = Math.min(clamp(Math.floor(limit), 1, MAX_CITATIONS_PAGE), CITATIONS_CEILING - start);
    if (size <= 0) return { offset: start, next: null, items: [], dropped: 0 };
    const fields = direction === 'citations' ? CITATION_FIELDS : REFERENCE_FIELDS;
    const url = `${S2_GRAPH_BASE}/paper/${encodePaperId(paperId)}/${direction}?fields=${fields.join(',')}&offset=${start}&limit=${size}`;
    const response = await request({ url });
    const page = parse(S2CitationPageSchema, response.data, url);
    const items: T[] = [];
    let dropped = 0;
    for (const row of page.data ?? []) {
      const item = toItem(row);
      if (item === null) dropped++;
      else items.push(item);
    }
    // A `next` that does not move forward would make the caller loop forever: treat it as the end.
    const next = typeof page.next === 'number' && page.next > start ? page.next : null;
    return { offset: page.offset ?? start, next, items, dropped };
  }

  return {
    async getPaper(arxivId: string): Promise<Paper> {
      const url = `${S2_GRAPH_BASE}/paper/${encodePaperId(`ARXIV:${toBareArxivId(arxivId)}`)}?fields=${PAPER_FIELDS.join(',')}`;
      const response = await request({ url });
      return toPaper(parse(S2PaperSchema, response.data, url));
    },

    async getCitationsPage(paperId: string, offset: number, limit: number): Promise<CitationPage> {
      const page = await edgePage('citations', paperId, offset, limit, (row) => {
        const edge = S2CitationEdgeSchema.safeParse(row);
        return edge.success ? toCitation(edge.data) : null;
      });
      return { offset: page.offset, next: page.next, citations: page.items, dropped: page.dropped };
    },

    async getReferencesPage(paperId: string, offset: number, limit: number): Promise<ReferencePage> {
      const page = await edgePage('references', paperId, offset, limit, (row) => {
        const edge = S2ReferenceEdgeSchema.safeParse(row);
        return edge.success ? toReference(edge.data) : null;
      });
      return { offset: page.offset, next: page.next, references: page.items, dropped: page.dropped };
    },

    async getCitingBatch(paperIds: string[]): Promise<(BatchRecord | null)[]> {
      const slots = await batch(CITING_BATCH_FIELDS, paperIds);
      return slots.map((slot) => {
        const record = S2PaperSchema.safeParse(slot);
        return record.success ? toBatchRecord(record.data) : null;
      });
    },

    async getPapers(paperIds: string[]): Promise<(Paper | null)[]> {
      const slots = await batch(PAPER_FIELDS, paperIds);
      return slots.map((slot) => {
        const record = S2PaperSchema.safeParse(slot);
        return record.success ? toPaper(record.data) : null;
      });
    },

    async getCitationCounts(arxivIds: string[], countOptions?: { signal?: AbortSignal }): Promise<(number | null)[]> {
      const ids = arxivIds.map((id) => `ARXIV:${toBareArxivId(id)}`);
      const slots = await batch(COUNT_FIELDS, ids, countOptions?.signal);
      // Unlike the metadata batches, a bad record is not dropped as "unknown": a badge would then
      // claim "not indexed" for a paper S2 does know. The whole answer is refused and nothing is cached.
      return slots.map((slot, index) => {
        if (slot === null) return null;
        const record = S2CountRecordSchema.safeParse(slot);
        if (!record.success) throw new SourceError('malformed', `${describeUrl(`${S2_GRAPH_BASE}/paper/batch`)}: record ${index} is not a paper with a citation count`);
        return record.data.citationCount ?? null;
      });
    },

    async getRecommendations(paperId: string, pool: RecommendationPool, limit: number): Promise<Paper[]> {
      const size = clamp(Math.floor(limit), 1, MAX_RECOMMENDATIONS);
      const url =
        `${S2_RECOMMENDATIONS_BASE}/papers/forpaper/${encodePaperId(paperId)}` +
        `?fields=${RECOMMENDATION_FIELDS.join(',')}&limit=${size}&from=${pool}`;
      const response = await request({ url });
      const body = parse(S2RecommendationsSchema, response.data, url);
      return (body.recommendedPapers ?? []).flatMap((row) => {
        const paper = S2PaperSchema.safeParse(row);
        return paper.success ? [toPaper(paper.data)] : [];
      });
    },
  };
}

/** Keeps `:` and `/` readable (`ARXIV:hep-th/9901001`, as S2's own examples write them); escapes the rest. */
export function encodePaperId(id: string): string {
  return encodeURIComponent(id).replace(/%3A/gi, ':').replace(/%2F/gi, '/');
}

function parse<T extends z.ZodType>(schema: T, data: unknown, url: string): z.infer<T> {
  const result = schema.safeParse(data);
  if (!result.success) {
    const issue = result.error.issues[0];
    const where = issue ? ` at ${issue.path.join('.') || '(root)'}: ${issue.message}` : '';
    throw new SourceError('malformed', `${describeUrl(url)}: unexpected response shape${where}`);
  }
  return result.data;
}

function isTooLarge(error: unknown): boolean {
  return error instanceof SourceError && error.kind === 'bad-request' && /maximum size/i.test(error.message);
}

function clamp(value: number, min: number, max: number): number {
  if (!Number.isFinite(value)) return max;
  return Math.min(max, Math.max(min, value));
}
