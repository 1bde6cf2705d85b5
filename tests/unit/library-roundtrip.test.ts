import { afterAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import Dexie from 'dexie';
import { openDatabase, type LibraryEntry } from '../../lib/db/database';
import type { Paper } from '../../lib/domain/paper';
import { exportLibrary } from '../../lib/library/export';
import { mergeInto, parseBackup } from '../../lib/library/importBackup';
import * as library from '../../lib/library/store';

// Text as users and sources produce it: any code point (astral emoji, RTL marks, combining accents, quotes,
// backslashes, control characters), sometimes long.
const text = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.constantFrom('', '\u200F\u05E9\u05DC\u05D5\u05DD', '𝔘𝔫𝔦𝔠𝔬𝔡𝔢 😀👩‍🔬', 'van der Waals', '"quoted" \\ {brace', '\u0000\n\t'),
);
const longText = fc.oneof(text, fc.string({ unit: 'binary', minLength: 2000, maxLength: 6000 }));
const epochMs = fc.integer({ min: 0, max: 4_102_444_800_000 });

const paper: fc.Arbitrary<Paper> = fc.record(
  {
    paperId: fc.string({ unit: 'binary', minLength: 1, maxLength: 40 }),
    title: text,
    authors: fc.array(text, { maxLength: 8 }),
    arxivId: text,
    doi: text,
    corpusId: fc.integer({ min: 0 }),
    year: fc.integer({ min: -3000, max: 3000 }),
    venue: text,
    publicationDate: text,
    abstract: longText,
    tldr: text,
    citationCount: fc.nat(),
    influentialCitationCount: fc.nat(),
    referenceCount: fc.nat(),
    url: text,
    openAccessPdfUrl: text,
  },
  { requiredKeys: ['paperId', 'title', 'authors'] },
);

const entry: fc.Arbitrary<LibraryEntry> = fc.record({
  id: fc.string({ unit: 'binary', minLength: 1, maxLength: 30 }),
  paper,
  savedAt: epochMs,
  updatedAt: epochMs,
  tags: fc.array(text, { maxLength: 30 }),
  notes: longText,
  read: fc.boolean(),
});

const libraryArb = fc.uniqueArray(entry, { selector: (e) => e.id, maxLength: 25 });

let counter = 0;
const names: string[] = [];
afterAll(async () => {
  for (const name of names) await Dexie.delete(name);
});

describe('JSON backup round trip', () => {
  it('export → wipe → import gives back an identical library', async () => {
    await fc.assert(
      fc.asyncProperty(libraryArb, fc.integer({ min: 0, max: 4_102_444_800_000 }), async (entries, now) => {
        const name = `library-roundtrip-${++counter}`;
        names.push(name);
        const db = openDatabase(name);
        try {
          await library.restore(db, entries);
          const before = await db.library.orderBy('id').toArray();

          const file = exportLibrary(await library.list(db), 'json', now);
          await db.library.clear();
          expect(await db.library.count()).toBe(0);

          const parsed = parseBackup(file.content);
          if (!parsed.ok) throw new Error(parsed.message);
          const counts = await mergeInto(db, parsed.entries);

          expect(counts).toEqual({ added: entries.length, updated: 0, unchanged: 0 });
          expect(await db.library.orderBy('id').toArray()).toStrictEqual(before);
        } finally {
          db.close();
        }
      }),
      { numRuns: 60 },
    );
  });
});
