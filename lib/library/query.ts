import type { LibraryEntry } from '../db/database';

export type LibrarySort = 'savedAt' | 'year' | 'title';

export interface LibraryQuery {
  /** Free text; every word must appear in the title, an author, the notes or a tag. */
  query?: string;
  /** Newest saved first; newest year first (unknown years last); title A→Z. Default `savedAt`. */
  sort?: LibrarySort;
  /** Only entries carrying this tag (case-insensitive). */
  tag?: string;
  /** Only read (true) or unread (false) entries. */
  read?: boolean;
}

/** Lowercase without diacritics, so "godel" finds "Gödel" and "ECOLE" finds "École". */
export function searchFold(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLocaleLowerCase();
}

export function filterAndSort(entries: readonly LibraryEntry[], options: LibraryQuery = {}): LibraryEntry[] {
  const words = searchFold(options.query ?? '').split(/\s+/).filter((word) => word !== '');
  const tag = options.tag === undefined ? undefined : searchFold(options.tag.trim());
  const matching = entries.filter((entry) => {
    if (options.read !== undefined && entry.read !== options.read) return false;
    if (tag !== undefined && !entry.tags.some((own) => searchFold(own) === tag)) return false;
    if (words.length === 0) return true;
    const haystack = searchFold([entry.paper.title, ...entry.paper.authors, entry.notes, ...entry.tags].join('\n'));
    return words.every((word) => haystack.includes(word));
  });
  return matching.sort(comparator(options.sort ?? 'savedAt'));
}

type Compare = (a: LibraryEntry, b: LibraryEntry) => number;

const byId: Compare = (a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
const byTitle: Compare = (a, b) => a.paper.title.localeCompare(b.paper.title, 'en', { sensitivity: 'base', numeric: true });

const byYearNewestFirst: Compare = (a, b) => {
  const yearA = a.paper.year;
  const yearB = b.paper.year;
  if (yearA === yearB) return 0;
  if (yearA === undefined) return 1;
  if (yearB === undefined) return -1;
  return yearB - yearA;
};

// Every order ends with the id so equal keys never reorder between renders.
function comparator(sort: LibrarySort): Compare {
  switch (sort) {
    case 'savedAt':
      return (a, b) => b.savedAt - a.savedAt || byId(a, b);
    case 'year':
      return (a, b) => byYearNewestFirst(a, b) || byTitle(a, b) || byId(a, b);
    case 'title':
      return (a, b) => byTitle(a, b) || byId(a, b);
  }
}
