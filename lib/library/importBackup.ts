import { z } from 'zod';
import type { CitationHubDb, LibraryEntry } from '../db/database';
import { PaperSchema } from '../domain/paper';
import { BACKUP_FORMAT, BACKUP_VERSION } from '../export/backup';

export const MAX_BACKUP_BYTES = 50 * 1024 * 1024;
export const MAX_BACKUP_ENTRIES = 100_000;

// Times are epoch milliseconds a Date can represent (CSV export turns them into ISO strings).
const EpochMs = z.number().int().min(0).max(8.64e15);

export const LibraryEntrySchema = z.object({
  id: z.string().min(1),
  paper: PaperSchema,
  savedAt: EpochMs,
  updatedAt: EpochMs,
  tags: z.array(z.string()),
  notes: z.string(),
  read: z.boolean(),
});

const BackupSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  version: z.literal(BACKUP_VERSION),
  exportedAt: z.string(),
  entries: z.array(LibraryEntrySchema).max(MAX_BACKUP_ENTRIES),
});

export type ParsedBackup = { ok: true; entries: LibraryEntry[] } | { ok: false; message: string };

/**
 * Reads a library backup (the JSON export) and validates the whole file before anything is written.
 * On failure the message names the first problem with its location, e.g. `entries[3].paper.title: expected string`.
 */
export function parseBackup(text: string): ParsedBackup {
  if (exceedsSizeLimit(text)) {
    return fail(`The file is larger than ${MAX_BACKUP_BYTES / (1024 * 1024)} MB, the most a library backup can be.`);
  }
  if (text.trim() === '') return fail('The file is empty.');

  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return fail(`The file is not valid JSON (it may be truncated or not a library backup): ${detail}`);
  }

  // Format and version first: a file of another kind or version would otherwise report confusing field errors.
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return fail(`The file is not a library backup: expected a JSON object, got ${describe(data)}.`);
  }
  const header = data as Record<string, unknown>;
  if (header.format !== BACKUP_FORMAT) {
    return fail(`format: expected "${BACKUP_FORMAT}", got ${describe(header.format)}. This is not an arXiv Citation Hub library backup.`);
  }
  if (header.version !== BACKUP_VERSION) {
    return fail(`version: expected ${BACKUP_VERSION}, got ${describe(header.version)}. This backup was made by a different version of the extension.`);
  }
  if (Array.isArray(header.entries) && header.entries.length > MAX_BACKUP_ENTRIES) {
    return fail(`entries: ${header.entries.length} entries; a backup can hold at most ${MAX_BACKUP_ENTRIES}.`);
  }

  const parsed = BackupSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return fail(issue === undefined ? 'The backup is invalid.' : describeIssue(issue, data));
  }

  const firstIndexOf = new Map<string, number>();
  for (const [index, entry] of parsed.data.entries.entries()) {
    const earlier = firstIndexOf.get(entry.id);
    if (earlier !== undefined) {
      return fail(`entries[${index}].id: duplicate id ${JSON.stringify(entry.id)} (already used by entries[${earlier}]).`);
    }
    firstIndexOf.set(entry.id, index);
  }
  return { ok: true, entries: parsed.data.entries };
}

export interface MergeCounts {
  added: number;
  updated: number;
  unchanged: number;
}

/**
 * Merges imported entries into the library by id, in one transaction (all or nothing).
 * A new id is added. For an id in both, the entry with the newer `updatedAt` wins whole (its tags, notes and
 * read state together); on a tie, or when the library's copy is newer, the library keeps its own.
 * Expects unique ids, as `parseBackup` guarantees.
 */
export async function mergeInto(db: CitationHubDb, entries: readonly LibraryEntry[]): Promise<MergeCounts> {
  return db.transaction('rw', db.library, async () => {
    const existing = await db.library.bulkGet(entries.map((entry) => entry.id));
    const toWrite: LibraryEntry[] = [];
    const counts: MergeCounts = { added: 0, updated: 0, unchanged: 0 };
    entries.forEach((entry, index) => {
      const current = existing[index];
      if (current === undefined) {
        counts.added++;
        toWrite.push(entry);
      } else if (entry.updatedAt > current.updatedAt) {
        counts.updated++;
        toWrite.push(entry);
      } else {
        counts.unchanged++;
      }
    });
    if (toWrite.length > 0) await db.library.bulkPut(toWrite);
    return counts;
  });
}

function fail(message: string): ParsedBackup {
  return { ok: false, message };
}

function describeIssue(issue: z.core.$ZodIssue, data: unknown): string {
  const path = formatPath(issue.path);
  const where = path === '' ? '' : `${path}: `;
  if (issue.code === 'invalid_type') {
    const actual = valueAt(data, issue.path);
    if (actual === undefined) return `${where}missing (expected ${issue.expected})`;
    return `${where}expected ${issue.expected}, got ${describe(actual)}`;
  }
  return where + issue.message.replace(/^Invalid input: /, '');
}

/** ["entries", 3, "paper", "title"] → "entries[3].paper.title" */
function formatPath(path: readonly PropertyKey[]): string {
  return path
    .map((part, index) => (typeof part === 'number' ? `[${part}]` : index === 0 ? String(part) : `.${String(part)}`))
    .join('');
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let value = data;
  for (const part of path) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<PropertyKey, unknown>)[part];
  }
  return value;
}

function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return value.length > 40 ? `a string "${value.slice(0, 40)}…"` : `"${value}"`;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

function exceedsSizeLimit(text: string): boolean {
  // UTF-8 takes at least one byte per UTF-16 unit and at most three, so most files need no encoding pass.
  if (text.length > MAX_BACKUP_BYTES) return true;
  if (text.length * 3 <= MAX_BACKUP_BYTES) return false;
  return new TextEncoder().encode(text).length > MAX_BACKUP_BYTES;
}
