import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { createSemanticScholarResponder, generateLargeDataset } from '../../lib/sources/semanticScholar/sampleServer';
import { samplePages } from '../../scripts/sample/pages';
import { asRouteResponder, loadSampleDataset } from '../e2e/fixtures';
import { launchFirefoxExtension, waitForHubState, type FirefoxSession } from './harness';
import { expectedHeader, headerCounts, mergeDatasets, panelSections, rowCount } from './panelQueries';

/*
 * The production Firefox build (.output/firefox-mv2) in Debian's firefox-esr: the panel on the
 * 2026-layout abstract page and on a LaTeXML /html/ page, the cache, saving into the library,
 * the sidebar page — one browser for the whole file, the sample Semantic Scholar behind it.
 */

const GOPHER = '2112.11446';
const GOPHER_ABS = `https://arxiv.org/abs/${GOPHER}`;
/** The real LaTeXML full-text page, served at a Gopher /html/ URL: the id comes from the URL alone. */
const GOPHER_HTML = `https://arxiv.org/html/${GOPHER}v2`;
/** A small generated paper only the sidebar page opens, so its hub is fetched cold there. */
const SIDEBAR_PAPER = '2404.02001';
const SIDEBAR_PAPER_PDF = `https://arxiv.org/pdf/${SIDEBAR_PAPER}v1`;
/** The smallest well-formed PDF: one empty page (Firefox shows it in its own viewer, where no content script runs). */
const TINY_PDF = ['%PDF-1.4', '1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj', '2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj', '3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >> endobj', 'trailer << /Root 1 0 R >>', '%%EOF'].join('\n');
/** The slice of Firefox's extension API the sidebar tests call from an extension page. */
interface FirefoxExtensionApi {
  sidebarAction: { isOpen(details: object): Promise<boolean>; getPanel(details: { tabId: number }): Promise<string> };
  browserAction: { openPopup(): Promise<void> };
  extension: { getViews(filter: { type: 'popup' | 'sidebar' }): Window[] };
  tabs: { query(filter: { url: string }): Promise<Array<{ id?: number }>> };
}

const SECTIONS = ['header', 'glance', 'roles', 'polarity', 'claims', 'co-cited', 'representative', 'citing', 'similar'];
const FINAL_STATES = ['ready', 'error', 'not-found', 'offline', 'rate-limited'];

const dataset = mergeDatasets(loadSampleDataset(), generateLargeDataset({ arxivId: SIDEBAR_PAPER, citations: 30, seed: 41 }));
let session: FirefoxSession;

beforeAll(async () => {
  session = await launchFirefoxExtension();
  const pages = samplePages();
  session.setPages({ ...pages, [GOPHER_HTML]: pages['https://arxiv.org/html/2501.11120v1']!, [SIDEBAR_PAPER_PDF]: { body: TINY_PDF, contentType: 'application/pdf' } });
  session.setApiResponder(asRouteResponder(createSemanticScholarResponder(dataset)));
});
afterAll(async () => session?.close());

async function openPanel(url: string): Promise<Page> {
  const page = await session.newPage();
  await page.goto(url);
  return page;
}

function hostArxivId(page: Page): Promise<string | null> {
  return page.evaluate(() => document.querySelector('arxiv-citation-hub')?.getAttribute('data-arxiv-id') ?? null);
}

describe('the panel in Firefox', () => {
  it('mounts on the 2026-layout abstract page with the test contract and ends ready with every section and the header counts', async () => {
    const page = await openPanel(GOPHER_ABS);
    // The page served is the sample abstract page (derived from the real 2026-layout page), not a 404.
    expect(await page.evaluate(() => document.querySelector('meta[name="citation_arxiv_id"]')?.getAttribute('content'))).toBe(GOPHER);
    await page.waitForSelector('arxiv-citation-hub', { timeout: 15_000 });
    expect(await hostArxivId(page)).toBe(GOPHER);
    expect(await waitForHubState(page, FINAL_STATES, 60_000)).toBe('ready');
    const sections = await panelSections(page);
    for (const section of SECTIONS) expect(sections).toContain(section);
    expect(await headerCounts(page)).toMatchObject(expectedHeader(dataset, GOPHER));
    // The panel's stylesheet applies inside the shadow root: the dock is laid out as the CSS says,
    // beside the abstract, never over it.
    const layout = await page.evaluate(() => {
      const dock = document.querySelector('arxiv-citation-hub')!.shadowRoot!.querySelector('.hub-dock')!;
      const box = dock.getBoundingClientRect();
      return { position: getComputedStyle(dock).position, width: box.width, left: box.left, abstractRight: document.querySelector('blockquote.abstract')!.getBoundingClientRect().right };
    });
    expect(layout.position).toBe('fixed');
    expect(layout.width).toBeGreaterThanOrEqual(320);
    expect(layout.width).toBeLessThanOrEqual(600);
    expect(layout.abstractRight).toBeLessThanOrEqual(layout.left);
    await page.close();
  });

  it('opens the cached hub a second time without any request', async () => {
    const before = session.apiRequests.length;
    expect(before).toBeGreaterThan(0);
    const page = await openPanel(GOPHER_ABS);
    expect(await waitForHubState(page, FINAL_STATES, 30_000)).toBe('ready');
    expect(await rowCount(page, 'citing')).toBeGreaterThan(0);
    expect(session.apiRequests.length).toBe(before);
    await page.close();
  });

  it('mounts on a LaTeXML /html/ page (no meta tag: the id from the URL) and shows the same hub', async () => {
    const page = await openPanel(GOPHER_HTML);
    expect(await page.evaluate(() => document.querySelector('.ltx_page_main') !== null), 'the LaTeXML page is served').toBe(true);
    await page.waitForSelector('arxiv-citation-hub', { timeout: 15_000 });
    expect(await hostArxivId(page)).toBe(GOPHER);
    expect(await waitForHubState(page, FINAL_STATES, 30_000)).toBe('ready');
    expect(await headerCounts(page)).toMatchObject(expectedHeader(dataset, GOPHER));
    await page.close();
  });
});

describe('listing pages in Firefox', () => {
  it('shows each entry\'s citation count from one batch request, and none on a second load', async () => {
    const readBadges = async () => {
      const page = await openPanel('https://arxiv.org/list/cs.LG/recent');
      await page.waitForFunction(() => ['ready', 'unavailable', 'off'].includes(document.documentElement.getAttribute('data-arxiv-citation-badges') ?? ''), { timeout: 30_000, polling: 100 });
      const state = await page.evaluate(() => document.documentElement.getAttribute('data-arxiv-citation-badges'));
      const entries = await page.evaluate(() =>
        [...document.querySelectorAll('dl#articles > dt')].map((headline) => ({
          id: /arXiv:(\S+)/.exec(headline.textContent ?? '')?.[1] ?? '',
          badge: headline.querySelector('arxiv-citation-badge')?.shadowRoot?.querySelector('a, [role="img"]')?.textContent?.trim() ?? null,
        })),
      );
      await page.close();
      return { state, entries };
    };
    const before = session.apiRequests.length;
    const first = await readBadges();
    expect(first.state).toBe('ready');
    const batches = session.apiRequests.slice(before);
    expect(batches.map((request) => `${request.method} ${new URL(request.url).pathname}`)).toEqual(['POST /graph/v1/paper/batch']);
    expect(first.entries.length).toBeGreaterThan(1);
    for (const entry of first.entries) {
      const paper = dataset.papers[dataset.arxivToPaperId[entry.id] ?? ''];
      expect(paper, `${entry.id} is in the sample data`).toBeDefined();
      expect(entry.badge, entry.id).toBe(`${expectedHeader(dataset, entry.id)['Citing papers']} citations`);
    }
    const again = await readBadges();
    expect(again).toEqual(first);
    expect(session.apiRequests.length).toBe(before + 1);
  });
});

describe('the library in Firefox', () => {
  it('saves the paper from the header, and the options page library lists it', async () => {
    const page = await openPanel(GOPHER_ABS);
    expect(await waitForHubState(page, FINAL_STATES, 30_000)).toBe('ready');
    const save = await page.waitForSelector('arxiv-citation-hub >>> [data-section="header"] button[data-action="save"]');
    expect(await save!.evaluate((button) => button.getAttribute('aria-pressed'))).toBe('false');
    await save!.click();
    await page.waitForSelector('arxiv-citation-hub >>> [data-section="header"] button[data-action="save"][aria-pressed="true"]', { timeout: 10_000 });
    await page.close();

    const options = await session.openExtensionPage('options.html');
    await options.waitForSelector('.entry-list li.entry', { timeout: 15_000 });
    const titles = await options.$$eval('.entry-list li.entry .entry-title', (items) => items.map((item) => item.textContent?.trim() ?? ''));
    const gopher = dataset.papers[dataset.arxivToPaperId[GOPHER]!]!;
    expect(titles).toEqual([gopher.title]);
    await options.close();
  });
});

describe('the sidebar page in Firefox', () => {
  it('is not opened by installing the add-on (sidebar_action open_at_install: false)', async () => {
    const page = await session.openExtensionPage('options.html');
    const sidebar = await page.evaluate(async () => {
      const api = (globalThis as unknown as { browser: FirefoxExtensionApi }).browser;
      return { open: await api.sidebarAction.isOpen({}), views: api.extension.getViews({ type: 'sidebar' }).length };
    });
    expect(sidebar).toEqual({ open: false, views: 0 });
    await page.close();
  });

  it('renders the hub of the paper it is opened for (what sidebar_action shows on a PDF tab), fetched cold', async () => {
    const before = session.apiRequests.length;
    const page = await session.openExtensionPage(`sidepanel.html?id=${SIDEBAR_PAPER}`);
    await page.waitForFunction(() => ['ready', 'error', 'not-found', 'offline', 'rate-limited'].includes(document.body.dataset.state ?? ''), { timeout: 60_000, polling: 100 });
    expect(await page.evaluate(() => document.body.dataset.state)).toBe('ready');
    expect(await page.evaluate(() => document.body.dataset.arxivId)).toBe(SIDEBAR_PAPER);
    expect(session.apiRequests.length).toBeGreaterThan(before);
    const sections = await page.$$eval('[data-section]', (items) => items.map((item) => item.getAttribute('data-section')));
    for (const section of SECTIONS) expect(sections).toContain(section);
    expect(await headerCounts(page, 'document')).toMatchObject(expectedHeader(dataset, SIDEBAR_PAPER));
    expect(await page.$$eval('[data-section="citing"] [data-paper-id]', (rows) => rows.length)).toBe(30);
    await page.close();
  });

  it('opened without an id (from the sidebar menu) follows the active tab: an abstract page, then a PDF tab', async () => {
    const sidebar = await session.openExtensionPage('sidepanel.html');
    // Its own tab is the active one: not an arXiv page, so it says what to do.
    await sidebar.waitForFunction(() => document.body.innerText.includes('Switch to an arXiv abstract, HTML or PDF page'), { timeout: 10_000, polling: 100 });
    const shownPaper = () => sidebar.evaluate(() => (document.body.dataset.state === 'ready' ? document.body.dataset.arxivId : null) ?? null);

    const abs = await session.newPage();
    await abs.goto(GOPHER_ABS);
    await abs.bringToFront();
    await expect.poll(shownPaper, { timeout: 20_000, interval: 200 }).toBe(GOPHER);
    expect(await headerCounts(sidebar, 'document')).toMatchObject(expectedHeader(dataset, GOPHER));

    // The same tab goes to another paper's PDF: no content script runs there, the sidebar follows.
    await abs.goto(SIDEBAR_PAPER_PDF).catch(() => {});
    await expect.poll(shownPaper, { timeout: 20_000, interval: 200 }).toBe(SIDEBAR_PAPER);
    expect(await headerCounts(sidebar, 'document')).toMatchObject(expectedHeader(dataset, SIDEBAR_PAPER));
    await abs.close();
    await sidebar.close();
  });

  it('the toolbar popup on a PDF tab offers the hub for the PDF\'s paper and points that tab\'s sidebar at it', async () => {
    // WebDriver BiDi drives tabs, not browser UI: an extension page opens the popup and reads it
    // through extension.getViews. Opened first, so the PDF tab is the active one.
    const viewer = await session.openExtensionPage('options.html');
    const pdf = await session.newPage();
    await pdf.goto(SIDEBAR_PAPER_PDF).catch(() => {});
    await pdf.bringToFront();
    await viewer.evaluate(() => (globalThis as unknown as { browser: FirefoxExtensionApi }).browser.browserAction.openPopup());
    const readPopup = () =>
      viewer.evaluate(async (pdfUrl: string) => {
        const api = (globalThis as unknown as { browser: FirefoxExtensionApi }).browser;
        const first = api.extension.getViews({ type: 'popup' })[0]?.document.querySelector('button');
        const [tab] = await api.tabs.query({ url: pdfUrl });
        return {
          action: first?.getAttribute('data-action') ?? null,
          text: first?.textContent?.trim() ?? null,
          panel: tab?.id === undefined ? null : await api.sidebarAction.getPanel({ tabId: tab.id }),
        };
      }, SIDEBAR_PAPER_PDF);
    await expect
      .poll(readPopup, { timeout: 10_000, interval: 200 })
      .toEqual({ action: 'open-side-panel', text: expect.stringContaining(SIDEBAR_PAPER), panel: `${session.extensionOrigin}sidepanel.html?id=${SIDEBAR_PAPER}` });
    await pdf.close();
    await viewer.close();
  });
});
