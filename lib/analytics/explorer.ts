/**
 * The citing-papers explorer: one row per citing paper, and pure filter/sort functions the panel
 * runs on every keystroke (5,000 rows must filter in well under 50 ms, hence the precomputed,
 * lower-cased `searchText`).
 */
import type { Citation } from '../domain/citation';
import type { ExplorerRow, PolarityBucket, RoleBucket } from '../domain/view';
import type { PaperRole } from './roles';
import { citationRole } from './roles';
import { citationPolarity } from './polarity';

export interface ExplorerFilters {
  /** Keep rows whose role is in the set; empty or absent = every role. */
  roles?: ReadonlySet<RoleBucket>;
  polarities?: ReadonlySet<PolarityBucket>;
  /** Inclusive year range; rows without a year are dropped as soon as either bound is set. */
  yearMin?: number | null;
  yearMax?: number | null;
  influentialOnly?: boolean;
  /** Whitespace-separated terms; every term must occur (case-insensitive) in the row's text. */
  text?: string;
}

export type ExplorerSortKey = 'year' | 'citations' | 'influence';
export interface ExplorerSort {
  key: ExplorerSortKey;
  direction: 'asc' | 'desc';
}

/**
 * Title, authors, venue, TL;DR and citation sentences, lower-cased: what a user may type to find
 * a paper. Each part is lower-cased on its own, which gives the same text as lower-casing them
 * joined (case mapping looks at neighbouring letters only for a final sigma, and never across a
 * line break) and lets the sentences come lower-cased already (`lowerCaseSentences`).
 */
function searchTextOf(citation: Citation, lowerCaseSentences: readonly string[] | undefined): string {
  const { citing } = citation;
  const sentences = lowerCaseSentences ?? citation.sentences.map((sentence) => sentence.text.toLowerCase());
  return [
    citing.title.toLowerCase(),
    citing.authors.join(' ').toLowerCase(),
    (citing.venue ?? '').toLowerCase(),
    (citing.tldr ?? '').toLowerCase(),
    ...sentences,
  ].join('\n');
}

/** `lowerCaseSentences[i][j]`, when given, is `citations[i].sentences[j].text.toLowerCase()`. */
export function buildExplorerRows(
  citations: readonly Citation[],
  paperRoles?: readonly PaperRole[],
  paperPolarities?: readonly PolarityBucket[],
  lowerCaseSentences?: readonly (readonly string[])[],
): ExplorerRow[] {
  return citations.map((citation, index) => {
    const role = paperRoles?.[index] ?? citationRole(citation);
    return {
      citation,
      role: role.role,
      roleOrigin: role.origin,
      polarity: paperPolarities?.[index] ?? citationPolarity(citation),
      searchText: searchTextOf(citation, lowerCaseSentences?.[index]),
    };
  });
}

export function filterExplorer(rows: readonly ExplorerRow[], filters: ExplorerFilters): ExplorerRow[] {
  const roles = filters.roles && filters.roles.size > 0 ? filters.roles : null;
  const polarities = filters.polarities && filters.polarities.size > 0 ? filters.polarities : null;
  const yearMin = filters.yearMin ?? null;
  const yearMax = filters.yearMax ?? null;
  const hasYearBound = yearMin !== null || yearMax !== null;
  const terms = (filters.text ?? '').toLowerCase().split(/\s+/).filter((term) => term !== '');
  const influentialOnly = filters.influentialOnly === true;

  const kept: ExplorerRow[] = [];
  for (const row of rows) {
    if (roles && !roles.has(row.role)) continue;
    if (polarities && !polarities.has(row.polarity)) continue;
    if (influentialOnly && !row.citation.isInfluential) continue;
    if (hasYearBound) {
      const year = row.citation.citing.year;
      if (year === undefined || (yearMin !== null && year < yearMin) || (yearMax !== null && year > yearMax)) continue;
    }
    let matchesText = true;
    for (const term of terms) {
      if (!row.searchText.includes(term)) {
        matchesText = false;
        break;
      }
    }
    if (matchesText) kept.push(row);
  }
  return kept;
}

/**
 * Sort values; undefined = unknown, which sorts last in either direction (a paper with no year is
 * neither the oldest nor the newest). "influence": influential citations first, then the citing
 * paper's own influential-citation count.
 */
function sortValue(row: ExplorerRow, key: ExplorerSortKey): number | undefined {
  const { citing } = row.citation;
  switch (key) {
    case 'year':
      return citing.year;
    case 'citations':
      return citing.citationCount;
    case 'influence':
      return (row.citation.isInfluential ? 1e12 : 0) + (citing.influentialCitationCount ?? 0);
  }
}

/** Stable: rows with equal values keep their relative order. Returns a new array. */
export function sortExplorer(rows: readonly ExplorerRow[], sort: ExplorerSort): ExplorerRow[] {
  const sign = sort.direction === 'asc' ? 1 : -1;
  const keyed = rows.map((row, index) => ({ row, index, value: sortValue(row, sort.key) }));
  keyed.sort((a, b) => {
    if (a.value === undefined || b.value === undefined) {
      if (a.value !== b.value) return a.value === undefined ? 1 : -1;
      return a.index - b.index;
    }
    return (a.value - b.value) * sign || a.index - b.index;
  });
  return keyed.map((entry) => entry.row);
}
