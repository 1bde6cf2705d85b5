import Dexie, { type EntityTable } from 'dexie';
import type { HubData } from '../domain/hub';
import type { Paper } from '../domain/paper';

/** A cached hub. Never holds library data: eviction and "clear cache" only touch this table. */
export interface CachedHub {
  arxivId: string;
  data: HubData;
  fetchedAt: number;
  lastAccessedAt: number;
  /** Approximate serialized size, for the LRU size cap. */
  sizeBytes: number;
  /** True while a fetch for it is incomplete (see `progress`). */
  complete: boolean;
}

/** Resumable pipeline progress: what is already fetched, so a restarted worker never refetches it. */
export interface FetchProgress {
  arxivId: string;
  startedAt: number;
  updatedAt: number;
  /** Citation page offsets already fetched. */
  citationOffsets: number[];
  /** Indices of the citing-paper batches already fetched. */
  batchesDone: number[];
  /** Opaque pipeline cursor (stage flags) owned by lib/hub. */
  cursor: Record<string, unknown>;
}

/** A saved paper: a snapshot of its metadata plus the user's own organisation. */
export interface LibraryEntry {
  /** Stable key: `arxiv:<id>` when known, else `s2:<paperId>`, else `doi:<doi>`. */
  id: string;
  paper: Paper;
  savedAt: number;
  /** Last time the user edited tags, notes or read state; merge on import keeps the newer one. */
  updatedAt: number;
  tags: string[];
  notes: string;
  read: boolean;
}

/** A listing-page badge count (see lib/db/citationCounts.ts). Cache, like `hubs`: cleared with it, never the library. */
export interface CachedCitationCount {
  arxivId: string;
  /** Null: the source answered with no record for this id ("not indexed yet"). */
  citationCount: number | null;
  fetchedAt: number;
}

/**
 * A secret setting (API keys, the ask endpoint URL). Kept here, in the extension's own IndexedDB,
 * rather than in extension storage, which Chrome also hands to content scripts running in arXiv's
 * renderer. Settings, never cache: "clear cache" does not touch it.
 */
export interface StoredSecret {
  name: string;
  value: string;
}

/**
 * A reader's own polarity for one citing sentence of one paper's hub. The reader's data, not cache:
 * kept through "clear cache", cache eviction and relabelling by a new model.
 */
export interface PolarityCorrection {
  /** `arxivId`, citing paper id and sentence text joined by NUL: one correction per sentence. */
  id: string;
  arxivId: string;
  citingPaperId: string;
  text: string;
  label: 'supporting' | 'contrasting' | 'neutral';
  correctedAt: number;
}

export type CitationHubDb = Dexie & {
  hubs: EntityTable<CachedHub, 'arxivId'>;
  progress: EntityTable<FetchProgress, 'arxivId'>;
  library: EntityTable<LibraryEntry, 'id'>;
  citationCounts: EntityTable<CachedCitationCount, 'arxivId'>;
  secrets: EntityTable<StoredSecret, 'name'>;
  polarityCorrections: EntityTable<PolarityCorrection, 'id'>;
};

export const DB_NAME = 'arxiv-citation-hub';

/**
 * Schema history. Never edit a released version: add a new one with an upgrade.
 * v1 is the first released schema (tests/unit/db-upgrade.test.ts opens a v1 database with data in it).
 */
export function openDatabase(name: string = DB_NAME): CitationHubDb {
  const db = new Dexie(name) as CitationHubDb;
  db.version(1).stores({
    hubs: 'arxivId, fetchedAt, lastAccessedAt',
    progress: 'arxivId',
    library: 'id, savedAt, updatedAt, *tags',
  });
  // v2 adds the badge-count cache. Existing tables are untouched, so no data upgrade is needed:
  // a v1 database opens with its library, hubs and progress as they were and an empty count table.
  db.version(2).stores({
    citationCounts: 'arxivId, fetchedAt',
  });
  // v3 adds the secret settings. Secrets saved in extension storage by earlier versions move here the
  // first time settings are read (lib/settings/store.ts), so nothing needs upgrading in the database.
  db.version(3).stores({
    secrets: 'name',
  });
  // v4 adds the reader's polarity corrections; a new table, so nothing to upgrade.
  db.version(4).stores({
    polarityCorrections: 'id, arxivId',
  });
  return db;
}
