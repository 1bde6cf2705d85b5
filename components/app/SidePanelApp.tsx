import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { Panel } from '@/components/panel/Panel';
import { parseArxivId } from '@/lib/arxiv/id';
import { parseArxivUrl } from '@/lib/arxiv/page';
import { useHub } from './useHub';
import { useNow } from './useNow';
import { useAskControls, usePanelPrefs } from './usePanelPrefs';

/** Which paper the side panel shows: `?id=` from the popup, else the active arXiv tab (PDF tabs included). */
async function resolveArxivId(): Promise<string | null> {
  const fromQuery = new URLSearchParams(location.search).get('id');
  const parsed = fromQuery ? parseArxivId(fromQuery) : null;
  if (parsed) return parsed.id;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.url ? (parseArxivUrl(tab.url)?.id ?? null) : null;
}

/** The hub in the browser's side panel, for PDF tabs where content scripts cannot run. */
export function SidePanelApp() {
  const [arxivId, setArxivId] = useState<string | null | undefined>(undefined);
  useEffect(() => {
    resolveArxivId().then(setArxivId, () => setArxivId(null));
  }, []);
  if (arxivId === undefined) return <p class="hub-sidepanel-note">Looking for an arXiv paper…</p>;
  if (arxivId === null) {
    return (
      <main class="hub-sidepanel-note">
        <h1>arXiv Citation Hub</h1>
        <p>Open an arXiv abstract, HTML or PDF page, then open the hub from the toolbar button.</p>
      </main>
    );
  }
  return <SidePanelHub arxivId={arxivId} />;
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
