import { describe, expect, it, vi } from 'vitest';
import Dexie from 'dexie';
import { CacheFullError, cacheStats, clearCache, evictToCap, isQuotaError, readCachedHub, saveCachedHub, serializedSize, touchCachedHub } from '../../lib/db/cache';
import type { CitationHubDb, LibraryEntry } from '../../lib/db/database';
import type { HubData } from '../../lib/domain/hub';
import { emptyHubData } from '../../lib/hub/hubData';
import { generateCorpus } from '../../lib/hub/fakeSource';
import { createHarness, openAndSettle, uniqueDb } from './hub-harness';

/** A hub of roughly `citations` × 200 bytes. */
function hubData(arxivId: string, citations: number): HubData {
  const data = emptyHubData(arxivId, 1);
  return { ...data, citations: generateCorpus({ arxivId, citationCount: citations, seed: 1 }).citations };
}

async function put(db: CitationHubDb, arxivId: string, lastAccessedAt: number, capBytes = Number.MAX_SAFE_INTEGER, keep: string[] = []) {
  return saveCachedHub(db, { arxivId, data: hubData(arxivId, 50), fetchedAt: lastAccessedAt, lastAccessedAt, complete: true }, { capBytes, keep });
}

const savedPaper: LibraryEntry = {
  id: 'arxiv:1706.03762',
  paper: { paperId: 'a'.repeat(40), title: 'Attention Is All You Need', authors: ['Ashish Vaswani'] },
  savedAt: 1,
  updatedAt: 1,
  tags: ['transformers'],
  notes: 'read section 3',
  read: false,
};

async function hubIds(db: CitationHubDb): Promise<string[]> {
  return (await db.hubs.toCollection().primaryKeys()).sort();
}

describe('hub cache: size cap and LRU eviction', () => {
  it('evicts the least recently opened hubs to fit the cap, never the library', async () => {
    const db = uniqueDb();
    await db.library.put(savedPaper);
    const size = serializedSize(hubData('2101.00001', 50));
    await put(db, '2101.00001', 1);
    await put(db, '2101.00002', 2);
    await put(db, '2101.00003', 3);
    await db.progress.put({ arxivId: '2101.00002', startedAt: 0, updatedAt: 0, citationOffsets: [0], batchesDone: [], cursor: {} });
    await touchCachedHub(db, '2101.00001', 4); // opened again: now the most recent but one

    const { evicted } = await put(db, '2101.00004', 5, Math.floor(size * 3.5));
    expect(evicted).toEqual(['2101.00002']);
    expect(await hubIds(db)).toEqual(['2101.00001', '2101.00003', '2101.00004']);
    expect(await db.progress.get('2101.00002')).toBeUndefined();
    expect(await db.library.toArray()).toEqual([savedPaper]);
    expect(await cacheStats(db)).toEqual({ hubs: 3, bytes: 3 * size });
  });

  it('never evicts the hub being written, nor hubs marked to keep', async () => {
    const db = uniqueDb();
    await put(db, '2101.00001', 1);
    await put(db, '2101.00002', 2);
    const { evicted } = await put(db, '2101.00003', 3, 10, ['2101.00001']);
    expect(evicted).toEqual(['2101.00002']);
    expect(await hubIds(db)).toEqual(['2101.00001', '2101.00003']);
  });

  it('evictToCap does nothing while the cache fits', async () => {
    const db = uniqueDb();
    await put(db, '2101.00001', 1);
    expect(await evictToCap(db, 10 * 1024 * 1024)).toEqual([]);
    expect(await hubIds(db)).toEqual(['2101.00001']);
  });

  it('clearCache empties hubs and progress but keeps the library', async () => {
    const db = uniqueDb();
    await db.library.put(savedPaper);
    await put(db, '2101.00001', 1);
    await db.progress.put({ arxivId: '2101.00009', startedAt: 0, updatedAt: 0, citationOffsets: [], batchesDone: [], cursor: {} });
    await clearCache(db);
    expect(await db.hubs.count()).toBe(0);
    expect(await db.progress.count()).toBe(0);
    expect(await db.library.toArray()).toEqual([savedPaper]);
    expect(await cacheStats(db)).toEqual({ hubs: 0, bytes: 0 });
  });

  it('drops a cached row whose data no longer has the expected shape', async () => {
    const db = uniqueDb();
    await db.hubs.put({ arxivId: '2101.00001', data: { arxivId: '2101.00001' } as unknown as HubData, fetchedAt: 1, lastAccessedAt: 1, sizeBytes: 10, complete: true });
    expect(await readCachedHub(db, '2101.00001')).toBeUndefined();
    expect(await db.hubs.count()).toBe(0);
  });
});

describe('hub cache: quota errors', () => {
  const quotaError = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError');

  it('recognises the DOM and Dexie forms of a quota error', () => {
    expect(isQuotaError(quotaError())).toBe(true);
    expect(isQuotaError(new Dexie.QuotaExceededError('full'))).toBe(true);
    expect(isQuotaError(new Dexie.AbortError('aborted', quotaError()))).toBe(true);
    expect(isQuotaError(new Error('disk on fire'))).toBe(false);
  });

  it('on a quota error evicts the other cached hubs and retries once', async () => {
    const db = uniqueDb();
    await db.library.put(savedPaper);
    await put(db, '2101.00001', 1);
    await put(db, '2101.00002', 2);
    const realPut = db.hubs.put.bind(db.hubs);
    const spy = vi.spyOn(db.hubs, 'put').mockImplementationOnce(() => Promise.reject(quotaError()) as never);
    spy.mockImplementation(realPut);

    const { evicted } = await put(db, '2101.00003', 3);
    expect(evicted.sort()).toEqual(['2101.00001', '2101.00002']);
    expect(await hubIds(db)).toEqual(['2101.00003']);
    expect(await db.library.toArray()).toEqual([savedPaper]);
  });

  it('when storage stays full, says so instead of failing silently', async () => {
    const db = uniqueDb();
    await put(db, '2101.00001', 1);
    vi.spyOn(db.hubs, 'put').mockImplementation(() => Promise.reject(quotaError()) as never);
    await expect(put(db, '2101.00002', 2)).rejects.toBeInstanceOf(CacheFullError);
  });
});

describe('hub cache through the service', () => {
  it('opening new papers evicts the least recently opened hub once over the cap', async () => {
    const db = uniqueDb();
    await db.library.put(savedPaper);
    const first = generateCorpus({ arxivId: '2101.00001', citationCount: 300 });
    const second = generateCorpus({ arxivId: '2101.00002', citationCount: 300 });
    const third = generateCorpus({ arxivId: '2101.00003', citationCount: 300 });
    const probe = await openAndSettle(createHarness({ db: uniqueDb(), corpus: first }));
    const cap = Math.floor(serializedSize(probe.data!) * 2.5);
    for (const corpus of [first, second, third]) {
      const harness = createHarness({ db, corpus, settings: { cacheCapBytes: cap } });
      await openAndSettle(harness);
    }
    expect(await hubIds(db)).toEqual(['2101.00002', '2101.00003']);
    expect(await db.library.toArray()).toEqual([savedPaper]);
  });

  it('a full disk does not lose the hub on screen: it is shown with a message', async () => {
    const db = uniqueDb();
    const corpus = generateCorpus({ citationCount: 300 });
    vi.spyOn(db.hubs, 'put').mockImplementation(() => Promise.reject(new DOMException('full', 'QuotaExceededError')) as never);
    const harness = createHarness({ db, corpus });
    const { data, status } = await openAndSettle(harness);
    expect(status.state).toBe('ready');
    expect(status.message).toBe('Storage is full: this hub could not be saved for offline use.');
    expect(data!.citations).toHaveLength(300);
  });
});
