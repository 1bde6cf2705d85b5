/**
 * The pipeline's resumable position, stored as FetchProgress.cursor. Validated on read: a cursor from
 * another version (or a damaged row) restarts the fetch instead of resuming from nonsense.
 */
import { z } from 'zod';
import { HubDataSchema, type HubData } from '../domain/hub';
import type { FetchProgress } from '../db/database';
import { newFetchProgress } from '../db/progress';

export const CURSOR_VERSION = 2;

const CursorSchema = z.object({
  version: z.literal(CURSOR_VERSION),
  mode: z.enum(['cold', 'refresh']),
  /** The target's S2 paperId once the paper stage is done. */
  paperId: z.string().nullable(),
  /** Offset of the next citations page; null once the listing is finished. */
  nextOffset: z.number().int().nonnegative().nullable(),
  emptyPagesInARow: z.number().int().nonnegative(),
  /** The batch sample, fixed when the listing finished, so a resumed fetch batches the same papers. */
  sample: z.array(z.string()).nullable(),
  /** Offset of the next page of the paper's own references; null once they are all in. */
  referencesNextOffset: z.number().int().nonnegative().nullable(),
  /** While a refresh runs, the new data lives here: the good cached hub stays untouched until it completes. */
  refreshData: HubDataSchema.optional(),
});

export type FetchMode = 'cold' | 'refresh';

export interface PipelineCursor {
  paperId: string | null;
  nextOffset: number | null;
  emptyPagesInARow: number;
  sample: string[] | null;
  referencesNextOffset: number | null;
}

/** Everything a run needs to continue where it stopped; the data is the one being built. */
export interface PipelineWork {
  arxivId: string;
  mode: FetchMode;
  startedAt: number;
  data: HubData;
  cursor: PipelineCursor;
  citationOffsets: number[];
  batchesDone: number[];
}

export function initialCursor(): PipelineCursor {
  return { paperId: null, nextOffset: 0, emptyPagesInARow: 0, sample: null, referencesNextOffset: 0 };
}

export function toFetchProgress(work: PipelineWork, now: number): FetchProgress {
  const base = newFetchProgress(work.arxivId, work.startedAt, {
    version: CURSOR_VERSION,
    mode: work.mode,
    ...work.cursor,
    ...(work.mode === 'refresh' ? { refreshData: work.data } : {}),
  });
  return { ...base, updatedAt: now, citationOffsets: [...work.citationOffsets], batchesDone: [...work.batchesDone] };
}

/** The stored cursor, or null when it is missing, of another mode, or unreadable. */
export function readCursor(progress: FetchProgress | undefined, mode: FetchMode): { cursor: PipelineCursor; refreshData?: HubData } | null {
  if (!progress) return null;
  const parsed = CursorSchema.safeParse(progress.cursor);
  if (!parsed.success || parsed.data.mode !== mode) return null;
  const { paperId, nextOffset, emptyPagesInARow, sample, referencesNextOffset, refreshData } = parsed.data;
  return { cursor: { paperId, nextOffset, emptyPagesInARow, sample, referencesNextOffset }, ...(refreshData ? { refreshData } : {}) };
}
