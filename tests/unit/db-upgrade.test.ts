import { afterEach, describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import { openDatabase, type CachedHub, type LibraryEntry } from '../../lib/db/database';

/**
 * The library must survive every schema upgrade. This test writes data with the FIRST released schema, declared
 * here as a raw Dexie definition (copied, never imported, so it stays v1 when lib/db/database.ts moves on), then
 * opens the same database with the current `openDatabase`.
 */
const V1_STORES = {
  hubs: 'arxivId, fetchedAt, lastAccessedAt',
  progress: 'arxivId',
  library: 'id, savedAt, updatedAt, *tags',
};

const V1_LIBRARY: LibraryEntry[] = [
  {
    id: 'arxiv:1706.03762',
    paper: { paperId: '204e3073870fae3d05bcbc2f6a8e263d9b72e776', arxivId: '1706.03762', title: 'Attention Is All You Need', authors: ['Ashish Vaswani', 'Noam Shazeer'], year: 2017, venue: 'NeurIPS', tldr: 'Transformers.' },
    savedAt: 1_600_000_000_000, updatedAt: 1_650_000_000_000, tags: ['nlp', 'classic'], notes: 'Read §3.2 again ✍️\nmultiline', read: true,
  },
  {
    id: 's2:abc',
    paper: { paperId: 'abc', title: 'Ünïcödé 😀 \u200F', authors: [] },
    savedAt: 1_700_000_000_000, updatedAt: 1_700_000_000_000, tags: [], notes: '', read: false,
  },
];

const V1_HUB: CachedHub = {
  arxivId: '1706.03762', data: { arxivId: '1706.03762' } as unknown as CachedHub['data'], fetchedAt: 1, lastAccessedAt: 2, sizeBytes: 100, complete: true,
};

let counter = 0;
const names: string[] = [];
afterEach(async () => {
  for (const name of names.splice(0)) await Dexie.delete(name);
});

async function createV1Database(): Promise<string> {
  const name = `db-upgrade-test-${++counter}`;
  names.push(name);
  const v1 = new Dexie(name);
  v1.version(1).stores(V1_STORES);
  await v1.table('library').bulkAdd(V1_LIBRARY);
  await v1.table('hubs').add(V1_HUB);
  await v1.table('progress').add({ arxivId: '1706.03762', startedAt: 1, updatedAt: 1, citationOffsets: [0], batchesDone: [], cursor: {} });
  v1.close();
  return name;
}

describe('opening a v1 database with the current schema', () => {
  it('keeps every library entry, tag and note intact', async () => {
    const name = await createV1Database();
    const db = openDatabase(name);
    try {
      await db.open();
      expect(await db.library.orderBy('id').toArray()).toStrictEqual(V1_LIBRARY);
      // The indexes the library relies on still answer.
      expect(await db.library.where('tags').equals('nlp').primaryKeys()).toEqual(['arxiv:1706.03762']);
      expect((await db.library.orderBy('savedAt').reverse().first())?.id).toBe('s2:abc');
    } finally {
      db.close();
    }
  });

  it('can still save into the upgraded library', async () => {
    const name = await createV1Database();
    const db = openDatabase(name);
    try {
      await db.library.put({ ...V1_LIBRARY[1]!, id: 's2:new' });
      expect(await db.library.count()).toBe(V1_LIBRARY.length + 1);
    } finally {
      db.close();
    }
  });
});
