// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findListingEntries, listingPageKind } from '../../lib/arxiv/listing';
import { REPO_ROOT } from '../paths';

const LISTING_FIXTURES = resolve(REPO_ROOT, 'tests', 'fixtures', 'listing');

/** Parsed inert (a template's content): no stylesheet or script on the page is fetched or run. */
function parse(html: string): DocumentFragment {
  const template = document.createElement('template');
  template.innerHTML = html;
  return template.content;
}
function fixture(name: string): DocumentFragment {
  return parse(readFileSync(resolve(LISTING_FIXTURES, name), 'utf8'));
}
/** What a reader sees in a slot, squeezed: the headline's own text. */
function headlineText(slot: Element): string {
  return (slot.textContent ?? '').replace(/\s+/g, ' ').trim();
}

describe('listingPageKind', () => {
  it.each([
    ['https://arxiv.org/list/cs.LG/new', 'list'],
    ['https://arxiv.org/list/cs.LG/recent', 'list'],
    ['https://arxiv.org/list/cs.LG/pastweek?skip=0&show=2000', 'list'],
    ['https://arxiv.org/list/hep-th/9901', 'list'],
    ['https://www.arxiv.org/list/math.AG/2411', 'list'],
    ['https://export.arxiv.org/list/astro-ph/new', 'list'],
    ['https://arxiv.org/search/?query=attention&searchtype=all', 'search'],
    ['https://arxiv.org/search/cs?query=transformer&searchtype=all', 'search'],
    ['https://arxiv.org/search/advanced?advanced=&terms-0-term=x', 'search'],
    ['https://arxiv.org/abs/2411.09876', null],
    ['https://arxiv.org/pdf/2411.09876', null],
    ['https://arxiv.org/list/', null],
    ['https://arxiv.org/listing/cs.LG', null],
    ['https://example.org/list/cs.LG/new', null],
    ['https://arxiv.org.evil.test/list/cs.LG/new', null],
    ['not a url', null],
  ])('%s → %s', (url, kind) => {
    expect(listingPageKind(url)).toBe(kind);
  });
});

describe('findListingEntries over the listing fixtures', () => {
  it.each([
    {
      file: 'list-cs.LG-new.html',
      // Page order; 1706.03762 appears in Cross submissions and again in Replacements.
      ids: ['2411.09876', '2411.09901', '2411.10002', '2411.08123', '1706.03762', '2203.15556'],
      slotsPerId: { '1706.03762': 2 },
    },
    {
      file: 'list-hep-th-9901.html',
      ids: ['hep-th/9901001', 'gr-qc/9901012', 'math/9901088'],
      slotsPerId: {},
    },
    {
      file: 'search-attention.html',
      // 2411.08123v2 is stripped to its bare id; the "Latest version" link is not a headline.
      ids: ['1706.03762', '2411.08123', 'hep-th/9711200', '2411.10002'],
      slotsPerId: {},
    },
  ])('$file: ids in page order, deduplicated, one slot per occurrence', ({ file, ids, slotsPerId }) => {
    const entries = findListingEntries(fixture(file));
    expect(entries.map((entry) => entry.id)).toEqual(ids);
    for (const entry of entries) {
      expect(entry.slots.length).toBe((slotsPerId as Record<string, number>)[entry.id] ?? 1);
    }
  });

  it('puts each badge slot on the headline that names that paper', () => {
    for (const file of ['list-cs.LG-new.html', 'list-hep-th-9901.html', 'search-attention.html']) {
      for (const entry of findListingEntries(fixture(file))) {
        for (const slot of entry.slots) {
          expect(['DT', 'P']).toContain(slot.tagName);
          expect(headlineText(slot)).toContain(`arXiv:${entry.id}`);
        }
      }
    }
  });

  it('ignores links in titles, abstracts and comments (the hostile entry yields only its own id)', () => {
    const ids = findListingEntries(fixture('list-cs.LG-new.html')).map((entry) => entry.id);
    // 0704.0001 is escaped text in a title, 2301.00234 a real link in Comments: neither is an entry.
    expect(ids).not.toContain('0704.0001');
    expect(ids).not.toContain('2301.00234');
    expect(findListingEntries(fixture('search-attention.html')).map((entry) => entry.id)).not.toContain('0704.0002');
  });
});

describe('findListingEntries on edge-case markup', () => {
  const dl = (dts: string) => parse(`<dl id="articles">${dts}</dl>`);

  it.each([
    ['a versioned listing link', '<dt><a href="/abs/2411.09876v3" title="Abstract">arXiv:2411.09876v3</a></dt>', ['2411.09876']],
    ['an old-style id with a subject class (dropped in the canonical id)', '<dt><a href="/abs/math.GT/0309136v2">arXiv:math.GT/0309136v2</a></dt>', ['math/0309136']],
    ['a subject class containing "v" (math.CV) is not a version', '<dt><a href="/abs/math.CV/0309136">x</a></dt>', ['math/0309136']],
    ['the pre-2024 layout (span.list-identifier)', '<dt><a name="item1">[1]</a>&nbsp; <span class="list-identifier"><a href="/abs/2001.08361" title="Abstract">arXiv:2001.08361</a> [<a href="/pdf/2001.08361" title="Download PDF">pdf</a>]</span></dt>', ['2001.08361']],
    ['www and export hosts', '<dt><a href="https://www.arxiv.org/abs/2001.08361">a</a></dt><dt><a href="https://export.arxiv.org/abs/2112.11446">b</a></dt>', ['2001.08361', '2112.11446']],
    ['a pdf link before the abs link is passed over', '<dt><a href="/pdf/2001.08361">pdf</a> <a href="/abs/2112.11446">abs</a></dt>', ['2112.11446']],
    ['another host', '<dt><a href="https://evil.example/abs/2411.09876">arXiv:2411.09876</a></dt>', []],
    ['a protocol-relative link to another host', '<dt><a href="//evil.example/abs/2411.09876">x</a></dt>', []],
    ['a javascript: link', '<dt><a href="javascript:alert(1)">arXiv:2411.09876</a></dt>', []],
    ['an impossible id (month 13)', '<dt><a href="/abs/2413.00001">x</a></dt>', []],
    ['a headline without links', '<dt>[1] arXiv:2411.09876</dt>', []],
  ])('%s', (_name, dts, ids) => {
    expect(findListingEntries(dl(dts)).map((entry) => entry.id)).toEqual(ids);
  });

  it('reads only arXiv listing and search markup, not every abs link on a page', () => {
    const doc = parse('<ul><li><a href="/abs/2411.09876">a</a></li></ul><dl><dt><a href="/abs/2411.09901">b</a></dt></dl>');
    expect(findListingEntries(doc)).toEqual([]);
  });
});
