import { describe, it, expect, vi } from 'vitest';
import { createHubPorts, type HubSnapshot } from '../../lib/background/hubPorts';
import type { HubData } from '../../lib/domain/hub';
import type { HubView } from '../../lib/domain/view';

type Listener = (message: unknown) => void;

function fakePort(tabId?: number) {
  const messageListeners: Listener[] = [];
  const disconnectListeners: (() => void)[] = [];
  const sent: { type: string; [key: string]: unknown }[] = [];
  return {
    name: 'citation-hub',
    sender: tabId === undefined ? {} : { tab: { id: tabId } },
    sent,
    postMessage: (message: { type: string }) => sent.push(message),
    onMessage: { addListener: (fn: Listener) => messageListeners.push(fn) },
    onDisconnect: { addListener: (fn: () => void) => disconnectListeners.push(fn) },
    receive: (message: unknown) => messageListeners.forEach((fn) => fn(message)),
    disconnect: () => disconnectListeners.forEach((fn) => fn()),
  };
}

function fakeHubs() {
  const listeners = new Map<string, Set<(s: HubSnapshot) => void>>();
  const data = { arxivId: '2112.11446' } as HubData;
  return {
    opened: [] as { id: string; force?: boolean }[],
    open(id: string, options?: { force?: boolean }) {
      this.opened.push({ id, force: options?.force });
      return { data, status: { state: 'partial' as const } };
    },
    subscribe(id: string, listener: (s: HubSnapshot) => void) {
      const set = listeners.get(id) ?? new Set();
      set.add(listener);
      listeners.set(id, set);
      return () => set.delete(listener);
    },
    push(id: string, snapshot: HubSnapshot) {
      listeners.get(id)?.forEach((fn) => fn(snapshot));
    },
    listenerCount: (id: string) => listeners.get(id)?.size ?? 0,
    data,
  };
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('hub ports', () => {
  it('subscribes a panel by canonical id and sends it snapshots as views', async () => {
    const hubs = fakeHubs();
    const toView = vi.fn((data: HubData) => ({ arxivId: data.arxivId }) as HubView);
    const ports = createHubPorts(hubs, toView);
    const port = fakePort(1);
    ports.accept(port as never);
    port.receive({ type: 'hub/subscribe', arxivId: '2112.11446v3' });
    await flush();
    expect(hubs.opened).toEqual([{ id: '2112.11446', force: false }]);
    expect(port.sent.at(-1)).toMatchObject({ type: 'hub/snapshot', arxivId: '2112.11446', view: { arxivId: '2112.11446' }, status: { state: 'partial' } });
  });

  it('computes one view per snapshot however many tabs watch the paper', async () => {
    const hubs = fakeHubs();
    const toView = vi.fn((data: HubData) => ({ arxivId: data.arxivId }) as HubView);
    const ports = createHubPorts(hubs, toView);
    const [a, b] = [fakePort(1), fakePort(2)];
    for (const port of [a, b]) {
      ports.accept(port as never);
      port.receive({ type: 'hub/subscribe', arxivId: '2112.11446' });
    }
    await flush();
    const next = { ...hubs.data } as HubData;
    hubs.push('2112.11446', { data: next, status: { state: 'ready' } });
    expect(toView).toHaveBeenCalledTimes(2); // the first snapshot once, the pushed one once
    expect(a.sent.at(-1)).toMatchObject({ status: { state: 'ready' } });
    expect(b.sent.at(-1)).toMatchObject({ status: { state: 'ready' } });
  });

  it('rejects malformed messages and non-arXiv ids without opening anything', async () => {
    const hubs = fakeHubs();
    const ports = createHubPorts(hubs, () => ({}) as HubView);
    const port = fakePort(1);
    ports.accept(port as never);
    port.receive({ type: 'hub/subscribe' });
    port.receive({ type: 'hub/delete-everything', arxivId: '2112.11446' });
    port.receive({ type: 'hub/subscribe', arxivId: '<script>alert(1)</script>' });
    await flush();
    expect(hubs.opened).toEqual([]);
    expect(port.sent.map((m) => m.code)).toEqual(['invalid-message', 'invalid-message', 'invalid-message']);
  });

  it('retries with force, unsubscribes on disconnect, and toggles only the commanded tab', async () => {
    const hubs = fakeHubs();
    const ports = createHubPorts(hubs, () => ({}) as HubView);
    const [a, b] = [fakePort(1), fakePort(2)];
    ports.accept(a as never);
    ports.accept(b as never);
    a.receive({ type: 'hub/retry', arxivId: '2112.11446' });
    await flush();
    expect(hubs.opened).toEqual([{ id: '2112.11446', force: true }]);
    ports.togglePanelInTab(2);
    expect(a.sent.some((m) => m.type === 'panel/toggle')).toBe(false);
    expect(b.sent.some((m) => m.type === 'panel/toggle')).toBe(true);
    ports.broadcastLibraryChanged();
    expect(a.sent.at(-1)).toEqual({ type: 'library/changed' });
    expect(hubs.listenerCount('2112.11446')).toBe(1);
    a.disconnect();
    expect(hubs.listenerCount('2112.11446')).toBe(0);
  });
});
