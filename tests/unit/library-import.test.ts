import { afterEach, describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import { openDatabase, type CitationHubDb, type LibraryEntry } from '../../lib/db/database';
import { MAX_BACKUP_BYTES, mergeInto, parseBackup } from '../../lib/library/importBackup';
import { toBackup } from '../../lib/export/backup';

let counter = 0;
const opened: CitationHubDb[] = [];
function freshDb(): CitationHubDb {
  const db = openDatabase(`library-import-test-${++counter}`);
  opened.push(db);
  return db;
}
afterEach(async () => {
  for (const db of opened.splice(0)) {
    db.close();
    await Dexie.delete(db.name);
  }
});

function entry(n: number, overrides: Partial<LibraryEntry> = {}): LibraryEntry {
  return {
    id: `arxiv:2101.0000${n}`,
    paper: { paperId: `p${n}`, arxivId: `2101.0000${n}`, title: `Paper ${n}`, authors: ['Ada Lovelace'], year: 2021 },
    savedAt: 1000 * n,
    updatedAt: 1000 * n,
    tags: ['t'],
    notes: `notes ${n}`,
    read: false,
    ...overrides,
  };
}

const validBackup = (entries: LibraryEntry[]) => JSON.parse(toBackup(entries, 1_700_000_000_000)) as Record<string, unknown> & { entries: Record<string, unknown>[] };

/** Each bad file, and the exact start of the message the user must see. */
const BAD_FILES: [string, () => string, string][] = [
  ['an empty file', () => '', 'The file is empty.'],
  ['whitespace only', () => '  \n ', 'The file is empty.'],
  ['not JSON at all', () => '@misc{key, title={BibTeX, not a backup}}', 'The file is not valid JSON'],
  ['a truncated backup', () => toBackup([entry(1), entry(2)], 0).slice(0, 200), 'The file is not valid JSON (it may be truncated'],
  ['a JSON array', () => '[]', 'The file is not a library backup: expected a JSON object, got an array.'],
  ['another format', () => JSON.stringify({ ...validBackup([entry(1)]), format: 'zotero' }), 'format: expected "arxiv-citation-hub-library", got "zotero".'],
  ['a missing format', () => JSON.stringify({ version: 1, entries: [] }), 'format: expected "arxiv-citation-hub-library", got nothing.'],
  ['a newer version', () => JSON.stringify({ ...validBackup([entry(1)]), version: 2 }), 'version: expected 1, got 2.'],
  ['a version as string', () => JSON.stringify({ ...validBackup([]), version: '1' }), 'version: expected 1, got "1".'],
  ['entries not an array', () => JSON.stringify({ ...validBackup([]), entries: {} }), 'entries: expected array, got an object'],
  ['a missing exportedAt', () => { const b = validBackup([]); delete b.exportedAt; return JSON.stringify(b); }, 'exportedAt: missing (expected string)'],
  [
    'a wrong type deep inside the fourth entry',
    () => { const b = validBackup([entry(1), entry(2), entry(3), entry(4), entry(5)]); (b.entries[3]!.paper as Record<string, unknown>).title = 42; (b.entries[4]!.paper as Record<string, unknown>).title = null; return JSON.stringify(b); },
    'entries[3].paper.title: expected string, got 42',
  ],
  ['a missing required field', () => { const b = validBackup([entry(1), entry(2)]); delete b.entries[1]!.read; return JSON.stringify(b); }, 'entries[1].read: missing (expected boolean)'],
  ['a null optional field', () => { const b = validBackup([entry(1)]); (b.entries[0]!.paper as Record<string, unknown>).venue = null; return JSON.stringify(b); }, 'entries[0].paper.venue: expected string, got null'],
  ['a fractional year', () => { const b = validBackup([entry(1)]); (b.entries[0]!.paper as Record<string, unknown>).year = 2020.5; return JSON.stringify(b); }, 'entries[0].paper.year: expected int, got 2020.5'],
  ['a tag that is not a string', () => { const b = validBackup([entry(1)]); b.entries[0]!.tags = ['ok', 7]; return JSON.stringify(b); }, 'entries[0].tags[1]: expected string, got 7'],
  ['duplicate ids', () => JSON.stringify(validBackup([entry(1), entry(2), { ...entry(3), id: entry(1).id }])), 'entries[2].id: duplicate id "arxiv:2101.00001" (already used by entries[0]).'],
  ['a file over the size limit', () => JSON.stringify({ ...validBackup([entry(1)]), padding: ' '.repeat(MAX_BACKUP_BYTES) }), 'The file is larger than 50 MB'],
  [
    'a file under the limit in characters but over it in UTF-8 bytes',
    () => JSON.stringify({ ...validBackup([entry(1)]), padding: '€'.repeat(Math.ceil(MAX_BACKUP_BYTES / 3) + 1) }),
    'The file is larger than 50 MB',
  ],
  ['too many entries', () => JSON.stringify({ ...validBackup([]), entries: new Array(100_001).fill(0) }), 'entries: 100001 entries; a backup can hold at most 100000.'],
];

describe('parseBackup rejects bad files with the first problem named', () => {
  it.each(BAD_FILES)('%s', (_name, makeFile, expectedStart) => {
    const result = parseBackup(makeFile());
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message.startsWith(expectedStart), result.message).toBe(true);
  });

  it('accepts a valid backup and returns its entries', () => {
    const entries = [entry(1), entry(2, { tags: [], notes: '', read: true })];
    expect(parseBackup(toBackup(entries, 5))).toStrictEqual({ ok: true, entries });
  });

  it('accepts an empty library', () => {
    expect(parseBackup(toBackup([], 5))).toStrictEqual({ ok: true, entries: [] });
  });
});

describe('a rejected import leaves the library unchanged', () => {
  it.each(BAD_FILES)('%s', async (_name, makeFile) => {
    const db = freshDb();
    await db.library.bulkPut([entry(1), entry(2, { notes: 'mine' })]);
    const before = await db.library.orderBy('id').toArray();

    // What the options page does: parse, and merge only what parsed.
    const parsed = parseBackup(makeFile());
    if (parsed.ok) await mergeInto(db, parsed.entries);

    expect(parsed.ok).toBe(false);
    expect(await db.library.orderBy('id').toArray()).toStrictEqual(before);
  });
});

describe('mergeInto', () => {
  it('adds new ids, takes the newer updatedAt for shared ids, keeps the library copy on ties or when it is newer', async () => {
    const db = freshDb();
    await db.library.bulkPut([
      entry(1, { updatedAt: 5000, notes: 'library, older' }),
      entry(2, { updatedAt: 5000, notes: 'library, tie' }),
      entry(3, { updatedAt: 9000, notes: 'library, newer' }),
    ]);
    const counts = await mergeInto(db, [
      entry(1, { updatedAt: 6000, notes: 'imported, newer', tags: ['from-import'] }),
      entry(2, { updatedAt: 5000, notes: 'imported, tie' }),
      entry(3, { updatedAt: 8000, notes: 'imported, older' }),
      entry(4, { notes: 'imported, new' }),
    ]);
    expect(counts).toEqual({ added: 1, updated: 1, unchanged: 2 });
    const notes = (await db.library.orderBy('id').toArray()).map((e) => [e.id, e.notes, e.tags]);
    expect(notes).toEqual([
      ['arxiv:2101.00001', 'imported, newer', ['from-import']],
      ['arxiv:2101.00002', 'library, tie', ['t']],
      ['arxiv:2101.00003', 'library, newer', ['t']],
      ['arxiv:2101.00004', 'imported, new', ['t']],
    ]);
  });

  it('importing the same backup twice adds nothing the second time', async () => {
    const db = freshDb();
    const parsed = parseBackup(toBackup([entry(1), entry(2)], 0));
    if (!parsed.ok) throw new Error(parsed.message);
    expect(await mergeInto(db, parsed.entries)).toEqual({ added: 2, updated: 0, unchanged: 0 });
    expect(await mergeInto(db, parsed.entries)).toEqual({ added: 0, updated: 0, unchanged: 2 });
    expect(await db.library.count()).toBe(2);
  });

  it('is all or nothing: a write failing midway leaves the library as it was', async () => {
    const db = freshDb();
    await db.library.bulkPut([entry(1, { updatedAt: 1 })]);
    const before = await db.library.toArray();
    // An entry IndexedDB cannot store (a function does not survive structured cloning), after a valid
    // update and a valid addition.
    const unstorable = { ...entry(3), notes: (() => 'not data') as unknown as string };
    await expect(mergeInto(db, [entry(1, { updatedAt: 99, notes: 'changed' }), entry(2), unstorable])).rejects.toThrow();
    expect(await db.library.toArray()).toStrictEqual(before);
  });
});
