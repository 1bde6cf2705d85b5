import type { Paper } from '../../domain/paper';
import { SourceError, type FallbackSource, type YearCountsSource } from '../types';
import { describeUrl, fetchJson, type FetchLike, type FetchResponseLike, type JsonResponse } from '../http';
import type { RequestScheduler } from '../scheduler';
import { toBareArxivId } from '../arxivIds';
import { OpenAlexGroupByResponseSchema, OpenAlexGroupSchema, OpenAlexWorkSchema, OpenAlexYearCountSchema, type OpenAlexWork } from './schemas';
import { OPENALEX_PAPER_ID_PREFIX, openAlexWorkKey, toPaperFromWork } from './mapping';

export const OPENALEX_BASE = 'https://api.openalex.org';

/** Root-level fields only (`select` does not take nested paths). */
export const WORK_SELECT = [
  'id', 'doi', 'type', 'display_name', 'publication_year', 'publication_date', 'authorships', 'cited_by_count',
  'referenced_works_count', 'abstract_inverted_index', 'primary_location', 'best_oa_location', 'locations', 'open_access',
] as const;

/** Per-year citation counts: the id (required by the schema) and `counts_by_year` only. */
export const YEAR_COUNTS_SELECT = ['id', 'counts_by_year'] as const;

/** What OpenAlex says is left of the day's budget, from the last response that carried the headers. */
export interface OpenAlexBudget {
  limitUsd?: number;
  remainingUsd?: number;
  costUsd?: number;
  /** Older credit-based headers (X-RateLimit-Limit/Remaining/Credits-Used/Reset). */
  limit?: number;
  remaining?: number;
  creditsUsed?: number;
  resetSeconds?: number;
}

export interface CoCitedGroup {
  /** `openalex:W…` */
  paperId: string;
  title: string;
  /** Citing papers of the target that also cite this work. */
  count: number;
}

export interface ArxivLookupHints {
  /**
   * The journal ("Related") DOI from S2 `externalIds.DOI` or the abs page's `citation_doi`. Used when
   * the arXiv-DOI lookup 404s because OpenAlex merged the preprint into its published version.
   */
  doi?: string;
}

export interface OpenAlexClient extends FallbackSource, YearCountsSource {
  getPaperByArxivId(arxivId: string, hints?: ArxivLookupHints): Promise<Paper>;
  /** Citations per year for the arXiv paper's work (one free singleton lookup, oldest year first). */
  getCountsByYear(arxivId: string, hints?: ArxivLookupHints): Promise<{ year: number; count: number }[]>;
  /**
   * Works most co-cited with `workId` (`W…`, `openalex:W…` or the URL), best first, the work itself
   * left out. A list call ($0.0001 each), so it needs the user's key: rejected as `forbidden` without one.
   */
  getCoCitedGroups(workId: string): Promise<CoCitedGroup[]>;
  getBudget(): OpenAlexBudget | null;
}

export interface OpenAlexClientOptions {
  fetch: FetchLike;
  scheduler: RequestScheduler;
  /** Sent as the `api_key` query parameter when set (required for list calls since 2026-02-13). */
  apiKey?: () => string | undefined;
  timeoutMs?: number;
}

export function createOpenAlexClient(options: OpenAlexClientOptions): OpenAlexClient {
  const { fetch: fetchImpl, scheduler } = options;
  let budget: OpenAlexBudget | null = null;

  const currentKey = () => options.apiKey?.()?.trim() || undefined;

  async function get(pathAndQuery: string): Promise<JsonResponse> {
    const base = `${OPENALEX_BASE}${pathAndQuery}`;
    return scheduler.schedule(base, async () => {
      const key = currentKey();
      const url = key ? `${base}${base.includes('?') ? '&' : '?'}api_key=${encodeURIComponent(key)}` : base;
      const result = await fetchJson(fetchImpl, { url }, { timeoutMs: options.timeoutMs });
      const headers = result.ok ? result.value.headers : null;
      if (headers) budget = parseBudgetHeaders(headers) ?? budget;
      return result;
    });
  }

  /** Singleton lookups (`/works/doi:…`) are free, with or without a key. */
  async function workByDoi(doi: string, select: readonly string[]): Promise<OpenAlexWork> {
    const path = `/works/doi:${encodeDoi(doi.toLowerCase())}?select=${select.join(',')}`;
    const response = await get(path);
    const work = OpenAlexWorkSchema.safeParse(response.data);
    if (!work.success) throw new SourceError('malformed', `${describeUrl(OPENALEX_BASE + path)}: unexpected work shape`);
    return work.data;
  }

  /** The arXiv DOI's work, or the journal DOI's when OpenAlex merged the preprint into its published version. */
  async function workOfArxivPaper(bare: string, hints: ArxivLookupHints, select: readonly string[]): Promise<OpenAlexWork> {
    try {
      return await workByDoi(`10.48550/arxiv.${bare}`, select);
    } catch (error) {
      const journalDoi = normaliseDoi(hints.doi);
      const merged = error instanceof SourceError && error.kind === 'not-found' && journalDoi && !/^10\.48550\//.test(journalDoi);
      if (!merged) throw error;
      // The merged work keeps the journal DOI; a singleton lookup of it is free, unlike `filter=doi:`.
      return workByDoi(journalDoi, select);
    }
  }

  return {
    async getPaperByArxivId(arxivId: string, hints: ArxivLookupHints = {}): Promise<Paper> {
      const bare = toBareArxivId(arxivId);
      return toPaperFromWork(await workOfArxivPaper(bare, hints, WORK_SELECT), bare);
    },

    async getCountsByYear(arxivId: string, hints: ArxivLookupHints = {}): Promise<{ year: number; count: number }[]> {
      const work = await workOfArxivPaper(toBareArxivId(arxivId), hints, YEAR_COUNTS_SELECT);
      const byYear = new Map<number, number>();
      for (const row of work.counts_by_year ?? []) {
        const parsed = OpenAlexYearCountSchema.safeParse(row);
        if (parsed.success) byYear.set(parsed.data.year, parsed.data.cited_by_count);
      }
      return [...byYear].sort(([a], [b]) => a - b).map(([year, count]) => ({ year, count }));
    },

    async getCoCitedGroups(workId: string): Promise<CoCitedGroup[]> {
      const key = openAlexWorkKey(workId);
      if (!key) throw new SourceError('bad-request', `not an OpenAlex work id: ${workId}`);
      if (!currentKey()) throw new SourceError('forbidden', 'OpenAlex list queries need an API key (set one in the options)');
      const path = `/works?filter=cites:${key}&group_by=cites`;
      const response = await get(path);
      const body = OpenAlexGroupByResponseSchema.safeParse(response.data);
      if (!body.success) throw new SourceError('malformed', `${describeUrl(OPENALEX_BASE + path)}: unexpected group_by shape`);
      const groups: CoCitedGroup[] = [];
      for (const row of body.data.group_by ?? []) {
        const group = OpenAlexGroupSchema.safeParse(row);
        if (!group.success) continue;
        const groupKey = openAlexWorkKey(group.data.key);
        // The target shows up in its own citers' reference lists (count = all of them): not a co-cited work.
        if (!groupKey || groupKey === key || !(group.data.count > 0)) continue;
        groups.push({ paperId: `${OPENALEX_PAPER_ID_PREFIX}${groupKey}`, title: group.data.key_display_name?.trim() ?? '', count: group.data.count });
      }
      return groups.sort((a, b) => b.count - a.count);
    },

    getBudget: () => (budget ? { ...budget } : null),
  };
}

/** Reads both the USD budget headers and the older credit headers; null when none are present. */
export function parseBudgetHeaders(headers: FetchResponseLike['headers']): OpenAlexBudget | null {
  const read = (name: string): number | undefined => {
    const raw = headers.get(name);
    if (raw === null || raw.trim() === '') return undefined;
    const value = Number(raw);
    return Number.isFinite(value) ? value : undefined;
  };
  const budget: OpenAlexBudget = {};
  const entries: [keyof OpenAlexBudget, string][] = [
    ['limitUsd', 'x-ratelimit-limit-usd'],
    ['remainingUsd', 'x-ratelimit-remaining-usd'],
    ['costUsd', 'x-ratelimit-cost-usd'],
    ['limit', 'x-ratelimit-limit'],
    ['remaining', 'x-ratelimit-remaining'],
    ['creditsUsed', 'x-ratelimit-credits-used'],
    ['resetSeconds', 'x-ratelimit-reset'],
  ];
  for (const [field, header] of entries) {
    const value = read(header);
    if (value !== undefined) budget[field] = value;
  }
  return Object.keys(budget).length > 0 ? budget : null;
}

function normaliseDoi(doi: string | undefined): string | undefined {
  const trimmed = doi?.trim().replace(/^https?:\/\/(dx\.)?doi\.org\//i, '').replace(/^doi:/i, '');
  return trimmed ? trimmed.toLowerCase() : undefined;
}

/** DOIs keep their `/`; characters that would break the path or query (`?`, `#`, `&`, spaces) are escaped. */
function encodeDoi(doi: string): string {
  return encodeURIComponent(doi).replace(/%2F/gi, '/').replace(/%3A/gi, ':');
}
