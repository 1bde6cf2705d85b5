import { findListingEntries } from '@/lib/arxiv/listing';
import { LISTING_PAGE_MATCHES } from '@/lib/arxiv/matches';
import { request } from '@/lib/messaging/client';
import { showCitationBadges } from '@/components/listing/showBadges';

// Listing and search pages only (the match patterns are the page check): read the entries, hand
// over. A separate script from the abs-page one, so neither grows with the other; no panel bundle.
export default defineContentScript({
  matches: LISTING_PAGE_MATCHES,
  cssInjectionMode: 'manual',
  main() {
    const entries = findListingEntries(document);
    if (entries.length === 0) return;
    // Badges are an extra: whatever goes wrong, the page itself is left alone.
    void showCitationBadges(document, entries, { request, now: Date.now }).catch(() => {});
  },
});
