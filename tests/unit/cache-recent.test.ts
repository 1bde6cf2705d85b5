import { describe, expect, it } from 'vitest';
import { clearCache, evictToCap, readCachedHub, saveCachedHub, serializedSize, touchCachedHub } from '../../lib/db/cache';
import type { CitationHubDb } from '../../lib/db/database';
import type { HubData } from '../../lib/domain/hub';
import { RecentHubs } from '../../lib/db/recentHubs';
import { emptyHubData } from '../../lib/hub/hubData';
import { generateCorpus } from '../../lib/hub/fakeSource';
import { uniqueDb } from './hub-harness';

function hubData(arxivId: string, citations: number): HubData {
  return { ...emptyHubData(arxivId, 1), citations: generateCorpus({ arxivId, citationCount: citations, seed: 1 }).citations };
}

async function put(db: CitationHubDb, arxivId: string, data: HubData = hubData(arxivId, 20)) {
  await saveCachedHub(db, { arxivId, data, fetchedAt: 1, lastAccessedAt: 1, complete: true }, { capBytes: Number.MAX_SAFE_INTEGER });
  return data;
}

// Reopening a hub must hand back the very same data object: the ports build its view once per data object.
describe('hub cache: recently used hubs stay in memory', () => {
  it('serves a reopened hub as the same object, without IndexedDB', async () => {
    const db = uniqueDb();
    const data = await put(db, '2101.00001');
    const first = await readCachedHub(db, '2101.00001');
    expect(first?.data).toBe(data);
    // Proof it did not come from IndexedDB: the database is closed, so any read there would fail.
    db.close();
    expect((await readCachedHub(db, '2101.00001'))?.data).toBe(data);
  });

  it('forgets a hub as soon as it is cleared, evicted or rewritten', async () => {
    const db = uniqueDb();
    await put(db, '2101.00001');
    await put(db, '2101.00002');
    await clearCache(db);
    expect(await readCachedHub(db, '2101.00001')).toBeUndefined();

    const size = serializedSize(hubData('2101.00003', 20));
    await put(db, '2101.00003');
    await touchCachedHub(db, '2101.00003', 5);
    await put(db, '2101.00004');
    await touchCachedHub(db, '2101.00004', 10);
    await evictToCap(db, size); // keeps only the most recently opened
    expect(await readCachedHub(db, '2101.00003')).toBeUndefined();
    const kept = await readCachedHub(db, '2101.00004');
    expect(kept?.lastAccessedAt).toBe(10);

    const relabelled = hubData('2101.00004', 21);
    await put(db, '2101.00004', relabelled);
    expect((await readCachedHub(db, '2101.00004'))?.data).toBe(relabelled);
  });

  it('keeps at most the configured number of hubs and bytes, least recently used out first', () => {
    const row = (arxivId: string, sizeBytes: number) => ({ arxivId, data: emptyHubData(arxivId, 1), fetchedAt: 1, lastAccessedAt: 1, sizeBytes, complete: true });
    const recent = new RecentHubs(2, 100);
    recent.set(row('a', 10));
    recent.set(row('b', 10));
    recent.get('a'); // a is now the most recently used
    recent.set(row('c', 10));
    expect(recent.get('b')).toBeUndefined();
    expect(recent.get('a')).toBeDefined();
    expect(recent.get('c')).toBeDefined();
    recent.set(row('d', 95)); // over the byte budget together with any other: alone it stays
    expect(recent.get('a')).toBeUndefined();
    expect(recent.get('c')).toBeUndefined();
    expect(recent.get('d')).toBeDefined();
    recent.set(row('e', 101)); // larger than the whole budget: never kept
    expect(recent.get('e')).toBeUndefined();
    expect(recent.get('d')).toBeDefined();
  });
});
