import type { CitationHubDb, LibraryEntry } from '../db/database';
import type { Paper } from '../domain/paper';
import { newEntry, normalizeTags, snapshotPaper } from './entry';
import { filterAndSort, type LibraryQuery } from './query';

/**
 * The saved-papers library over the `library` table. Every write runs in a Dexie transaction scoped to
 * `library` alone: nothing here reads or writes `hubs`, so clearing or evicting the cache can never touch it.
 */

/**
 * Saves a paper, or refreshes the metadata of an already saved one: the user's tags, notes, read state and
 * saved time are kept, and fields the new snapshot lacks keep their old values. Saving twice changes nothing.
 */
export async function save(db: CitationHubDb, paper: Paper, now: number): Promise<LibraryEntry> {
  const fresh = newEntry(paper, now);
  return db.transaction('rw', db.library, async () => {
    const existing = await db.library.get(fresh.id);
    if (existing === undefined) {
      await db.library.add(fresh);
      return fresh;
    }
    const refreshed: LibraryEntry = { ...existing, paper: { ...existing.paper, ...snapshotPaper(paper) } };
    await db.library.put(refreshed);
    return refreshed;
  });
}

export async function unsave(db: CitationHubDb, id: string): Promise<void> {
  await db.transaction('rw', db.library, () => db.library.delete(id));
}

export async function isSaved(db: CitationHubDb, id: string): Promise<boolean> {
  return (await db.library.where('id').equals(id).count()) > 0;
}

/** Which of `ids` are saved: one query for a whole list of paper rows. */
export async function savedIds(db: CitationHubDb, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const keys = await db.library.where('id').anyOf([...ids]).primaryKeys();
  return new Set(keys);
}

export async function get(db: CitationHubDb, id: string): Promise<LibraryEntry | undefined> {
  return db.library.get(id);
}

export async function list(db: CitationHubDb, options: LibraryQuery = {}): Promise<LibraryEntry[]> {
  return filterAndSort(await db.library.toArray(), options);
}

/** The `n` most recently saved entries, newest first (the popup's list). */
export async function recent(db: CitationHubDb, n: number): Promise<LibraryEntry[]> {
  if (n <= 0) return [];
  return db.library.orderBy('savedAt').reverse().limit(n).toArray();
}

/** Every tag in use, sorted for display. */
export async function allTags(db: CitationHubDb): Promise<string[]> {
  const tags = (await db.library.orderBy('tags').uniqueKeys()) as string[];
  return tags.sort((a, b) => a.localeCompare(b, 'en', { sensitivity: 'base' }) || (a < b ? -1 : a > b ? 1 : 0));
}

export type EntryChange = Partial<Pick<LibraryEntry, 'tags' | 'notes' | 'read'>>;

/** Applies several edits in one transaction (one `updatedAt`); tags are normalized. Undefined when not saved. */
export async function update(db: CitationHubDb, id: string, change: EntryChange, now: number): Promise<LibraryEntry | undefined> {
  const { tags, notes, read } = change;
  return edit(db, id, now, {
    ...(tags !== undefined && { tags: normalizeTags(tags) }),
    ...(notes !== undefined && { notes }),
    ...(read !== undefined && { read }),
  });
}

export async function setTags(db: CitationHubDb, id: string, tags: readonly string[], now: number): Promise<LibraryEntry | undefined> {
  return edit(db, id, now, { tags: normalizeTags(tags) });
}

export async function setNotes(db: CitationHubDb, id: string, notes: string, now: number): Promise<LibraryEntry | undefined> {
  return edit(db, id, now, { notes });
}

export async function setRead(db: CitationHubDb, id: string, read: boolean, now: number): Promise<LibraryEntry | undefined> {
  return edit(db, id, now, { read });
}

/** Deletes entries and returns them as they were, for `restore` (undo). Unknown ids are ignored. */
export async function remove(db: CitationHubDb, ids: readonly string[]): Promise<LibraryEntry[]> {
  return db.transaction('rw', db.library, async () => {
    const found = (await db.library.bulkGet([...ids])).filter((entry): entry is LibraryEntry => entry !== undefined);
    await db.library.bulkDelete(found.map((entry) => entry.id));
    return found;
  });
}

/** Puts removed entries back exactly as they were (tags, notes, times). */
export async function restore(db: CitationHubDb, entries: readonly LibraryEntry[]): Promise<void> {
  if (entries.length === 0) return;
  await db.transaction('rw', db.library, () => db.library.bulkPut([...entries]));
}

async function edit(
  db: CitationHubDb,
  id: string,
  now: number,
  change: EntryChange,
): Promise<LibraryEntry | undefined> {
  return db.transaction('rw', db.library, async () => {
    const existing = await db.library.get(id);
    if (existing === undefined) return undefined;
    const updated: LibraryEntry = { ...existing, ...change, updatedAt: now };
    await db.library.put(updated);
    return updated;
  });
}
