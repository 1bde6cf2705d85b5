import {
  filterExplorer as filterRows,
  sortExplorer as sortRows,
  type ExplorerFilters as RowFilters,
  type ExplorerSort,
} from '../../lib/analytics/explorer';
import type { ExplorerRow, PolarityBucket, RoleBucket } from '../../lib/domain/view';

export type { ExplorerSort };

/** What the explorer's controls hold (one role and one polarity at a time), mapped onto lib/analytics filters. */
export interface ExplorerFilters {
  role: RoleBucket | 'all';
  polarity: PolarityBucket | 'all';
  /** Inclusive year bounds; null = open. Rows without a year drop out once a bound is set. */
  yearFrom: number | null;
  yearTo: number | null;
  influentialOnly: boolean;
  /** Free text; every whitespace-separated term must occur in title, TL;DR or sentences. */
  text: string;
}

export const DEFAULT_FILTERS: ExplorerFilters = {
  role: 'all',
  polarity: 'all',
  yearFrom: null,
  yearTo: null,
  influentialOnly: false,
  text: '',
};

export function toRowFilters(filters: ExplorerFilters): RowFilters {
  return {
    roles: filters.role === 'all' ? undefined : new Set([filters.role]),
    polarities: filters.polarity === 'all' ? undefined : new Set([filters.polarity]),
    yearMin: filters.yearFrom,
    yearMax: filters.yearTo,
    influentialOnly: filters.influentialOnly,
    text: filters.text,
  };
}

export function filterExplorer(rows: readonly ExplorerRow[], filters: ExplorerFilters): ExplorerRow[] {
  return filterRows(rows, toRowFilters(filters));
}

/** `null` keeps the view's own order (as lib/analytics delivered it). */
export function sortExplorer(rows: readonly ExplorerRow[], sort: ExplorerSort | null): ExplorerRow[] {
  return sort ? sortRows(rows, sort) : [...rows];
}
