/**
 * The hub port opened by the content script before the panel bundle is imported, so the
 * background reads the hub and builds its view while the page parses the bundle. Messages that
 * arrive meanwhile are only buffered here (unchecked); connectHub validates them like any other
 * when it takes the port over. Free of zod and of the protocol module: this runs on every arXiv page.
 */
import { browser, type Browser } from 'wxt/browser';
import { HUB_PORT } from './portName';
import type { PortIn } from './protocol';

export interface EarlyHubPort {
  arxivId: string;
  /** Stops buffering and hands over the port with what arrived so far; null once the port went away. */
  takeOver(): { port: Browser.runtime.Port; buffered: unknown[] } | null;
  /** For a panel that never mounted. */
  close(): void;
}

export function openEarlyHubPort(arxivId: string): EarlyHubPort | null {
  let port: Browser.runtime.Port;
  try {
    port = browser.runtime.connect({ name: HUB_PORT });
  } catch {
    return null; // extension reloaded: the panel's own connection reports it
  }
  const buffered: unknown[] = [];
  let disconnected = false;
  const buffer = (message: unknown) => buffered.push(message);
  const markDisconnected = () => {
    disconnected = true;
  };
  port.onMessage.addListener(buffer);
  port.onDisconnect.addListener(markDisconnected);
  try {
    port.postMessage({ type: 'hub/subscribe', arxivId } satisfies PortIn);
  } catch {
    disconnected = true;
  }
  return {
    arxivId,
    takeOver() {
      port.onMessage.removeListener(buffer);
      port.onDisconnect.removeListener(markDisconnected);
      return disconnected ? null : { port, buffered };
    },
    close() {
      port.disconnect();
    },
  };
}
