import { describe, it, expect, vi } from 'vitest';
import { createHubPorts, type HubSnapshot } from '../../lib/background/hubPorts';
import type { HubData } from '../../lib/domain/hub';
import type { HubView } from '../../lib/domain/view';
import { makeSampleView } from '../fixtures/views/sampleView';

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
      return this.current;
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
    current: { data, status: { state: 'partial' as const } } as HubSnapshot,
  };
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

/** The sample view (120 explorer rows, see tests/fixtures/views/sampleView.ts) for whichever paper was asked. */
const sampleViewOf = (data: HubData): HubView => ({ ...makeSampleView({ explorerRows: 120 }), arxivId: data.arxivId });

const ALL_ROWS = { filters: { role: 'all', polarity: 'all', yearFrom: null, yearTo: null, influentialOnly: false, text: '' }, sort: null, page: 0 };

describe('hub ports', () => {
  it('subscribes a panel by canonical id and sends it snapshots as views', async () => {
    const hubs = fakeHubs();
    const toView = vi.fn(sampleViewOf);
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
    const toView = vi.fn(sampleViewOf);
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

  it('sends the summary and only the first 50 explorer rows, and each snapshot once per port', async () => {
    const hubs = fakeHubs();
    const ports = createHubPorts(hubs, sampleViewOf);
    const port = fakePort(1);
    ports.accept(port as never);
    port.receive({ type: 'hub/subscribe', arxivId: '2112.11446' });
    await flush();
    // The fake service, like the real one, hands the same snapshot to the subscription and to open(): one message.
    hubs.push('2112.11446', hubs.current);
    const snapshots = port.sent.filter((m) => m.type === 'hub/snapshot');
    expect(snapshots).toHaveLength(1);
    const snapshot = snapshots[0] as unknown as { view: Record<string, unknown>; explorer: { total: number; years: unknown; firstPage: { rows: { citation: { citing: { title: string } } }[]; matching: number; pageCount: number } } };
    expect(snapshot.view).not.toHaveProperty('explorer');
    expect(snapshot.view).toMatchObject({ arxivId: '2112.11446', roles: { totalPapers: expect.any(Number) } });
    expect(snapshot.explorer).toMatchObject({ total: 120, years: { min: 2022, max: 2025 }, firstPage: { matching: 120, pageCount: 3 } });
    expect(snapshot.explorer.firstPage.rows).toHaveLength(50);
  });

  it('answers explorer queries from the latest view: filters, sort and page as the panel asks', async () => {
    const hubs = fakeHubs();
    const ports = createHubPorts(hubs, sampleViewOf);
    const port = fakePort(1);
    ports.accept(port as never);
    port.receive({ type: 'hub/subscribe', arxivId: '2112.11446' });
    await flush();
    // Background rows are i % 10 in 0..4: 60 of 120, so page index 1 (rows 51-60) holds 10 rows.
    port.receive({ type: 'hub/explorer', arxivId: '2112.11446', requestId: 7, query: { ...ALL_ROWS, filters: { ...ALL_ROWS.filters, role: 'background' }, page: 1 } });
    const answer = port.sent.at(-1) as unknown as { type: string; requestId: number; page: { rows: { role: string }[]; matching: number; total: number; page: number; pageCount: number } };
    expect(answer).toMatchObject({ type: 'hub/explorer', requestId: 7, page: { matching: 60, total: 120, page: 1, pageCount: 2 } });
    expect(answer.page.rows).toHaveLength(10);
    expect(answer.page.rows.every((row) => row.role === 'background')).toBe(true);
    // A page past the end is clamped to the last one.
    port.receive({ type: 'hub/explorer', arxivId: '2112.11446', requestId: 8, query: { ...ALL_ROWS, page: 99 } });
    expect(port.sent.at(-1)).toMatchObject({ requestId: 8, page: { page: 2, pageCount: 3 } });
    // Oldest first: the first row is from 2022.
    port.receive({ type: 'hub/explorer', arxivId: '2112.11446', requestId: 9, query: { ...ALL_ROWS, sort: { key: 'year', direction: 'asc' } } });
    expect((port.sent.at(-1) as unknown as { page: { rows: { citation: { citing: { year?: number } } }[] } }).page.rows[0]!.citation.citing.year).toBe(2022);
    // Whatever a user can type is a query, not an error: year 99999 simply matches nothing.
    port.receive({ type: 'hub/explorer', arxivId: '2112.11446', requestId: 10, query: { ...ALL_ROWS, filters: { ...ALL_ROWS.filters, yearFrom: 99_999 } } });
    expect(port.sent.at(-1)).toMatchObject({ type: 'hub/explorer', requestId: 10, page: { matching: 0, total: 120 } });
  });

  it('answers no explorer query for a paper the port does not watch, and rejects malformed queries', async () => {
    const hubs = fakeHubs();
    const ports = createHubPorts(hubs, sampleViewOf);
    const port = fakePort(1);
    ports.accept(port as never);
    port.receive({ type: 'hub/explorer', arxivId: '2112.11446', requestId: 1, query: ALL_ROWS });
    expect(port.sent).toEqual([]);
    port.receive({ type: 'hub/subscribe', arxivId: '2112.11446' });
    await flush();
    const sent = port.sent.length;
    port.receive({ type: 'hub/explorer', arxivId: '1706.03762', requestId: 2, query: ALL_ROWS });
    expect(port.sent).toHaveLength(sent);
    port.receive({ type: 'hub/explorer', arxivId: '2112.11446', requestId: 3, query: { ...ALL_ROWS, filters: { ...ALL_ROWS.filters, role: 'everything' } } });
    port.receive({ type: 'hub/explorer', arxivId: '2112.11446', requestId: 4, query: { ...ALL_ROWS, page: -1 } });
    expect(port.sent.slice(sent).map((m) => m.code)).toEqual(['invalid-message', 'invalid-message']);
  });

  it('rejects malformed messages and non-arXiv ids without opening anything', async () => {
    const hubs = fakeHubs();
    const ports = createHubPorts(hubs, sampleViewOf);
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
    const ports = createHubPorts(hubs, sampleViewOf);
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
