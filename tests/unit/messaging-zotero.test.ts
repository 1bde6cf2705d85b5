import { describe, expect, it, vi } from 'vitest';
import { openDatabase } from '../../lib/db/database';
import { createRequestHandlers, type HandlerDeps } from '../../lib/background/requestHandlers';
import { createRequestRouter } from '../../lib/messaging/router';
import { createZoteroSender, PAGE_SENDS_PER_MINUTE } from '../../lib/background/zotero';
import { ZoteroError } from '../../lib/sources/zotero/client';
import type { ResolvedPaper } from '../../lib/sources/zotero/service';
import { emptyHubData } from '../../lib/hub/hubData';
import type { HubData } from '../../lib/domain/hub';
import * as library from '../../lib/library/store';

const ORIGIN = 'chrome-extension://abcdefghijklmnop/';
const EXTENSION_ID = 'abcdefghijklmnop';
const ARXIV_PAGE = { url: 'https://arxiv.org/abs/2112.11446', id: EXTENSION_ID };
const OPTIONS_PAGE = { url: `${ORIGIN}options.html`, id: EXTENSION_ID };

const target = { paperId: 'aa', title: 'Gopher', authors: ['Jack Rae'], arxivId: '2112.11446' };
const citing = { paperId: 'bb'.repeat(20), title: 'A citing paper', authors: ['B. Author'] };
const similar = { paperId: 'cc'.repeat(20), title: 'A similar paper', authors: ['C. Author'], doi: '10.1/x' };

let counter = 0;
function setup(fail?: ZoteroError, now: () => number = () => 0) {
  const db = openDatabase(`messaging-zotero-${++counter}`);
  const sent: ResolvedPaper[][] = [];
  const hub: HubData = {
    ...emptyHubData('2112.11446', 0),
    paper: target,
    citations: [{ citing, contexts: [], intents: [], isInfluential: false } as never],
    recommendations: [similar],
  };
  const hubData = vi.fn(async (arxivId: string) => (arxivId === '2112.11446' ? hub : null));
  const send = createZoteroSender({
    db,
    hubData,
    service: {
      send: async (papers) => {
        if (fail) throw fail;
        sent.push([...papers]);
        return { sent: papers.length, collection: 'Inbox', pdfsAttached: 0, message: 'Saved to Zotero in “Inbox”.' };
      },
    },
  });
  const handlers = createRequestHandlers({ db, now, sendToZotero: send, onLibraryChanged: () => {} } as unknown as HandlerDeps);
  return { db, sent, hubData, route: createRequestRouter(handlers, ORIGIN, EXTENSION_ID) };
}

describe('zotero/send', () => {
  it('lets the panel send one paper of its hub by id; the background supplies the metadata', async () => {
    const { route, sent } = setup();
    const reply = await route({ type: 'zotero/send', ids: [`s2:${citing.paperId}`], arxivId: '2112.11446' }, ARXIV_PAGE);
    expect(reply).toEqual({ ok: true, result: { sent: 1, collection: 'Inbox', pdfsAttached: 0, message: 'Saved to Zotero in “Inbox”.' } });
    expect(sent).toEqual([[{ paper: citing }]]);
    await route({ type: 'zotero/send', ids: [`s2:${similar.paperId}`], arxivId: '2112.11446' }, ARXIV_PAGE);
    expect(sent[1]).toEqual([{ paper: similar }]);
  });

  it('sends the library copy, with its tags and note, when the paper is saved', async () => {
    const { route, sent, db, hubData } = setup();
    await library.save(db, target, 1);
    await library.update(db, 'arxiv:2112.11446', { tags: ['llm'], notes: 'my note' }, 2);
    await route({ type: 'zotero/send', ids: ['arxiv:2112.11446'], arxivId: '2112.11446' }, ARXIV_PAGE);
    expect(sent[0]).toEqual([{ paper: target, extras: { tags: ['llm'], notes: 'my note' } }]);
    expect(hubData).not.toHaveBeenCalled();
  });

  it('refuses more than one id from a page, and anything but ids (a page cannot hand over metadata)', async () => {
    const { route, sent } = setup();
    const many = await route({ type: 'zotero/send', ids: ['arxiv:2112.11446', `s2:${citing.paperId}`], arxivId: '2112.11446' }, ARXIV_PAGE);
    expect(many).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const smuggled = await route({ type: 'zotero/send', ids: ['arxiv:2112.11446'], arxivId: '2112.11446', paper: target }, ARXIV_PAGE);
    // Extra keys are stripped by the schema: only the id is used, never the page's copy.
    expect(smuggled).toMatchObject({ ok: true });
    expect(sent).toEqual([[{ paper: target }]]);
    const badContext = await route({ type: 'zotero/send', ids: ['arxiv:2112.11446'], arxivId: '../settings' }, ARXIV_PAGE);
    expect(badContext).toMatchObject({ ok: false, error: { code: 'invalid-message' } });
  });

  it('lets the library send a selection, and sends nothing when one of them is unknown', async () => {
    const { route, sent, db } = setup();
    await library.save(db, target, 1);
    await library.save(db, similar, 1);
    const ok = await route({ type: 'zotero/send', ids: ['arxiv:2112.11446', `s2:${similar.paperId}`] }, OPTIONS_PAGE);
    expect(ok).toMatchObject({ ok: true });
    expect(sent[0]!.map((item) => item.paper.title)).toEqual(['Gopher', 'A similar paper']);
    const missing = await route({ type: 'zotero/send', ids: ['arxiv:2112.11446', 'arxiv:9999.99999'] }, OPTIONS_PAGE);
    expect(missing).toEqual({ ok: false, error: { code: 'not-found', message: '1 of the 2 papers is no longer in the library; nothing was sent to Zotero.' } });
    expect(sent).toHaveLength(1);
  });

  it("passes Zotero's failures to the user in words", async () => {
    const { route } = setup(new ZoteroError('not-running', 'Zotero is not running — start it and try again.'));
    const reply = await route({ type: 'zotero/send', ids: [`s2:${citing.paperId}`], arxivId: '2112.11446' }, ARXIV_PAGE);
    expect(reply).toEqual({ ok: false, error: { code: 'zotero-unavailable', message: 'Zotero is not running — start it and try again.' } });
  });

  it('bounds what a page can make the extension send to Zotero; the extension pages are not bounded', async () => {
    let time = 0;
    const { route, sent } = setup(undefined, () => time);
    const fromPage = () => route({ type: 'zotero/send', ids: [`s2:${citing.paperId}`], arxivId: '2112.11446' }, ARXIV_PAGE);
    for (let index = 0; index < PAGE_SENDS_PER_MINUTE; index++) expect(await fromPage()).toMatchObject({ ok: true });
    expect(await fromPage()).toMatchObject({ ok: false, error: { code: 'zotero-unavailable', message: `At most ${PAGE_SENDS_PER_MINUTE} papers a minute go to Zotero from the panel; wait a moment and try again.` } });
    expect(await route({ type: 'zotero/send', ids: [`s2:${citing.paperId}`], arxivId: '2112.11446' }, OPTIONS_PAGE)).toMatchObject({ ok: true });
    time = 60_001;
    expect(await fromPage()).toMatchObject({ ok: true });
    expect(sent).toHaveLength(PAGE_SENDS_PER_MINUTE + 2);
  });
});
