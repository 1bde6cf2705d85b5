// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { LibraryEntry } from '../../lib/db/database';
import type { Paper } from '../../lib/domain/paper';
import { RequestError } from '../../lib/messaging/client';
import type { Request, RequestType, ResponseMap } from '../../lib/messaging/protocol';
import { DEFAULT_SETTINGS, type Settings } from '../../lib/settings/schema';
import type { OptionsApi, RequestFn } from '../../components/library/api';
import { OptionsApp } from '../../components/library/OptionsApp';

afterEach(() => {
  cleanup();
  location.hash = '';
});

const DAY = 24 * 60 * 60 * 1000;
const NOW = Date.UTC(2024, 4, 1, 12); // 2024-05-01

function paper(overrides: Partial<Paper> & Pick<Paper, 'paperId' | 'title'>): Paper {
  return { authors: [], ...overrides };
}

function entry(id: string, overrides: Partial<LibraryEntry> & { paper: Paper }): LibraryEntry {
  return { id, savedAt: NOW - DAY, updatedAt: NOW - DAY, tags: [], notes: '', read: false, ...overrides };
}

const GOPHER = entry('arxiv:2112.11446', {
  paper: paper({
    paperId: '68f141724814839d556a989646194be88641b143',
    title: 'Scaling Language Models: Methods, Analysis & Insights from Training Gopher',
    arxivId: '2112.11446',
    doi: '10.48550/arXiv.2112.11446',
    authors: ['Jack W. Rae', 'Sebastian Borgeaud'],
    year: 2021,
    venue: 'arXiv.org',
    tldr: 'A 280B-parameter model and an analysis of scale.',
  }),
  savedAt: NOW - 3 * DAY,
  tags: ['scaling'],
  notes: 'Read section 5 first.',
});

const ATTENTION = entry('arxiv:1706.03762', {
  paper: paper({
    paperId: '204e3073870fae3d05bcbc2f6a8e263d9b72e776',
    title: 'Attention Is All You Need',
    arxivId: '1706.03762',
    authors: ['Ashish Vaswani', 'Noam Shazeer'],
    year: 2017,
    venue: 'NeurIPS',
  }),
  savedAt: NOW - 1 * DAY,
  tags: ['transformers', 'classics'],
  read: true,
});

const HOSTILE = entry('s2:0123456789abcdef0123456789abcdef01234567', {
  paper: paper({
    paperId: '0123456789abcdef0123456789abcdef01234567',
    title: '<img src=x onerror="alert(1)"> Zebra finches',
    authors: ['<script>alert(2)</script>'],
    year: 2019,
    url: 'javascript:alert(3)',
    doi: 'javascript:alert(4)',
  }),
  savedAt: NOW - 2 * DAY,
  notes: '<b>bold?</b>',
});

type Call = Request;

/**
 * A small in-memory background: enough behaviour (filter, sort, remove, restore) for the UI to be
 * exercised end to end, plus a record of every request so tests can check what the UI asked for.
 */
function fakeBackground(initial: LibraryEntry[], settings: Partial<Settings> = {}) {
  let entries = initial.map((item) => structuredClone(item));
  let currentSettings: Settings = { ...DEFAULT_SETTINGS, ...settings };
  const calls: Call[] = [];
  const failures = new Map<RequestType, RequestError>();
  const changeListeners = new Set<() => void>();

  const list = (message: Extract<Request, { type: 'library/list' }>): LibraryEntry[] => {
    const words = (message.query ?? '').toLowerCase().split(/\s+/).filter(Boolean);
    const matching = entries.filter((item) => {
      if (message.read !== undefined && item.read !== message.read) return false;
      if (message.tag !== undefined && !item.tags.includes(message.tag)) return false;
      const haystack = [item.paper.title, ...item.paper.authors, item.notes, ...item.tags].join(' ').toLowerCase();
      return words.every((word) => haystack.includes(word));
    });
    const sort = message.sort ?? 'savedAt';
    return matching.sort((a, b) =>
      sort === 'savedAt'
        ? b.savedAt - a.savedAt
        : sort === 'year'
          ? (b.paper.year ?? 0) - (a.paper.year ?? 0)
          : a.paper.title.localeCompare(b.paper.title),
    );
  };

  const handle = (message: Request): unknown => {
    switch (message.type) {
      case 'library/list':
        return list(message);
      case 'library/allTags':
        return [...new Set(entries.flatMap((item) => item.tags))].sort();
      case 'library/update': {
        const target = entries.find((item) => item.id === message.id);
        if (!target) throw new RequestError('not-found', `No saved paper ${message.id}.`);
        const { type: _type, id: _id, ...patch } = message;
        Object.assign(target, patch, { updatedAt: NOW });
        return structuredClone(target);
      }
      case 'library/remove': {
        const removed = entries.filter((item) => message.ids.includes(item.id));
        entries = entries.filter((item) => !message.ids.includes(item.id));
        return removed;
      }
      case 'library/restore':
        entries.push(...message.entries.map((item) => structuredClone(item)));
        return { restored: message.entries.length };
      case 'library/import':
        return { added: 2, updated: 1, unchanged: 0 };
      case 'zotero/send':
        return { sent: message.ids.length, collection: 'Inbox', pdfsAttached: 0, message: `Saved ${message.ids.length} to Zotero in “Inbox”.` };
      case 'library/export':
        return {
          filename: `arxiv-citation-hub-library-2024-05-01.${message.format === 'bibtex' ? 'bib' : 'json'}`,
          mimeType: 'text/plain',
          content: `exported ${message.ids?.join(',') ?? 'all'}`,
        };
      case 'settings/get':
        return currentSettings;
      case 'settings/set':
        currentSettings = { ...currentSettings, ...message.patch };
        return currentSettings;
      case 'cache/stats':
        return { hubs: 0, bytes: 0, libraryEntries: entries.length, quota: null, usage: null };
      default:
        throw new RequestError('internal', `fake background does not handle ${message.type}`);
    }
  };

  const request = (async (message: Request) => {
    calls.push(structuredClone(message));
    const failure = failures.get(message.type);
    if (failure) throw failure;
    return handle(message);
  }) as RequestFn;

  const api: OptionsApi = {
    request,
    onLibraryChanged: (listener) => {
      changeListeners.add(listener);
      return () => changeListeners.delete(listener);
    },
    persistStorage: vi.fn(async () => true),
  };

  return {
    api,
    calls,
    callsOf: <T extends RequestType>(type: T) => calls.filter((call): call is Extract<Request, { type: T }> => call.type === type),
    failWith: (type: RequestType, error: RequestError) => failures.set(type, error),
    stopFailing: (type: RequestType) => failures.delete(type),
    broadcastChange: () => changeListeners.forEach((listener) => listener()),
    addEntry: (item: LibraryEntry) => entries.push(item),
    stored: () => entries,
    settings: () => currentSettings,
  };
}

function rows(): HTMLElement[] {
  return [...document.querySelectorAll<HTMLElement>('li[data-library-id]')];
}

function rowTitles(): string[] {
  return rows().map((row) => row.querySelector('h3')!.textContent!);
}

function row(libraryId: string): HTMLElement {
  const found = document.querySelector<HTMLElement>(`li[data-library-id="${libraryId}"]`);
  if (!found) throw new Error(`no row ${libraryId}`);
  return found;
}

async function renderLibrary(initial: LibraryEntry[] = [GOPHER, ATTENTION, HOSTILE], settings: Partial<Settings> = {}) {
  const background = fakeBackground(initial, settings);
  render(<OptionsApp api={background.api} />);
  await waitFor(() => expect(rows()).toHaveLength(initial.length));
  return background;
}

describe('options page: library', () => {
  it('opens on the library, newest save first, with every field of a row', async () => {
    const background = await renderLibrary();
    expect(screen.getByRole('main')).toBeTruthy();
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Library');
    expect(background.callsOf('library/list')[0]).toEqual({ type: 'library/list', sort: 'savedAt' });
    // savedAt: Attention 1 day ago, hostile 2 days, Gopher 3 days.
    expect(rows().map((item) => item.dataset.libraryId)).toEqual(['arxiv:1706.03762', HOSTILE.id, 'arxiv:2112.11446']);

    const gopher = row('arxiv:2112.11446');
    expect(gopher.dataset.paperId).toBe('68f141724814839d556a989646194be88641b143');
    const text = gopher.textContent!;
    expect(text).toContain('Jack W. Rae and Sebastian Borgeaud');
    expect(text).toContain('2021 · arXiv.org');
    expect(text).toContain('Saved Apr 28, 2024');
    expect(text).toContain('A 280B-parameter model and an analysis of scale.');
    const links = [...gopher.querySelectorAll('a')].map((link) => [link.textContent, link.getAttribute('href')]);
    expect(links).toEqual([
      ['arXiv', 'https://arxiv.org/abs/2112.11446'],
      ['Semantic Scholar', 'https://www.semanticscholar.org/paper/68f141724814839d556a989646194be88641b143'],
      ['DOI', 'https://doi.org/10.48550/arXiv.2112.11446'],
    ]);
    expect((within(gopher).getByLabelText(/^Notes/) as HTMLTextAreaElement).value).toBe('Read section 5 first.');
    expect(within(gopher).getByRole('button', { name: /^Read:/ }).getAttribute('aria-pressed')).toBe('false');
    expect(within(row('arxiv:1706.03762')).getByRole('button', { name: /^Read:/ }).getAttribute('aria-pressed')).toBe('true');
    expect(screen.getByText('3 papers')).toBeTruthy();
  });

  it('renders hostile titles, authors and notes as text and drops non-https links', async () => {
    await renderLibrary();
    const hostile = row(HOSTILE.id);
    expect(hostile.querySelector('img, script, b')).toBeNull();
    expect(hostile.querySelector('h3')!.textContent).toBe('<img src=x onerror="alert(1)"> Zebra finches');
    expect(hostile.textContent).toContain('<script>alert(2)</script>');
    expect((within(hostile).getByLabelText(/^Notes/) as HTMLTextAreaElement).value).toBe('<b>bold?</b>');
    // The S2 link is built from the 40-hex paperId; the javascript: url and DOI are dropped.
    const hrefs = [...document.querySelectorAll('a[href]')].map((link) => link.getAttribute('href')!);
    expect(hrefs.every((href) => href.startsWith('https://') || href.startsWith('#'))).toBe(true);
    expect([...hostile.querySelectorAll('a')].map((link) => link.textContent)).toEqual(['Semantic Scholar']);
  });

  it('search, sort, tag and read filters ask the background with those parameters and show its answer', async () => {
    const background = await renderLibrary();

    fireEvent.input(screen.getByRole('searchbox', { name: 'Search' }), { target: { value: 'vaswani' } });
    await waitFor(() => expect(rowTitles()).toEqual(['Attention Is All You Need']));
    expect(background.callsOf('library/list').at(-1)).toEqual({ type: 'library/list', sort: 'savedAt', query: 'vaswani' });
    expect(screen.getByText('1 paper match')).toBeTruthy();

    fireEvent.input(screen.getByRole('searchbox', { name: 'Search' }), { target: { value: '' } });
    await waitFor(() => expect(rows()).toHaveLength(3));

    fireEvent.change(screen.getByLabelText('Sort by'), { target: { value: 'year' } });
    await waitFor(() => expect(rows().map((item) => item.dataset.libraryId)).toEqual(['arxiv:2112.11446', HOSTILE.id, 'arxiv:1706.03762']));
    expect(background.callsOf('library/list').at(-1)).toEqual({ type: 'library/list', sort: 'year' });

    fireEvent.change(screen.getByLabelText('Sort by'), { target: { value: 'title' } });
    await waitFor(() => expect(rowTitles()[0]).toBe('<img src=x onerror="alert(1)"> Zebra finches'));
    expect(rowTitles()).toEqual(['<img src=x onerror="alert(1)"> Zebra finches', 'Attention Is All You Need', GOPHER.paper.title]);

    const tagSelect = screen.getByLabelText('Tag') as HTMLSelectElement;
    expect([...tagSelect.options].map((option) => option.value)).toEqual(['', 'classics', 'scaling', 'transformers']);
    fireEvent.change(tagSelect, { target: { value: 'scaling' } });
    await waitFor(() => expect(rowTitles()).toEqual([GOPHER.paper.title]));
    expect(background.callsOf('library/list').at(-1)).toEqual({ type: 'library/list', sort: 'title', tag: 'scaling' });

    fireEvent.change(tagSelect, { target: { value: '' } });
    fireEvent.change(screen.getByLabelText('Show'), { target: { value: 'read' } });
    await waitFor(() => expect(rowTitles()).toEqual(['Attention Is All You Need']));
    expect(background.callsOf('library/list').at(-1)).toEqual({ type: 'library/list', sort: 'title', read: true });
  });

  it('delete shows "Deleted 1 paper — Undo" with focus on Undo; Undo restores the exact entry', async () => {
    const background = await renderLibrary();
    fireEvent.click(within(row('arxiv:2112.11446')).getByRole('button', { name: /^Delete / }));
    await waitFor(() => expect(rows()).toHaveLength(2));
    expect(background.callsOf('library/remove')).toEqual([{ type: 'library/remove', ids: ['arxiv:2112.11446'] }]);

    const status = screen.getAllByRole('status').find((region) => region.textContent!.includes('Deleted'))!;
    expect(status.textContent).toContain('Deleted 1 paper — Undo');
    const undo = within(status).getByRole('button', { name: 'Undo' });
    await waitFor(() => expect(document.activeElement).toBe(undo));

    fireEvent.click(undo);
    await waitFor(() => expect(rows()).toHaveLength(3));
    expect(background.callsOf('library/restore')).toEqual([{ type: 'library/restore', entries: [GOPHER] }]);
    expect(background.stored().find((item) => item.id === GOPHER.id)).toEqual(GOPHER);
    expect(screen.getByText('Restored 1 paper.')).toBeTruthy();
  });

  it('a failed Undo says why and keeps Undo available, so nothing is lost', async () => {
    const background = await renderLibrary();
    fireEvent.click(within(row(HOSTILE.id)).getByRole('button', { name: /^Delete / }));
    await waitFor(() => expect(rows()).toHaveLength(2));
    background.failWith('library/restore', new RequestError('storage-full', 'The browser refused to store more data.'));
    fireEvent.click(screen.getByRole('button', { name: 'Undo' }));
    await waitFor(() =>
      expect(screen.getByText('Undo failed: The browser refused to store more data.').closest('[role="alert"]')).not.toBeNull(),
    );
    background.stopFailing('library/restore');
    fireEvent.click(screen.getByRole('button', { name: 'Undo' }));
    await waitFor(() => expect(rows()).toHaveLength(3));
  });

  it('bulk: select all shown, mark read, then delete all three and undo them together', async () => {
    const background = await renderLibrary();
    fireEvent.click(screen.getByLabelText(/^Select all shown \(3\)/));
    expect(screen.getByText('3 selected')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Mark read' }));
    await waitFor(() => expect(screen.getByText('Marked 3 papers as read.')).toBeTruthy());
    // Attention was already read: only the two unread papers needed a request.
    expect(background.callsOf('library/update').map((call) => [call.id, call.read])).toEqual([
      [HOSTILE.id, true],
      ['arxiv:2112.11446', true],
    ]);
    expect(rows().every((item) => within(item).getByRole('button', { name: /^Read:/ }).getAttribute('aria-pressed') === 'true')).toBe(true);

    fireEvent.click(screen.getByRole('button', { name: 'Delete selected' }));
    await waitFor(() => expect(rows()).toHaveLength(0));
    expect(screen.getByRole('button', { name: 'Undo' }).closest('[role="status"]')!.textContent).toContain('Deleted 3 papers');
    fireEvent.click(screen.getByRole('button', { name: 'Undo' }));
    await waitFor(() => expect(rows()).toHaveLength(3));
    expect(background.callsOf('library/restore')[0]!.entries.map((item) => item.id).sort()).toEqual(
      [GOPHER.id, ATTENTION.id, HOSTILE.id].sort(),
    );
  });

  it('tags: Enter adds through library/update, the labelled button removes', async () => {
    const background = await renderLibrary();
    const gopher = row('arxiv:2112.11446');
    const input = within(gopher).getByLabelText(/^Add a tag to Scaling Language Models/);
    fireEvent.input(input, { target: { value: '  to read  ' } });
    fireEvent.keyDown(input, { key: 'Enter' });
    await waitFor(() => expect(within(gopher).getByRole('button', { name: 'Remove tag to read' })).toBeTruthy());
    expect(background.callsOf('library/update').at(-1)).toEqual({ type: 'library/update', id: GOPHER.id, tags: ['scaling', 'to read'] });
    expect((input as HTMLInputElement).value).toBe('');

    fireEvent.click(within(gopher).getByRole('button', { name: 'Remove tag scaling' }));
    await waitFor(() => expect(within(gopher).queryByRole('button', { name: 'Remove tag scaling' })).toBeNull());
    expect(background.callsOf('library/update').at(-1)).toEqual({ type: 'library/update', id: GOPHER.id, tags: ['to read'] });
  });

  it('a failed tag save shows the background message and keeps the typed tag', async () => {
    const background = await renderLibrary();
    background.failWith('library/update', new RequestError('storage-full', 'Storage is full.'));
    const gopher = row('arxiv:2112.11446');
    const input = within(gopher).getByLabelText(/^Add a tag to/) as HTMLInputElement;
    fireEvent.input(input, { target: { value: 'later' } });
    fireEvent.keyDown(input, { key: 'Enter' });
    await waitFor(() => expect(within(gopher).getByRole('alert').textContent).toBe('Storage is full.'));
    expect(input.value).toBe('later');
  });

  it('notes save on leaving the box; a failure keeps the text and Retry saves it', async () => {
    const background = await renderLibrary();
    const attention = row('arxiv:1706.03762');
    const notes = within(attention).getByLabelText(/^Notes/) as HTMLTextAreaElement;
    background.failWith('library/update', new RequestError('no-reply', "The extension's background did not answer."));
    fireEvent.input(notes, { target: { value: 'Multi-head attention, §3.2' } });
    fireEvent.blur(notes);
    await waitFor(() => expect(attention.textContent).toContain("Notes not saved: The extension's background did not answer."));
    expect(notes.value).toBe('Multi-head attention, §3.2');

    background.stopFailing('library/update');
    fireEvent.click(within(attention).getByRole('button', { name: 'Retry' }));
    await waitFor(() => expect(attention.textContent).toContain('Notes saved.'));
    expect(background.stored().find((item) => item.id === ATTENTION.id)!.notes).toBe('Multi-head attention, §3.2');
  });

  it('notes also save by themselves shortly after typing stops', async () => {
    const background = await renderLibrary();
    const notes = within(row(HOSTILE.id)).getByLabelText(/^Notes/);
    fireEvent.input(notes, { target: { value: 'birdsong' } });
    expect(background.callsOf('library/update')).toHaveLength(0);
    await waitFor(() => expect(background.callsOf('library/update')).toEqual([{ type: 'library/update', id: HOSTILE.id, notes: 'birdsong' }]));
  });

  it('the read toggle flips aria-pressed through library/update', async () => {
    const background = await renderLibrary();
    const toggle = within(row(HOSTILE.id)).getByRole('button', { name: /^Read:/ });
    fireEvent.click(toggle);
    await waitFor(() => expect(toggle.getAttribute('aria-pressed')).toBe('true'));
    expect(background.callsOf('library/update')).toEqual([{ type: 'library/update', id: HOSTILE.id, read: true }]);
  });

  it('refreshes when another tab changes the library', async () => {
    const background = await renderLibrary([GOPHER]);
    background.addEntry(ATTENTION);
    act(() => background.broadcastChange());
    await waitFor(() => expect(rows()).toHaveLength(2));
  });

  it('a failing list request shows the background message, and Try again recovers', async () => {
    const background = fakeBackground([GOPHER]);
    background.failWith('library/list', new RequestError('internal', 'IndexedDB is unavailable in private windows.'));
    render(<OptionsApp api={background.api} />);
    await waitFor(() => expect(screen.getByText(/IndexedDB is unavailable in private windows\./)).toBeTruthy());
    background.stopFailing('library/list');
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(rows()).toHaveLength(1));
  });

  it('asks for persistent storage on load and shows the answer', async () => {
    const background = await renderLibrary();
    await waitFor(() => expect(background.api.persistStorage).toHaveBeenCalledOnce());
    expect(screen.getByText(/Persistent storage: granted/)).toBeTruthy();
  });
});

describe('options page: backup, export and import', () => {
  function captureDownloads() {
    const downloads: { filename: string; href: string }[] = [];
    const blobs = new Map<string, Blob>();
    let counter = 0;
    vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
      const url = `blob:fake/${++counter}`;
      blobs.set(url, blob as Blob);
      return url;
    });
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      downloads.push({ filename: this.download, href: this.getAttribute('href')! });
    });
    return { downloads, blobText: (href: string) => blobs.get(href)!.text() };
  }

  it('never backed up: says so and nudges', async () => {
    await renderLibrary(undefined, { lastBackupAt: null });
    await waitFor(() => expect(screen.getByText(/^Last backup:/).textContent).toBe('Last backup: never'));
    expect(screen.getByText(/has never been backed up/)).toBeTruthy();
  });

  it('a backup 10 days old shows its date and no nudge; 31 days old nudges', async () => {
    await renderLibrary(undefined, { lastBackupAt: Date.now() - 10 * DAY });
    await waitFor(() => expect(screen.getByText(/^Last backup:/).querySelector('time')).not.toBeNull());
    expect(screen.queryByText(/more than 30 days old/)).toBeNull();
    cleanup();
    await renderLibrary(undefined, { lastBackupAt: Date.now() - 31 * DAY });
    await waitFor(() => expect(screen.getByText(/more than 30 days old/)).toBeTruthy());
  });

  it('BibTeX export downloads the file the background named, with its content', async () => {
    const { downloads, blobText } = captureDownloads();
    const background = await renderLibrary();
    fireEvent.click(screen.getByRole('button', { name: 'BibTeX' }));
    await waitFor(() => expect(downloads).toHaveLength(1));
    expect(background.callsOf('library/export')).toEqual([{ type: 'library/export', format: 'bibtex' }]);
    expect(downloads[0]!.filename).toBe('arxiv-citation-hub-library-2024-05-01.bib');
    expect(await blobText(downloads[0]!.href)).toBe('exported all');
    expect(background.callsOf('settings/set')).toHaveLength(0);
    expect(screen.getByText('Exported the library as arxiv-citation-hub-library-2024-05-01.bib.')).toBeTruthy();
  });

  it('a JSON backup records lastBackupAt and updates "Last backup"', async () => {
    const { downloads } = captureDownloads();
    const background = await renderLibrary(undefined, { lastBackupAt: null });
    await waitFor(() => expect(screen.getByText(/has never been backed up/)).toBeTruthy());
    const before = Date.now();
    fireEvent.click(screen.getByRole('button', { name: 'JSON backup' }));
    await waitFor(() => expect(background.callsOf('settings/set')).toHaveLength(1));
    expect(downloads[0]!.filename).toBe('arxiv-citation-hub-library-2024-05-01.json');
    const recorded = background.callsOf('settings/set')[0]!.patch.lastBackupAt!;
    expect(recorded).toBeGreaterThanOrEqual(before);
    await waitFor(() => expect(screen.queryByText(/has never been backed up/)).toBeNull());
    expect(screen.getByText(/^Last backup:/).querySelector('time')!.getAttribute('datetime')).toBe(new Date(recorded).toISOString());
  });

  it('exporting the selection sends only the selected ids', async () => {
    const { downloads } = captureDownloads();
    const background = await renderLibrary();
    fireEvent.click(within(row(HOSTILE.id)).getByRole('checkbox'));
    fireEvent.click(within(row(GOPHER.id)).getByRole('checkbox'));
    fireEvent.change(screen.getByLabelText('Format for the selected papers'), { target: { value: 'json' } });
    fireEvent.click(screen.getByRole('button', { name: 'Export selected' }));
    await waitFor(() => expect(downloads).toHaveLength(1));
    expect(background.callsOf('library/export')).toEqual([{ type: 'library/export', format: 'json', ids: [HOSTILE.id, GOPHER.id] }]);
    // A partial JSON export is not a backup of the library.
    expect(background.callsOf('settings/set')).toHaveLength(0);
  });

  it('an export failure shows the background message', async () => {
    captureDownloads();
    const background = await renderLibrary();
    background.failWith('library/export', new RequestError('internal', 'Could not read the library.'));
    fireEvent.click(screen.getByRole('button', { name: 'CSV' }));
    await waitFor(() => expect(screen.getByText('Export failed: Could not read the library.')).toBeTruthy());
  });

  it('import: a rejected file shows the precise message in an alert; a good one reports the counts', async () => {
    const background = await renderLibrary();
    background.failWith(
      'library/import',
      new RequestError('invalid-import', 'entries[3].paper.title: expected string, received number. Nothing was imported.'),
    );
    const input = screen.getByLabelText('Choose a file: JSON backup, BibTeX (.bib) or RIS (.ris)') as HTMLInputElement;
    const bad = new File(['{"format":"arxiv-citation-hub-library"}'], 'broken.json', { type: 'application/json' });
    fireEvent.change(input, { target: { files: [bad] } });
    await waitFor(() =>
      expect(screen.getByText(/entries\[3\]\.paper\.title: expected string, received number/).closest('[role="alert"]')).not.toBeNull(),
    );
    expect(background.callsOf('library/import')[0]!.content).toBe('{"format":"arxiv-citation-hub-library"}');

    background.stopFailing('library/import');
    const good = new File(['{}'], 'backup.json', { type: 'application/json' });
    fireEvent.change(input, { target: { files: [good] } });
    await waitFor(() => expect(screen.getByText('Imported: 2 added, 1 updated, 0 unchanged.')).toBeTruthy());
    expect(screen.queryByText(/entries\[3\]/)).toBeNull();
  });

  it('import also accepts a file dropped on the zone', async () => {
    const background = await renderLibrary();
    const zone = screen.getByLabelText('Choose a file: JSON backup, BibTeX (.bib) or RIS (.ris)').closest('.drop-zone')!;
    const file = new File(['{"dropped":true}'], 'dropped.json', { type: 'application/json' });
    fireEvent.drop(zone, { dataTransfer: { files: [file] } });
    await waitFor(() => expect(background.callsOf('library/import')).toHaveLength(1));
    expect(background.callsOf('library/import')[0]!.content).toBe('{"dropped":true}');
  });

  it('import: a BibTeX file with unreadable entries lists them by line and key and writes nothing until confirmed', async () => {
    const background = await renderLibrary();
    const input = screen.getByLabelText('Choose a file: JSON backup, BibTeX (.bib) or RIS (.ris)') as HTMLInputElement;
    const bib = '@misc{good, title={Good}, eprint={2101.00001}, archivePrefix={arXiv}, keywords={a, b}}\n@misc{broken, title={Never closed\n@misc{untitled, author={X}}\n';
    fireEvent.change(input, { target: { files: [new File([bib], 'refs.bib', { lastModified: 5_000 })] } });
    const review = await screen.findByRole('group', { name: '2 entries of "refs.bib" could not be read' });
    expect([...review.querySelectorAll('li')].map((item) => item.textContent)).toEqual([
      'line 2 (broken): a braced value is never closed (unbalanced braces) (found at line 3)',
      'line 3 (untitled): no title',
    ]);
    expect(background.callsOf('library/import')).toHaveLength(0);
    fireEvent.click(screen.getByRole('button', { name: 'Import the other 1 paper' }));
    await waitFor(() => expect(background.callsOf('library/import')).toHaveLength(1));
    const sent = JSON.parse(background.callsOf('library/import')[0]!.content) as { entries: LibraryEntry[] };
    expect(sent.entries.map((entry) => [entry.id, entry.paper.title, entry.tags, entry.updatedAt])).toEqual([['arxiv:2101.00001', 'Good', ['a', 'b'], 5_000]]);
    await waitFor(() => expect(screen.getByText(/2 entries that could not be read were left out\./)).toBeTruthy());
  });

  it('import: Cancel on the review writes nothing; a file of neither kind is refused', async () => {
    const background = await renderLibrary();
    const input = screen.getByLabelText('Choose a file: JSON backup, BibTeX (.bib) or RIS (.ris)') as HTMLInputElement;
    fireEvent.change(input, { target: { files: [new File(['TY  - JOUR\r\nTI  - One\r\nER  - \r\nTY  - JOUR\r\nAU  - Doe, J\r\nER  - \r\n'], 'refs.ris')] } });
    await screen.findByRole('group', { name: '1 entry of "refs.ris" could not be read' });
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('group', { name: /could not be read/ })).toBeNull();
    fireEvent.change(input, { target: { files: [new File(['just some notes'], 'notes.txt')] } });
    await waitFor(() => expect(screen.getByText(/is neither a library backup \(JSON\) nor a BibTeX or RIS file\. Nothing was imported\./)).toBeTruthy());
    expect(background.callsOf('library/import')).toHaveLength(0);
  });

  it('sends one entry, or the selection in one request, to Zotero and reads the outcome out', async () => {
    const background = await renderLibrary();
    const sendButtons = screen.getAllByRole('button', { name: /^Send .* to Zotero$/ }).filter((button) => button.closest('li.entry'));
    expect(sendButtons).toHaveLength(3);
    fireEvent.click(sendButtons[0]!);
    await waitFor(() => expect(document.querySelector('.ch-zotero-status[aria-live="polite"]')!.textContent).toBe('Saved 1 to Zotero in “Inbox”.'));
    expect(background.callsOf('zotero/send')[0]!.ids).toHaveLength(1);
    fireEvent.click(screen.getByLabelText(/^Select all shown/));
    fireEvent.click(screen.getByRole('button', { name: 'Send selected to Zotero' }));
    await waitFor(() => expect(screen.getByText('Saved 3 to Zotero in “Inbox”.')).toBeTruthy());
    expect(background.callsOf('zotero/send').map((call) => call.ids.length)).toEqual([1, 3]);
  });
});
