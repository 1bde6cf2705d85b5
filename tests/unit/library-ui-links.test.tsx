// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Paper } from '../../lib/domain/paper';
import { subscribeToLibraryChanges, type ChangePort } from '../../components/library/libraryChanges';
import { doiLink, httpsUrl, paperLinks, primaryPaperUrl } from '../../components/library/paperLinks';
import { safeFilename } from '../../components/library/download';
import { authorLine } from '../../components/library/text';
import { backupIsOverdue, formatBytes } from '../../components/library/format';

const base: Paper = { paperId: 'openalex:W2741809807', title: 't', authors: [] };

describe('paper links', () => {
  it('accept only https URLs', () => {
    expect(httpsUrl('https://openalex.org/W1')).toBe('https://openalex.org/W1');
    for (const bad of ['http://openalex.org/W1', 'javascript:alert(1)', ' data:text/html,x', 'https//x', '', undefined]) {
      expect(httpsUrl(bad)).toBeNull();
    }
  });

  it('build DOI links with the DOI path encoded, and ignore non-DOIs', () => {
    expect(doiLink({ doi: '10.1000/a<b>#c' })).toBe('https://doi.org/10.1000/a%3Cb%3E%23c');
    expect(doiLink({ doi: '10.1000/with space' })).toBeNull();
    expect(doiLink({ doi: 'https://doi.org/10.1145/3292500.3330701' })).toBe('https://doi.org/10.1145/3292500.3330701');
    expect(doiLink({ doi: 'javascript:alert(1)' })).toBeNull();
  });

  it('order arXiv, Semantic Scholar, OpenAlex, DOI, skipping invalid ids and foreign hosts', () => {
    expect(paperLinks({ ...base, url: 'https://openalex.org/W2741809807', doi: '10.1145/3292500' })).toEqual([
      { label: 'OpenAlex', href: 'https://openalex.org/W2741809807' },
      { label: 'DOI', href: 'https://doi.org/10.1145/3292500' },
    ]);
    // An arXiv id that does not parse and an S2 url on another host give no links.
    expect(paperLinks({ ...base, paperId: 'x', arxivId: '../../evil', url: 'https://evil.example/semanticscholar.org' })).toEqual([]);
    expect(primaryPaperUrl({ ...base, arxivId: 'arXiv:1706.03762v7' })).toBe('https://arxiv.org/abs/1706.03762');
  });
});

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
