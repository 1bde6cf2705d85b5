/**
 * Resumable fetch progress: one row per paper while its pipeline runs, deleted when the hub completes.
 * The pipeline writes it in the same transaction as the partial hub (see saveFetchStep in cache.ts),
 * so a worker killed between two requests never forgets a page it already stored.
 */
import type { CitationHubDb, FetchProgress } from './database';

export function newFetchProgress(arxivId: string, now: number, cursor: Record<string, unknown>): FetchProgress {
  return { arxivId, startedAt: now, updatedAt: now, citationOffsets: [], batchesDone: [], cursor };
}

export async function readProgress(db: CitationHubDb, arxivId: string): Promise<FetchProgress | undefined> {
  return db.progress.get(arxivId);
}

export async function writeProgress(db: CitationHubDb, progress: FetchProgress): Promise<void> {
  await db.progress.put(progress);
}

export async function deleteProgress(db: CitationHubDb, arxivId: string): Promise<void> {
  await db.progress.delete(arxivId);
}
