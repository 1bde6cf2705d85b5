// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { LibraryEntry } from '../../lib/db/database';
import { RequestError } from '../../lib/messaging/client';
import type { Request, RequestType } from '../../lib/messaging/protocol';
import type { RequestFn } from '../../components/library/api';
import { PopupApp } from '../../components/popup/PopupApp';
import type { PopupApi } from '../../components/popup/popupApi';

afterEach(cleanup);

function saved(id: string, title: string, extra: Partial<LibraryEntry['paper']> = {}, savedAt = 0): LibraryEntry {
  return {
    id,
    paper: { paperId: id.replace(/^\w+:/, ''), title, authors: ['A. Author'], ...extra },
    savedAt,
    updatedAt: savedAt,
    tags: [],
    notes: '',
    read: false,
  };
}

const GOPHER = saved('arxiv:2112.11446', 'Scaling Language Models', { arxivId: '2112.11446', year: 2021 }, 3);
const NO_ARXIV = saved(
  's2:649def34f8be52c8b66281af98ae884c09aef38b',
  'Constructing Literature Graphs',
  { paperId: '649def34f8be52c8b66281af98ae884c09aef38b', authors: ['W. Ammar', 'D. Groeneveld', 'C. Bhagavatula', 'I. Beltagy'] },
  2,
);
// Neither the id (not an OpenAlex work id) nor the url (not https) gives a page to open.
const NO_LINK = saved('doi:10.1/x', 'A paper with no usable link', { paperId: 'openalex:javascript:alert(1)', url: 'javascript:alert(1)' }, 1);

function fakePopupApi(tabUrl: string | null, library: LibraryEntry[] = [GOPHER, NO_ARXIV, NO_LINK]) {
  const calls: Request[] = [];
  const failures = new Map<RequestType, RequestError>();
  let notify = () => {};
  const request = (async (message: Request) => {
    calls.push(message);
    const failure = failures.get(message.type);
    if (failure) throw failure;
    if (message.type === 'library/recent') return library.slice(0, message.limit);
    if (message.type === 'library/list') {
      const query = (message.query ?? '').toLowerCase();
      return library.filter((item) => item.paper.title.toLowerCase().includes(query));
    }
    if (message.type === 'zotero/send') return { sent: 1, collection: 'Inbox', pdfsAttached: 1, message: 'Saved to Zotero in “Inbox”. PDF attached.' };
    throw new RequestError('internal', `not handled: ${message.type}`);
  }) as RequestFn;

  const api = {
    request,
    onLibraryChanged: (listener: () => void) => {
      notify = listener;
      return () => undefined;
    },
    activeTab: vi.fn(async () => (tabUrl === null ? null : { id: 42, url: tabUrl })),
    openTab: vi.fn(async (_url: string) => undefined),
    openOptionsPage: vi.fn(async () => undefined),
    prepareSidePanel: vi.fn(async (_tabId: number, _id: string) => undefined),
    openSidePanel: vi.fn(async (_tabId: number, _id: string) => undefined),
    closePopup: vi.fn(),
  } satisfies PopupApi;
  return {
    api,
    calls,
    failWith: (type: RequestType, error: RequestError) => failures.set(type, error),
    notifyChange: () => notify(),
    library,
  };
}

async function renderPopup(tabUrl: string | null, library?: LibraryEntry[]) {
  const fake = fakePopupApi(tabUrl, library);
  render(<PopupApp api={fake.api} />);
  await waitFor(() => expect(fake.api.activeTab).toHaveBeenCalled());
  await waitFor(() => expect(document.querySelectorAll('li[data-library-id]').length).toBeGreaterThan(0));
  return fake;
}

const paperLinks = () => [...document.querySelectorAll<HTMLAnchorElement>('li[data-library-id] a')];

describe('toolbar popup', () => {
  it('on an arXiv PDF tab, the first button opens the citation hub in the side panel', async () => {
    const { api } = await renderPopup('https://arxiv.org/pdf/2112.11446v2');
    const hubButton = await screen.findByRole('button', { name: 'Open citation hub for 2112.11446' });
    expect(screen.getAllByRole('button')[0]).toBe(hubButton);
    // It is the first thing a keyboard user reaches, before the search box.
    const focusable = document.querySelectorAll('button, input, a[href]');
    expect(focusable[0]).toBe(hubButton);
    expect(hubButton.dataset.action).toBe('open-side-panel');
    // The panel was pointed at this paper as soon as the popup knew the tab.
    expect(api.prepareSidePanel).toHaveBeenCalledWith(42, '2112.11446');

    fireEvent.click(hubButton);
    // Called inside the click itself (no await before it), as the user-gesture rule requires.
    expect(api.openSidePanel).toHaveBeenCalledWith(42, '2112.11446');
    await waitFor(() => expect(api.closePopup).toHaveBeenCalled());
  });

  it('old-style ids in a .pdf URL are recognised too', async () => {
    await renderPopup('https://arxiv.org/pdf/hep-th/9901001v1.pdf');
    expect(await screen.findByRole('button', { name: 'Open citation hub for hep-th/9901001' })).toBeTruthy();
  });

  it('a side panel that fails to open says why', async () => {
    const { api } = await renderPopup('https://arxiv.org/pdf/2112.11446');
    api.openSidePanel.mockRejectedValueOnce(new Error('This browser does not let extensions open a side panel.'));
    fireEvent.click(await screen.findByRole('button', { name: /^Open citation hub/ }));
    await waitFor(() =>
      expect(screen.getByText('The side panel did not open: This browser does not let extensions open a side panel.')).toBeTruthy(),
    );
    expect(api.closePopup).not.toHaveBeenCalled();
  });

  it('on a listing tab there is no side-panel button', async () => {
    await renderPopup('https://arxiv.org/list/cs.CL/recent');
    expect(document.querySelector('[data-action="open-side-panel"]')).toBeNull();
    expect(screen.queryByText(/arXiv:/)).toBeNull();
  });

  it('on a non-arXiv tab (or none readable) there is no side-panel button', async () => {
    await renderPopup('https://example.org/pdf/2112.11446');
    expect(document.querySelector('[data-action="open-side-panel"]')).toBeNull();
    cleanup();
    await renderPopup(null);
    expect(document.querySelector('[data-action="open-side-panel"]')).toBeNull();
  });

  it('on an abstract page it names the paper and points to the on-page panel and its shortcut', async () => {
    await renderPopup('https://arxiv.org/abs/2112.11446v3');
    expect(document.querySelector('[data-action="open-side-panel"]')).toBeNull();
    expect(screen.getByText('arXiv:2112.11446')).toBeTruthy();
    expect(screen.getByText(/The citation hub panel is on this page\./).textContent).toContain('Alt+Shift+H');
  });

  it('lists the 10 most recent saves; each opens its arXiv page, else its Semantic Scholar page', async () => {
    const { api, calls } = await renderPopup(null);
    expect(calls[0]).toEqual({ type: 'library/recent', limit: 10 });
    expect(screen.getByRole('heading', { name: 'Recent saves' })).toBeTruthy();
    expect(paperLinks().map((link) => link.getAttribute('href'))).toEqual([
      'https://arxiv.org/abs/2112.11446',
      'https://www.semanticscholar.org/paper/649def34f8be52c8b66281af98ae884c09aef38b',
    ]);
    // No https link at all: shown, but not as a link.
    expect(screen.getByText('A paper with no usable link').closest('a')).toBeNull();
    expect(screen.getByText('W. Ammar et al.')).toBeTruthy();

    fireEvent.click(paperLinks()[0]!);
    await waitFor(() => expect(api.openTab).toHaveBeenCalledWith('https://arxiv.org/abs/2112.11446'));
    fireEvent.click(paperLinks()[1]!);
    await waitFor(() => expect(api.openTab).toHaveBeenCalledWith('https://www.semanticscholar.org/paper/649def34f8be52c8b66281af98ae884c09aef38b'));
  });

  it('quick search asks library/list with the query and shows the matches', async () => {
    const { calls } = await renderPopup(null);
    fireEvent.input(screen.getByRole('searchbox', { name: 'Search saved papers' }), { target: { value: '  graphs ' } });
    await waitFor(() => expect(paperLinks().map((link) => link.textContent)).toEqual(['Constructing Literature GraphsW. Ammar et al.']));
    expect(calls.at(-1)).toEqual({ type: 'library/list', query: 'graphs', sort: 'savedAt' });
    expect(screen.getByText('1 match')).toBeTruthy();
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('Saved papers matching your search');
  });

  it('"Open library" opens the options page', async () => {
    const { api } = await renderPopup(null);
    fireEvent.click(screen.getByRole('button', { name: 'Open library' }));
    await waitFor(() => expect(api.openOptionsPage).toHaveBeenCalledOnce());
  });

  it('a failing request shows the background message', async () => {
    const fake = fakePopupApi(null);
    fake.failWith('library/recent', new RequestError('no-reply', "The extension's background did not answer."));
    render(<PopupApp api={fake.api} />);
    await waitFor(() =>
      expect(screen.getByText("Saved papers could not be loaded: The extension's background did not answer.")).toBeTruthy(),
    );
  });

  it('refreshes the recent list when the library changes', async () => {
    const library = [NO_ARXIV];
    const fake = await renderPopup(null, library);
    library.unshift(GOPHER);
    act(() => fake.notifyChange());
    await waitFor(() => expect(paperLinks()).toHaveLength(2));
  });

  it('sends a saved paper to Zotero by its library id and reads the outcome out', async () => {
    const { calls } = await renderPopup(null);
    fireEvent.click(screen.getByRole('button', { name: 'Send Scaling Language Models to Zotero' }));
    await waitFor(() => expect(screen.getByText('Saved to Zotero in “Inbox”. PDF attached.').getAttribute('aria-live')).toBe('polite'));
    expect(calls.filter((call) => call.type === 'zotero/send')).toEqual([{ type: 'zotero/send', ids: ['arxiv:2112.11446'] }]);
  });
});
