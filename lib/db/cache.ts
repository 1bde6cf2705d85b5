/**
 * The hub cache: one row per paper (canonical arXiv id) in `hubs`, bounded by a size cap with
 * least-recently-opened eviction. Only `hubs` and `progress` are ever evicted or cleared; the
 * `library` table is never touched here, whatever happens to storage.
 */
import { z } from 'zod';
import { HubDataSchema, type HubData } from '../domain/hub';
import type { CachedHub, CitationHubDb, FetchProgress } from './database';
import { RecentHubs } from './recentHubs';

export const DEFAULT_CACHE_LIFETIME_MS = 24 * 60 * 60 * 1000;
export const DEFAULT_CACHE_CAP_BYTES = 200 * 1024 * 1024;

/** Raised when storage stays full after evicting every other cached hub. */
export class CacheFullError extends Error {
  constructor(message = 'Storage is full: this hub could not be saved for offline use.') {
    super(message);
    this.name = 'CacheFullError';
  }
}

/** The JSON length of the data: what the size cap counts. */
export function serializedSize(data: HubData): number {
  return JSON.stringify(data).length;
}

export function isFresh(hub: Pick<CachedHub, 'complete' | 'fetchedAt'>, now: number, lifetimeMs: number): boolean {
  return hub.complete && now - hub.fetchedAt < lifetimeMs;
}

/** Both the DOM's and Dexie's quota errors are named QuotaExceededError (Dexie may wrap the DOM one). */
export function isQuotaError(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { name, inner } = error as { name?: unknown; inner?: unknown };
  return name === 'QuotaExceededError' || (inner !== undefined && inner !== error && isQuotaError(inner));
}

/*
 * What a cached row must look like to be served. Everything in it was validated when it arrived from
 * the network, so this only guards against rows written by another version of the extension: the
 * full schema except that citations and papers are checked one level deep (a full parse of a
 * 5,000-citation hub costs hundreds of milliseconds on every open).
 */
const ShallowPaperSchema = z.object({ paperId: z.string(), title: z.string(), authors: z.array(z.string()) });
const ShallowCitationSchema = z.object({ citing: ShallowPaperSchema, isInfluential: z.boolean(), intents: z.array(z.string()), sentences: z.array(z.object({ text: z.string() })) });
const CachedHubDataSchema = HubDataSchema.extend({
  paper: ShallowPaperSchema.nullable(),
  citations: z.array(ShallowCitationSchema),
  referencesByCiting: z.record(z.string(), z.array(z.unknown())),
  coCitedPapers: z.record(z.string(), ShallowPaperSchema),
  recommendations: z.array(ShallowPaperSchema),
});

/**
 * The cached hub, or undefined when absent or no longer valid (e.g. written by an older version
 * with another shape; such a row is dropped rather than shown half-broken).
 */
export async function readCachedHub(db: CitationHubDb, arxivId: string): Promise<CachedHub | undefined> {
  const recent = recentHubsOf(db).get(arxivId);
  if (recent) return recent;
  const row = await db.hubs.get(arxivId);
  if (!row) return undefined;
  // The row itself is returned, not the parse result: zod would strip fields the shallow schema omits.
  if (!CachedHubDataSchema.safeParse(row.data).success) {
    await removeHubs(db, [arxivId]);
    return undefined;
  }
  recentHubsOf(db).set(row);
  return row;
}

export async function touchCachedHub(db: CitationHubDb, arxivId: string, now: number): Promise<void> {
  const updated = await db.hubs.update(arxivId, { lastAccessedAt: now });
  if (updated) {
    ledgerFor(db)?.touch(arxivId, now);
    recentHubsOf(db).touch(arxivId, now);
  }
}

export interface HubWrite {
  arxivId: string;
  data: HubData;
  fetchedAt: number;
  lastAccessedAt: number;
  complete: boolean;
}

export interface SaveHubOptions {
  capBytes: number;
  /** Hubs that must survive eviction (e.g. others being fetched right now). The written hub always does. */
  keep?: Iterable<string>;
  /** Progress to store in the same transaction, or 'delete' when the fetch is complete. */
  progress?: FetchProgress | 'delete';
}

/**
 * Writes a hub (and its progress, atomically), then evicts least recently opened hubs until the cache
 * fits the cap. On a quota error, evicts every other cached hub and retries once before giving up.
 */
export async function saveCachedHub(db: CitationHubDb, hub: HubWrite, options: SaveHubOptions): Promise<{ evicted: string[] }> {
  const entry: CachedHub = { ...hub, sizeBytes: serializedSize(hub.data) };
  const keep = new Set(options.keep ?? []);
  keep.add(hub.arxivId);
  const ledger = await loadLedger(db);
  const { progress } = options;
  const evictedForQuota = await writeWithQuotaRetry(db, keep, () =>
    db.transaction('rw', db.hubs, db.progress, async () => {
      await db.hubs.put(entry);
      if (progress === 'delete') await db.progress.delete(hub.arxivId);
      else if (progress) await db.progress.put(progress);
    }),
  );
  ledger.set(entry);
  recentHubsOf(db).set(entry);
  const evicted = await evictToCap(db, options.capBytes, keep);
  return { evicted: [...evictedForQuota, ...evicted] };
}

/** Writes progress alone (used while a refresh runs: the good cached hub must stay as it is). */
export async function saveProgressOnly(db: CitationHubDb, progress: FetchProgress, keep: Iterable<string> = []): Promise<void> {
  const keepSet = new Set(keep);
  keepSet.add(progress.arxivId);
  await writeWithQuotaRetry(db, keepSet, () => db.progress.put(progress).then(() => undefined));
}

/** Evicts least recently opened hubs (never those in `keep`) until the total size fits `capBytes`. */
export async function evictToCap(db: CitationHubDb, capBytes: number, keep: ReadonlySet<string> = new Set()): Promise<string[]> {
  const ledger = await loadLedger(db);
  let total = ledger.totalBytes();
  if (total <= capBytes) return [];
  const victims: string[] = [];
  for (const { arxivId, sizeBytes } of ledger.leastRecentlyOpenedFirst()) {
    if (total <= capBytes) break;
    if (keep.has(arxivId)) continue;
    victims.push(arxivId);
    total -= sizeBytes;
  }
  await removeHubs(db, victims);
  return victims;
}

/** "Clear cache": hubs and fetch progress only, never the library. */
export async function clearCache(db: CitationHubDb): Promise<void> {
  await db.transaction('rw', db.hubs, db.progress, async () => {
    await db.hubs.clear();
    await db.progress.clear();
  });
  ledgers.delete(db);
  recentHubsOf(db).clear();
}

export async function cacheStats(db: CitationHubDb): Promise<{ hubs: number; bytes: number }> {
  const ledger = await loadLedger(db);
  return { hubs: ledger.size(), bytes: ledger.totalBytes() };
}

async function writeWithQuotaRetry(db: CitationHubDb, keep: ReadonlySet<string>, write: () => Promise<void>): Promise<string[]> {
  try {
    await write();
    return [];
  } catch (error) {
    if (!isQuotaError(error)) throw error;
  }
  const ledger = await loadLedger(db);
  const victims = ledger.leastRecentlyOpenedFirst().map((row) => row.arxivId).filter((id) => !keep.has(id));
  await removeHubs(db, victims);
  try {
    await write();
  } catch (error) {
    if (isQuotaError(error)) throw new CacheFullError();
    throw error;
  }
  return victims;
}

async function removeHubs(db: CitationHubDb, arxivIds: string[]): Promise<void> {
  if (arxivIds.length === 0) return;
  await db.transaction('rw', db.hubs, db.progress, async () => {
    await db.hubs.bulkDelete(arxivIds);
    await db.progress.bulkDelete(arxivIds);
  });
  const ledger = ledgerFor(db);
  const recent = recentHubsOf(db);
  for (const id of arxivIds) {
    ledger?.delete(id);
    recent.delete(id);
  }
}

/** At most 4 hubs and 8 MB of JSON (a 1,800-citation hub is ~2 MB) stay in memory. */
const RECENT_HUBS_MAX = 4;
const RECENT_HUBS_MAX_BYTES = 8 * 1024 * 1024;
const recentHubs = new WeakMap<CitationHubDb, RecentHubs>();

function recentHubsOf(db: CitationHubDb): RecentHubs {
  let recent = recentHubs.get(db);
  if (!recent) {
    recent = new RecentHubs(RECENT_HUBS_MAX, RECENT_HUBS_MAX_BYTES);
    recentHubs.set(db, recent);
  }
  return recent;
}

// Sizes and access times of the cached hubs, kept in memory: summing sizes from IndexedDB would read
// every cached hub in full (up to the cap) on each write. Built with one scan per database object and
// rebuilt whenever the row count disagrees (another extension page cleared or evicted something).
interface LedgerRow {
  arxivId: string;
  sizeBytes: number;
  lastAccessedAt: number;
}

class CacheLedger {
  private readonly rows = new Map<string, LedgerRow>();

  set({ arxivId, sizeBytes, lastAccessedAt }: LedgerRow): void {
    this.rows.set(arxivId, { arxivId, sizeBytes, lastAccessedAt });
  }
  touch(arxivId: string, lastAccessedAt: number): void {
    const row = this.rows.get(arxivId);
    if (row) row.lastAccessedAt = lastAccessedAt;
  }
  delete(arxivId: string): void {
    this.rows.delete(arxivId);
  }
  size(): number {
    return this.rows.size;
  }
  totalBytes(): number {
    let total = 0;
    for (const row of this.rows.values()) total += row.sizeBytes;
    return total;
  }
  leastRecentlyOpenedFirst(): LedgerRow[] {
    return [...this.rows.values()].sort((a, b) => a.lastAccessedAt - b.lastAccessedAt || a.arxivId.localeCompare(b.arxivId));
  }
}

const ledgers = new WeakMap<CitationHubDb, CacheLedger>();

function ledgerFor(db: CitationHubDb): CacheLedger | undefined {
  return ledgers.get(db);
}

async function loadLedger(db: CitationHubDb): Promise<CacheLedger> {
  const existing = ledgers.get(db);
  if (existing && existing.size() === (await db.hubs.count())) return existing;
  const ledger = new CacheLedger();
  await db.hubs.each((row) => ledger.set(row));
  ledgers.set(db, ledger);
  return ledger;
}
