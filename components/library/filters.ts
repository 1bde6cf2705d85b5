import type { Request } from '../../lib/messaging/protocol';

export type LibrarySort = 'savedAt' | 'year' | 'title';
export type ReadFilter = 'all' | 'unread' | 'read';

export interface LibraryFilters {
  query: string;
  sort: LibrarySort;
  /** '' for every tag. */
  tag: string;
  read: ReadFilter;
}

export const DEFAULT_FILTERS: LibraryFilters = { query: '', sort: 'savedAt', tag: '', read: 'all' };

export type ListRequest = Extract<Request, { type: 'library/list' }>;

/** The library/list request for the current filters; filters left at "all" are omitted. */
export function listRequestFor(filters: LibraryFilters): ListRequest {
  const message: ListRequest = { type: 'library/list', sort: filters.sort };
  const query = filters.query.trim().slice(0, 500);
  if (query !== '') message.query = query;
  if (filters.tag !== '') message.tag = filters.tag;
  if (filters.read !== 'all') message.read = filters.read === 'read';
  return message;
}

export function hasActiveFilter(filters: LibraryFilters): boolean {
  return filters.query.trim() !== '' || filters.tag !== '' || filters.read !== 'all';
}
