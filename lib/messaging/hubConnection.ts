import { browser, type Browser } from 'wxt/browser';
import { EXPLORER_QUERY_TEXT_MAX, type ExplorerPage, type ExplorerQuery } from '../hub/explorerPages';
import { HUB_PORT } from './portName';
import type { EarlyHubPort } from './earlyHubPort';
import { PortOutEnvelopeSchema } from './portEnvelope';
import type { PortIn, PortOut } from './protocol';

export interface HubConnectionHandlers {
  onMessage(message: PortOut): void;
  /** Called when the background went away (service worker stopped) and we are reconnecting. */
  onReconnecting?(): void;
}

export interface HubConnection {
  retry(): void;
  /**
   * One explorer page of the hub's latest snapshot. Never settles if the background goes away
   * first: the snapshot sent after reconnecting makes the panel ask again.
   */
  explorerPage(query: ExplorerQuery): Promise<ExplorerPage>;
  close(): void;
}

const RECONNECT_DELAYS_MS = [100, 500, 1_000, 2_000, 5_000];

/**
 * A live subscription to one paper's hub. MV3 stops idle service workers, which drops the
 * port: we reconnect and subscribe again, and the background resumes the fetch where it stopped.
 */
export function connectHub(arxivId: string | null, handlers: HubConnectionHandlers, early?: EarlyHubPort | null): HubConnection {
  let port: Browser.runtime.Port | null = null;
  let closed = false;
  let attempt = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let nextRequestId = 0;
  const pendingPages = new Map<number, (page: ExplorerPage) => void>();

  const post = (message: PortIn) => {
    try {
      port?.postMessage(message);
    } catch {
      // The port died between checks; the disconnect handler reconnects.
    }
  };

  const receive = (raw: unknown) => {
    if (!PortOutEnvelopeSchema.safeParse(raw).success) return;
    const message = raw as PortOut;
    if ((message.type === 'hub/snapshot' || message.type === 'hub/explorer') && message.arxivId !== arxivId) return;
    attempt = 0;
    if (message.type === 'hub/explorer') {
      pendingPages.get(message.requestId)?.(message.page);
      pendingPages.delete(message.requestId);
      return;
    }
    handlers.onMessage(message);
  };

  const attach = (next: Browser.runtime.Port) => {
    port = next;
    next.onMessage.addListener(receive);
    next.onDisconnect.addListener(() => {
      port = null;
      pendingPages.clear();
      if (closed) return;
      handlers.onReconnecting?.();
      const delay = RECONNECT_DELAYS_MS[Math.min(attempt, RECONNECT_DELAYS_MS.length - 1)] ?? 5_000;
      attempt += 1;
      timer = setTimeout(open, delay);
    });
  };

  const open = () => {
    if (closed) return;
    try {
      attach(browser.runtime.connect({ name: HUB_PORT }));
    } catch {
      // Extension reloaded or disabled: nothing left to talk to.
      return;
    }
    if (arxivId) post({ type: 'hub/subscribe', arxivId });
  };

  // The content script's early port is already subscribed to this paper: carry on with it.
  const adopted = early && early.arxivId === arxivId ? early.takeOver() : null;
  if (adopted) {
    attach(adopted.port);
    for (const raw of adopted.buffered) receive(raw);
  } else {
    early?.close();
    open();
  }
  return {
    retry: () => {
      if (arxivId) post({ type: 'hub/retry', arxivId });
    },
    explorerPage: (query) =>
      new Promise((resolve) => {
        if (!arxivId || !port) return;
        const requestId = nextRequestId++;
        pendingPages.set(requestId, resolve);
        const text = query.filters.text.slice(0, EXPLORER_QUERY_TEXT_MAX);
        post({ type: 'hub/explorer', arxivId, requestId, query: { ...query, filters: { ...query.filters, text } } });
      }),
    close: () => {
      closed = true;
      pendingPages.clear();
      clearTimeout(timer);
      port?.disconnect();
    },
  };
}
