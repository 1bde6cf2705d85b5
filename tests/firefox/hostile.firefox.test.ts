import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { createSemanticScholarResponder } from '../../lib/sources/semanticScholar/sampleServer';
import { samplePages } from '../../scripts/sample/pages';
import { asRouteResponder, loadSampleDataset } from '../e2e/fixtures';
import { buildHostileDataset, type HostileDataset } from '../fixtures/hostile/hostileDataset';
import { HOSTILE_MARKER, TEXT_AREAS, TEXT_ATTRIBUTES, auditPanelInPage, expectInertPanel, expectRowShowsPayload, openEverythingInPage, readRowTitlesInPage } from '../fixtures/hostile/panelAudit';
import { HOSTILE_PAYLOADS, PWNED_ATTRIBUTE } from '../fixtures/hostile/payloads';
import { launchFirefoxExtension, waitForHubState, type FirefoxSession } from './harness';

/*
 * The hostile-string suite's core in Firefox: every string the API returns replaced by hostile
 * payloads, served to the panel of the production Firefox build on the Gopher abstract page. The
 * panel must reach ready, show the payloads as text, run nothing, inject no element or handler,
 * leak nothing into the page and link only to known https hosts — checked by the same in-page
 * audit as the Chromium suite.
 */

const TARGET = '2112.11446';

describe('hostile strings in Firefox', () => {
  let session: FirefoxSession;
  let hostile: HostileDataset;
  let page: Page;
  const dialogs: string[] = [];

  beforeAll(async () => {
    hostile = buildHostileDataset(loadSampleDataset(), TARGET);
    session = await launchFirefoxExtension();
    session.setPages(samplePages());
    session.setApiResponder(asRouteResponder(createSemanticScholarResponder(hostile.dataset)));
    page = await session.newPage();
    page.on('dialog', (dialog) => {
      dialogs.push(`${dialog.type()}: ${dialog.message()}`);
      void dialog.dismiss();
    });
    await page.goto(`https://arxiv.org/abs/${TARGET}`);
  }, 90_000);
  afterAll(async () => session?.close());

  it('reaches ready and shows every payload as text in the citing papers', async () => {
    expect(await waitForHubState(page, ['ready', 'error', 'not-found', 'offline', 'rate-limited'], 60_000)).toBe('ready');
    const checked = new Set<string>();
    for (let pageNumber = 0; pageNumber < 5 && checked.size < HOSTILE_PAYLOADS.length; pageNumber++) {
      for (const row of await page.evaluate(readRowTitlesInPage, '[data-section="citing"]')) {
        checked.add(expectRowShowsPayload(row, hostile));
      }
      const firstRow = () => document.querySelector('arxiv-citation-hub')?.shadowRoot?.querySelector('[data-section="citing"] [data-paper-id]')?.getAttribute('data-paper-id') ?? null;
      const before = await page.evaluate(firstRow);
      const turned = await page.evaluate(() => {
        const next = [...(document.querySelector('arxiv-citation-hub')?.shadowRoot?.querySelectorAll<HTMLButtonElement>('[data-section="citing"] .ch-pager button') ?? [])].find(
          (button) => button.textContent?.includes('Next page') && !button.disabled,
        );
        next?.click();
        return next !== undefined;
      });
      if (!turned) break;
      await page.waitForFunction(
        (previous: string | null) => document.querySelector('arxiv-citation-hub')?.shadowRoot?.querySelector('[data-section="citing"] [data-paper-id]')?.getAttribute('data-paper-id') !== previous,
        { timeout: 10_000 },
        before,
      );
    }
    expect([...checked].sort()).toEqual(HOSTILE_PAYLOADS.map((payload) => payload.marker).sort());
  });

  it('with every quick view and sentence list open: no dialog, no injected element or handler, links only to known https hosts', async () => {
    // Back to the first page of citing papers, then open everything.
    await page.evaluate(() => {
      const buttons = () => [...(document.querySelector('arxiv-citation-hub')?.shadowRoot?.querySelectorAll<HTMLButtonElement>('[data-section="citing"] .ch-pager button') ?? [])];
      for (let guard = 0; guard < 10; guard++) {
        const previous = buttons().find((button) => button.textContent?.includes('Previous page') && !button.disabled);
        if (!previous) break;
        previous.click();
      }
    });
    await page.evaluate(openEverythingInPage);
    await page.waitForFunction(() => (document.querySelector('arxiv-citation-hub')?.shadowRoot?.querySelectorAll('.ch-quickview').length ?? 0) > 10, { timeout: 10_000 });
    await page.waitForFunction(() => (document.querySelector('arxiv-citation-hub')?.shadowRoot?.querySelectorAll('.ch-sentences').length ?? 0) > 5, { timeout: 10_000 });
    const audit = await page.evaluate(auditPanelInPage, { markerSource: HOSTILE_MARKER.source, textAttributes: TEXT_ATTRIBUTES, pwnedAttribute: PWNED_ATTRIBUTE, areas: TEXT_AREAS });
    expectInertPanel(audit, dialogs);
  });
});
