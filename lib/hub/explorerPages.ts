/**
 * The citing-papers explorer served a page at a time. A 1,800-citation hub's explorer rows are ~2 MB
 * of JSON (97 % of the view): sending them all to the page on every open cost more than everything
 * else together. Panels receive the summary sections plus the first page, and ask for other pages
 * (filters, sort, page number) when the user needs them. Pure: the background answers queries with
 * these functions and the panel's tests run them locally.
 */
import { filterExplorer, sortExplorer, type ExplorerFilters as RowFilters, type ExplorerSort } from '../analytics/explorer';
import type { ExplorerRow, HubView, PolarityBucket, RoleBucket } from '../domain/view';

/** Rows per page: 50 keeps the DOM small (never near 300 row elements) even for 5,000 citing papers. */
export const EXPLORER_PAGE_SIZE = 50;
/** Longest search text a query carries; panels cut longer (pasted) text rather than have the query refused. */
export const EXPLORER_QUERY_TEXT_MAX = 10_000;

/** What the explorer's controls hold (one role and one polarity at a time). */
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

export interface ExplorerQuery {
  filters: ExplorerFilters;
  /** null keeps the view's own order (most cited first). */
  sort: ExplorerSort | null;
  /** Zero-based; clamped to the last page. */
  page: number;
}

export const DEFAULT_QUERY: ExplorerQuery = { filters: DEFAULT_FILTERS, sort: null, page: 0 };

/** A row as the panel shows it: the search text stays with whoever filters. */
export type ExplorerPageRow = Omit<ExplorerRow, 'searchText'>;

export interface ExplorerPage {
  rows: ExplorerPageRow[];
  /** Rows matching the filters. */
  matching: number;
  /** Every citing paper in the explorer. */
  total: number;
  /** The page shown (the requested one, clamped). */
  page: number;
  pageCount: number;
}

export interface YearRange {
  min: number;
  max: number;
}

/** What the panel needs of the explorer before the user touches it. */
export interface ExplorerDigest {
  total: number;
  years: YearRange | null;
  firstPage: ExplorerPage;
  /** Titles of the citing papers the polarity examples quote (the rest of the rows stay in the background). */
  titles: Record<string, string>;
}

/** The view without its explorer rows: what a panel receives with every snapshot. */
export type HubSummaryView = Omit<HubView, 'explorer'>;

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

export function isDefaultQuery(query: ExplorerQuery): boolean {
  const { filters } = query;
  return (
    query.page === 0 &&
    query.sort === null &&
    filters.role === 'all' &&
    filters.polarity === 'all' &&
    filters.yearFrom === null &&
    filters.yearTo === null &&
    !filters.influentialOnly &&
    filters.text.trim() === ''
  );
}

function withoutSearchText({ citation, role, roleOrigin, polarity }: ExplorerRow): ExplorerPageRow {
  return { citation, role, roleOrigin, polarity };
}

/** Filters, sorts and cuts one page out of every row. */
export function queryExplorer(rows: readonly ExplorerRow[], query: ExplorerQuery): ExplorerPage {
  const filtered = filterExplorer(rows, toRowFilters(query.filters));
  const sorted = query.sort ? sortExplorer(filtered, query.sort) : filtered;
  const pageCount = Math.max(1, Math.ceil(sorted.length / EXPLORER_PAGE_SIZE));
  const page = Math.min(Math.max(0, Math.floor(query.page)), pageCount - 1);
  const start = page * EXPLORER_PAGE_SIZE;
  return {
    rows: sorted.slice(start, start + EXPLORER_PAGE_SIZE).map(withoutSearchText),
    matching: sorted.length,
    total: rows.length,
    page,
    pageCount,
  };
}

export function explorerYears(rows: readonly ExplorerRow[]): YearRange | null {
  let min = Infinity;
  let max = -Infinity;
  for (const row of rows) {
    const year = row.citation.citing.year;
    if (year === undefined) continue;
    if (year < min) min = year;
    if (year > max) max = year;
  }
  return Number.isFinite(min) ? { min, max } : null;
}

function exampleTitles(view: HubView): Record<string, string> {
  const wanted = new Set<string>();
  for (const examples of Object.values(view.polarity.examples)) for (const example of examples) wanted.add(example.citingPaperId);
  const titles: Record<string, string> = {};
  if (wanted.size === 0) return titles;
  for (const row of view.explorer) {
    const { paperId, title } = row.citation.citing;
    if (wanted.has(paperId)) titles[paperId] = title;
  }
  return titles;
}

/** Splits a built view into what every snapshot carries: the summary sections and the explorer's first page. */
export function splitView(view: HubView): { summary: HubSummaryView; explorer: ExplorerDigest } {
  const { explorer: rows, ...summary } = view;
  return {
    summary,
    explorer: { total: rows.length, years: explorerYears(rows), firstPage: queryExplorer(rows, DEFAULT_QUERY), titles: exampleTitles(view) },
  };
}
