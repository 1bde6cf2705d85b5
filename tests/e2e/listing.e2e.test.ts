import AxeBuilder from '@axe-core/playwright';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../paths';
import { launchExtension, type ExtensionSession } from './harness';

/*
 * Citation badges on arXiv listing and search pages, in real Chromium with the built extension.
 * Pages are the constructed fixtures in tests/fixtures/listing, served at their real URLs; the
 * Semantic Scholar batch endpoint is answered from COUNTS below.
 */

const LISTING_URL = 'https://arxiv.org/list/cs.LG/new';
const SEARCH_URL = 'https://arxiv.org/search/?query=attention&searchtype=all';
const OLD_LISTING_URL = 'https://arxiv.org/list/hep-th/9901';
const HTML = 'text/html; charset=utf-8';

/** What the fake Semantic Scholar knows; every other id is a null slot. */
const COUNTS: Record<string, number> = {
  '2411.09876': 3,
  '2411.09901': 42,
  '2411.08123': 1,
  '1706.03762': 120_345,
  '2203.15556': 1_234,
  'hep-th/9711200': 17_000,
};

function page(file: string): { body: string; contentType: string } {
  return { body: readFileSync(resolve(REPO_ROOT, 'tests', 'fixtures', 'listing', file), 'utf8'), contentType: HTML };
}

let session: ExtensionSession;
const batchBodies: unknown[] = [];
let rateLimited = false;

beforeAll(async () => {
  session = await launchExtension();
  session.setPages({
    [LISTING_URL]: page('list-cs.LG-new.html'),
    [SEARCH_URL]: page('search-attention.html'),
    [OLD_LISTING_URL]: page('list-hep-th-9901.html'),
  });
  session.setApiResponder((method, url, body) => {
    const parsed = new URL(url);
    if (method !== 'POST' || parsed.pathname !== '/graph/v1/paper/batch') return { status: 404, body: { error: 'not served in this test' } };
    const request = JSON.parse(body ?? '{}') as { ids: string[] };
    batchBodies.push(request);
    if (rateLimited) {
      return { status: 429, headers: { 'retry-after': '40' }, body: { message: 'Too Many Requests. Please wait and try again or apply for a key for higher rate limits.', code: '429' } };
    }
    return {
      status: 200,
      body: request.ids.map((prefixed) => {
        const id = prefixed.replace(/^ARXIV:/, '');
        return id in COUNTS ? { paperId: `s2-${id.replace('/', '-')}`, citationCount: COUNTS[id] } : null;
      }),
    };
  });
}, 90_000);
afterAll(async () => session?.close());

async function openAndSettle(url: string): Promise<{ page: Page; state: string }> {
  const page = await session.newPage();
  await page.goto(url);
  const handle = await page.waitForFunction(
    () => {
      const state = document.documentElement.getAttribute('data-arxiv-citation-badges');
      return state === 'ready' || state === 'unavailable' || state === 'off' ? state : null;
    },
    undefined,
    { timeout: 30_000 },
  );
  return { page, state: (await handle.jsonValue()) as string };
}

interface ShownEntry {
  /** "arXiv:…" as the headline shows it. */
  listed: string;
  badge: string | null;
  label: string | null;
  href: string | null;
}

/** Every entry headline on the page with the badge text inside it (read through the badge's shadow root). */
function shownEntries(page: Page): Promise<ShownEntry[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll('dl#articles > dt, li.arxiv-result p.list-title')].map((headline) => {
      const badge = headline.querySelector('arxiv-citation-badge');
      const shown = badge?.shadowRoot?.querySelector('a, [role="img"]') ?? null;
      return {
        listed: /arXiv:\S+/.exec(headline.textContent ?? '')?.[0] ?? '',
        badge: shown?.textContent ?? null,
        label: shown?.getAttribute('aria-label') ?? null,
        href: shown?.getAttribute('href') ?? null,
      };
    }),
  );
}

async function expectAccessibleBadges(page: Page, selector: string): Promise<void> {
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    const { violations, passes } = await new AxeBuilder({ page }).include(selector).analyze();
    // axe names nodes inside a shadow root by a path [host, inner]: proof it looked inside the badges.
    expect(passes.some((rule) => rule.nodes.some((node) => node.target.some((part) => Array.isArray(part))))).toBe(true);
    const blocking = violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
    expect(blocking.map((violation) => `${violation.id}: ${violation.nodes.map((node) => JSON.stringify(node.target)).join(', ')}`), colorScheme).toEqual([]);
  }
}

describe('citation badges', () => {
  it('shows the counts from the batch response next to the right listing entries, with one request', async () => {
    const { page, state } = await openAndSettle(LISTING_URL);
    expect(state).toBe('ready');
    expect(await shownEntries(page)).toEqual([
      { listed: 'arXiv:2411.09876', badge: '3 citations', label: '3 citations (Semantic Scholar)', href: 'https://arxiv.org/abs/2411.09876' },
      { listed: 'arXiv:2411.09901', badge: '42 citations', label: '42 citations (Semantic Scholar)', href: 'https://arxiv.org/abs/2411.09901' },
      { listed: 'arXiv:2411.10002', badge: '—', label: 'Citations: not indexed yet', href: null },
      { listed: 'arXiv:2411.08123', badge: '1 citation', label: '1 citation (Semantic Scholar)', href: 'https://arxiv.org/abs/2411.08123' },
      { listed: 'arXiv:1706.03762', badge: '120,345 citations', label: '120,345 citations (Semantic Scholar)', href: 'https://arxiv.org/abs/1706.03762' },
      { listed: 'arXiv:1706.03762', badge: '120,345 citations', label: '120,345 citations (Semantic Scholar)', href: 'https://arxiv.org/abs/1706.03762' },
      { listed: 'arXiv:2203.15556', badge: '1,234 citations', label: '1,234 citations (Semantic Scholar)', href: 'https://arxiv.org/abs/2203.15556' },
    ]);
    // Only ids travel, each once: no titles, no page URL, nothing else in the body.
    expect(batchBodies).toEqual([{ ids: ['ARXIV:2411.09876', 'ARXIV:2411.09901', 'ARXIV:2411.10002', 'ARXIV:2411.08123', 'ARXIV:1706.03762', 'ARXIV:2203.15556'] }]);
    expect(session.apiRequests.map((request) => new URL(request.url).searchParams.get('fields'))).toEqual(['citationCount']);
    // The badges are the only thing added: no panel on listing pages.
    expect(await page.locator('arxiv-citation-hub').count()).toBe(0);
    await expectAccessibleBadges(page, 'arxiv-citation-badge');
    await page.close();
  });

  it('on a search page asks only for the paper it has not cached, and badges versioned and old-style results', async () => {
    const before = session.apiRequests.length;
    const { page, state } = await openAndSettle(SEARCH_URL);
    expect(state).toBe('ready');
    expect((await shownEntries(page)).map(({ listed, badge }) => [listed, badge])).toEqual([
      ['arXiv:1706.03762', '120,345 citations'],
      ['arXiv:2411.08123v2', '1 citation'],
      ['arXiv:hep-th/9711200', '17,000 citations'],
      ['arXiv:2411.10002', '—'],
    ]);
    expect(session.apiRequests.length - before).toBe(1);
    expect(batchBodies.at(-1)).toEqual({ ids: ['ARXIV:hep-th/9711200'] });
    await page.close();
  });

  it('a second load of both pages makes zero API requests and shows the same badges', async () => {
    const before = session.apiRequests.length;
    for (const url of [LISTING_URL, SEARCH_URL]) {
      const { page, state } = await openAndSettle(url);
      expect(state).toBe('ready');
      expect((await shownEntries(page)).every((entry) => entry.badge !== null)).toBe(true);
      await page.close();
    }
    expect(session.apiRequests.length).toBe(before);
  });

  // Last: a 429 makes the worker's queue wait out Retry-After for every later request.
  it('a 429 leaves the page intact with one short note above the list, and no badges', async () => {
    rateLimited = true;
    const before = session.apiRequests.length;
    const { page, state } = await openAndSettle(OLD_LISTING_URL);
    expect(state).toBe('unavailable');
    expect(await page.locator('arxiv-citation-badge').count()).toBe(0);
    const notes = await page.evaluate(() =>
      [...document.querySelectorAll('arxiv-citation-note')].map((note) => ({
        text: note.shadowRoot?.querySelector('[role="status"]')?.textContent ?? '',
        beforeList: note.nextElementSibling?.matches('dl#articles') ?? false,
      })),
    );
    expect(notes).toHaveLength(1);
    expect(notes[0]?.text).toMatch(/^Citation counts unavailable: rate-limited by Semantic Scholar, retry in (39|40) s\.$/);
    expect(notes[0]?.beforeList).toBe(true);
    // The entries are all still there, as served.
    expect((await shownEntries(page)).map((entry) => entry.listed)).toEqual(['arXiv:hep-th/9901001', 'arXiv:gr-qc/9901012', 'arXiv:math/9901088']);
    expect(await page.locator('dl#articles dd .list-title').count()).toBe(3);
    // One request, not retried while the page waited.
    expect(session.apiRequests.length - before).toBe(1);
    await expectAccessibleBadges(page, 'arxiv-citation-note');
    await page.close();
  });
});
