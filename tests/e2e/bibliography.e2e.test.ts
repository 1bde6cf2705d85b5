import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../paths';
import { launchExtension, type ExtensionSession } from './harness';
import { openExtensionPage } from './pages/extensionContext';
import { LibraryPage } from './pages/libraryPages';

/*
 * BibTeX and RIS import on the options page of the built extension in Chromium: a Zotero export
 * (one entry with math in its title, read by the lazily loaded fallback parser under the extension's
 * CSP) and a file with a broken entry, which is listed and imported only on confirmation.
 */

const FIXTURES = join(REPO_ROOT, 'tests', 'fixtures', 'bibliography');
let session: ExtensionSession;

beforeAll(async () => {
  session = await launchExtension();
});
afterAll(async () => session?.close());

async function choose(library: LibraryPage, name: string, content: string): Promise<void> {
  await library.page.locator('#import-file').setInputFiles({ name, mimeType: 'text/plain', buffer: Buffer.from(content, 'utf8') });
}

describe('importing bibliographies', () => {
  it('imports a Zotero BibTeX export into the library, math titles included', async () => {
    const library = new LibraryPage(await openExtensionPage(session, 'options.html'));
    library.page.setDefaultTimeout(15_000);
    const bib = `${readFileSync(join(FIXTURES, 'zotero-export.bib'), 'utf8')}\n@misc{math_2024, title = {Bounds of $\\alpha^2$ for {Attention}}, eprint = {2401.00001}, archivePrefix = {arXiv}}\n`;
    await choose(library, 'My Library.bib', bib);
    await expect.poll(() => library.importStatus.textContent()).toBe('Imported: 7 added, 0 updated, 0 unchanged.');
    await expect.poll(() => library.entries.count()).toBe(7);
    const titles = await library.titles();
    expect(titles).toContain('Attention Is All You Need');
    expect(titles).toContain('Bounds of α² for Attention');
    expect(titles).toContain('Über formal unentscheidbare Sätze der Principia Mathematica und verwandter Systeme I');
    expect(await library.tagsOf('arxiv:2203.15556')).toEqual(['scaling laws', 'compute']);
    await library.page.close();
  });

  it('lists a RIS file’s unreadable record by line and writes nothing until told to import the rest', async () => {
    const library = new LibraryPage(await openExtensionPage(session, 'options.html'));
    library.page.setDefaultTimeout(15_000);
    await expect.poll(() => library.entries.count()).toBe(7);
    const ris = `${readFileSync(join(FIXTURES, 'zotero-export.ris'), 'utf8')}TY  - JOUR\r\nTI  - Brand new paper\r\nDO  - 10.9999/new\r\nER  - \r\nTY  - JOUR\r\nAU  - Doe, Jane\r\n`;
    await choose(library, 'export.ris', ris);
    const review = library.page.getByRole('group', { name: '1 entry of "export.ris" could not be read' });
    await expect.poll(() => review.locator('li').allTextContents()).toEqual([`line ${ris.split('\r\n').indexOf('AU  - Doe, Jane')}: the file ends before the record's "ER  -" line`]);
    expect(await library.entries.count()).toBe(7);
    await library.page.getByRole('button', { name: 'Import the other 4 papers' }).click();
    await expect.poll(() => library.importStatus.textContent()).toMatch(/^Imported: 1 added, 3 updated, 0 unchanged\. 1 entry that could not be read was left out\.$/);
    await expect.poll(() => library.entries.count()).toBe(8);
    await library.page.close();
  });
});
