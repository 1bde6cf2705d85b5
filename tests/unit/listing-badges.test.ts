// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BADGE_TAG, NOTE_TAG } from '../../components/listing/badgeElements';
import { BADGES_STATE_ATTRIBUTE, showCitationBadges, type ShowBadgesDeps } from '../../components/listing/showBadges';
import { findListingEntries, type ListingEntry } from '../../lib/arxiv/listing';
import { citationCountLabel, citationCountText, unavailableNote } from '../../lib/badges/format';
import type { BadgeCounts } from '../../lib/badges/types';
import type { Request } from '../../lib/messaging/protocol';
import { DEFAULT_SETTINGS } from '../../lib/settings/schema';
import { REPO_ROOT } from '../paths';

const NOW = Date.UTC(2024, 10, 15, 12);

/** Loads a fixture page's body into the test document (its stylesheets and scripts left out). */
function loadPage(name: string): ListingEntry[] {
  const template = document.createElement('template');
  template.innerHTML = readFileSync(resolve(REPO_ROOT, 'tests', 'fixtures', 'listing', name), 'utf8');
  for (const external of template.content.querySelectorAll('link, script')) external.remove();
  document.body.replaceChildren(document.importNode(template.content, true));
  return findListingEntries(document);
}

afterEach(() => {
  document.body.replaceChildren();
  document.documentElement.removeAttribute(BADGES_STATE_ATTRIBUTE);
});

/** A fake background: answers settings/get and badges/counts, and records what it was sent. */
function background(answer: (ids: string[]) => BadgeCounts | 'no-reply', settings = DEFAULT_SETTINGS) {
  const sent: Request[] = [];
  const deps: ShowBadgesDeps = {
    now: () => NOW,
    request: (async (message: Request) => {
      sent.push(message);
      if (message.type === 'settings/get') return settings;
      if (message.type !== 'badges/counts') throw new Error(`unexpected ${message.type}`);
      const reply = answer(message.ids);
      if (reply === 'no-reply') throw new Error('no reply');
      return reply;
    }) as ShowBadgesDeps['request'],
  };
  return { deps, sent, countRequests: () => sent.filter((message) => message.type === 'badges/counts') };
}

const counts = (table: Record<string, number | null>): BadgeCounts => ({
  status: 'ok',
  source: 'Semantic Scholar',
  counts: Object.fromEntries(Object.entries(table).map(([id, citationCount]) => [id, { citationCount, fetchedAt: NOW - 3_600_000 }])),
});

function badgesIn(slot: Element): HTMLElement[] {
  return [...slot.querySelectorAll<HTMLElement>(BADGE_TAG)];
}
function headlineOf(id: string): Element[] {
  return [...document.querySelectorAll('dl#articles > dt, li.arxiv-result p.list-title')].filter((slot) =>
    (slot.textContent ?? '').replace(/\s+/g, ' ').includes(`arXiv:${id}`),
  );
}

describe('badge words', () => {
  it.each([
    [0, '0 citations', '0 citations (Semantic Scholar)'],
    [1, '1 citation', '1 citation (Semantic Scholar)'],
    [1_234, '1,234 citations', '1,234 citations (Semantic Scholar)'],
    [120_345, '120,345 citations', '120,345 citations (Semantic Scholar)'],
  ])('%d → "%s" / "%s"', (count, text, label) => {
    expect(citationCountText(count)).toBe(text);
    expect(citationCountLabel(count)).toBe(label);
  });

  it.each([
    [{ reason: 'rate-limited', retryAt: NOW + 40_000 }, 'Citation counts unavailable: rate-limited by Semantic Scholar, retry in 40 s.'],
    [{ reason: 'rate-limited', retryAt: NOW + 299_500 }, 'Citation counts unavailable: rate-limited by Semantic Scholar, retry in 5 min.'],
    [{ reason: 'rate-limited', retryAt: null }, 'Citation counts unavailable: rate-limited by Semantic Scholar.'],
    [{ reason: 'offline', retryAt: null }, 'Citation counts unavailable: offline.'],
    [{ reason: 'malformed', retryAt: null }, 'Citation counts unavailable: Semantic Scholar sent an unexpected response.'],
  ] as const)('note for %o', (reply, text) => {
    expect(unavailableNote(reply, NOW)).toBe(text);
  });
});

describe('showCitationBadges on the constructed listing page', () => {
  it('puts each count next to its own entry, twice for the paper listed twice, in one message', async () => {
    const entries = loadPage('list-cs.LG-new.html');
    const bg = background(() => counts({ '2411.09876': 3, '2411.09901': 0, '2411.10002': null, '2411.08123': 1, '1706.03762': 120_345, '2203.15556': 1_234 }));
    expect(await showCitationBadges(document, entries, bg.deps)).toBe('ready');
    expect(bg.countRequests()).toHaveLength(1);
    expect(document.documentElement.getAttribute(BADGES_STATE_ATTRIBUTE)).toBe('ready');

    const attention = headlineOf('1706.03762');
    expect(attention).toHaveLength(2);
    for (const slot of attention) {
      const [badge] = badgesIn(slot);
      const link = badge?.shadowRoot?.querySelector('a');
      expect(link?.textContent).toBe('120,345 citations');
      expect(link?.getAttribute('aria-label')).toBe('120,345 citations (Semantic Scholar)');
      expect(link?.getAttribute('href')).toBe(`${location.origin}/abs/1706.03762`);
    }
    expect(badgesIn(headlineOf('2203.15556')[0]!)[0]?.shadowRoot?.querySelector('a')?.textContent).toBe('1,234 citations');
    expect(badgesIn(headlineOf('2411.08123')[0]!)[0]?.shadowRoot?.querySelector('a')?.textContent).toBe('1 citation');
    // Seven headlines, seven badges: none in titles, abstracts or comments.
    expect(document.querySelectorAll(BADGE_TAG)).toHaveLength(7);
    expect(document.querySelectorAll(`dd ${BADGE_TAG}`)).toHaveLength(0);
  });

  it('shows an unknown paper as a quiet, unfocusable dash that says "not indexed yet"', async () => {
    const entries = loadPage('list-cs.LG-new.html');
    await showCitationBadges(document, entries, background(() => counts({ '2411.10002': null })).deps);
    const [badge] = badgesIn(headlineOf('2411.10002')[0]!);
    const quiet = badge?.shadowRoot?.querySelector('[role="img"]');
    expect(quiet?.textContent).toBe('—');
    expect(quiet?.getAttribute('aria-label')).toBe('Citations: not indexed yet');
    expect(quiet?.getAttribute('title')).toBe('Not indexed yet by Semantic Scholar');
    expect(badge?.shadowRoot?.querySelector('a, [tabindex]')).toBeNull();
    // Papers missing from the reply get no badge at all.
    expect(badgesIn(headlineOf('2411.09876')[0]!)).toHaveLength(0);
  });

  it('with the setting off, asks for no counts and changes nothing', async () => {
    const entries = loadPage('list-cs.LG-new.html');
    const before = document.body.innerHTML;
    const bg = background(() => counts({}), { ...DEFAULT_SETTINGS, listingBadges: false });
    expect(await showCitationBadges(document, entries, bg.deps)).toBe('off');
    expect(bg.countRequests()).toHaveLength(0);
    expect(document.body.innerHTML).toBe(before);
  });

  it('when rate-limited: no badges, one note above the list saying when to retry, the list untouched', async () => {
    const entries = loadPage('list-cs.LG-new.html');
    const listBefore = document.querySelector('#dlpage')!.innerHTML;
    const bg = background(() => ({ status: 'unavailable', reason: 'rate-limited', retryAt: NOW + 40_000, message: 'HTTP 429' }));
    expect(await showCitationBadges(document, entries, bg.deps)).toBe('unavailable');
    expect(document.querySelectorAll(BADGE_TAG)).toHaveLength(0);
    const notes = document.querySelectorAll(NOTE_TAG);
    expect(notes).toHaveLength(1);
    expect(notes[0]?.shadowRoot?.querySelector('[role="status"]')?.textContent).toBe('Citation counts unavailable: rate-limited by Semantic Scholar, retry in 40 s.');
    // Right above the first list of entries.
    expect(notes[0]?.nextElementSibling).toBe(document.querySelector('dl#articles'));
    notes[0]?.remove();
    expect(document.querySelector('#dlpage')!.innerHTML).toBe(listBefore);
  });

  it('when rate-limited, asks to be run again after the announced wait, and that run replaces the note with badges', async () => {
    const entries = loadPage('list-hep-th-9901.html');
    let limited = true;
    const bg = background(() =>
      limited ? { status: 'unavailable', reason: 'rate-limited', retryAt: NOW + 40_000, message: 'HTTP 429' } : counts({ 'hep-th/9901001': 5 }),
    );
    const delays: number[] = [];
    const deps = { ...bg.deps, retryLater: (delay: number) => delays.push(delay) };
    expect(await showCitationBadges(document, entries, deps)).toBe('unavailable');
    expect(delays).toEqual([40_000]);
    limited = false;
    expect(await showCitationBadges(document, entries, deps)).toBe('ready');
    expect(document.querySelectorAll(NOTE_TAG)).toHaveLength(0);
    expect(badgesIn(headlineOf('hep-th/9901001')[0]!)[0]?.shadowRoot?.querySelector('a')?.textContent).toBe('5 citations');
    expect(delays).toHaveLength(1);
  });

  it('offline or a bad reply: no retry is scheduled (nothing announced one)', async () => {
    const entries = loadPage('list-hep-th-9901.html');
    const delays: number[] = [];
    const bg = background(() => ({ status: 'unavailable', reason: 'offline', retryAt: null, message: 'offline' }));
    await showCitationBadges(document, entries, { ...bg.deps, retryLater: (delay) => delays.push(delay) });
    expect(delays).toEqual([]);
  });

  it('when the background does not answer: the same single note, no badges', async () => {
    const entries = loadPage('search-attention.html');
    await showCitationBadges(document, entries, background(() => 'no-reply').deps);
    expect(document.querySelectorAll(BADGE_TAG)).toHaveLength(0);
    const notes = document.querySelectorAll(NOTE_TAG);
    expect(notes).toHaveLength(1);
    expect(notes[0]?.nextElementSibling?.tagName).toBe('OL');
  });

  it('on a search page puts the badge inside the result headline, after the format links', async () => {
    const entries = loadPage('search-attention.html');
    await showCitationBadges(document, entries, background(() => counts({ 'hep-th/9711200': 17_000, '2411.08123': 2 })).deps);
    const [headline] = headlineOf('hep-th/9711200');
    expect(headline?.lastElementChild?.tagName.toLowerCase()).toBe(BADGE_TAG);
    expect(headline?.lastElementChild?.shadowRoot?.querySelector('a')?.getAttribute('href')).toBe(`${location.origin}/abs/hep-th/9711200`);
    // The versioned result is badged under its bare id.
    expect(badgesIn(headlineOf('2411.08123v2')[0]!)[0]?.dataset.arxivId).toBe('2411.08123');
  });

  it('asks in messages of at most 500 ids for a 1,203-entry page, and badges every entry', async () => {
    const ids = Array.from({ length: 1_203 }, (_, index) => `2411.${String(10_000 + index)}`);
    document.body.innerHTML = `<dl id="articles">${ids.map((id) => `<dt><a href="/abs/${id}" title="Abstract">arXiv:${id}</a></dt><dd></dd>`).join('')}</dl>`;
    const bg = background((asked) => counts(Object.fromEntries(asked.map((id) => [id, 7]))));
    await showCitationBadges(document, findListingEntries(document), bg.deps);
    expect(bg.countRequests().map((message) => (message.type === 'badges/counts' ? message.ids.length : 0))).toEqual([500, 500, 203]);
    expect(document.querySelectorAll(BADGE_TAG)).toHaveLength(1_203);
  });

  it('replaces badges left by an earlier run instead of doubling them', async () => {
    const entries = loadPage('list-hep-th-9901.html');
    const bg = background(() => counts({ 'hep-th/9901001': 5, 'gr-qc/9901012': 6, 'math/9901088': 7 }));
    await showCitationBadges(document, entries, bg.deps);
    await showCitationBadges(document, entries, bg.deps);
    expect(document.querySelectorAll(BADGE_TAG)).toHaveLength(3);
  });
});
