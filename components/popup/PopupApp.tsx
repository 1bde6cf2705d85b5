import { useEffect, useMemo, useState } from 'preact/hooks';
import { parseArxivUrl, type ArxivPage } from '../../lib/arxiv/page';
import type { LibraryEntry } from '../../lib/db/database';
import { formatCount } from '../shared/format';
import { primaryPaperUrl } from '../shared/links';
import { errorMessage } from '../library/errors';
import { countOf } from '../library/format';
import { authorLine, displayTitle } from '../library/text';
import { useDebouncedValue } from '../library/useDebouncedValue';
import { ZoteroButton } from '../shared/ZoteroButton';
import { createBrowserPopupApi, type PopupApi } from './popupApi';
import './popup.css';

export const RECENT_COUNT = 10;
export const SEARCH_RESULTS_SHOWN = 20;
const SEARCH_DELAY_MS = 150;

interface CurrentTab {
  tabId: number;
  page: ArxivPage;
}

interface PopupAppProps {
  api?: PopupApi;
}

/** The toolbar popup: the hub for the PDF in this tab, recent saves, a quick search and the way to the library. */
export function PopupApp({ api: givenApi }: PopupAppProps) {
  const api = useMemo(() => givenApi ?? createBrowserPopupApi(), [givenApi]);
  const [current, setCurrent] = useState<CurrentTab | null>(null);
  const [query, setQuery] = useState('');
  const searchText = useDebouncedValue(query, SEARCH_DELAY_MS).trim();
  const [papers, setPapers] = useState<LibraryEntry[] | null>(null);
  const [listError, setListError] = useState<string | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);
  const [refreshKey, setRefreshKey] = useState(0);

  useEffect(() => {
    api.activeTab().then(
      (tab) => {
        const page = tab ? parseArxivUrl(tab.url) : null;
        if (!tab || !page) return;
        setCurrent({ tabId: tab.id, page });
        // Configured before the click so the click itself only has to open the panel.
        if (page.kind === 'pdf') api.prepareSidePanel(tab.id, page.id).catch(() => undefined);
      },
      () => undefined, // no readable tab (a browser page): the popup simply offers no tab action
    );
  }, [api]);

  useEffect(() => api.onLibraryChanged(() => setRefreshKey((key) => key + 1)), [api]);

  useEffect(() => {
    let stale = false;
    const pending =
      searchText === ''
        ? api.request({ type: 'library/recent', limit: RECENT_COUNT })
        : api.request({ type: 'library/list', query: searchText.slice(0, 500), sort: 'savedAt' });
    pending.then(
      (result) => {
        if (stale) return;
        setPapers(result);
        setListError(null);
      },
      (failure) => {
        if (!stale) setListError(errorMessage(failure));
      },
    );
    return () => {
      stale = true;
    };
  }, [api, searchText, refreshKey]);

  const openPanel = () => {
    if (!current) return;
    setActionError(null);
    // Nothing is awaited before this call: the browser opens side panels only during the click's user gesture.
    api.openSidePanel(current.tabId, current.page.id).then(
      () => api.closePopup(),
      (failure) => setActionError(`The side panel did not open: ${errorMessage(failure)}`),
    );
  };

  const run = (action: () => Promise<void>, what: string) => {
    setActionError(null);
    action().then(
      () => api.closePopup(),
      (failure) => setActionError(`${what}: ${errorMessage(failure)}`),
    );
  };

  const searching = searchText !== '';
  const shown = papers?.slice(0, searching ? SEARCH_RESULTS_SHOWN : RECENT_COUNT) ?? [];

  return (
    <main class="popup">
      <h1 class="popup-title">arXiv Citation Hub</h1>
      {current?.page.kind === 'pdf' && (
        <section class="this-tab" aria-label="This tab">
          <button type="button" class="primary hub-button" data-action="open-side-panel" onClick={openPanel}>
            Open citation hub for {current.page.id}
          </button>
          <p class="hint">Opens in the browser's side panel, next to the PDF.</p>
        </section>
      )}
      {current && current.page.kind !== 'pdf' && (
        <section class="this-tab" aria-label="This tab">
          <p class="this-paper">arXiv:{current.page.id}</p>
          <p class="hint">
            The citation hub panel is on this page. Press <kbd>Alt</kbd>+<kbd>Shift</kbd>+<kbd>H</kbd> to show or hide
            it.
          </p>
        </section>
      )}
      <div role="alert">{actionError && <p class="field-error">{actionError}</p>}</div>

      <section aria-labelledby="saved-heading">
        <h2 id="saved-heading">{searching ? 'Saved papers matching your search' : 'Recent saves'}</h2>
        <label for="popup-search" class="visually-hidden">
          Search saved papers
        </label>
        <input
          id="popup-search"
          type="search"
          placeholder="Search saved papers"
          maxLength={500}
          value={query}
          onInput={(event) => setQuery(event.currentTarget.value)}
        />
        {listError && (
          <p class="field-error" role="alert">
            Saved papers could not be loaded: {listError}
          </p>
        )}
        {papers === null && !listError && <p class="hint">Loading…</p>}
        {papers !== null && (
          <p class="hint" aria-live="polite">
            {searching
              ? papers.length > shown.length
                ? `${countOf(papers.length, 'match', 'matches')}; the first ${formatCount(shown.length)} are shown.`
                : countOf(papers.length, 'match', 'matches')
              : papers.length === 0
                ? 'Nothing saved yet. Save papers from the panel on any arXiv abstract page.'
                : ''}
          </p>
        )}
        {shown.length > 0 && (
          <ul class="paper-list">
            {shown.map((entry) => (
              <PaperItem
                key={entry.id}
                entry={entry}
                onOpen={(url) => run(() => api.openTab(url), 'The page did not open')}
                onSendToZotero={async () => (await api.request({ type: 'zotero/send', ids: [entry.id] })).message}
              />
            ))}
          </ul>
        )}
      </section>

      <button type="button" class="library-button" onClick={() => run(() => api.openOptionsPage(), 'The library did not open')}>
        Open library
      </button>
    </main>
  );
}

function PaperItem({ entry, onOpen, onSendToZotero }: { entry: LibraryEntry; onOpen(url: string): void; onSendToZotero(): Promise<string> }) {
  const { paper } = entry;
  const url = primaryPaperUrl(paper);
  const authors = paper.authors.length > 3 ? `${paper.authors[0]} et al.` : authorLine(paper.authors);
  const meta = [authors, paper.year?.toString()].filter(Boolean).join(' · ');
  const body = (
    <>
      <span class="paper-title">{displayTitle(paper.title)}</span>
      <span class="paper-meta">{meta}</span>
    </>
  );
  return (
    <li data-paper-id={paper.paperId} data-library-id={entry.id}>
      {url ? (
        <a
          class="paper-link"
          href={url}
          onClick={(event) => {
            event.preventDefault();
            onOpen(url);
          }}
        >
          {body}
        </a>
      ) : (
        <span class="paper-link is-static">{body}</span>
      )}
      <ZoteroButton paper={paper} send={onSendToZotero} label="Send to Zotero" />
    </li>
  );
}
