import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { Panel } from '@/components/panel/Panel';
import { parseArxivId } from '@/lib/arxiv/id';
import { parseArxivUrl } from '@/lib/arxiv/page';
import { useHub } from './useHub';
import { useNow } from './useNow';
import { useAskControls, usePanelPrefs } from './usePanelPrefs';

/** The paper the popup asked for (`?id=`), if any. */
function queryArxivId(): string | null {
  const fromQuery = new URLSearchParams(location.search).get('id');
  return fromQuery ? (parseArxivId(fromQuery)?.id ?? null) : null;
}

/** What the side panel reads of the tabs API (the extension's `tabs`, or a stand-in in unit tests). */
export interface ActiveTabSource {
  query(filter: { active: true; currentWindow: true }): Promise<Array<{ url?: string }>>;
  onActivated: { addListener(listener: () => void): void; removeListener(listener: () => void): void };
  onUpdated: {
    addListener(listener: (tabId: number, change: { url?: string }, tab: { active?: boolean }) => void): void;
    removeListener(listener: (tabId: number, change: { url?: string }, tab: { active?: boolean }) => void): void;
  };
}

/** The paper of this window's active tab (PDF tabs included), or null when it is not an arXiv page. */
async function activeTabArxivId(tabs: ActiveTabSource): Promise<string | null> {
  const [tab] = await tabs.query({ active: true, currentWindow: true });
  return tab?.url ? (parseArxivUrl(tab.url)?.id ?? null) : null;
}

/**
 * Which paper the side panel shows: `?id=` from the popup, else the active arXiv tab. Without an id
 * it follows the window's active tab: Firefox's sidebar stays open across tabs and navigations
 * (opened from the sidebar menu it has no id), so switching to another paper's tab or PDF shows that
 * paper. A tab that is not an arXiv page keeps the last paper on screen.
 */
export function useSidePanelArxivId(tabs: ActiveTabSource = browser.tabs): string | null | undefined {
  const [arxivId, setArxivId] = useState<string | null | undefined>(undefined);
  useEffect(() => {
    const fromQuery = queryArxivId();
    if (fromQuery) {
      setArxivId(fromQuery);
      return;
    }
    let live = true;
    const follow = () =>
      void activeTabArxivId(tabs).then(
        (id) => live && setArxivId((shown) => id ?? shown ?? null),
        () => live && setArxivId((shown) => shown ?? null),
      );
    const onUpdated = (_tabId: number, change: { url?: string }, tab: { active?: boolean }) => {
      if (tab.active && change.url !== undefined) follow();
    };
    follow();
    tabs.onActivated.addListener(follow);
    tabs.onUpdated.addListener(onUpdated);
    return () => {
      live = false;
      tabs.onActivated.removeListener(follow);
      tabs.onUpdated.removeListener(onUpdated);
    };
  }, [tabs]);
  return arxivId;
}

/** The hub in the browser's side panel, for PDF tabs where content scripts cannot run. */
export function SidePanelApp() {
  const arxivId = useSidePanelArxivId();
  if (arxivId === undefined) return <p class="hub-sidepanel-note">Looking for an arXiv paper…</p>;
  if (arxivId === null) {
    return (
      <main class="hub-sidepanel-note">
        <h1>arXiv Citation Hub</h1>
        <p>Switch to an arXiv abstract, HTML or PDF page in this window and its hub shows here.</p>
      </main>
    );
  }
  // Keyed by paper: following another tab starts a fresh hub view rather than mixing two papers.
  return <SidePanelHub key={arxivId} arxivId={arxivId} />;
}

function SidePanelHub({ arxivId }: { arxivId: string }) {
  const hub = useHub(arxivId);
  const now = useNow(hub.status.state !== 'ready');
  // Only the ask box is taken from the panel preferences: the side panel is neither docked nor collapsible.
  const prefs = usePanelPrefs();
  const ask = useAskControls(arxivId, prefs.ask);
  useEffect(() => {
    document.body.dataset.state = hub.status.state;
    document.body.dataset.arxivId = arxivId;
  }, [hub.status.state, arxivId]);
  return (
    <main class="hub-sidepanel">
      <Panel
        arxivId={arxivId}
        view={hub.view}
        explorer={hub.explorer}
        status={hub.status}
        savedIds={hub.savedIds}
        onToggleSave={hub.toggleSave}
        onCorrectPolarity={hub.correctPolarity}
        onSendToZotero={hub.sendToZotero}
        onRetry={hub.retry}
        collapsed={false}
        onToggleCollapsed={() => {}}
        now={now}
        ask={ask}
        coCitedView={prefs.coCitedView}
        onCoCitedViewChange={prefs.setCoCitedView}
      />
      {hub.saveError && <p role="alert">{hub.saveError}</p>}
    </main>
  );
}
