import type { Browser } from 'wxt/browser';
import { parseArxivId } from '../arxiv/id';
import { PortInSchema, type PortIn, type PortOut } from '../messaging/protocol';
import type { HubData, HubStatus } from '../domain/hub';
import type { HubView } from '../domain/view';
import type { PolarityCorrections } from '../analytics/corrections';
import { queryExplorer, splitView, type ExplorerDigest, type HubSummaryView } from '../hub/explorerPages';

export interface HubSnapshot {
  data: HubData | null;
  status: HubStatus;
}

/** The part of the hub service the ports need. */
export interface HubOpener {
  open(arxivId: string, options?: { force?: boolean }): Promise<HubSnapshot> | HubSnapshot;
  subscribe(arxivId: string, listener: (snapshot: HubSnapshot) => void): () => void;
}

type Port = Browser.runtime.Port;

/**
 * Connects panels (content scripts, side panel) to hubs: one subscription per port, snapshots
 * turned into views once per push and sent to every port watching that paper.
 */
/** The reader's corrections per paper, as views need them (see lib/db/polarityCorrections.ts). */
export interface CorrectionSource {
  load(arxivId: string): Promise<boolean>;
  current(arxivId: string): { revision: number; corrections: PolarityCorrections };
}

const NO_CORRECTIONS: CorrectionSource = { load: async () => false, current: () => ({ revision: 0, corrections: new Map() }) };

export function createHubPorts(hubs: HubOpener, toView: (data: HubData, corrections: PolarityCorrections) => HubView, corrections: CorrectionSource = NO_CORRECTIONS) {
  const ports = new Set<Port>();
  const unsubscribeByPort = new Map<Port, () => void>();

  const send = (port: Port, message: PortOut) => {
    try {
      port.postMessage(message);
    } catch {
      ports.delete(port);
    }
  };

  // Snapshots are immutable: tabs watching the same paper share one view (and one split) per snapshot.
  interface PanelViews {
    full: HubView;
    summary: HubSummaryView;
    explorer: ExplorerDigest;
    /** The corrections revision the view was built with. */
    revision: number;
  }
  const views = new WeakMap<HubData, PanelViews>();
  const viewsOf = ({ data }: HubSnapshot): PanelViews | null => {
    if (!data) return null;
    const { revision, corrections: current } = corrections.current(data.arxivId);
    let built = views.get(data);
    if (!built || built.revision !== revision) {
      const full = toView(data, current);
      built = { full, ...splitView(full), revision };
      views.set(data, built);
    }
    return built;
  };

  /** Per port: the paper it watches, the last snapshot it was sent and the full view behind it (explorer pages are cut from it). */
  interface Watch {
    arxivId: string;
    sent: HubSnapshot | null;
    view: HubView | null;
  }
  const watches = new Map<Port, Watch>();

  const subscribe = (port: Port, arxivId: string, force: boolean) => {
    unsubscribeByPort.get(port)?.();
    const watch: Watch = { arxivId, sent: null, view: null };
    watches.set(port, watch);
    const push = (snapshot: HubSnapshot) => {
      // The service hands the same snapshot to a new subscriber and to open(): send it once (it is ~50 KB).
      if (watches.get(port) !== watch || watch.sent === snapshot) return;
      watch.sent = snapshot;
      const built = viewsOf(snapshot);
      watch.view = built?.full ?? null;
      send(port, { type: 'hub/snapshot', arxivId, view: built?.summary ?? null, explorer: built?.explorer ?? null, status: snapshot.status });
    };
    unsubscribeByPort.set(port, hubs.subscribe(arxivId, push));
    Promise.resolve(hubs.open(arxivId, { force }))
      .then(push)
      .catch((error: unknown) => send(port, { type: 'error', code: 'internal', message: error instanceof Error ? error.message : String(error) }));
    // Read alongside the hub, not before it (an open from memory takes a few ms): if the paper has
    // corrections and a view already went out without them, it is sent again with them.
    corrections
      .load(arxivId)
      .then((any) => {
        if (any) resend(arxivId);
      })
      .catch(() => undefined);
  };

  /** Sends every port watching the paper its last snapshot again, rebuilt with the current corrections. */
  const resend = (arxivId: string) => {
    for (const [port, watch] of watches) {
      if (watch.arxivId !== arxivId || !watch.sent) continue;
      const snapshot = watch.sent;
      const built = viewsOf(snapshot);
      watch.view = built?.full ?? null;
      send(port, { type: 'hub/snapshot', arxivId, view: built?.summary ?? null, explorer: built?.explorer ?? null, status: snapshot.status });
    }
  };

  const answerExplorer = (port: Port, message: Extract<PortIn, { type: 'hub/explorer' }>, arxivId: string) => {
    const watch = watches.get(port);
    // Not subscribed to that paper, or nothing to show yet: the next snapshot makes the panel ask again.
    if (!watch || watch.arxivId !== arxivId || !watch.view) return;
    send(port, { type: 'hub/explorer', arxivId, requestId: message.requestId, page: queryExplorer(watch.view.explorer, message.query) });
  };

  return {
    accept(port: Port) {
      ports.add(port);
      port.onMessage.addListener((raw: unknown) => {
        const parsed = PortInSchema.safeParse(raw);
        if (!parsed.success) {
          send(port, { type: 'error', code: 'invalid-message', message: 'Rejected a malformed panel message.' });
          return;
        }
        const id = parseArxivId(parsed.data.arxivId);
        if (!id) {
          send(port, { type: 'error', code: 'invalid-message', message: `“${parsed.data.arxivId.slice(0, 80)}” is not an arXiv id.` });
          return;
        }
        if (parsed.data.type === 'hub/explorer') answerExplorer(port, parsed.data, id.id);
        else subscribe(port, id.id, parsed.data.type === 'hub/retry');
      });
      port.onDisconnect.addListener(() => {
        unsubscribeByPort.get(port)?.();
        unsubscribeByPort.delete(port);
        watches.delete(port);
        ports.delete(port);
      });
    },
    /** After the reader corrected a label: every panel showing the paper gets the recounted view. */
    resendPaper: resend,
    /** Tells every panel the library changed (saved markers are live across tabs). */
    broadcastLibraryChanged() {
      for (const port of ports) send(port, { type: 'library/changed' });
    },
    /** The keyboard shortcut: toggle the panel in one tab. */
    togglePanelInTab(tabId: number) {
      for (const port of ports) if (port.sender?.tab?.id === tabId) send(port, { type: 'panel/toggle' });
    },
  };
}
