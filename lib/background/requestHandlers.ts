import type { CitationHubDb } from '../db/database';
import * as library from '../library/store';
import { parseBackup, mergeInto } from '../library/importBackup';
import { exportLibrary } from '../library/export';
import { HandlerError, type Handlers } from '../messaging/router';
import type { SettingsStore } from '../settings/store';
import { toPublicSettings } from '../settings/schema';
import type { BadgeCounts } from '../badges/types';
import { AskUnavailableError, type AskService } from '../ask/service';
import type { Polarity } from '../domain/labels';
import type { ZoteroSendResult } from '../sources/zotero/service';
import { createPageSendLimit, PAGE_SENDS_PER_MINUTE } from './zotero';

export interface HandlerDeps {
  db: CitationHubDb;
  now: () => number;
  onLibraryChanged(): void;
  refreshHub(arxivId: string): void;
  /** Listing-page badge counts (lib/badges/service.ts); ids are already validated as canonical arXiv ids. */
  citationCounts(arxivIds: string[]): Promise<BadgeCounts>;
  clearCache(): Promise<number>;
  cacheStats(): Promise<{ hubs: number; bytes: number }>;
  storageEstimate(): Promise<{ quota: number | null; usage: number | null }>;
  settings: Pick<SettingsStore, 'load' | 'save'>;
  /** The optional ask box (lib/ask/service.ts). */
  ask: Pick<AskService, 'ask' | 'test'>;
  /**
   * Stores the reader's polarity for a sentence of a paper's hub and recounts open panels; resolves
   * false when that hub holds no such sentence.
   */
  correctPolarity(arxivId: string, citingPaperId: string, text: string, label: Polarity | null): Promise<boolean>;
  /** Send to Zotero (lib/background/zotero.ts): ids resolved in the background's own data. */
  sendToZotero(ids: readonly string[], arxivId: string | undefined): Promise<ZoteroSendResult>;
}

/** Ask failures are expected (endpoint down, key wrong, limits): their message goes to the user as-is. */
async function asking<T>(action: () => Promise<T>): Promise<T> {
  try {
    return await action();
  } catch (error) {
    if (error instanceof AskUnavailableError) throw new HandlerError('ask-unavailable', error.message);
    throw error;
  }
}

function isQuotaError(error: unknown): boolean {
  const name = (error as { name?: string; inner?: { name?: string } } | null)?.name ?? '';
  const inner = (error as { inner?: { name?: string } } | null)?.inner?.name ?? '';
  return name === 'QuotaExceededError' || inner === 'QuotaExceededError';
}

/** Library writes: a full disk is told to the user in words, never swallowed. */
async function write<T>(deps: HandlerDeps, action: () => Promise<T>): Promise<T> {
  try {
    const result = await action();
    deps.onLibraryChanged();
    return result;
  } catch (error) {
    if (!isQuotaError(error)) throw error;
    // Cached hubs go first; the library is never evicted.
    await deps.clearCache();
    try {
      const result = await action();
      deps.onLibraryChanged();
      return result;
    } catch (retryError) {
      if (isQuotaError(retryError)) {
        throw new HandlerError('storage-full', 'The browser has no storage left for this extension, even after clearing cached hubs. Free disk space, then try again; nothing was lost.');
      }
      throw retryError;
    }
  }
}

/** One handler per protocol message; the router has already validated and authorised it. */
export function createRequestHandlers(deps: HandlerDeps): Handlers {
  const { db, now } = deps;
  const pageMaySendToZotero = createPageSendLimit(now);
  return {
    'library/save': ({ paper }) => write(deps, () => library.save(db, paper, now())),
    'library/unsave': async ({ id }) => {
      const existed = await library.isSaved(db, id);
      await write(deps, () => library.unsave(db, id));
      return { removed: existed };
    },
    'library/savedIds': async ({ ids }) => [...(await library.savedIds(db, ids))],
    'library/recent': ({ limit }) => library.recent(db, limit),
    'library/list': ({ query, sort, tag, read }) => library.list(db, { query, sort, tag, read }),
    'library/allTags': () => library.allTags(db),
    'library/update': async ({ id, tags, notes, read }) => {
      const updated = await write(deps, () => library.update(db, id, { tags, notes, read }, now()));
      if (!updated) throw new HandlerError('not-found', 'That paper is no longer in the library.');
      return updated;
    },
    'library/remove': ({ ids }) => write(deps, () => library.remove(db, ids)),
    'library/restore': async ({ entries }) => {
      await write(deps, () => library.restore(db, entries));
      return { restored: entries.length };
    },
    'library/import': async ({ content }) => {
      const parsed = parseBackup(content);
      if (!parsed.ok) throw new HandlerError('invalid-import', `Import rejected, the library was not changed: ${parsed.message}`);
      return write(deps, () => mergeInto(db, parsed.entries));
    },
    'library/export': async ({ format, ids }) => {
      const entries = await library.list(db, {});
      const chosen = ids ? entries.filter((entry) => ids.includes(entry.id)) : entries;
      return exportLibrary(chosen, format, now());
    },
    'settings/get': async (_message, caller) => {
      const settings = await deps.settings.load();
      return caller.privileged ? settings : toPublicSettings(settings);
    },
    'settings/set': ({ patch }) => deps.settings.save(patch),
    'cache/clear': async () => ({ cleared: await deps.clearCache() }),
    'cache/stats': async () => ({ ...(await deps.cacheStats()), libraryEntries: await db.library.count(), ...(await deps.storageEstimate()) }),
    'hub/refresh': async ({ arxivId }) => {
      deps.refreshHub(arxivId);
      return { ok: true };
    },
    'badges/counts': ({ ids }) => deps.citationCounts(ids),
    'glance/ask': ({ arxivId, question }) => asking(() => deps.ask.ask(arxivId, question)),
    'ask/test': () => asking(() => deps.ask.test()),
    'polarity/correct': async ({ arxivId, citingPaperId, text, label }) => {
      const corrected = await deps.correctPolarity(arxivId, citingPaperId, text, label);
      if (!corrected) throw new HandlerError('not-found', 'That sentence is not among the citing sentences of this paper; nothing was changed.');
      return { corrected };
    },
    'zotero/send': ({ ids, arxivId }, caller) => {
      // A page drives its content script: it may ask for one paper at a time, and only on the user's click.
      if (!caller.privileged && ids.length > 1) throw new HandlerError('forbidden', 'A page can send one paper to Zotero at a time.');
      if (!caller.privileged && !pageMaySendToZotero()) {
        throw new HandlerError('zotero-unavailable', `At most ${PAGE_SENDS_PER_MINUTE} papers a minute go to Zotero from the panel; wait a moment and try again.`);
      }
      return deps.sendToZotero(ids, arxivId);
    },
  };
}
