import type { ListingEntry } from '@/lib/arxiv/listing';
import { NO_REPLY_NOTE, unavailableNote } from '@/lib/badges/format';
import { MAX_BADGE_IDS, type PaperCitationCount } from '@/lib/badges/types';
import type { request as sendRequest } from '@/lib/messaging/client';
import { BADGE_TAG, NOTE_TAG, createBadge, insertNote } from './badgeElements';

/** Set on `<html data-arxiv-citation-badges>`: the public contract for tests, like the panel's data-state. */
export type BadgesState = 'loading' | 'ready' | 'unavailable' | 'off';
export const BADGES_STATE_ATTRIBUTE = 'data-arxiv-citation-badges';

export interface ShowBadgesDeps {
  request: typeof sendRequest;
  now: () => number;
  /** Called when Semantic Scholar is rate-limiting, with the wait it announced; the caller runs this again then. */
  retryLater?: (delayMs: number) => void;
}

/**
 * Asks the background for every entry's count (one message per ≤ 500 ids) and puts a badge in each
 * entry's slots. Any failure leaves the list as it was plus one short note above it; nothing here
 * may throw into the page.
 */
export async function showCitationBadges(doc: Document, entries: ListingEntry[], deps: ShowBadgesDeps): Promise<BadgesState> {
  const first = entries[0];
  if (!first) return 'off';
  const mark = (state: BadgesState) => {
    doc.documentElement.setAttribute(BADGES_STATE_ATTRIBUTE, state);
    return state;
  };
  // A re-injected script (extension reloaded) starts from a clean page.
  for (const stale of doc.querySelectorAll(`${BADGE_TAG},${NOTE_TAG}`)) stale.remove();
  mark('loading');

  const settings = await deps.request({ type: 'settings/get' }).catch(() => null);
  if (settings?.listingBadges === false) return mark('off');

  const ids = entries.map((entry) => entry.id);
  const counts: Record<string, PaperCitationCount> = {};
  const fail = (text: string) => {
    const firstSlot = first.slots[0];
    if (firstSlot) insertNote(doc, firstSlot.closest('dl, ol') ?? firstSlot, text);
    return mark('unavailable');
  };
  for (let start = 0; start < ids.length; start += MAX_BADGE_IDS) {
    const reply = await deps.request({ type: 'badges/counts', ids: ids.slice(start, start + MAX_BADGE_IDS) }).catch(() => null);
    if (!reply) return fail(NO_REPLY_NOTE);
    if (reply.status === 'unavailable') {
      if (reply.reason === 'rate-limited' && reply.retryAt !== null) deps.retryLater?.(Math.max(1_000, reply.retryAt - deps.now()));
      return fail(unavailableNote(reply, deps.now()));
    }
    Object.assign(counts, reply.counts);
  }

  const origin = doc.location?.origin ?? 'https://arxiv.org';
  for (const entry of entries) {
    const count = counts[entry.id];
    if (!count) continue;
    for (const slot of entry.slots) slot.append(createBadge(doc, entry.id, count, origin));
  }
  return mark('ready');
}
