import type { Paper } from '../domain/paper';
import type { Citation, Reference } from '../domain/citation';

/** Why a source call failed, in the terms the hub states need. */
export type SourceErrorKind =
  | 'not-found' // 404: the source does not know the paper ("not indexed yet")
  | 'rate-limited' // 429 (with or without CORS headers), after the scheduler gave up retrying
  | 'offline' // fetch threw a network error
  | 'server' // 5xx after retries
  | 'malformed' // the body failed validation, was truncated, or was HTML
  | 'bad-request' // 400 (unsupported field, response too large, …)
  | 'forbidden'; // 403

export class SourceError extends Error {
  constructor(
    readonly kind: SourceErrorKind,
    message: string,
    readonly status?: number,
    /** For rate-limited: when the scheduler will next try by itself (ms since epoch). */
    readonly retryAt?: number,
  ) {
    super(message);
    this.name = 'SourceError';
  }
}

export interface CitationPage {
  offset: number;
  /** Offset of the next page; null when the source sent no `next` (the end). */
  next: number | null;
  citations: Citation[];
  /** Rows dropped because they failed validation. */
  dropped: number;
}

export interface ReferencePage {
  offset: number;
  next: number | null;
  references: Reference[];
  dropped: number;
}

/** A citing paper's batch record: TL;DR plus the ids of the works it references. */
export interface BatchRecord {
  paper: Paper;
  referenceIds: string[];
}

export type RecommendationPool = 'recent' | 'all-cs';

/** What the hub pipeline needs from Semantic Scholar. Implemented in lib/sources/semanticScholar. */
export interface CitationSource {
  /** The target paper by bare arXiv id. */
  getPaper(arxivId: string): Promise<Paper>;
  /** One page of citing papers with contexts, intents and influence; limit ≤ 1,000. */
  getCitationsPage(paperId: string, offset: number, limit: number): Promise<CitationPage>;
  /** TL;DR + reference ids for up to 500 citing papers; null where the source has no record. */
  getCitingBatch(paperIds: string[]): Promise<(BatchRecord | null)[]>;
  /** Metadata (with TL;DR) for up to 500 papers, e.g. the top co-cited works. */
  getPapers(paperIds: string[]): Promise<(Paper | null)[]>;
  getRecommendations(paperId: string, pool: RecommendationPool, limit: number): Promise<Paper[]>;
  /** One page of the paper's own references with contexts, intents and influence; limit ≤ 1,000. */
  getReferencesPage(paperId: string, offset: number, limit: number): Promise<ReferencePage>;
}

/** OpenAlex's per-year citation counts for a work (all citations it knows, not a listed sample). */
export interface YearCountsSource {
  /** Oldest year first; empty when OpenAlex has the work but no counts. */
  getCountsByYear(arxivId: string, hints?: { doi?: string }): Promise<{ year: number; count: number }[]>;
}

/** Citation counts alone, for listing-page badges (implemented by the Semantic Scholar client). */
export interface CitationCountSource {
  /**
   * Citation counts by bare arXiv id, aligned with `arxivIds`: a number, or null where the source
   * has no record (or no count). Batched ≤ 500 ids per request. A record that is not a paper with a
   * count fails the whole call as `malformed`. `signal` drops a request still queued or backing off.
   */
  getCitationCounts(arxivIds: string[], options?: { signal?: AbortSignal }): Promise<(number | null)[]>;
}

/** Counts and metadata from OpenAlex when Semantic Scholar fails (404 or repeated 5xx, never 429). */
export interface FallbackSource {
  getPaperByArxivId(arxivId: string): Promise<Paper>;
}

/** Rate-limit state the scheduler exposes to the UI. */
export interface SchedulerState {
  host: string;
  rateLimited: boolean;
  /** ms since epoch of the next attempt, when waiting. */
  nextRetryAt: number | null;
  attempts: number;
}
