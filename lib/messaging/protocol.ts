/**
 * The one message protocol between content scripts / extension pages and the background.
 * Every payload is zod-parsed on receipt by the background; replies are `Reply<T>`.
 * Messages marked `privileged` are refused unless they come from an extension page.
 */
import { z } from 'zod';
import { PaperSchema, type Paper } from '../domain/paper';
import type { HubStatus } from '../domain/hub';
import { INTENTS, POLARITIES } from '../domain/labels';
import { EXPLORER_QUERY_TEXT_MAX, type ExplorerDigest, type ExplorerPage, type ExplorerQuery, type HubSummaryView } from '../hub/explorerPages';
import type { LibraryEntry } from '../db/database';
import { SettingsPatchSchema, type PublicSettings, type Settings } from '../settings/schema';
import { LibraryEntrySchema } from '../library/importBackup';
import type { PORT_OUT_TYPES } from './portEnvelope';
import { parseArxivId } from '../arxiv/id';
import { MAX_BADGE_IDS, type BadgeCounts } from '../badges/types';
import { ASK_QUESTION_MAX_CHARS, type AskAnswer } from '../ask/types';
import type { ZoteroSendResult } from '../sources/zotero/service';

/** Longer than any citation sentence Semantic Scholar sends (they are clipped well before this). */
export const POLARITY_CORRECTION_TEXT_MAX = 5_000;

/** A canonical bare arXiv id as the content script sends it (re-validated by the background). */
const ArxivIdField = z.string().min(1).max(64);
const LibraryIdField = z.string().min(1).max(300);
/**
 * Exactly a canonical bare arXiv id (`2411.01234`, `hep-th/9901001`): no version, prefix, subject
 * class or whitespace. These ids go to a data source, so a page cannot smuggle anything else there.
 */
const CanonicalArxivIdField = z
  .string()
  .max(64)
  .refine((raw) => parseArxivId(raw)?.id === raw, { message: 'not a canonical arXiv id' });

import { EXPORT_FORMATS } from '../library/export';
export { EXPORT_FORMATS, type ExportFormat } from '../library/export';


export const RequestSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('library/save'), paper: PaperSchema }),
  z.object({ type: z.literal('library/unsave'), id: LibraryIdField }),
  z.object({ type: z.literal('library/savedIds'), ids: z.array(LibraryIdField).max(20_000) }),
  z.object({ type: z.literal('library/recent'), limit: z.number().int().min(1).max(100) }),
  z.object({
    type: z.literal('library/list'),
    query: z.string().max(500).optional(),
    sort: z.enum(['savedAt', 'year', 'title']).optional(),
    tag: z.string().max(200).optional(),
    read: z.boolean().optional(),
  }),
  z.object({ type: z.literal('library/allTags') }),
  z.object({
    type: z.literal('library/update'),
    id: LibraryIdField,
    tags: z.array(z.string().min(1).max(200)).max(500).optional(),
    notes: z.string().max(1_000_000).optional(),
    read: z.boolean().optional(),
  }),
  z.object({ type: z.literal('library/remove'), ids: z.array(LibraryIdField).min(1).max(20_000) }),
  z.object({ type: z.literal('library/restore'), entries: z.array(LibraryEntrySchema).max(20_000) }),
  z.object({ type: z.literal('library/import'), content: z.string().max(60_000_000) }),
  z.object({ type: z.literal('library/export'), format: z.enum(EXPORT_FORMATS), ids: z.array(LibraryIdField).optional() }),
  z.object({ type: z.literal('settings/get') }),
  z.object({ type: z.literal('settings/set'), patch: SettingsPatchSchema }),
  z.object({ type: z.literal('cache/clear') }),
  z.object({ type: z.literal('cache/stats') }),
  z.object({ type: z.literal('hub/refresh'), arxivId: ArxivIdField }),
  /** Citation counts for the entries of a listing or search page (one message per ≤ 500 ids). */
  z.object({ type: z.literal('badges/counts'), ids: z.array(CanonicalArxivIdField).min(1).max(MAX_BADGE_IDS) }),
  /** A question about a paper for the user's own model endpoint (refused unless one is configured). */
  z.object({ type: z.literal('glance/ask'), arxivId: CanonicalArxivIdField, question: z.string().trim().min(1).max(ASK_QUESTION_MAX_CHARS) }),
  /** Options page: checks the configured endpoint with a one-line request. */
  z.object({ type: z.literal('ask/test') }),
  /**
   * Send papers to the Zotero desktop app. Only ids travel: the background builds each item from the library or
   * from the hub of `arxivId` (the page's paper). A content script may send one id; extension pages many.
   */
  z.object({ type: z.literal('zotero/send'), ids: z.array(LibraryIdField).min(1).max(20_000), arxivId: CanonicalArxivIdField.optional() }),
  /**
   * The reader's own polarity for one citing sentence of a paper's hub (null withdraws it). Accepted
   * only for a sentence that hub actually holds, so a page cannot fill the store with made-up ones.
   */
  z.object({
    type: z.literal('polarity/correct'),
    arxivId: CanonicalArxivIdField,
    citingPaperId: z.string().min(1).max(200),
    text: z.string().min(1).max(POLARITY_CORRECTION_TEXT_MAX),
    label: z.enum(POLARITIES).nullable(),
  }),
]);
export type Request = z.infer<typeof RequestSchema>;
export type RequestType = Request['type'];

/** Requests only extension pages (options, popup, side panel) may send. */
export const PRIVILEGED: ReadonlySet<RequestType> = new Set<RequestType>([
  'library/update',
  'library/remove',
  'library/restore',
  'library/import',
  'library/export',
  'settings/set',
  'cache/clear',
  'cache/stats',
  'ask/test',
]);

export interface ImportResult {
  added: number;
  updated: number;
  unchanged: number;
}

export type { ExportedFile as ExportFile } from '../library/export';
import type { ExportedFile } from '../library/export';

/** What each request resolves to. */
export interface ResponseMap {
  'library/save': LibraryEntry;
  'library/unsave': { removed: boolean };
  'library/savedIds': string[];
  'library/recent': LibraryEntry[];
  'library/list': LibraryEntry[];
  'library/allTags': string[];
  'library/update': LibraryEntry;
  'library/remove': LibraryEntry[];
  'library/restore': { restored: number };
  'library/import': ImportResult;
  'library/export': ExportedFile;
  /** Extension pages get the full settings; content scripts the public view (no API keys). */
  'settings/get': Settings | PublicSettings;
  'settings/set': Settings;
  'cache/clear': { cleared: number };
  'cache/stats': { hubs: number; bytes: number; libraryEntries: number; quota: number | null; usage: number | null };
  'hub/refresh': { ok: true };
  'badges/counts': BadgeCounts;
  'glance/ask': AskAnswer;
  'ask/test': { model: string; host: string; latencyMs: number };
  'polarity/correct': { corrected: boolean };
  'zotero/send': ZoteroSendResult;
}

export const ERROR_CODES = ['invalid-message', 'forbidden', 'not-found', 'storage-full', 'invalid-import', 'ask-unavailable', 'zotero-unavailable', 'internal'] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export type Reply<T> = { ok: true; result: T } | { ok: false; error: { code: ErrorCode; message: string } };

/* ---------- Port: live hub snapshots, library changes, panel toggles ---------- */

export { HUB_PORT } from './portName';

// Bounds only against abuse: whatever a user can type into the explorer must pass (a rejected query
// would put the panel into its error state), e.g. year 99999 matches nothing but is not an error.
const YearBoundField = z.number().nullable();

/** One page of the citing-papers explorer, as the panel's controls describe it (see lib/hub/explorerPages). */
export const ExplorerQuerySchema = z.object({
  filters: z.object({
    role: z.enum(['all', ...INTENTS, 'unclassified']),
    polarity: z.enum(['all', ...POLARITIES, 'unclassified']),
    yearFrom: YearBoundField,
    yearTo: YearBoundField,
    influentialOnly: z.boolean(),
    text: z.string().max(EXPLORER_QUERY_TEXT_MAX),
  }),
  sort: z.object({ key: z.enum(['year', 'citations', 'influence']), direction: z.enum(['asc', 'desc']) }).nullable(),
  page: z.number().int().min(0).max(1_000_000),
});

// Compile-time proof that a parsed query is what lib/hub/explorerPages answers.
const parsedQueryIsExplorerQuery: (query: z.infer<typeof ExplorerQuerySchema>) => ExplorerQuery = (query) => query;
void parsedQueryIsExplorerQuery;

export const PortInSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('hub/subscribe'), arxivId: ArxivIdField }),
  z.object({ type: z.literal('hub/retry'), arxivId: ArxivIdField }),
  /** Asks for one explorer page of the hub this port is subscribed to; answered by `hub/explorer` with the same requestId. */
  z.object({ type: z.literal('hub/explorer'), arxivId: ArxivIdField, requestId: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER), query: ExplorerQuerySchema }),
]);
export type PortIn = z.infer<typeof PortInSchema>;

export type PortOut =
  /** The summary sections and the explorer's first page; other explorer pages come on request. */
  | { type: 'hub/snapshot'; arxivId: string; view: HubSummaryView | null; explorer: ExplorerDigest | null; status: HubStatus }
  | { type: 'hub/explorer'; arxivId: string; requestId: number; page: ExplorerPage }
  | { type: 'library/changed' }
  | { type: 'panel/toggle' }
  | { type: 'error'; code: ErrorCode; message: string };

export { PortOutEnvelopeSchema } from './portEnvelope';
// Compile-time proof that the envelope check knows every message type (and no other).
const envelopeCoversPortOut: [PortOut['type'], (typeof PORT_OUT_TYPES)[number]] extends [(typeof PORT_OUT_TYPES)[number], PortOut['type']] ? true : never = true;
void envelopeCoversPortOut;

export type { Paper };
