// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { subscribeToLibraryChanges, type ChangePort } from '../../components/library/libraryChanges';
import { safeFilename } from '../../components/library/download';
import { authorLine } from '../../components/library/text';
import { backupIsOverdue, formatBytes } from '../../components/library/format';

describe('small formatters', () => {
  it('author lines', () => {
    expect(authorLine([])).toBe('Unknown authors');
    expect(authorLine(['A'])).toBe('A');
    expect(authorLine(['A', 'B', 'C'])).toBe('A, B and C');
    const many = Array.from({ length: 1208 }, (_, i) => `Author ${i}`);
    expect(authorLine(many)).toMatch(/Author 7 and 1,200 more$/);
  });

  it('sizes, file names and the backup nudge', () => {
    expect(formatBytes(0)).toBe('0 bytes');
    expect(formatBytes(1023)).toBe('1,023 bytes');
    expect(formatBytes(1536)).toBe('1.5 KB');
    expect(formatBytes(52_428_800)).toBe('50 MB');
    expect(safeFilename('../../etc/passwd')).toBe('etc-passwd');
    expect(safeFilename('a:b*?.csv')).toBe('a-b-.csv');
    expect(safeFilename('library.bib')).toBe('library.bib');
    const day = 86_400_000;
    expect(backupIsOverdue(null, 0)).toBe(true);
    expect(backupIsOverdue(0, 30 * day)).toBe(false);
    expect(backupIsOverdue(0, 30 * day + 1)).toBe(true);
  });
});

describe('library change subscription', () => {
  function fakePorts() {
    const ports: { port: ChangePort; deliver(message: unknown): void; drop(): void; disconnected: boolean }[] = [];
    const connect = () => {
      const messageListeners: ((message: unknown) => void)[] = [];
      const disconnectListeners: (() => void)[] = [];
      const record = {
        disconnected: false,
        port: {
          onMessage: { addListener: (callback: (message: unknown) => void) => void messageListeners.push(callback) },
          onDisconnect: { addListener: (callback: () => void) => void disconnectListeners.push(callback) },
          disconnect: () => {
            record.disconnected = true;
          },
        },
        deliver: (message: unknown) => messageListeners.forEach((listener) => listener(message)),
        drop: () => disconnectListeners.forEach((listener) => listener()),
      };
      ports.push(record);
      return record.port;
    };
    return { ports, connect };
  }

  afterEach(() => vi.restoreAllMocks());

  it('calls back on library/changed only, and disconnects on unsubscribe', () => {
    const { ports, connect } = fakePorts();
    const listener = vi.fn();
    const unsubscribe = subscribeToLibraryChanges(connect, listener);
    ports[0]!.deliver({ type: 'hub/snapshot', arxivId: 'x' });
    ports[0]!.deliver('garbage');
    expect(listener).not.toHaveBeenCalled();
    ports[0]!.deliver({ type: 'library/changed' });
    expect(listener).toHaveBeenCalledOnce();
    unsubscribe();
    expect(ports[0]!.disconnected).toBe(true);
    ports[0]!.deliver({ type: 'library/changed' });
    expect(listener).toHaveBeenCalledOnce();
  });

  it('after the worker drops the port, reconnects when the page is looked at again and refreshes once', () => {
    const { ports, connect } = fakePorts();
    const listener = vi.fn();
    const unsubscribe = subscribeToLibraryChanges(connect, listener);
    window.dispatchEvent(new Event('focus'));
    expect(ports).toHaveLength(1); // still connected: nothing to do

    ports[0]!.drop();
    expect(ports).toHaveLength(1); // no eager reconnect that would keep waking the worker
    window.dispatchEvent(new Event('focus'));
    expect(ports).toHaveLength(2);
    expect(listener).toHaveBeenCalledOnce();
    ports[1]!.deliver({ type: 'library/changed' });
    expect(listener).toHaveBeenCalledTimes(2);
    unsubscribe();
    expect(ports[1]!.disconnected).toBe(true);
  });
});
