/**
 * Reads the entries of an arXiv listing page or search-results page. Pure: works on any DOM
 * (the page's document, a happy-dom document in tests) and never touches `location` or the network.
 *
 * Listing pages (arxiv-browse `list/list_macros.html`; /new and /recent have one `<dl id='articles'>`
 * per section or day, so the id repeats):
 *   dl#articles > dt > a[title=Abstract][href="/abs/2411.01234"]   "arXiv:2411.01234"  [pdf, html, other]
 *   (pre-2024 layout: the same link inside dt > span.list-identifier)
 * Search results (arxiv-search `search-macros.html`; the link is versioned for non-current versions):
 *   li.arxiv-result > div.is-marginless > p.list-title > a[href="https://arxiv.org/abs/2411.01234v2"]
 */
import { parseArxivId } from './id';
import { isArxivHost, parseArxivHostUrl } from './page';

export type ListingPageKind = 'list' | 'search';

/** `list` for `/list/…`, `search` for `/search/…` on an arXiv host; null for every other page. */
export function listingPageKind(url: string): ListingPageKind | null {
  const parsed = parseArxivHostUrl(url);
  if (!parsed) return null;
  if (/^\/list\/[^/]+/.test(parsed.pathname)) return 'list';
  if (/^\/search(\/|$)/.test(parsed.pathname)) return 'search';
  return null;
}

export interface ListingEntry {
  /** Canonical bare arXiv id: version stripped, old-style subject class dropped (`math/0309136`). */
  id: string;
  /**
   * Where a badge goes: the entry's headline (`<dt>` on listings, `p.list-title` in search results),
   * one per occurrence. A paper listed twice on one page (a day's list and the cross-lists, say)
   * is one entry with two slots, so it is asked for once and badged wherever it shows.
   */
  slots: Element[];
}

const ENTRY_HEADLINES = 'dl[id="articles"] > dt, li.arxiv-result p.list-title';
// Relative hrefs on listing pages are resolved against arXiv itself, never against where the DOM came from.
const RESOLVE_AGAINST = 'https://arxiv.org/';

/** Entries in page order, one per distinct paper. Headlines without an arXiv abs link are skipped. */
export function findListingEntries(root: ParentNode): ListingEntry[] {
  const byId = new Map<string, ListingEntry>();
  for (const headline of root.querySelectorAll(ENTRY_HEADLINES)) {
    const id = abstractIdIn(headline);
    if (!id) continue;
    const known = byId.get(id);
    if (known) known.slots.push(headline);
    else byId.set(id, { id, slots: [headline] });
  }
  return [...byId.values()];
}

// `/abs/<id>[vN]`: a new-style id is one path segment, an old-style id two (`hep-th/9901001`).
const ABS_PATH = /^\/abs\/([^/]+(?:\/[^/]+)?)\/?$/;

/**
 * The first link in the headline that is an arXiv abstract URL (pdf/format/html links are passed
 * over). Headlines only ever link `/abs/<id>`, so the legacy `/abs?id=` forms page.ts reads are not
 * needed here (and stay out of the listing script).
 */
function abstractIdIn(headline: Element): string | null {
  for (const link of headline.querySelectorAll('a[href]')) {
    let url: URL;
    try {
      url = new URL(link.getAttribute('href') ?? '', RESOLVE_AGAINST);
    } catch {
      continue;
    }
    const path = isArxivHost(url.hostname) ? ABS_PATH.exec(url.pathname) : null;
    const id = path?.[1] ? parseArxivId(path[1]) : null;
    if (id) return id.id;
  }
  return null;
}
