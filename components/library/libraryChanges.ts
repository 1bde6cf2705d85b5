import type { PortOut } from '../../lib/messaging/protocol';

/** The part of a runtime Port this module uses, so tests can hand in a fake one. */
export interface ChangePort {
  onMessage: { addListener(callback: (message: unknown) => void): void };
  onDisconnect: { addListener(callback: () => void): void };
  disconnect(): void;
}

/**
 * Listens for `library/changed` broadcasts on the hub port.
 *
 * An MV3 service worker that goes idle drops every port. Reconnecting at once would wake it again every
 * half minute for as long as the page stays open, so the page reconnects only when it is looked at again
 * (visible or focused) and then refreshes once, since changes made meanwhile were not broadcast to it.
 */
export function subscribeToLibraryChanges(connect: () => ChangePort, listener: () => void): () => void {
  let port: ChangePort | null = null;
  let stopped = false;

  const open = () => {
    const opened = connect();
    port = opened;
    opened.onMessage.addListener((message) => {
      if (!stopped && isLibraryChanged(message)) listener();
    });
    opened.onDisconnect.addListener(() => {
      if (port === opened) port = null;
    });
  };

  const reconnectIfLooked = () => {
    if (stopped || port !== null || document.visibilityState === 'hidden') return;
    try {
      open();
    } catch {
      return; // the extension was reloaded or removed: nothing to listen to
    }
    listener();
  };

  open();
  document.addEventListener('visibilitychange', reconnectIfLooked);
  window.addEventListener('focus', reconnectIfLooked);

  return () => {
    stopped = true;
    document.removeEventListener('visibilitychange', reconnectIfLooked);
    window.removeEventListener('focus', reconnectIfLooked);
    port?.disconnect();
    port = null;
  };
}

/** Port messages are checked before use; this one needs no more than its type (a plain check keeps zod out of the popup). */
function isLibraryChanged(message: unknown): message is Extract<PortOut, { type: 'library/changed' }> {
  return typeof message === 'object' && message !== null && (message as { type?: unknown }).type === 'library/changed';
}
