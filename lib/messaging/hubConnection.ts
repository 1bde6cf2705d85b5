import { browser, type Browser } from 'wxt/browser';
import { HUB_PORT, PortOutEnvelopeSchema, type PortIn, type PortOut } from './protocol';

export interface HubConnectionHandlers {
  onMessage(message: PortOut): void;
  /** Called when the background went away (service worker stopped) and we are reconnecting. */
  onReconnecting?(): void;
}

export interface HubConnection {
  retry(): void;
  close(): void;
}

const RECONNECT_DELAYS_MS = [100, 500, 1_000, 2_000, 5_000];

/**
 * A live subscription to one paper's hub. MV3 stops idle service workers, which drops the
 * port: we reconnect and subscribe again, and the background resumes the fetch where it stopped.
 */
export function connectHub(arxivId: string | null, handlers: HubConnectionHandlers): HubConnection {
  let port: Browser.runtime.Port | null = null;
  let closed = false;
  let attempt = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const post = (message: PortIn) => {
    try {
      port?.postMessage(message);
    } catch {
      // The port died between checks; the disconnect handler reconnects.
    }
  };

  const open = () => {
    if (closed) return;
    try {
      port = browser.runtime.connect({ name: HUB_PORT });
    } catch {
      // Extension reloaded or disabled: nothing left to talk to.
      return;
    }
    port.onMessage.addListener((raw: unknown) => {
      if (!PortOutEnvelopeSchema.safeParse(raw).success) return;
      const message = raw as PortOut;
      if (message.type === 'hub/snapshot' && message.arxivId !== arxivId) return;
      attempt = 0;
      handlers.onMessage(message);
    });
    port.onDisconnect.addListener(() => {
      port = null;
      if (closed) return;
      handlers.onReconnecting?.();
      const delay = RECONNECT_DELAYS_MS[Math.min(attempt, RECONNECT_DELAYS_MS.length - 1)] ?? 5_000;
      attempt += 1;
      timer = setTimeout(open, delay);
    });
    if (arxivId) post({ type: 'hub/subscribe', arxivId });
  };

  open();
  return {
    retry: () => {
      if (arxivId) post({ type: 'hub/retry', arxivId });
    },
    close: () => {
      closed = true;
      clearTimeout(timer);
      port?.disconnect();
    },
  };
}
