// @vitest-environment happy-dom
import { cleanup, fireEvent, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { filterExplorer as filterRows, sortExplorer } from '../../lib/analytics/explorer';
import { DEFAULT_FILTERS, toRowFilters, type ExplorerFilters } from '../../lib/hub/explorerPages';
import type { ExplorerRow } from '../../lib/domain/view';
import { makeExplorerRows, makeSampleView } from '../fixtures/views/sampleView';
import { renderPanel } from '../fixtures/views/renderPanel';

afterEach(cleanup);

// Counts below follow the generation rules documented in tests/fixtures/views/sampleView.ts (120 rows).
function renderExplorer(explorerRows = 120) {
  const rendered = renderPanel({ view: makeSampleView({ explorerRows }) });
  const explorer = rendered.section('citing');
  const count = () => explorer.querySelector('[aria-live="polite"]')!.textContent;
  const rows = () => explorer.querySelectorAll('[data-paper-id]');
  return { ...rendered, explorer, count, rows, ui: within(explorer) };
}

describe('citing papers explorer', () => {
  it('shows the first page of rows without any interaction, with a live count', () => {
    const { count, rows, explorer } = renderExplorer();
    expect(count()).toBe('Showing 120 of 120 citing papers');
    expect(rows()).toHaveLength(50);
    expect(explorer.querySelector('input[type="search"]')).not.toBeNull();
  });

  it('role filter: background is rows with i % 10 in 0..4, 60 of 120', () => {
    const { count, ui } = renderExplorer();
    fireEvent.change(ui.getByLabelText('Role'), { target: { value: 'background' } });
    expect(count()).toBe('Showing 60 of 120 citing papers');
    fireEvent.change(ui.getByLabelText('Role'), { target: { value: 'result' } });
    expect(count()).toBe('Showing 12 of 120 citing papers');
  });

  it('text filter searches title, TL;DR and sentences: "retrieval" is topic 0 of 6, 20 rows', () => {
    const { count, rows, ui } = renderExplorer();
    const search = ui.getByRole('searchbox');
    fireEvent.input(search, { target: { value: 'Retrieval' } });
    expect(count()).toBe('Showing 20 of 120 citing papers');
    for (const row of rows()) expect(row.textContent).toMatch(/retrieval/i);
    // Every term must match. "unlike" occurs only in contrasting sentences (i % 8 === 4); with retrieval (i % 6 === 0)
    // that is i % 24 === 12: i = 12, 36, 60, 84, 108.
    fireEvent.input(search, { target: { value: 'retrieval unlike' } });
    expect(count()).toBe('Showing 5 of 120 citing papers');
  });

  it('influential only keeps rows with i % 10 === 3: 12 of 120', () => {
    const { count, ui } = renderExplorer();
    const checkbox = ui.getByLabelText('Influential only') as HTMLInputElement;
    fireEvent.click(checkbox);
    expect(checkbox.checked).toBe(true);
    expect(count()).toBe('Showing 12 of 120 citing papers');
    fireEvent.click(checkbox);
    expect(count()).toBe('Showing 120 of 120 citing papers');
  });

  it('year range 2023–2024 keeps i % 4 in {1, 2}: 60 rows; rows without a year drop out once a bound is set', () => {
    const { count, ui } = renderExplorer();
    fireEvent.input(ui.getByLabelText('From year'), { target: { value: '2023' } });
    // 2023..2025 = i % 4 in {1,2,3} = 90 rows, minus the 3 rows with i % 40 === 39 (no year).
    expect(count()).toBe('Showing 87 of 120 citing papers');
    fireEvent.input(ui.getByLabelText('To year'), { target: { value: '2024' } });
    expect(count()).toBe('Showing 60 of 120 citing papers');
  });

  it('polarity filter and combined filters', () => {
    const { count, ui } = renderExplorer();
    fireEvent.change(ui.getByLabelText('Polarity'), { target: { value: 'contrasting' } });
    expect(count()).toBe('Showing 15 of 120 citing papers');
    // Contrasting rows are i = 4, 12, 20, 28, 36, … whose i % 10 cycles 4, 2, 0, 8, 6; background needs i % 10 < 5,
    // so 3 of every 5 contrasting rows: 9 of 15.
    fireEvent.change(ui.getByLabelText('Role'), { target: { value: 'background' } });
    expect(count()).toBe('Showing 9 of 120 citing papers');
    fireEvent.click(ui.getByRole('button', { name: 'Clear filters' }));
    expect(count()).toBe('Showing 120 of 120 citing papers');
  });

  it('shows a message when nothing matches', () => {
    const { count, rows, ui, explorer } = renderExplorer();
    fireEvent.input(ui.getByRole('searchbox'), { target: { value: 'zzz-no-such-word' } });
    expect(count()).toBe('Showing 0 of 120 citing papers');
    expect(rows()).toHaveLength(0);
    expect(explorer.textContent).toContain('No citing papers match these filters.');
  });

  it('sorts by year, citations and influence', () => {
    const { rows, ui } = renderExplorer();
    const firstYear = () => rows()[0]!.querySelector('.ch-row-byline')!.textContent;
    fireEvent.change(ui.getByLabelText('Sort by'), { target: { value: 'year-desc' } });
    expect(firstYear()).toContain('2025');
    fireEvent.change(ui.getByLabelText('Sort by'), { target: { value: 'year-asc' } });
    expect(firstYear()).toContain('2022');
    fireEvent.change(ui.getByLabelText('Sort by'), { target: { value: 'influence-desc' } });
    expect(rows()[0]!.textContent).toContain('Influential');
    fireEvent.change(ui.getByLabelText('Sort by'), { target: { value: 'citations-desc' } });
    // citationCount = (i * 37) % 500; the maximum over i < 120 is 499 at i = 27 (999 = 2*500 − 1).
    expect(rows()[0]!.textContent).toContain('499 citations');
  });

  it('expands a row to show its citation sentences with role and polarity labels', () => {
    const { rows } = renderExplorer();
    // Row 4: background (source label), contrasting, 2 sentences.
    const row = rows()[4]! as HTMLElement;
    const toggle = within(row).getByRole('button', { name: 'Show 2 citation sentences' });
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    expect(row.querySelectorAll('.ch-sentence')).toHaveLength(2);
    expect(row.textContent).toContain('Unlike the findings of Rae et al. (2021)');
    expect(row.textContent).toContain('Background (Semantic Scholar)');
    expect(row.textContent).toContain('Contrasting, 91 % confident');
    // Row 3 is classified locally (i % 3 === 0).
    fireEvent.click(within(rows()[3] as HTMLElement).getByRole('button', { name: /citation sentence/ }));
    expect(rows()[3]!.textContent).toContain('Background (classified locally, 74 %)');
  });

  it('pages through 5,000 rows without ever mounting more than 300 row elements', () => {
    const { container, explorer, count, rows, ui } = renderExplorer(5000);
    expect(count()).toBe('Showing 5,000 of 5,000 citing papers');
    expect(rows()).toHaveLength(50);
    expect(container.querySelectorAll('[data-paper-id]').length).toBeLessThanOrEqual(300);
    expect(explorer.textContent).toContain('Page 1 of 100');
    fireEvent.click(ui.getByRole('button', { name: 'Next page' }));
    expect(explorer.textContent).toContain('Page 2 of 100 · rows 51–100');
    expect(rows()[0]!.querySelector('.ch-row-title')!.textContent).toContain('(51)');
    expect(container.querySelectorAll('[data-paper-id]').length).toBeLessThanOrEqual(300);
    // A filter goes back to page 1 of the filtered rows: background is half of 5,000.
    fireEvent.change(ui.getByLabelText('Role'), { target: { value: 'background' } });
    expect(count()).toBe('Showing 2,500 of 5,000 citing papers');
    expect(explorer.textContent).toContain('Page 1 of 50');
    expect(ui.getByRole('button', { name: 'Previous page' }).hasAttribute('disabled')).toBe(true);
  });
});

/** The explorer's controls (one role, one polarity, year bounds, text) applied as the background applies them. */
const filterExplorer = (rows: readonly ExplorerRow[], filters: ExplorerFilters) => filterRows(rows, toRowFilters(filters));

describe('explorer model', () => {
  it('filters 5,000 rows by every criterion at once', () => {
    const rows = makeExplorerRows(5000);
    const result = filterExplorer(rows, { ...DEFAULT_FILTERS, role: 'background', influentialOnly: true, yearFrom: 2025, yearTo: 2025, text: 'mixture' });
    // influential (i % 10 === 3, always background) in 2025 (i % 4 === 3) ⇔ i % 20 === 3; mixture ⇔ i % 6 === 1;
    // together i % 60 === 43: i = 43, 103, …, 4963 → 83 rows.
    expect(result).toHaveLength(83);
    expect(result.every((row) => row.citation.isInfluential && row.citation.citing.year === 2025)).toBe(true);
    expect(filterExplorer(rows, { ...DEFAULT_FILTERS, influentialOnly: true, yearFrom: 2024, yearTo: 2024 })).toHaveLength(0); // odd i vs even i
    const influential2025 = filterExplorer(rows, { ...DEFAULT_FILTERS, influentialOnly: true, yearFrom: 2025 });
    // i % 10 === 3 and i % 4 === 3 ⇔ i % 20 === 3: 250 of 5,000; none lacks a year (those have i % 20 === 19).
    expect(influential2025).toHaveLength(250);
  });

  it('sorting is stable and puts unknown years last in both directions', () => {
    const rows = makeExplorerRows(40);
    const descending = sortExplorer(rows, { key: 'year', direction: 'desc' });
    const ascending = sortExplorer(rows, { key: 'year', direction: 'asc' });
    expect(descending.at(-1)!.citation.citing.year).toBeUndefined();
    expect(ascending.at(-1)!.citation.citing.year).toBeUndefined();
    // Stable: within 2025 the original order is kept (i = 3, 7, 11, …).
    expect(descending.slice(0, 3).map((row) => row.citation.citing.title)).toEqual([rows[3]!.citation.citing.title, rows[7]!.citation.citing.title, rows[11]!.citation.citing.title]);
  });
});
