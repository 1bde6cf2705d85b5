import { describe, expect, it } from 'vitest';
import { createZoteroClient, NOT_RUNNING_MESSAGE, rfc2047, type ZoteroFetch } from '../../lib/sources/zotero/client';
import { createZoteroService, MAX_ITEMS_PER_SAVE, MAX_PDFS_PER_SEND, type ResolvedPaper } from '../../lib/sources/zotero/service';
import { createFakeZotero, ZOTERO_7, type FakeZotero } from '../fixtures/zotero/connector';
import type { Paper } from '../../lib/domain/paper';

/** The fake connector server behind a fetch double; `running: false` makes fetch fail as a closed port does. */
function fetchFor(zotero: FakeZotero, options: { running?: boolean; dropHeader?: string; plainServer?: boolean } = {}): ZoteroFetch {
  return async (url, init) => {
    if (options.running === false) throw new TypeError('Failed to fetch');
    if (options.plainServer) return { status: 404, headers: new Headers({ 'content-type': 'text/html' }), text: async () => '<h1>Not found</h1>' };
    const headers: Record<string, string> = { ...init.headers, Origin: 'chrome-extension://abc' };
    if (options.dropHeader) delete headers[options.dropHeader];
    const body = typeof init.body === 'string' ? init.body : init.body ? new Uint8Array(init.body) : null;
    const answer = zotero.handle(init.method, url, headers, body);
    if (answer.status === null) throw new TypeError('Failed to fetch');
    return { status: answer.status, headers: new Headers(answer.headers), text: async () => answer.body };
  };
}

function paper(index: number, extra: Partial<Paper> = {}): Paper {
  return { paperId: `p${index}`, title: `Paper ${index}`, authors: ['Ada Lovelace'], arxivId: `2101.${String(10000 + index).slice(1)}`, year: 2021, ...extra };
}

function setup(options: Parameters<typeof fetchFor>[1] = {}, pdf: ArrayBuffer | null = new Uint8Array([37, 80, 68, 70]).buffer) {
  const zotero = createFakeZotero();
  let counter = 0;
  const pdfRequests: string[] = [];
  const client = createZoteroClient({ fetch: fetchFor(zotero, options), extensionVersion: '0.1.0' });
  const service = createZoteroService({
    client,
    randomId: () => `id${++counter}`,
    fetchPdf: async (url) => {
      pdfRequests.push(url);
      return pdf;
    },
  });
  const send = (papers: ResolvedPaper[]) => service.send(papers);
  return { zotero, send, pdfRequests };
}

describe('Send to Zotero through the connector server', () => {
  it('pings, saves one item in a fresh session, names the collection and uploads the arXiv PDF, with the connector headers on every request', async () => {
    const { zotero, send, pdfRequests } = setup();
    const result = await send([{ paper: paper(1), extras: { tags: ['to read'], notes: 'mine' } }]);
    expect(result).toEqual({ sent: 1, collection: 'Reading list', pdfsAttached: 1, message: 'Saved to Zotero in “Reading list”. PDF attached.' });
    expect(zotero.received.map((request) => request.path)).toEqual(['/connector/ping', '/connector/saveItems', '/connector/getSelectedCollection', '/connector/saveAttachment']);
    for (const request of zotero.received) {
      expect(request.headers['x-zotero-connector-api-version']).toBe('3');
      expect(request.headers['x-zotero-version']).toBe('0.1.0');
    }
    const save = zotero.received[1]!.body as { sessionID: string; uri: string; items: { id: string; attachments: unknown[]; tags: unknown; notes: unknown }[] };
    expect(save.uri).toBe('https://arxiv.org/abs/2101.0001');
    // Zotero 7 ignores attachment URLs in saveItems; the PDF goes up separately, tied to the item's connector id.
    expect(save.items[0]!.attachments).toEqual([]);
    expect(save.items[0]!.tags).toEqual([{ tag: 'to read' }]);
    expect(save.items[0]!.notes).toEqual([{ note: '<p>mine</p>' }]);
    const upload = zotero.received[3]!;
    expect(upload.query).toBe(`?sessionID=${save.sessionID}`);
    expect(upload.headers['content-type']).toBe('application/pdf');
    expect(JSON.parse(upload.headers['x-metadata']!)).toMatchObject({ url: 'https://arxiv.org/pdf/2101.0001', parentItemID: save.items[0]!.id, contentType: 'application/pdf' });
    expect(upload.body).toBe(4);
    expect(pdfRequests).toEqual(['https://arxiv.org/pdf/2101.0001']);
  });

  it('sends a bulk selection in as few saveItems requests as the batch size allows, each with its own session id', async () => {
    const { zotero, send, pdfRequests } = setup();
    const count = MAX_ITEMS_PER_SAVE * 2 + 5;
    const result = await send(Array.from({ length: count }, (_, index) => ({ paper: paper(index) })));
    const saves = zotero.received.filter((request) => request.path === '/connector/saveItems');
    expect(saves.map((request) => (request.body as { items: unknown[] }).items.length)).toEqual([MAX_ITEMS_PER_SAVE, MAX_ITEMS_PER_SAVE, 5]);
    expect(new Set(saves.map((request) => (request.body as { sessionID: string }).sessionID)).size).toBe(3);
    expect(zotero.savedItems).toHaveLength(count);
    // No PDF storm on arXiv for a bulk send; the message says what to do instead.
    expect(pdfRequests).toEqual([]);
    expect(result.message).toBe(`Saved ${count} papers to Zotero in “Reading list”. PDFs are fetched for up to ${MAX_PDFS_PER_SEND} papers at a time; use Zotero's "Find Available PDF" for these.`);
  });

  it('says how many papers reached Zotero when it refuses a later batch of a bulk send', async () => {
    const { zotero, send } = setup();
    let saves = 0;
    const handle = zotero.handle;
    zotero.handle = (method, url, headers, body) => {
      if (url.endsWith('/saveItems') && ++saves === 2) zotero.set({ libraryEditable: false });
      return handle(method, url, headers, body);
    };
    await expect(send(Array.from({ length: MAX_ITEMS_PER_SAVE + 1 }, (_, index) => ({ paper: paper(index) })))).rejects.toThrow(
      `Saved ${MAX_ITEMS_PER_SAVE} papers of ${MAX_ITEMS_PER_SAVE + 1} to Zotero, then: Zotero refused the save: the library selected in Zotero is read-only.`,
    );
  });

  it('says Zotero is not running when nothing answers on the port', async () => {
    const { send } = setup({ running: false });
    await expect(send([{ paper: paper(1) }])).rejects.toThrow(NOT_RUNNING_MESSAGE);
  });

  it('without the connector API header Zotero does not answer at all, which looks like not running (why the header is always sent)', async () => {
    const { send, zotero } = setup({ dropHeader: 'X-Zotero-Connector-API-Version' });
    await expect(send([{ paper: paper(1) }])).rejects.toThrow(NOT_RUNNING_MESSAGE);
    expect(zotero.received).toHaveLength(1);
  });

  it('names a Zotero too old for connector API 3, and sends no item to it', async () => {
    const { send, zotero } = setup();
    zotero.set({ apiVersion: 2, zoteroVersion: '5.0.96' });
    await expect(send([{ paper: paper(1) }])).rejects.toThrow('Zotero 5.0.96 is too old: it speaks connector API 2 and this extension needs 3 — update Zotero and try again.');
    expect(zotero.received.map((request) => request.path)).toEqual(['/connector/ping']);
  });

  it("reports Zotero's outdated-connector answer, a refused save and a server that is not Zotero in words", async () => {
    const outdated = setup();
    outdated.zotero.set({ apiVersion: 4 });
    await expect(outdated.send([{ paper: paper(1) }])).rejects.toThrow('Zotero 7.0.11 expects a newer connector API than version 3, which this extension speaks — update the extension.');

    const readOnly = setup();
    readOnly.zotero.set({ libraryEditable: false });
    await expect(readOnly.send([{ paper: paper(1) }])).rejects.toThrow(/refused the save: the library selected in Zotero is read-only/);

    const other = setup({ plainServer: true });
    await expect(other.send([{ paper: paper(1) }])).rejects.toThrow('Something other than Zotero answers on port 23119');
  });

  it('still saves the item when arXiv sends no PDF, and says so', async () => {
    const { send } = setup({}, null);
    expect((await send([{ paper: paper(1) }])).message).toBe('Saved to Zotero in “Reading list”. No PDF: arXiv did not send it.');
  });

  it('lets Zotero 6 fetch the PDF itself, and respects read-only files and the "attach PDFs" preference', async () => {
    const six = setup();
    six.zotero.set({ supportsAttachmentUpload: false, zoteroVersion: '6.0.30' });
    expect((await six.send([{ paper: paper(1) }])).message).toBe('Saved to Zotero in “Reading list”. Zotero fetches the arXiv PDF itself.');
    const saved = six.zotero.received[1]!.body as { items: { attachments: unknown[] }[] };
    expect(saved.items[0]!.attachments).toEqual([{ title: 'arXiv Fulltext PDF', url: 'https://arxiv.org/pdf/2101.0001', mimeType: 'application/pdf' }]);
    expect(six.pdfRequests).toEqual([]);

    const noFiles = setup();
    noFiles.zotero.set({ collection: { ...ZOTERO_7.collection, name: null, filesEditable: false } });
    expect((await noFiles.send([{ paper: paper(1) }])).message).toBe('Saved to Zotero in “My Library”. No PDF: files in that library are read-only.');

    const noPdfs = setup();
    noPdfs.zotero.set({ downloadAssociatedFiles: false });
    expect((await noPdfs.send([{ paper: paper(1) }])).message).toBe('Saved to Zotero in “Reading list”. No PDF: Zotero is set not to attach PDFs automatically.');
    expect(noPdfs.pdfRequests).toEqual([]);
  });

  it('encodes non-ASCII attachment titles for the X-Metadata header as Zotero decodes them', () => {
    expect(rfc2047('Full Text PDF')).toBe('Full Text PDF');
    expect(rfc2047('Gödel PDF')).toBe('=?UTF-8?Q?G=C3=B6del_PDF?=');
  });
});
