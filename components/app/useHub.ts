import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { CorrectPolarity } from '@/components/panel/PolarityCorrection';
import type { HubStatus } from '@/lib/domain/hub';
import type { Paper } from '@/lib/domain/paper';
import type { ExplorerDigest, ExplorerPage, HubSummaryView } from '@/lib/hub/explorerPages';
import { connectHub, type HubConnection } from '@/lib/messaging/hubConnection';
import type { EarlyHubPort } from '@/lib/messaging/earlyHubPort';
import { request } from '@/lib/messaging/client';
import { libraryIdFor } from '@/components/shared/libraryId';
import type { ExplorerSource } from '@/components/panel/explorerSource';

export interface HubModel {
  view: HubSummaryView | null;
  /** The citing papers, held by the background and fetched a page at a time. */
  explorer: ExplorerSource | null;
  status: HubStatus;
  savedIds: ReadonlySet<string>;
  /** Last failed save/unsave, shown to the user; nothing is lost (the toggle is rolled back). */
  saveError: string | null;
  toggleSave(paper: Paper): void;
  /** Stores the reader's polarity for one citing sentence of this paper (null withdraws it). */
  correctPolarity: CorrectPolarity;
  /** Asks the background to send the paper to Zotero (only its id travels); resolves to the outcome sentence. */
  sendToZotero(paper: Paper): Promise<string>;
  retry(): void;
}

/** Every paper of the summary sections and the explorer's first page: the ones a save toggle shows for at once. */
function papersIn(view: HubSummaryView, explorer: ExplorerDigest | null): Paper[] {
  const papers: Paper[] = [];
  if (view.paper) papers.push(view.paper);
  for (const row of explorer?.firstPage.rows ?? []) papers.push(row.citation.citing);
  for (const work of view.coCited) papers.push(work.paper);
  for (const pick of view.representative) papers.push(pick.citation.citing);
  papers.push(...view.similar);
  for (const row of view.references?.rows ?? []) if (row.reference.cited) papers.push(row.reference.cited);
  return papers;
}

function remoteExplorerSource(digest: ExplorerDigest, ask: (query: Parameters<HubConnection['explorerPage']>[0]) => Promise<ExplorerPage>): ExplorerSource {
  return {
    total: digest.total,
    years: digest.years,
    firstPage: digest.firstPage,
    titles: new Map(Object.entries(digest.titles)),
    query: ask,
  };
}

/**
 * Subscribes to a paper's hub in the background and keeps saved state live across tabs.
 * `early`: a port the content script already subscribed with (taken over on mount).
 */
export function useHub(arxivId: string | null, onToggleRequested?: () => void, early?: EarlyHubPort | null): HubModel {
  const [view, setView] = useState<HubSummaryView | null>(null);
  const [explorer, setExplorer] = useState<ExplorerSource | null>(null);
  const [status, setStatus] = useState<HubStatus>({ state: 'loading' });
  const [savedIds, setSavedIds] = useState<ReadonlySet<string>>(new Set());
  const [saveError, setSaveError] = useState<string | null>(null);
  const connection = useRef<HubConnection | null>(null);
  // Library ids of every paper shown so far (summary and explorer pages); their saved state is kept live.
  const shownIds = useRef(new Set<string>());
  const savedRequest = useRef(0);
  const toggleRef = useRef(onToggleRequested);
  toggleRef.current = onToggleRequested;

  const refreshSaved = async () => {
    if (shownIds.current.size === 0) return;
    const ticket = ++savedRequest.current;
    try {
      const saved = new Set(await request({ type: 'library/savedIds', ids: [...shownIds.current] }));
      // An older answer (fewer ids) must not overwrite a newer one.
      if (ticket === savedRequest.current) setSavedIds(saved);
    } catch {
      // Saved markers are a convenience; the hub itself still shows.
    }
  };

  const showPapers = (papers: Paper[]): boolean => {
    let added = false;
    for (const paper of papers) {
      const id = libraryIdFor(paper);
      if (shownIds.current.has(id)) continue;
      shownIds.current.add(id);
      added = true;
    }
    return added;
  };

  useEffect(() => {
    shownIds.current = new Set();
    const askPage = async (query: Parameters<HubConnection['explorerPage']>[0]) => {
      const page = await (connection.current?.explorerPage(query) ?? new Promise<ExplorerPage>(() => {}));
      if (showPapers(page.rows.map((row) => row.citation.citing))) void refreshSaved();
      return page;
    };
    connection.current = connectHub(arxivId, {
      onMessage(message) {
        if (message.type === 'hub/snapshot') {
          const papersAdded = message.view ? showPapers(papersIn(message.view, message.explorer)) : false;
          setView(message.view);
          setExplorer(message.explorer ? remoteExplorerSource(message.explorer, askPage) : null);
          setStatus(message.status);
          if (papersAdded || message.status.state === 'ready') void refreshSaved();
        } else if (message.type === 'library/changed') {
          void refreshSaved();
        } else if (message.type === 'panel/toggle') {
          toggleRef.current?.();
        } else if (message.type === 'error') {
          setStatus({ state: 'error', message: message.message });
        }
      },
    }, early);
    return () => connection.current?.close();
  }, [arxivId]);

  const toggleSave = (paper: Paper) => {
    const id = libraryIdFor(paper);
    const wasSaved = savedIds.has(id);
    const optimistic = new Set(savedIds);
    if (wasSaved) optimistic.delete(id);
    else optimistic.add(id);
    setSavedIds(optimistic);
    setSaveError(null);
    const done = wasSaved ? request({ type: 'library/unsave', id }) : request({ type: 'library/save', paper });
    done.catch((error: unknown) => {
      setSaveError(`Could not ${wasSaved ? 'remove' : 'save'} “${paper.title}”: ${error instanceof Error ? error.message : String(error)}`);
      void refreshSaved();
    });
  };

  // The background recounts and pushes a new snapshot; the promise only says whether it was stored.
  const correctPolarity = useCallback<CorrectPolarity>(
    async (citingPaperId, text, label) => {
      const paper = view?.arxivId ?? arxivId;
      if (!paper) throw new Error('no paper is open');
      await request({ type: 'polarity/correct', arxivId: paper, citingPaperId, text, label });
    },
    [arxivId, view?.arxivId],
  );

  const sendToZotero = async (paper: Paper) =>
    (await request({ type: 'zotero/send', ids: [libraryIdFor(paper)], ...(arxivId ? { arxivId } : {}) })).message;

  return { view, explorer, status, savedIds, saveError, toggleSave, correctPolarity, sendToZotero, retry: () => connection.current?.retry() };
}
