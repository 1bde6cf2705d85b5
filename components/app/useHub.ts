import { useEffect, useRef, useState } from 'preact/hooks';
import type { HubStatus } from '@/lib/domain/hub';
import type { HubView } from '@/lib/domain/view';
import type { Paper } from '@/lib/domain/paper';
import { connectHub, type HubConnection } from '@/lib/messaging/hubConnection';
import { request } from '@/lib/messaging/client';
import { libraryIdFor } from '@/components/shared/libraryId';

export interface HubModel {
  view: HubView | null;
  status: HubStatus;
  savedIds: ReadonlySet<string>;
  /** Last failed save/unsave, shown to the user; nothing is lost (the toggle is rolled back). */
  saveError: string | null;
  toggleSave(paper: Paper): void;
  retry(): void;
}

/** Every paper the panel can show a save toggle for. */
function papersIn(view: HubView): Paper[] {
  const papers: Paper[] = [];
  if (view.paper) papers.push(view.paper);
  for (const row of view.explorer) papers.push(row.citation.citing);
  for (const work of view.coCited) papers.push(work.paper);
  papers.push(...view.similar);
  return papers;
}

/** Subscribes to a paper's hub in the background and keeps saved state live across tabs. */
export function useHub(arxivId: string | null, onToggleRequested?: () => void): HubModel {
  const [view, setView] = useState<HubView | null>(null);
  const [status, setStatus] = useState<HubStatus>({ state: 'loading' });
  const [savedIds, setSavedIds] = useState<ReadonlySet<string>>(new Set());
  const [saveError, setSaveError] = useState<string | null>(null);
  const connection = useRef<HubConnection | null>(null);
  const latestView = useRef<HubView | null>(null);
  const toggleRef = useRef(onToggleRequested);
  toggleRef.current = onToggleRequested;

  const refreshSaved = async (forView: HubView | null) => {
    if (!forView) return;
    const ids = [...new Set(papersIn(forView).map(libraryIdFor))];
    try {
      setSavedIds(new Set(await request({ type: 'library/savedIds', ids })));
    } catch {
      // Saved markers are a convenience; the hub itself still shows.
    }
  };

  useEffect(() => {
    connection.current = connectHub(arxivId, {
      onMessage(message) {
        if (message.type === 'hub/snapshot') {
          const firstView = latestView.current === null && message.view !== null;
          latestView.current = message.view;
          setView(message.view);
          setStatus(message.status);
          if (firstView || message.status.state === 'ready') void refreshSaved(message.view);
        } else if (message.type === 'library/changed') {
          void refreshSaved(latestView.current);
        } else if (message.type === 'panel/toggle') {
          toggleRef.current?.();
        } else if (message.type === 'error') {
          setStatus({ state: 'error', message: message.message });
        }
      },
    });
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
      void refreshSaved(latestView.current);
    });
  };

  return { view, status, savedIds, saveError, toggleSave, retry: () => connection.current?.retry() };
}
