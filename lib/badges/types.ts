/**
 * What the background answers to `badges/counts`: citation counts for the papers on a listing or
 * search page, each with when it was fetched, or one typed reason why there are none.
 * Types only: the listing content script imports nothing from here at runtime.
 */

/** At most this many ids per `badges/counts` message: one Semantic Scholar batch call. */
export const MAX_BADGE_IDS = 500;

export const COUNTS_SOURCE = 'Semantic Scholar';

export interface PaperCitationCount {
  /** Null: the source has no record of the paper ("not indexed yet"). */
  citationCount: number | null;
  /** ms since epoch; cached counts keep the time they were fetched. */
  fetchedAt: number;
}

export type CountsUnavailableReason = 'rate-limited' | 'offline' | 'malformed' | 'server' | 'forbidden' | 'failed';

export type BadgeCounts =
  | { status: 'ok'; source: typeof COUNTS_SOURCE; counts: Record<string, PaperCitationCount> }
  | {
      status: 'unavailable';
      reason: CountsUnavailableReason;
      /** For rate-limited: when the source may be asked again (ms since epoch), if known. */
      retryAt: number | null;
      message: string;
    };
