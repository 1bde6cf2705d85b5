import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { samplePages } from '../../scripts/sample/pages';
import { loadSampleDataset, serveSample } from './fixtures';
import { launchExtension, type ExtensionSession } from './harness';
import { openExtensionPage } from './pages/extensionContext';
import { LibraryPage } from './pages/libraryPages';
import { PanelPage } from './pages/panelPage';
import { createZoteroServer, type ZoteroServer } from './support/zoteroServer';
import { ZOTERO_7 } from '../fixtures/zotero/connector';

/*
 * Send to Zotero in real headless Chromium with the built extension, against a local HTTP server on
 * 127.0.0.1:23119 that answers as Zotero's connector server does (including its errors) and records
 * every request: from a panel row, from the library (one entry and a bulk selection), Zotero not
 * running, a refused save and a Zotero too old for the connector API.
 */

const dataset = loadSampleDataset();
const GOPHER_URL = 'https://arxiv.org/abs/2112.11446';
const TINY_PDF = '%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF';

let session: ExtensionSession;
let server: ZoteroServer;

beforeAll(async () => {
  server = createZoteroServer();
  await server.start();
  session = await launchExtension();
  serveSample(session);
  session.setPages({ ...samplePages(), 'https://arxiv.org/pdf/2112.11446': { body: TINY_PDF, contentType: 'application/pdf' } });
});
afterAll(async () => {
  await session?.close();
  await server?.stop();
});
beforeEach(() => server.zotero.reset(ZOTERO_7));

async function openPanel(): Promise<PanelPage> {
  const panel = new PanelPage(await session.newPage());
  panel.page.setDefaultTimeout(15_000);
  expect(await panel.open(GOPHER_URL)).toBe('ready');
  return panel;
}

function paths(): string[] {
  return server.zotero.received.map((request) => request.path);
}

describe('Send to Zotero', () => {
  it('sends a citing paper from its panel row: one click, the item built by the background, the outcome read out', async () => {
    const panel = await openPanel();
    const row = panel.rows('citing').first();
    const paperId = (await row.getAttribute('data-paper-id'))!;
    const citing = dataset.papers[paperId]!;
    // Nothing goes to Zotero before the click.
    expect(server.zotero.received).toEqual([]);
    await row.locator('button[data-action="send-to-zotero"]').click();
    const status = row.locator('.ch-zotero-status[aria-live="polite"]');
    // Its arXiv PDF (if it has one) is not served in this test: the item is saved all the same, and the text says so.
    await expect.poll(() => status.textContent()).toMatch(/^Saved to Zotero in “Reading list”\.( No PDF: arXiv did not send it\.)?$/);
    expect(paths().slice(0, 3)).toEqual(['/connector/ping', '/connector/saveItems', '/connector/getSelectedCollection']);
    const save = server.zotero.received[1]!;
    expect(save.headers['x-zotero-connector-api-version']).toBe('3');
    expect(save.headers['x-zotero-version']).toMatch(/^\d+\.\d+\.\d+$/);
    const items = (save.body as { items: { title: string; itemType: string; creators: unknown[] }[] }).items;
    expect(items).toHaveLength(1);
    expect(items[0]!.title).toBe((citing.title ?? '').replace(/\s+/g, ' ').trim());
    expect(items[0]!.creators.length).toBe(citing.authors?.length ?? 0);
    await panel.page.close();
  });

  it('sends the page paper from the header with its arXiv id and PDF, and says when Zotero is not running', async () => {
    const panel = await openPanel();
    const send = panel.section('header').locator('button[data-action="send-to-zotero"]');
    const status = panel.section('header').locator('.ch-zotero-status');
    await send.click();
    await expect.poll(() => status.textContent()).toBe('Saved to Zotero in “Reading list”. PDF attached.');
    const item = (server.zotero.received[1]!.body as { items: Record<string, unknown>[] }).items[0]!;
    expect(item).toMatchObject({ itemType: 'preprint', archiveID: 'arXiv:2112.11446', url: 'https://arxiv.org/abs/2112.11446', DOI: '10.48550/arXiv.2112.11446' });
    const upload = server.zotero.received.find((request) => request.path === '/connector/saveAttachment')!;
    expect(upload.headers['content-type']).toBe('application/pdf');
    expect(upload.body).toBe(TINY_PDF.length);

    await server.stop();
    try {
      await send.click();
      await expect.poll(() => status.textContent()).toBe('Zotero is not running — start it and try again.');
    } finally {
      await server.start();
    }
    await panel.page.close();
  });

  it('names a refused save and a Zotero too old for the connector API', async () => {
    const panel = await openPanel();
    const send = panel.section('header').locator('button[data-action="send-to-zotero"]');
    const status = panel.section('header').locator('.ch-zotero-status');
    server.zotero.set({ libraryEditable: false });
    await send.click();
    await expect.poll(() => status.textContent()).toBe('Zotero refused the save: the library selected in Zotero is read-only. Select an editable library or collection in Zotero and try again.');

    server.zotero.reset({ ...ZOTERO_7, apiVersion: 2, zoteroVersion: '5.0.96' });
    await send.click();
    await expect.poll(() => status.textContent()).toBe('Zotero 5.0.96 is too old: it speaks connector API 2 and this extension needs 3 — update Zotero and try again.');
    expect(paths()).toEqual(['/connector/ping']);
    await panel.page.close();
  });

  it('sends from the library, one entry with its tags and note, and a selection in one saveItems request', async () => {
    const panel = await openPanel();
    await panel.section('header').locator('button[data-action="save"]').click();
    for (const row of (await panel.rows('citing').all()).slice(0, 3)) await row.locator('button[data-action="save"]').click();
    await panel.page.close();

    const library = new LibraryPage(await openExtensionPage(session, 'options.html'));
    library.page.setDefaultTimeout(15_000);
    await expect.poll(() => library.entries.count()).toBe(4);
    const gopher = library.page.locator('.entry-list li.entry', { hasText: 'Gopher' }).first();
    const gopherId = (await gopher.getAttribute('data-paper-id'))!;
    await library.addTag(gopherId, 'scaling');
    await library.writeNote(gopherId, 'Compare with Chinchilla.');
    server.zotero.reset(ZOTERO_7);
    await gopher.locator('button[data-action="send-to-zotero"]').click();
    await expect.poll(() => gopher.locator('.ch-zotero-status').textContent()).toBe('Saved to Zotero in “Reading list”. PDF attached.');
    const item = (server.zotero.received[1]!.body as { items: Record<string, unknown>[] }).items[0]!;
    expect(item.tags).toEqual([{ tag: 'scaling' }]);
    expect(item.notes).toEqual([{ note: '<p>Compare with Chinchilla.</p>' }]);

    server.zotero.reset(ZOTERO_7);
    await library.page.getByLabel(/^Select all shown/).check();
    await library.page.getByRole('button', { name: 'Send selected to Zotero' }).click();
    await expect.poll(() => library.page.locator('.notice').textContent()).toContain('Saved 4 papers to Zotero in “Reading list”.');
    const saves = server.zotero.received.filter((request) => request.path === '/connector/saveItems');
    expect(saves).toHaveLength(1);
    expect((saves[0]!.body as { items: unknown[] }).items).toHaveLength(4);
    await library.page.close();
  });
});
