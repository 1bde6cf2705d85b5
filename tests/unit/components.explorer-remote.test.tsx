// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { queryExplorer, splitView, type ExplorerPage, type ExplorerQuery } from '../../lib/hub/explorerPages';
import type { ExplorerSource } from '../../components/panel/explorerSource';
import { Panel } from '../../components/panel/Panel';
import { makeSampleView, SAMPLE_NOW } from '../fixtures/views/sampleView';

afterEach(cleanup);

/**
 * The panel as the page shows it: the summary and first page arrive with the snapshot, other
 * explorer pages come from the background on request. Here the "background" answers only when
 * the test says so, so the test sees what the user sees in between.
 */
function renderRemoteExplorer() {
  const full = makeSampleView({ explorerRows: 120 });
  const { summary, explorer: digest } = splitView(full);
  const asked: { query: ExplorerQuery; answer(): Promise<void> }[] = [];
  const source: ExplorerSource = {
    total: digest.total,
    years: digest.years,
    firstPage: digest.firstPage,
    titles: new Map(Object.entries(digest.titles)),
    query: (query) =>
      new Promise<ExplorerPage>((resolve) => {
        asked.push({
          query,
          answer: () =>
            act(async () => {
              resolve(queryExplorer(full.explorer, query));
              await new Promise((settle) => setTimeout(settle, 0));
            }),
        });
      }),
  };
  const { container } = render(
    <Panel
      arxivId="2112.11446"
      view={summary}
      explorer={source}
      status={{ state: 'ready' }}
      savedIds={new Set()}
      onToggleSave={() => {}}
      onRetry={() => {}}
      collapsed={false}
      onToggleCollapsed={() => {}}
      now={SAMPLE_NOW}
    />,
  );
  const explorer = container.querySelector<HTMLElement>('[data-section="citing"]')!;
  return {
    asked,
    explorer,
    ui: within(explorer),
    count: () => explorer.querySelector('[aria-live="polite"]')!.textContent,
    rows: () => explorer.querySelectorAll('[data-paper-id]'),
  };
}

describe('citing papers explorer served by the background', () => {
  it('shows the first page from the snapshot without asking for anything', () => {
    const { asked, count, rows, explorer } = renderRemoteExplorer();
    expect(asked).toEqual([]);
    expect(count()).toBe('Showing 120 of 120 citing papers');
    expect(rows()).toHaveLength(50);
    expect(explorer.textContent).toContain('Page 1 of 3');
  });

  it('asks for a filtered page, keeps the old page until it arrives, then shows it', async () => {
    const { asked, count, rows, ui } = renderRemoteExplorer();
    fireEvent.change(ui.getByLabelText('Role'), { target: { value: 'result' } });
    expect(asked).toHaveLength(1);
    expect(asked[0]!.query.filters.role).toBe('result');
    expect(count()).toBe('Showing 120 of 120 citing papers');
    await asked[0]!.answer();
    // Result is i % 10 === 7: 12 of 120.
    expect(count()).toBe('Showing 12 of 120 citing papers');
    expect(rows()).toHaveLength(12);
  });

  it('shows the answer to the latest question even when an older answer comes last', async () => {
    const { asked, count, ui } = renderRemoteExplorer();
    fireEvent.change(ui.getByLabelText('Role'), { target: { value: 'result' } });
    fireEvent.change(ui.getByLabelText('Role'), { target: { value: 'background' } });
    expect(asked.map((entry) => entry.query.filters.role)).toEqual(['result', 'background']);
    await asked[1]!.answer();
    expect(count()).toBe('Showing 60 of 120 citing papers');
    await asked[0]!.answer();
    expect(count()).toBe('Showing 60 of 120 citing papers');
  });

  it('pages through the rows with the pager', async () => {
    const { asked, explorer, ui, rows } = renderRemoteExplorer();
    fireEvent.click(ui.getByRole('button', { name: 'Next page' }));
    expect(asked.at(-1)!.query.page).toBe(1);
    await asked.at(-1)!.answer();
    expect(explorer.textContent).toContain('Page 2 of 3 · rows 51–100');
    fireEvent.click(ui.getByRole('button', { name: 'Next page' }));
    await asked.at(-1)!.answer();
    expect(explorer.textContent).toContain('Page 3 of 3 · rows 101–120');
    expect(rows()).toHaveLength(20);
  });
});
