import type { Browser } from 'wxt/browser';
import { parseArxivId } from '../arxiv/id';
import { PortInSchema, type PortOut } from '../messaging/protocol';
import type { HubData, HubStatus } from '../domain/hub';
import type { HubView } from '../domain/view';

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
export function createHubPorts(hubs: HubOpener, toView: (data: HubData) => HubView) {
  const ports = new Set<Port>();
  const unsubscribeByPort = new Map<Port, () => void>();

  const send = (port: Port, message: PortOut) => {
    try {
      port.postMessage(message);
    } catch {
      ports.delete(port);
    }
  };

  // Snapshots are immutable: tabs watching the same paper share one view per snapshot.
  const views = new WeakMap<HubData, HubView>();
  const viewOf = ({ data }: HubSnapshot): HubView | null => {
    if (!data) return null;
    let view = views.get(data);
    if (!view) {
      view = toView(data);
      views.set(data, view);
    }
    return view;
  };

  const subscribe = (port: Port, arxivId: string, force: boolean) => {
    unsubscribeByPort.get(port)?.();
    const push = (snapshot: HubSnapshot) => send(port, { type: 'hub/snapshot', arxivId, view: viewOf(snapshot), status: snapshot.status });
    unsubscribeByPort.set(port, hubs.subscribe(arxivId, push));
    Promise.resolve(hubs.open(arxivId, { force }))
      .then(push)
      .catch((error: unknown) => send(port, { type: 'error', code: 'internal', message: error instanceof Error ? error.message : String(error) }));
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
        subscribe(port, id.id, parsed.data.type === 'hub/retry');
      });
      port.onDisconnect.addListener(() => {
        unsubscribeByPort.get(port)?.();
        unsubscribeByPort.delete(port);
        ports.delete(port);
      });
    },
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
