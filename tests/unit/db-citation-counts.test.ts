import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { clearCounts, readFreshCounts, saveCounts } from '../../lib/db/citationCounts';
import { openDatabase, type LibraryEntry } from '../../lib/db/database';

/** The first released schema, copied (never imported) so it stays v1 whatever lib/db/database.ts becomes. */
const V1_STORES = {
  hubs: 'arxivId, fetchedAt, lastAccessedAt',
  progress: 'arxivId',
  library: 'id, savedAt, updatedAt, *tags',
};
const SAVED: LibraryEntry = {
  id: 'arxiv:1706.03762',
  paper: { paperId: '204e3073870fae3d05bcbc2f6a8e263d9b72e776', arxivId: '1706.03762', title: 'Attention Is All You Need', authors: ['Ashish Vaswani'] },
  savedAt: 1_600_000_000_000, updatedAt: 1_600_000_000_000, tags: ['nlp'], notes: 'keep', read: false,
};

let counter = 0;
const names: string[] = [];
afterEach(async () => {
  for (const name of names.splice(0)) await Dexie.delete(name);
});
function uniqueName(): string {
  const name = `citation-counts-test-${++counter}`;
  names.push(name);
  return name;
}

describe('schema v2: the badge-count table', () => {
  it('upgrades a v1 database: library and cached hub untouched, an empty count table that takes writes', async () => {
    const name = uniqueName();
    const v1 = new Dexie(name);
    v1.version(1).stores(V1_STORES);
    await v1.table('library').add(SAVED);
    await v1.table('hubs').add({ arxivId: '1706.03762', data: {}, fetchedAt: 1, lastAccessedAt: 2, sizeBytes: 2, complete: true });
    v1.close();

    const db = openDatabase(name);
    try {
      await db.open();
      // v3 (secret settings) came later; the upgrade passes through v2 either way.
      expect(db.verno).toBe(4);
      expect(await db.library.toArray()).toStrictEqual([SAVED]);
      expect(await db.hubs.count()).toBe(1);
      expect(await db.citationCounts.count()).toBe(0);
      await saveCounts(db, [{ arxivId: '1706.03762', citationCount: 120_000, fetchedAt: 10 }], 0);
      expect(await db.citationCounts.get('1706.03762')).toEqual({ arxivId: '1706.03762', citationCount: 120_000, fetchedAt: 10 });
    } finally {
      db.close();
    }
  });
});

describe('badge-count cache', () => {
  it('reads only rows fetched after the freshness bound, including "not indexed" (null) rows', async () => {
    const db = openDatabase(uniqueName());
    try {
      await saveCounts(db, [
        { arxivId: 'old', citationCount: 1, fetchedAt: 100 },
        { arxivId: 'fresh', citationCount: 2, fetchedAt: 500 },
        { arxivId: 'unknown', citationCount: null, fetchedAt: 500 },
      ], 0);
      const fresh = await readFreshCounts(db, ['old', 'fresh', 'unknown', 'never'], 200);
      expect([...fresh.keys()].sort()).toEqual(['fresh', 'unknown']);
      expect(fresh.get('unknown')?.citationCount).toBeNull();
    } finally {
      db.close();
    }
  });

  it('drops stale rows when it writes, and clearing never touches the library', async () => {
    const db = openDatabase(uniqueName());
    try {
      await db.library.add(SAVED);
      await saveCounts(db, [{ arxivId: 'a', citationCount: 1, fetchedAt: 100 }], 0);
      await saveCounts(db, [{ arxivId: 'b', citationCount: 2, fetchedAt: 1_000 }], 500);
      expect(await db.citationCounts.toCollection().primaryKeys()).toEqual(['b']);
      expect(await clearCounts(db)).toBe(1);
      expect(await db.citationCounts.count()).toBe(0);
      expect(await db.library.count()).toBe(1);
    } finally {
      db.close();
    }
  });
});
