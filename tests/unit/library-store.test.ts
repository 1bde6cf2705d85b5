import { afterEach, describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import { openDatabase, type CachedHub, type CitationHubDb } from '../../lib/db/database';
import type { Paper } from '../../lib/domain/paper';
import * as library from '../../lib/library/store';

let counter = 0;
const opened: CitationHubDb[] = [];
function freshDb(): CitationHubDb {
  const db = openDatabase(`library-store-test-${++counter}`);
  opened.push(db);
  return db;
}
afterEach(async () => {
  for (const db of opened.splice(0)) {
    db.close();
    await Dexie.delete(db.name);
  }
});

function paper(arxivId: string, title: string, extra: Partial<Paper> = {}): Paper {
  return { paperId: `s2-${arxivId}`, arxivId, title, authors: ['Ada Lovelace'], ...extra };
}

describe('save / unsave / isSaved', () => {
  it('saves a paper under its library id and unsaves it', async () => {
    const db = freshDb();
    const entry = await library.save(db, paper('2112.11446', 'Scaling Language Models'), 1000);
    expect(entry.id).toBe('arxiv:2112.11446');
    expect(await library.isSaved(db, 'arxiv:2112.11446')).toBe(true);
    await library.unsave(db, 'arxiv:2112.11446');
    expect(await library.isSaved(db, 'arxiv:2112.11446')).toBe(false);
    expect(await db.library.count()).toBe(0);
  });

  it('saving twice keeps tags, notes, read state and the first saved time', async () => {
    const db = freshDb();
    await library.save(db, paper('2112.11446', 'Scaling'), 1000);
    await library.setTags(db, 'arxiv:2112.11446', ['llm'], 2000);
    await library.setNotes(db, 'arxiv:2112.11446', 'read section 3', 3000);
    await library.setRead(db, 'arxiv:2112.11446', true, 4000);
    const before = await db.library.get('arxiv:2112.11446');

    await library.save(db, paper('2112.11446', 'Scaling'), 9000);
    expect(await db.library.toArray()).toStrictEqual([before]);
    expect(before).toMatchObject({ savedAt: 1000, updatedAt: 4000, tags: ['llm'], notes: 'read section 3', read: true });

    // The same paper seen with a version number is still the same entry.
    await library.save(db, { ...paper('2112.11446', 'Scaling'), arxivId: '2112.11446v2' }, 9500);
    expect(await db.library.count()).toBe(1);
    expect(await db.library.get('arxiv:2112.11446')).toMatchObject({ savedAt: 1000, tags: ['llm'], notes: 'read section 3' });
  });

  it('a re-save with less metadata does not erase what the snapshot already had', async () => {
    const db = freshDb();
    await library.save(db, paper('2112.11446', 'Scaling', { abstract: 'We study…', year: 2021 }), 1000);
    await library.save(db, paper('2112.11446', 'Scaling'), 2000);
    expect((await db.library.get('arxiv:2112.11446'))!.paper).toMatchObject({ abstract: 'We study…', year: 2021 });
  });

  it('savedIds answers for a whole list of rows at once', async () => {
    const db = freshDb();
    await library.save(db, paper('2112.11446', 'A'), 1);
    await library.save(db, paper('1706.03762', 'B'), 2);
    const saved = await library.savedIds(db, ['arxiv:1706.03762', 'arxiv:0000.00000', 'arxiv:2112.11446']);
    expect([...saved].sort()).toEqual(['arxiv:1706.03762', 'arxiv:2112.11446']);
    expect(await library.savedIds(db, [])).toEqual(new Set());
  });
});

describe('list', () => {
  async function seeded(): Promise<CitationHubDb> {
    const db = freshDb();
    await library.save(db, paper('2101.00001', 'Zebra Models of Gödel Numbering', { year: 2019, authors: ['Kurt Gödel'] }), 100);
    await library.save(db, paper('2101.00002', 'attention for Everyone', { year: 2023, authors: ['Ashish Vaswani'] }), 300);
    await library.save(db, paper('2101.00003', 'Bayesian Things', { authors: ['Thomas Bayes'] }), 200);
    await library.setTags(db, 'arxiv:2101.00001', ['Logic', 'classic'], 400);
    await library.setNotes(db, 'arxiv:2101.00003', 'Compare with the Transformer paper', 500);
    await library.setRead(db, 'arxiv:2101.00002', true, 600);
    return db;
  }
  const ids = (entries: { id: string }[]) => entries.map((entry) => entry.id.replace('arxiv:2101.0000', '#'));

  it('sorts by saved time (newest first), year (newest first, unknown last) and title (A→Z, case-insensitive)', async () => {
    const db = await seeded();
    expect(ids(await library.list(db))).toEqual(['#2', '#3', '#1']);
    expect(ids(await library.list(db, { sort: 'year' }))).toEqual(['#2', '#1', '#3']);
    expect(ids(await library.list(db, { sort: 'title' }))).toEqual(['#2', '#3', '#1']);
  });

  it('searches title, authors, notes and tags, case- and accent-insensitively, all words required', async () => {
    const db = await seeded();
    expect(ids(await library.list(db, { query: 'GODEL' }))).toEqual(['#1']);
    expect(ids(await library.list(db, { query: 'vaswani' }))).toEqual(['#2']);
    expect(ids(await library.list(db, { query: 'transformer' }))).toEqual(['#3']);
    expect(ids(await library.list(db, { query: 'CLASSIC' }))).toEqual(['#1']);
    expect(ids(await library.list(db, { query: 'zebra classic' }))).toEqual(['#1']);
    expect(ids(await library.list(db, { query: 'zebra bayes' }))).toEqual([]);
  });

  it('filters by tag and by read state', async () => {
    const db = await seeded();
    expect(ids(await library.list(db, { tag: 'logic' }))).toEqual(['#1']);
    expect(ids(await library.list(db, { read: true }))).toEqual(['#2']);
    expect(ids(await library.list(db, { read: false, sort: 'title' }))).toEqual(['#3', '#1']);
  });

  it('recent returns the n newest saves; allTags every tag once, sorted', async () => {
    const db = await seeded();
    await library.setTags(db, 'arxiv:2101.00002', ['classic', 'nlp'], 700);
    expect(ids(await library.recent(db, 2))).toEqual(['#2', '#3']);
    expect(await library.recent(db, 0)).toEqual([]);
    expect(await library.allTags(db)).toEqual(['classic', 'Logic', 'nlp']);
  });
});

describe('edits', () => {
  it('setTags normalizes and stamps updatedAt; editing an unknown id changes nothing', async () => {
    const db = freshDb();
    await library.save(db, paper('2112.11446', 'A'), 1000);
    const updated = await library.setTags(db, 'arxiv:2112.11446', [' nlp ', 'NLP', 'theory'], 5000);
    expect(updated).toMatchObject({ tags: ['nlp', 'theory'], updatedAt: 5000, savedAt: 1000 });
    expect(await library.setNotes(db, 'arxiv:missing', 'x', 6000)).toBeUndefined();
    expect(await db.library.count()).toBe(1);
  });

  it('update applies tags, notes and read state together and leaves unmentioned fields alone', async () => {
    const db = freshDb();
    await library.save(db, paper('2112.11446', 'A'), 1000);
    await library.setNotes(db, 'arxiv:2112.11446', 'keep', 1500);
    const updated = await library.update(db, 'arxiv:2112.11446', { tags: ['x', 'X'], read: true }, 7000);
    expect(updated).toMatchObject({ tags: ['x'], read: true, notes: 'keep', updatedAt: 7000 });
    expect(await db.library.get('arxiv:2112.11446')).toStrictEqual(updated);
    expect(await library.update(db, 'arxiv:missing', { read: true }, 8000)).toBeUndefined();
  });
});

describe('remove and restore (undo)', () => {
  it('remove returns the removed entries exactly; restore brings them back unchanged', async () => {
    const db = freshDb();
    await library.save(db, paper('2101.00001', 'One'), 1);
    await library.save(db, paper('2101.00002', 'Two'), 2);
    await library.save(db, paper('2101.00003', 'Three'), 3);
    await library.setNotes(db, 'arxiv:2101.00002', 'my notes', 10);
    await library.setTags(db, 'arxiv:2101.00002', ['keep'], 11);
    const before = await db.library.orderBy('id').toArray();

    const removed = await library.remove(db, ['arxiv:2101.00002', 'arxiv:2101.00003', 'arxiv:not-saved']);
    expect(removed.map((entry) => entry.id)).toEqual(['arxiv:2101.00002', 'arxiv:2101.00003']);
    expect(await db.library.count()).toBe(1);

    await library.restore(db, removed);
    expect(await db.library.orderBy('id').toArray()).toStrictEqual(before);
  });
});

describe('the library and the hub cache are independent', () => {
  const hub = (arxivId: string): CachedHub => ({
    arxivId, data: {} as CachedHub['data'], fetchedAt: 1, lastAccessedAt: 1, sizeBytes: 10, complete: true,
  });

  it('clearing the hubs table leaves every saved paper, tag and note in place', async () => {
    const db = freshDb();
    await library.save(db, paper('2112.11446', 'A'), 1);
    await library.setNotes(db, 'arxiv:2112.11446', 'keep me', 2);
    await db.hubs.bulkPut([hub('2112.11446'), hub('1706.03762')]);
    const before = await db.library.toArray();

    await db.hubs.clear();
    expect(await db.hubs.count()).toBe(0);
    expect(await db.library.toArray()).toStrictEqual(before);
  });

  it('no library operation reads or writes the hubs table', async () => {
    const db = freshDb();
    await db.hubs.bulkPut([hub('2112.11446')]);
    const hubsBefore = await db.hubs.toArray();
    // Any access to `hubs` through this handle fails the test, so the store cannot even open a transaction on it.
    const libraryOnly = new Proxy(db, {
      get(target, property, receiver) {
        if (property === 'hubs') throw new Error('library code touched the hubs table');
        return Reflect.get(target, property, receiver);
      },
    });
    await library.save(libraryOnly, paper('2112.11446', 'A'), 1);
    await library.setTags(libraryOnly, 'arxiv:2112.11446', ['x'], 2);
    await library.setNotes(libraryOnly, 'arxiv:2112.11446', 'n', 3);
    await library.setRead(libraryOnly, 'arxiv:2112.11446', true, 4);
    await library.list(libraryOnly, { query: 'a' });
    await library.recent(libraryOnly, 5);
    await library.allTags(libraryOnly);
    await library.savedIds(libraryOnly, ['arxiv:2112.11446']);
    const removed = await library.remove(libraryOnly, ['arxiv:2112.11446']);
    await library.restore(libraryOnly, removed);
    await library.unsave(libraryOnly, 'arxiv:2112.11446');
    expect(await db.hubs.toArray()).toStrictEqual(hubsBefore);
  });
});
