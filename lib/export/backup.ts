import type { LibraryEntry } from '../db/database';

export const BACKUP_FORMAT = 'arxiv-citation-hub-library';
export const BACKUP_VERSION = 1;

export interface LibraryBackup {
  format: typeof BACKUP_FORMAT;
  version: typeof BACKUP_VERSION;
  /** ISO 8601 UTC. */
  exportedAt: string;
  entries: LibraryEntry[];
}

/** The full library, tags and notes included: the only format `lib/library/importBackup.ts` reads back. */
export function toBackup(entries: readonly LibraryEntry[], exportedAt: number): string {
  const backup: LibraryBackup = {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: new Date(exportedAt).toISOString(),
    entries: entries.map(({ id, paper, savedAt, updatedAt, tags, notes, read }) => ({
      id, paper, savedAt, updatedAt, tags, notes, read,
    })),
  };
  return JSON.stringify(backup, null, 2) + '\n';
}
