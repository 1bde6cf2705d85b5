import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { samplePages } from '../../scripts/sample/pages';
import { loadSampleDataset, serveSample } from './fixtures';
import { launchExtension, type ExtensionSession } from './harness';
import { openExtensionPage, type ChromeGlobal, type ExtensionViews } from './pages/extensionContext';
import { LibraryPage, PopupPage } from './pages/libraryPages';
import { PANEL_SECTIONS, PanelPage } from './pages/panelPage';
import { expectationsFor } from './pages/sampleExpectations';

/*
 * Saving from the panel, and what the popup, the library (options page), the exports, the backup
 * import and the side panel make of it — in real headless Chromium with the built extension.
 * One profile carries the saves through the file; the import runs in a second, fresh profile.
 */

const dataset = loadSampleDataset();
const GOPHER = expectationsFor(dataset, '2112.11446');
const GOPHER_URL = 'https://arxiv.org/abs/2112.11446';
const PDF_URL = 'https://arxiv.org/pdf/2112.11446v2';
const TAG = 'scaling-study';
const NOTE = 'Compare Table A1 with the Chinchilla fit.';

/** The smallest well-formed PDF: one empty page. */
const TINY_PDF = [
  '%PDF-1.4',
  '1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj',
  '2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj',
  '3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >> endobj',
  'trailer << /Root 1 0 R >>',
  '%%EOF',
].join('\n');

let session: ExtensionSession;
/** The citing paper saved from the explorer (the first row the panel lists). */
let savedCitingId: string;
let backup: { filename: string; text: string };

beforeAll(async () => {
  session = await launchExtension();
  serveSample(session);
  session.setPages({ ...samplePages(), [PDF_URL]: { body: TINY_PDF, contentType: 'application/pdf' } });
});
afterAll(async () => session?.close());

function titleOf(paperId: string): string {
  const title = dataset.papers[paperId]?.title;
  if (!title) throw new Error(`no title for ${paperId} in the sample data`);
  return title;
}

async function openGopherPanel(): Promise<PanelPage> {
  const panel = new PanelPage(await session.newPage());
  panel.page.setDefaultTimeout(10_000);
  expect(await panel.open(GOPHER_URL)).toBe('ready');
  return panel;
}

describe('saving from the panel, in the popup and the library', () => {
  it('saves the paper from the header and a citing paper from its row', async () => {
    const panel = await openGopherPanel();
    const headerSave = panel.section('header').locator('button[data-action="save"]');
    expect(await headerSave.getAttribute('aria-pressed')).toBe('false');
    await headerSave.click();
    await expect.poll(() => headerSave.getAttribute('aria-pressed')).toBe('true');

    const row = panel.rows('citing').first();
    savedCitingId = (await row.getAttribute('data-paper-id'))!;
    const rowSave = row.locator('button[data-action="save"]');
    expect(await rowSave.getAttribute('aria-pressed')).toBe('false');
    // By keyboard: it reaches the row wherever it sits (mouse reach is the panel suite's scroll test).
    await rowSave.press('Enter');
    await expect.poll(() => rowSave.getAttribute('aria-pressed')).toBe('true');

    // Reloading shows the saves came from the library, not only from the button's own state.
    await panel.page.reload();
    await panel.section('header').waitFor();
    await expect.poll(() => headerSave.getAttribute('aria-pressed')).toBe('true');
    await expect.poll(() => panel.section('citing').locator(`li[data-paper-id="${savedCitingId}"] button[data-action="save"]`).getAttribute('aria-pressed')).toBe('true');
    await panel.page.close();
  });

  it('lists both in the popup\'s recent saves', async () => {
    const popup = new PopupPage(await openExtensionPage(session, 'popup.html'));
    await popup.savedItems.first().waitFor();
    const titles = await popup.savedTitles();
    expect(titles).toHaveLength(2);
    expect(titles).toEqual(expect.arrayContaining([titleOf(GOPHER.paperId), titleOf(savedCitingId)]));
    await popup.page.close();
  });

  it('lists both in the library, keeps a tag and a note, and exports a JSON backup and BibTeX', async () => {
    const library = new LibraryPage(await openExtensionPage(session, 'options.html'));
    await library.entries.first().waitFor();
    expect((await library.titles()).sort()).toEqual([titleOf(GOPHER.paperId), titleOf(savedCitingId)].sort());
    expect(await library.listCount.textContent()).toBe('2 papers');

    await library.addTag(GOPHER.paperId, TAG);
    await library.writeNote(GOPHER.paperId, NOTE);
    await library.page.reload();
    await library.entries.first().waitFor();
    expect(await library.tagsOf(GOPHER.paperId)).toEqual([TAG]);
    expect(await library.notesOf(GOPHER.paperId)).toBe(NOTE);

    backup = await library.export('JSON backup');
    expect(backup.filename).toMatch(/\.json$/);
    const parsed = JSON.parse(backup.text) as { entries: Array<{ paper: { paperId: string }; tags: string[]; notes: string }> };
    expect(parsed.entries.map((entry) => entry.paper.paperId).sort()).toEqual([GOPHER.paperId, savedCitingId].sort());
    const gopherEntry = parsed.entries.find((entry) => entry.paper.paperId === GOPHER.paperId)!;
    expect(gopherEntry.tags).toEqual([TAG]);
    expect(gopherEntry.notes).toBe(NOTE);

    const bibtex = await library.export('BibTeX');
    expect(bibtex.filename).toMatch(/\.bib$/);
    expect(bibtex.text.match(/^@\w+\{/gm)).toHaveLength(2);
    expect(bibtex.text).toMatch(/eprint\s*=\s*[{"]2112\.11446[}"]/);
    await library.page.close();
  });
});

describe('importing the backup into a fresh profile', () => {
  let fresh: ExtensionSession;
  let library: LibraryPage;
  beforeAll(async () => {
    expect(backup, 'the export test ran first').toBeDefined();
    fresh = await launchExtension();
    library = new LibraryPage(await openExtensionPage(fresh, 'options.html'));
  });
  afterAll(async () => fresh?.close());

  it('starts empty and then shows the same entries, with tag and note', async () => {
    await expect.poll(() => library.listCount.textContent()).toBe('0 papers');
    await library.importFile('citation-hub-backup.json', backup.text);
    await expect.poll(() => library.importStatus.textContent()).toBe('Imported: 2 added, 0 updated, 0 unchanged.');
    await expect.poll(() => library.entries.count()).toBe(2);
    expect((await library.titles()).sort()).toEqual([titleOf(GOPHER.paperId), titleOf(savedCitingId)].sort());
    expect(await library.tagsOf(GOPHER.paperId)).toEqual([TAG]);
    expect(await library.notesOf(GOPHER.paperId)).toBe(NOTE);
  });

  it('refuses a broken file with the precise problem and leaves the library unchanged', async () => {
    // A new, valid entry first, then a broken one: nothing of the file may be applied.
    const good = JSON.parse(backup.text) as { entries: Array<{ id: string; paper: { paperId: string; title: unknown } }> };
    const extra = structuredClone(good.entries[0]!);
    extra.id = 'import-test-extra';
    extra.paper.paperId = 'import-test-extra';
    const broken = structuredClone(good.entries[1]!);
    broken.paper.title = 42;
    const file = JSON.stringify({ ...good, entries: [extra, broken] });

    await library.importFile('broken-backup.json', file);
    await expect.poll(() => library.importAlert.textContent()).toMatch(/^"broken-backup\.json": Import rejected, the library was not changed: /);
    // The precise problem: which entry, which field, what was found.
    expect(await library.importAlert.textContent()).toMatch(/: entries\[1\]\.paper\.title: expected string, got 42$/);
    expect(await library.importStatus.textContent()).toBe('');
    await library.page.reload();
    await library.entries.first().waitFor();
    expect(await library.entries.count()).toBe(2);
    expect(await library.entry('import-test-extra').count()).toBe(0);
    expect(await library.tagsOf(GOPHER.paperId)).toEqual([TAG]);
  });
});

describe('saved state across tabs', () => {
  it('a save in one tab shows in another tab\'s panel without a reload', async () => {
    const first = await openGopherPanel();
    const second = await openGopherPanel();
    const work = GOPHER.coCited[0]!;
    const button = (panel: PanelPage) => panel.section('co-cited').locator(`li[data-paper-id="${work.paperId}"] > .ch-row-main button[data-action="save"]`);
    expect(await button(first).getAttribute('aria-pressed')).toBe('false');
    expect(await button(second).getAttribute('aria-pressed')).toBe('false');

    await button(first).press('Enter');
    await expect.poll(() => button(first).getAttribute('aria-pressed')).toBe('true');
    await expect.poll(() => button(second).getAttribute('aria-pressed'), { timeout: 5_000 }).toBe('true');

    await button(second).press('Enter');
    await expect.poll(() => button(first).getAttribute('aria-pressed'), { timeout: 5_000 }).toBe('false');
    await first.page.close();
    await second.page.close();
  });
});

describe('the side panel page', () => {
  it('shows the hub for ?id= and reaches ready with every section', async () => {
    const page = await openExtensionPage(session, `sidepanel.html?id=${GOPHER.arxivId}`);
    await page.waitForFunction(() => document.body.dataset.state === 'ready', undefined, { timeout: 60_000 });
    expect(await page.evaluate(() => document.body.dataset.arxivId)).toBe(GOPHER.arxivId);
    for (const name of PANEL_SECTIONS) expect(await page.locator(`[data-section="${name}"]`).count(), name).toBe(1);
    expect(await page.locator('[data-section="citing"] li[data-paper-id]').count()).toBeGreaterThan(0);
    await page.close();
  });
});

describe('the popup on a PDF tab', () => {
  it('offers the side panel for the PDF\'s paper as its first button', async () => {
    // Playwright does not surface the toolbar popup as a page; an extension page of the same
    // extension reaches it through chrome.extension.getViews. Opened first, so the PDF tab is active.
    const viewer = await openExtensionPage(session, 'sidepanel.html');
    const pdf = await session.newPage();
    await pdf.goto(PDF_URL);
    await pdf.bringToFront();
    await session.worker.evaluate(() => (globalThis as unknown as ChromeGlobal).chrome.action.openPopup());

    const readPopup = () =>
      viewer.evaluate(() => {
        const views = (globalThis as unknown as ExtensionViews).chrome.extension.getViews({ type: 'popup' });
        const first = views[0]?.document.querySelector('button');
        return first ? { action: first.getAttribute('data-action'), text: first.textContent?.trim() ?? '' } : null;
      });
    await expect.poll(readPopup, { timeout: 10_000 }).toEqual({ action: 'open-side-panel', text: expect.stringContaining(GOPHER.arxivId) });
    await pdf.close();
    await viewer.close();
  });
});
