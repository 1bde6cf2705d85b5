/**
 * The words on listing-page badges and in the one note shown when counts are unavailable.
 * Pure and tiny: the listing content script carries it.
 */
import type { BadgeCounts } from './types';

/** Visible text: "1,234 citations", "1 citation". */
export function citationCountText(count: number): string {
  return `${count.toLocaleString('en-US')} ${count === 1 ? 'citation' : 'citations'}`;
}

/** Accessible name: "1,234 citations (Semantic Scholar)"; it starts with the visible text so speech input can target it. */
export function citationCountLabel(count: number): string {
  return `${citationCountText(count)} (Semantic Scholar)`;
}

export const NOT_INDEXED_TITLE = 'Not indexed yet by Semantic Scholar';
export const NOT_INDEXED_SPOKEN = 'Citations: not indexed yet';
export const NO_REPLY_NOTE = "Citation counts unavailable: the extension's background did not answer.";

type Unavailable = Extract<BadgeCounts, { status: 'unavailable' }>;

const WHY: Record<Unavailable['reason'], string> = {
  'rate-limited': 'rate-limited by Semantic Scholar',
  offline: 'offline',
  malformed: 'Semantic Scholar sent an unexpected response',
  server: 'Semantic Scholar is not responding',
  forbidden: 'Semantic Scholar refused the request',
  failed: 'the request failed',
};

/** "Citation counts unavailable: rate-limited by Semantic Scholar, retry in 40 s." */
export function unavailableNote({ reason, retryAt }: Pick<Unavailable, 'reason' | 'retryAt'>, now: number): string {
  const wait = reason === 'rate-limited' && retryAt !== null ? `, retry in ${waitText(retryAt - now)}` : '';
  return `Citation counts unavailable: ${WHY[reason]}${wait}.`;
}

function waitText(ms: number): string {
  const seconds = Math.max(1, Math.ceil(ms / 1000));
  return seconds < 120 ? `${seconds} s` : `${Math.ceil(seconds / 60)} min`;
}
