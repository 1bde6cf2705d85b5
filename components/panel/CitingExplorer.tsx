import { useEffect, useId, useMemo, useState } from 'preact/hooks';
import type { PolarityBucket, RoleBucket } from '../../lib/domain/view';
import type { ExplorerSort } from '../../lib/analytics/explorer';
import { DEFAULT_FILTERS, EXPLORER_PAGE_SIZE, type ExplorerFilters, type ExplorerPageRow, type ExplorerQuery } from '../../lib/hub/explorerPages';
import { excerpt } from '../shared/displayText';
import { formatCount } from '../shared/format';
import { PaperRow } from '../shared/PaperRow';
import type { SaveControls } from '../shared/SaveButton';
import { SectionFrame } from '../shared/SectionFrame';
import { useExplorerPage, type ExplorerSource } from './explorerSource';
import { CitationSentences, RoleBadge } from './CitationBadges';
import { POLARITY_BUCKETS, POLARITY_LABELS, ROLE_BUCKETS, ROLE_LABELS } from './labels';
import type { SectionStatus } from './sectionStatus';
import { SECTION_TITLES } from './sections';

export interface CitingExplorerProps {
  source: ExplorerSource;
  save: SaveControls;
  status: SectionStatus;
  onRetry(): void;
  /** A year picked elsewhere (the timeline): the explorer filters to it. A new object each pick, so the same year can be picked again. */
  yearRequest?: { year: number } | null;
}

export { EXPLORER_PAGE_SIZE };

const SORT_OPTIONS: Array<{ value: string; label: string; sort: ExplorerSort | null }> = [
  { value: 'default', label: 'Default order', sort: null },
  { value: 'year-desc', label: 'Newest first', sort: { key: 'year', direction: 'desc' } },
  { value: 'year-asc', label: 'Oldest first', sort: { key: 'year', direction: 'asc' } },
  { value: 'citations-desc', label: 'Most cited', sort: { key: 'citations', direction: 'desc' } },
  { value: 'influence-desc', label: 'Most influential', sort: { key: 'influence', direction: 'desc' } },
];

function parseYear(raw: string): number | null {
  const year = Number.parseInt(raw.trim(), 10);
  return Number.isFinite(year) && year > 0 ? year : null;
}

function valueOf(event: Event): string {
  return (event.currentTarget as HTMLInputElement | HTMLSelectElement).value;
}

function ExplorerRowItem({ row, save }: { row: ExplorerPageRow; save: SaveControls }) {
  const { citation } = row;
  const paper = citation.citing;
  return (
    <PaperRow
      paper={paper}
      save={save}
      summary={paper.tldr ? excerpt(paper.tldr, 240) : undefined}
      meta={
        <>
          <RoleBadge row={row} />
          <span class={`ch-badge ch-tone-badge--${row.polarity}`}>{POLARITY_LABELS[row.polarity]}</span>
          {citation.isInfluential ? <span class="ch-badge ch-badge--influential">Influential</span> : null}
          {paper.citationCount !== undefined ? <span class="ch-figures">{formatCount(paper.citationCount)} citations</span> : null}
        </>
      }
    >
      <CitationSentences sentences={citation.sentences} citingPaperId={paper.paperId} />
    </PaperRow>
  );
}

function hasActiveFilters(filters: ExplorerFilters): boolean {
  return (
    filters.role !== 'all' ||
    filters.polarity !== 'all' ||
    filters.yearFrom !== null ||
    filters.yearTo !== null ||
    filters.influentialOnly ||
    filters.text.trim() !== ''
  );
}

/** Every citing paper, filterable and sortable, shown a page at a time. */
export function CitingExplorer({ source, save, status, onRetry, yearRequest }: CitingExplorerProps) {
  const [filters, setFilters] = useState<ExplorerFilters>(DEFAULT_FILTERS);
  const [sortValue, setSortValue] = useState('default');
  const [page, setPage] = useState(0);
  // Raw year text is kept separately so a half-typed year ("20") stays in the box.
  const [yearText, setYearText] = useState({ from: '', to: '' });
  const ids = useId();

  const sort = SORT_OPTIONS.find((option) => option.value === sortValue)?.sort ?? null;
  const query = useMemo<ExplorerQuery>(() => ({ filters, sort, page }), [filters, sort, page]);
  const result = useExplorerPage(source, query);
  const { pageCount, rows: pageRows } = result;
  const currentPage = result.page;
  const start = currentPage * EXPLORER_PAGE_SIZE;
  const years = source.years;

  const update = (change: Partial<ExplorerFilters>) => {
    setFilters((previous) => {
      const next = { ...previous, ...change };
      const same = (Object.keys(change) as Array<keyof ExplorerFilters>).every((key) => previous[key] === next[key]);
      return same ? previous : next;
    });
    setPage(0);
  };

  const onRole = (event: Event) => update({ role: valueOf(event) as RoleBucket | 'all' });
  const onPolarity = (event: Event) => update({ polarity: valueOf(event) as PolarityBucket | 'all' });
  const onText = (event: Event) => update({ text: valueOf(event) });
  const onYearFrom = (event: Event) => {
    const text = valueOf(event);
    setYearText((previous) => ({ ...previous, from: text }));
    update({ yearFrom: parseYear(text) });
  };
  const onYearTo = (event: Event) => {
    const text = valueOf(event);
    setYearText((previous) => ({ ...previous, to: text }));
    update({ yearTo: parseYear(text) });
  };
  const onInfluential = (event: Event) => update({ influentialOnly: (event.currentTarget as HTMLInputElement).checked });
  const onSort = (event: Event) => {
    setSortValue(valueOf(event));
    setPage(0);
  };
  useEffect(() => {
    if (!yearRequest) return;
    const year = String(yearRequest.year);
    setYearText({ from: year, to: year });
    update({ yearFrom: yearRequest.year, yearTo: yearRequest.year });
  }, [yearRequest]);
  const clearFilters = () => {
    setFilters(DEFAULT_FILTERS);
    setYearText({ from: '', to: '' });
    setPage(0);
  };

  return (
    <SectionFrame
      name="citing"
      title={SECTION_TITLES.citing}
      phase={status.phase}
      statusText={status.statusText}
      isEmpty={source.total === 0}
      emptyText="No citing papers listed by the source."
      skeletonHeight={240}
      onRetry={onRetry}
    >
      <div class="ch-filters" role="search" aria-label="Filter citing papers">
        <div class="ch-field ch-field--wide">
          <label for={`${ids}-text`}>Search</label>
          <input
            id={`${ids}-text`}
            type="search"
            placeholder="Title, TL;DR or citation sentence"
            value={filters.text}
            onInput={onText}
            onChange={onText}
            autocomplete="off"
            spellcheck={false}
          />
        </div>
        <div class="ch-field">
          <label for={`${ids}-role`}>Role</label>
          <select id={`${ids}-role`} value={filters.role} onChange={onRole} onInput={onRole}>
            <option value="all">All roles</option>
            {ROLE_BUCKETS.map((role) => (
              <option key={role} value={role}>
                {ROLE_LABELS[role]}
              </option>
            ))}
          </select>
        </div>
        <div class="ch-field">
          <label for={`${ids}-polarity`}>Polarity</label>
          <select id={`${ids}-polarity`} value={filters.polarity} onChange={onPolarity} onInput={onPolarity}>
            <option value="all">All polarities</option>
            {POLARITY_BUCKETS.map((bucket) => (
              <option key={bucket} value={bucket}>
                {POLARITY_LABELS[bucket]}
              </option>
            ))}
          </select>
        </div>
        <div class="ch-field">
          <label for={`${ids}-from`}>From year</label>
          <input
            id={`${ids}-from`}
            type="number"
            inputMode="numeric"
            min={years?.min}
            max={years?.max}
            placeholder={years ? String(years.min) : ''}
            value={yearText.from}
            onInput={onYearFrom}
            onChange={onYearFrom}
          />
        </div>
        <div class="ch-field">
          <label for={`${ids}-to`}>To year</label>
          <input
            id={`${ids}-to`}
            type="number"
            inputMode="numeric"
            min={years?.min}
            max={years?.max}
            placeholder={years ? String(years.max) : ''}
            value={yearText.to}
            onInput={onYearTo}
            onChange={onYearTo}
          />
        </div>
        <div class="ch-field">
          <label for={`${ids}-sort`}>Sort by</label>
          <select id={`${ids}-sort`} value={sortValue} onChange={onSort} onInput={onSort}>
            {SORT_OPTIONS.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </select>
        </div>
        <div class="ch-field ch-field--check">
          <input id={`${ids}-influential`} type="checkbox" checked={filters.influentialOnly} onChange={onInfluential} onClick={onInfluential} />
          <label for={`${ids}-influential`}>Influential only</label>
        </div>
        {hasActiveFilters(filters) ? (
          <button type="button" class="ch-link-button" onClick={clearFilters}>
            Clear filters
          </button>
        ) : null}
      </div>

      <p class="ch-live-count" role="status" aria-live="polite">
        Showing {formatCount(result.matching)} of {formatCount(result.total)} citing papers
      </p>

      {pageRows.length > 0 ? (
        <ul class="ch-rows" aria-label="Citing papers">
          {pageRows.map((row, index) => (
            <ExplorerRowItem key={`${row.citation.citing.paperId}-${start + index}`} row={row} save={save} />
          ))}
        </ul>
      ) : (
        <p class="ch-empty">No citing papers match these filters.</p>
      )}

      {pageCount > 1 ? (
        <nav class="ch-pager" aria-label="Citing papers pages">
          <button type="button" class="ch-button" disabled={currentPage === 0} onClick={() => setPage(currentPage - 1)}>
            Previous page
          </button>
          <span class="ch-pager-position">
            Page {formatCount(currentPage + 1)} of {formatCount(pageCount)} · rows {formatCount(start + 1)}–{formatCount(start + pageRows.length)}
          </span>
          <button type="button" class="ch-button" disabled={currentPage >= pageCount - 1} onClick={() => setPage(currentPage + 1)}>
            Next page
          </button>
        </nav>
      ) : null}
    </SectionFrame>
  );
}
