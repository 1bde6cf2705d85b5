import type { CitationHubDb } from '../db/database';
import type { HubData } from '../domain/hub';
import type { Paper } from '../domain/paper';
import { libraryIdFor } from '../library/entry';
import { ZoteroError } from '../sources/zotero/client';
import type { ResolvedPaper, ZoteroSendResult, ZoteroService } from '../sources/zotero/service';
import { HandlerError } from '../messaging/router';

/** Every paper a hub holds: the paper itself, citing, co-cited, recommended, and any other list of papers it carries. */
function* papersOf(data: HubData): Generator<Paper> {
  if (data.paper) yield data.paper;
  for (const citation of data.citations) yield citation.citing;
  yield* Object.values(data.coCitedPapers);
  yield* data.recommendations;
  // Lists added later (e.g. the paper's references) are found without this file having to know them.
  for (const value of Object.values(data as unknown as Record<string, unknown>)) {
    if (!Array.isArray(value) || value === data.citations || value === data.recommendations) continue;
    for (const item of value) if (isPaper(item)) yield item;
  }
}

function isPaper(value: unknown): value is Paper {
  const paper = value as Partial<Paper> | null;
  return typeof paper === 'object' && paper !== null && typeof paper.paperId === 'string' && typeof paper.title === 'string' && Array.isArray(paper.authors);
}

export interface ZoteroSenderDeps {
  db: CitationHubDb;
  service: Pick<ZoteroService, 'send'>;
  /** The hub of the page's paper (already open in the worker when a panel asks). */
  hubData(arxivId: string): Promise<HubData | null>;
}

/**
 * Resolves ids to papers in the background's own data — the library first (with its tags and note), then the
 * page's hub — so a page can make the extension send Zotero nothing but metadata the extension already holds.
 */
export function createZoteroSender(deps: ZoteroSenderDeps) {
  return async function send(ids: readonly string[], arxivId: string | undefined): Promise<ZoteroSendResult> {
    const unique = [...new Set(ids)];
    const entries = await deps.db.library.bulkGet(unique);
    const resolved = new Map<string, ResolvedPaper>();
    entries.forEach((entry, index) => {
      if (entry) resolved.set(unique[index]!, { paper: entry.paper, extras: { tags: entry.tags, notes: entry.notes } });
    });
    const missing = unique.filter((id) => !resolved.has(id));
    if (missing.length > 0 && arxivId !== undefined) {
      const data = await deps.hubData(arxivId);
      const wanted = new Set(missing);
      if (data) {
        for (const paper of papersOf(data)) {
          const id = libraryIdFor(paper);
          if (wanted.has(id) && !resolved.has(id)) resolved.set(id, { paper });
        }
      }
    }
    const unknown = unique.filter((id) => !resolved.has(id));
    if (unknown.length > 0) {
      throw new HandlerError('not-found', unknown.length === unique.length && unique.length === 1
        ? 'That paper is no longer in the library or on this page; nothing was sent to Zotero.'
        : `${unknown.length} of the ${unique.length} papers ${unknown.length === 1 ? 'is' : 'are'} no longer in the library; nothing was sent to Zotero.`);
    }
    try {
      return await deps.service.send(unique.map((id) => resolved.get(id)!));
    } catch (error) {
      if (error instanceof ZoteroError) throw new HandlerError('zotero-unavailable', error.message);
      throw error;
    }
  };
}

/** Sends a page may ask for per minute: far more than anyone clicks, few enough that a hostile page cannot flood Zotero. */
export const PAGE_SENDS_PER_MINUTE = 20;

/** A sliding one-minute window over the sends pages asked for; false when the next one would exceed it. */
export function createPageSendLimit(now: () => number, perMinute = PAGE_SENDS_PER_MINUTE): () => boolean {
  const recent: number[] = [];
  return () => {
    const time = now();
    while (recent.length > 0 && recent[0]! <= time - 60_000) recent.shift();
    if (recent.length >= perMinute) return false;
    recent.push(time);
    return true;
  };
}
