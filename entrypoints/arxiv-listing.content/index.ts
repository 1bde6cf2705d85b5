import { findListingEntries, listingPageKind } from '@/lib/arxiv/listing';
import { LISTING_PAGE_MATCHES } from '@/lib/arxiv/matches';
import { request } from '@/lib/messaging/client';
import { showCitationBadges } from '@/components/listing/showBadges';

// Listing and search pages only: read the entries, hand over. A separate script from the abs-page
// one, so neither grows with the other; no panel bundle.
export default defineContentScript({
  matches: LISTING_PAGE_MATCHES,
  cssInjectionMode: 'manual',
  main() {
    // The match patterns also admit e.g. a bare /list/; the predicate is the exact page check.
    if (!listingPageKind(location.href)) return;
    const entries = findListingEntries(document);
    if (entries.length === 0) return;
    // The note promises a retry when rate-limited; a few are enough for a page someone is reading.
    let retriesLeft = 3;
    const retryLater = (delayMs: number) => {
      if (retriesLeft-- > 0) setTimeout(show, delayMs);
    };
    // Badges are an extra: whatever goes wrong, the page itself is left alone.
    function show() {
      void showCitationBadges(document, entries, { request, now: Date.now, retryLater }).catch(() => {});
    }
    show();
  },
});
