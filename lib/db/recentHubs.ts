import type { CachedHub } from './database';

/**
 * The last few hubs read or written, kept in the worker's memory while it lives. Reopening one of
 * them skips the IndexedDB read and its shape check, and hands back the same `data` object, so the
 * view built from it (memoised per data object by the ports) is reused instead of rebuilt. Only
 * lib/db/cache.ts writes the hubs table, and it keeps this in step with every write and delete.
 * Bounded by the hubs' serialized size so a 10,000-citation hub does not stay in memory after its tab closed.
 */
export class RecentHubs {
  private readonly rows = new Map<string, CachedHub>();

  constructor(
    private readonly maxEntries: number,
    private readonly maxTotalBytes: number,
  ) {}

  get(arxivId: string): CachedHub | undefined {
    const row = this.rows.get(arxivId);
    if (!row) return undefined;
    // Most recently used last, so eviction takes the first.
    this.rows.delete(arxivId);
    this.rows.set(arxivId, row);
    return row;
  }

  set(row: CachedHub): void {
    this.rows.delete(row.arxivId);
    if (row.sizeBytes > this.maxTotalBytes) return;
    this.rows.set(row.arxivId, row);
    let total = 0;
    for (const kept of this.rows.values()) total += kept.sizeBytes;
    for (const [arxivId, oldest] of this.rows) {
      if (this.rows.size <= this.maxEntries && total <= this.maxTotalBytes) break;
      this.rows.delete(arxivId);
      total -= oldest.sizeBytes;
    }
  }

  /** A new access time; the data object stays the same. */
  touch(arxivId: string, lastAccessedAt: number): void {
    const row = this.rows.get(arxivId);
    if (row) this.rows.set(arxivId, { ...row, lastAccessedAt });
  }

  delete(arxivId: string): void {
    this.rows.delete(arxivId);
  }

  clear(): void {
    this.rows.clear();
  }
}
