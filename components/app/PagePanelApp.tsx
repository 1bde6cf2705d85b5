import { useLayoutEffect } from 'preact/hooks';
import { Panel } from '@/components/panel/Panel';
import { Dock } from './Dock';
import type { EarlyHubPort } from '@/lib/messaging/earlyHubPort';
import { useHub } from './useHub';
import { useAskControls, usePanelPrefs } from './usePanelPrefs';
import { useNow } from './useNow';

interface PagePanelAppProps {
  arxivId: string;
  /** The `<arxiv-citation-hub>` element: its `data-state` is the public test contract. */
  host: HTMLElement;
  /** The hub port the content script opened while the panel bundle loaded. */
  early?: EarlyHubPort | null;
}

const TICKING_STATES = new Set(['rate-limited', 'stale', 'offline', 'partial']);

/** The in-page panel: docked, collapsible, live. */
export function PagePanelApp({ arxivId, host, early }: PagePanelAppProps) {
  const prefs = usePanelPrefs();
  const hub = useHub(arxivId, () => prefs.setCollapsed(!prefs.collapsed), early);
  const now = useNow(TICKING_STATES.has(hub.status.state));
  const ask = useAskControls(arxivId, prefs.ask);

  // data-state says what the DOM shows, never more: until the stored preferences are read the panel
  // renders nothing, so a hub that arrives first (from the worker's memory) still reads `loading`.
  // A layout effect, so the attribute changes in the same frame as the DOM it describes.
  const shownState = prefs.loaded ? hub.status.state : 'loading';
  useLayoutEffect(() => {
    host.dataset.state = shownState;
  }, [host, shownState]);

  if (!prefs.loaded) return null;
  return (
    <Dock side={prefs.side} width={prefs.width} collapsed={prefs.collapsed} onResize={prefs.setWidth}>
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
        collapsed={prefs.collapsed}
        onToggleCollapsed={() => prefs.setCollapsed(!prefs.collapsed)}
        now={now}
        hiddenSections={prefs.hiddenSections}
        ask={ask}
        coCitedView={prefs.coCitedView}
        onCoCitedViewChange={prefs.setCoCitedView}
      />
      {hub.saveError && (
        <p class="hub-save-error" role="alert">
          {hub.saveError}
        </p>
      )}
    </Dock>
  );
}
