import {
  filterExplorer as filterRows,
  sortExplorer as sortRows,
  type ExplorerSort,
} from '../../lib/analytics/explorer';
import type { ExplorerRow } from '../../lib/domain/view';
import { toRowFilters, type ExplorerFilters } from '../../lib/hub/explorerPages';

export type { ExplorerSort, ExplorerFilters };
export { DEFAULT_FILTERS, toRowFilters } from '../../lib/hub/explorerPages';

export function filterExplorer(rows: readonly ExplorerRow[], filters: ExplorerFilters): ExplorerRow[] {
  return filterRows(rows, toRowFilters(filters));
}

/** `null` keeps the view's own order (as lib/analytics delivered it). */
export function sortExplorer(rows: readonly ExplorerRow[], sort: ExplorerSort | null): ExplorerRow[] {
  return sort ? sortRows(rows, sort) : [...rows];
}
