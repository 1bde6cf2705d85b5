import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { createSemanticScholarResponder } from '../../lib/sources/semanticScholar/sampleServer';
import { samplePages } from '../../scripts/sample/pages';
import { buildHostileDataset, type HostileDataset } from '../fixtures/hostile/hostileDataset';
import { HOSTILE_PAYLOADS, PWNED_ATTRIBUTE, payloadByMarker } from '../fixtures/hostile/payloads';
import { HOSTILE_MARKER, TEXT_AREAS, TEXT_ATTRIBUTES, auditPanelInPage, expectInertPanel, expectRowShowsPayload, openEverythingInPage, readRowTitlesInPage, type PanelAudit, type RowTitle } from '../fixtures/hostile/panelAudit';
import { launchExtension, waitForHubState, type ExtensionSession } from './harness';
import { asRouteResponder, loadSampleDataset } from './fixtures';

/*
 * Every string the API returns replaced by hostile payloads (HTML, script, event handlers,
 * javascript:/data: URLs, bidi overrides, controls, lone surrogates, 100 KB titles, template and
 * TeX injection…), served to the real panel on the real Gopher abstract page. The panel must reach
 * ready, show the payloads as text, run nothing, inject no element, and link only to known hosts.
 */

const TARGET = '2112.11446';
const MARKER = HOSTILE_MARKER;

describe('hostile strings in every API field', () => {
  let session: ExtensionSession;
  let hostile: HostileDataset;
  let page: Page;
  const dialogs: string[] = [];

  beforeAll(async () => {
    hostile = buildHostileDataset(loadSampleDataset(), TARGET);
    session = await launchExtension();
    session.setPages(samplePages());
    session.setApiResponder(asRouteResponder(createSemanticScholarResponder(hostile.dataset)));
    session.context.on('page', (opened) => opened.on('dialog', (dialog) => {
      dialogs.push(`${dialog.type()}: ${dialog.message()}`);
      void dialog.dismiss();
    }));
    page = await session.newPage();
    await page.goto(`https://arxiv.org/abs/${TARGET}`);
  }, 90_000);

  afterAll(async () => session?.close());

  it('reaches ready', async () => {
    expect(await waitForHubState(page, ['ready', 'error', 'not-found', 'offline', 'rate-limited'], 80_000)).toBe('ready');
    expect(await page.locator('arxiv-citation-hub [data-section="citing"] [data-paper-id]').count()).toBeGreaterThan(0);
  });

  it('shows every payload as text in the citing papers (long ones cut, with a readable prefix)', async () => {
    const checked = new Set<string>();
    for (let pageNumber = 0; pageNumber < 5 && checked.size < HOSTILE_PAYLOADS.length; pageNumber++) {
      for (const row of await rowTitles(page, '[data-section="citing"]')) {
        checked.add(expectRowShowsPayload(row, hostile));
      }
      const next = page.locator('arxiv-citation-hub [data-section="citing"] .ch-pager button', { hasText: 'Next page' });
      if ((await next.count()) === 0 || (await next.isDisabled())) break;
      // A DOM click, not a pointer one: this suite is about text safety, not about whether the
      // pager is scrolled into reach.
      await next.dispatchEvent('click');
    }
    expect([...checked].sort()).toEqual(HOSTILE_PAYLOADS.map((payload) => payload.marker).sort());
    const previous = page.locator('arxiv-citation-hub [data-section="citing"] .ch-pager button', { hasText: 'Previous page' });
    while ((await previous.count()) > 0 && !(await previous.isDisabled())) await previous.dispatchEvent('click');
  });

  it('shows the target paper’s hostile title as text in the header', async () => {
    const payload = hostile.titlePayloadOf[hostile.targetPaperId]!;
    const header = await page.locator('arxiv-citation-hub [data-section="header"]').innerText();
    for (const fragment of payload.visible) expect(header).toContain(fragment);
  });

  it('with every quick view and citation sentence list open: no dialog, no injected element or handler, links only to known https hosts', async () => {
    await openEverything(page);
    const audit = await auditPanel(page, MARKER.source, TEXT_ATTRIBUTES, PWNED_ATTRIBUTE);
    expectInertPanel(audit, dialogs);
    const script = payloadByMarker('HX01')!.visible[0]!;
    for (const area of ['.ch-sentences blockquote', '.ch-row-summary', '.ch-qv-authors']) {
      expect(audit.areaTexts[area]!.some((text) => text.includes(script)), `${area} shows "${script}" as text`).toBe(true);
    }
  });

  it('shows hostile titles of co-cited, representative and similar papers as text too', async () => {
    const seen: string[] = [];
    for (const section of ['co-cited', 'representative', 'similar']) {
      for (const row of await rowTitles(page, `[data-section="${section}"]`)) {
        const payload = hostile.titlePayloadOf[row.paperId];
        if (!payload) continue;
        for (const fragment of payload.visible) expect(row.text, `${section}: ${payload.marker}`).toContain(fragment);
        seen.push(section);
      }
    }
    expect([...new Set(seen)].sort()).toEqual(['co-cited', 'representative', 'similar']);
  });

  it('filters the explorer by a payload typed into the search box without running it', async () => {
    const search = page.locator('arxiv-citation-hub [data-section="citing"] input[type="search"]');
    await search.fill('<script>alert(1)</script>');
    const count = page.locator('arxiv-citation-hub [data-section="citing"] .ch-live-count');
    await expect.poll(async () => /Showing ([\d,]+) of/.exec((await count.textContent()) ?? '')?.[1]).not.toBe(undefined);
    const shown = Number(/Showing ([\d,]+) of/.exec((await count.textContent()) ?? '')?.[1]?.replace(/,/g, ''));
    expect(shown).toBeGreaterThanOrEqual(2); // HX01 is the title of at least two citing papers
    const titles = await rowTitles(page, '[data-section="citing"]');
    expect(titles.some((row) => row.text.includes('HX01 <script>alert(1)</script>'))).toBe(true);
    await search.fill('');
    expect(dialogs).toEqual([]);
  });
});

/** Titles of the paper rows in one section of the panel's shadow root. */
async function rowTitles(page: Page, sectionSelector: string): Promise<RowTitle[]> {
  return page.evaluate(readRowTitlesInPage, sectionSelector);
}

/** Opens every quick view and every citation sentence list, so authors, TL;DRs, venues, links and contexts render. */
async function openEverything(page: Page): Promise<void> {
  await page.evaluate(openEverythingInPage);
  await expect.poll(() => page.locator('arxiv-citation-hub .ch-quickview').count()).toBeGreaterThan(10);
  await expect.poll(() => page.locator('arxiv-citation-hub .ch-sentences').count()).toBeGreaterThan(5);
}

/** Everything the security assertions need, read in the page (main world) in one pass. */
async function auditPanel(page: Page, markerSource: string, textAttributes: string[], pwnedAttribute: string): Promise<PanelAudit> {
  return page.evaluate(auditPanelInPage, { markerSource, textAttributes, pwnedAttribute, areas: TEXT_AREAS });
}
