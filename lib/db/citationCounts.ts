/**
 * Cached citation counts for listing-page badges, one small row per paper (canonical arXiv id).
 * Kept apart from `hubs`: a count is ~60 bytes and is read hundreds at a time, a hub is megabytes.
 * Cleared with the hub cache; never part of the library.
 */
import type { CachedCitationCount, CitationHubDb } from './database';

/** Rows for the given ids fetched after `freshAfter` (older or missing ids are simply absent). */
export async function readFreshCounts(db: CitationHubDb, arxivIds: readonly string[], freshAfter: number): Promise<Map<string, CachedCitationCount>> {
  const rows = await db.citationCounts.bulkGet([...arxivIds]);
  const fresh = new Map<string, CachedCitationCount>();
  for (const row of rows) {
    if (row && row.fetchedAt > freshAfter) fresh.set(row.arxivId, row);
  }
  return fresh;
}

/** Stores fetched counts and drops rows that went stale, so the table stays as small as the cache lifetime allows. */
export async function saveCounts(db: CitationHubDb, rows: readonly CachedCitationCount[], staleBefore: number): Promise<void> {
  await db.transaction('rw', db.citationCounts, async () => {
    await db.citationCounts.where('fetchedAt').below(staleBefore).delete();
    await db.citationCounts.bulkPut([...rows]);
  });
}

export async function clearCounts(db: CitationHubDb): Promise<number> {
  const count = await db.citationCounts.count();
  await db.citationCounts.clear();
  return count;
}
