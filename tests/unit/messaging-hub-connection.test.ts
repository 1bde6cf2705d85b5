import { beforeEach, describe, expect, it, vi } from 'vitest';

type Listener = (message: unknown) => void;

interface FakePort {
  name: string;
  posted: unknown[];
  disconnected: boolean;
  postMessage(message: unknown): void;
  disconnect(): void;
  onMessage: { addListener(fn: Listener): void; removeListener(fn: Listener): void };
  onDisconnect: { addListener(fn: () => void): void; removeListener(fn: () => void): void };
  /** The background sends a message / goes away. */
  deliver(message: unknown): void;
  drop(): void;
}

function fakePort(name: string): FakePort {
  const messageListeners = new Set<Listener>();
  const disconnectListeners = new Set<() => void>();
  return {
    name,
    posted: [],
    disconnected: false,
    postMessage(message) {
      this.posted.push(message);
    },
    disconnect() {
      this.disconnected = true;
    },
    onMessage: { addListener: (fn) => messageListeners.add(fn), removeListener: (fn) => messageListeners.delete(fn) },
    onDisconnect: { addListener: (fn) => disconnectListeners.add(fn), removeListener: (fn) => disconnectListeners.delete(fn) },
    deliver: (message) => [...messageListeners].forEach((fn) => fn(message)),
    drop: () => [...disconnectListeners].forEach((fn) => fn()),
  };
}

const ports: FakePort[] = [];
vi.mock('wxt/browser', () => ({
  browser: {
    runtime: {
      connect: ({ name }: { name: string }) => {
        const port = fakePort(name);
        ports.push(port);
        return port;
      },
    },
  },
}));

const { openEarlyHubPort } = await import('../../lib/messaging/earlyHubPort');
const { connectHub } = await import('../../lib/messaging/hubConnection');

const ID = '2112.11446';
const snapshot = (state: string) => ({ type: 'hub/snapshot', arxivId: ID, view: null, explorer: null, status: { state } });

beforeEach(() => {
  ports.length = 0;
});

describe('hub connection: the port the content script opened before the panel loaded', () => {
  it('subscribes at once, and the panel takes over the port with every message that arrived meanwhile', () => {
    const early = openEarlyHubPort(ID)!;
    expect(ports).toHaveLength(1);
    expect(ports[0]!.posted).toEqual([{ type: 'hub/subscribe', arxivId: ID }]);
    ports[0]!.deliver(snapshot('ready'));
    ports[0]!.deliver({ type: 'not-a-port-message' });

    const received: unknown[] = [];
    connectHub(ID, { onMessage: (message) => received.push(message) }, early);
    expect(ports).toHaveLength(1); // no second connection, no second subscription
    expect(ports[0]!.posted).toHaveLength(1);
    expect(received).toEqual([snapshot('ready')]); // the malformed one was dropped by the envelope check
    ports[0]!.deliver({ type: 'library/changed' });
    expect(received.at(-1)).toEqual({ type: 'library/changed' });
  });

  it('connects afresh when the early port went away before the panel loaded', () => {
    const early = openEarlyHubPort(ID)!;
    ports[0]!.drop();
    const received: unknown[] = [];
    connectHub(ID, { onMessage: (message) => received.push(message) }, early);
    expect(ports).toHaveLength(2);
    expect(ports[1]!.posted).toEqual([{ type: 'hub/subscribe', arxivId: ID }]);
  });

  it('closes an early port opened for another paper and uses its own', () => {
    const early = openEarlyHubPort('1706.03762')!;
    connectHub(ID, { onMessage: () => {} }, early);
    expect(ports[0]!.disconnected).toBe(true);
    expect(ports[1]!.posted).toEqual([{ type: 'hub/subscribe', arxivId: ID }]);
  });

  it('asks for explorer pages by request id and hands each answer to its own question', async () => {
    const connection = connectHub(ID, { onMessage: () => {} });
    const query = { filters: { role: 'all' as const, polarity: 'all' as const, yearFrom: null, yearTo: null, influentialOnly: false, text: 'x' }, sort: null, page: 0 };
    const first = connection.explorerPage(query);
    const second = connection.explorerPage({ ...query, page: 1 });
    const [, ask1, ask2] = ports[0]!.posted as { requestId: number }[];
    expect(ask1).toMatchObject({ type: 'hub/explorer', arxivId: ID, query });
    const page = (n: number) => ({ rows: [], matching: 0, total: 0, page: n, pageCount: 1 });
    ports[0]!.deliver({ type: 'hub/explorer', arxivId: ID, requestId: ask2!.requestId, page: page(1) });
    ports[0]!.deliver({ type: 'hub/explorer', arxivId: '1706.03762', requestId: ask1!.requestId, page: page(9) }); // another paper's: ignored
    ports[0]!.deliver({ type: 'hub/explorer', arxivId: ID, requestId: ask1!.requestId, page: page(0) });
    await expect(second).resolves.toEqual(page(1));
    await expect(first).resolves.toEqual(page(0));
  });
});
