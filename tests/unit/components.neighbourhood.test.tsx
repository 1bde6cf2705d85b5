// @vitest-environment happy-dom
import { act, cleanup, fireEvent, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { makeSampleView, sampleTimeline } from '../fixtures/views/sampleView';
import { renderPanel } from '../fixtures/views/renderPanel';

// The map's layout chunk is imported from the extension's URL in the browser; here, straight from source.
vi.mock('../../components/panel/mapLayout', async () => {
  const { layoutCoCitationMap } = await import('../../lib/cocitationMap/layout');
  return { loadMapLayout: () => Promise.resolve(layoutCoCitationMap) };
});

afterEach(cleanup);

const text = (element: Element) => (element.textContent ?? '').replace(/\s+/g, ' ');
const count = (element: Element) => Number(element.getAttribute('data-count'));

describe('citations over time', () => {
  // Sample explorer: 120 rows, years 2022 + (i % 4) except every 40th row (no year); "now" is January 2025.
  it('draws one bar per year whose counts add up, with the undated papers, to the papers listed', () => {
    const { section } = renderPanel();
    const timeline = section('timeline');
    const bars = [...timeline.querySelectorAll('[data-year]')];
    expect(bars.map((bar) => [Number(bar.getAttribute('data-year')), count(bar)])).toEqual([[2022, 30], [2023, 30], [2024, 30], [2025, 27]]);
    expect(bars.reduce((sum, bar) => sum + count(bar), 0) + 3).toBe(120);
    expect(text(timeline)).toContain('120 citing papers listed by year of publication, 3 without a year');
    // The role segments of a bar: 2023 holds rows i % 10 in {1, 3, 5, 7, 9}, so every role.
    const segments = bars[1]!.querySelectorAll('[data-role]');
    expect([...segments].map((segment) => segment.getAttribute('data-role'))).toEqual(['background', 'methodology', 'result', 'unclassified']);
    expect(bars[3]!.querySelector('text')?.textContent).toBe('2025*');
    expect(text(timeline)).toContain('2025 is incomplete');
  });

  it('shows a bar’s numbers on focus, and names them for screen readers', () => {
    const { section } = renderPanel();
    const bar = section('timeline').querySelector('[data-year="2023"]')!;
    expect(bar.getAttribute('tabindex')).toBe('0');
    // 2023 holds rows i % 20 in {1, 5, 9, 13, 17}: by i % 10, 12 background, 6 of each other role; i % 10 === 3 influential.
    expect(bar.getAttribute('aria-label')).toBe('2023: 30 citing papers listed (background 12, methodology 6, result 6, unclassified 6), 6 influential. Filter citing papers to 2023.');
    fireEvent.focus(bar);
    expect(text(section('timeline').querySelector('.ch-timeline-readout')!)).toMatch(/^2023: 30 citing papers listed/);
  });

  it('offers the same numbers as a table, visible on "Show as table"', () => {
    const { section, getByText } = renderPanel();
    const wrapper = section('timeline').querySelector('[data-view="timeline-table"]')!;
    const table = wrapper.querySelector('table')!;
    // Read by screen readers while visually hidden; shown on request.
    expect(wrapper.classList.contains('ch-sr')).toBe(true);
    const rows = [...table.querySelectorAll('tbody tr')].map((row) => [...row.querySelectorAll('th, td')].slice(0, 2).map(text));
    expect(rows).toEqual([['2022', '30'], ['2023', '30'], ['2024', '30'], ['2025 (incomplete)', '27']]);
    fireEvent.click(getByText('Show as table'));
    expect(wrapper.classList.contains('ch-sr')).toBe(false);
  });

  it('filters the citing-papers explorer to the year clicked', async () => {
    const { section } = renderPanel();
    fireEvent.click(section('timeline').querySelector('[data-year="2023"]')!);
    await waitFor(() => expect(text(section('citing'))).toContain('Showing 30 of 120 citing papers'));
    const yearInputs = () => [section('citing').querySelector<HTMLInputElement>('input[id$="-from"]')!.value, section('citing').querySelector<HTMLInputElement>('input[id$="-to"]')!.value];
    expect(yearInputs()).toEqual(['2023', '2023']);
    fireEvent.keyDown(section('timeline').querySelector('[data-year="2025"]')!, { key: 'Enter' });
    await waitFor(() => expect(text(section('citing'))).toContain('Showing 27 of 120 citing papers'));
    expect(yearInputs()).toEqual(['2025', '2025']);
  });

  it("draws OpenAlex's all-citation totals when the list is short, and says when OpenAlex has none", () => {
    const view = makeSampleView();
    view.timeline = sampleTimeline(view.explorer, [{ year: 2021, count: 200 }, { year: 2022, count: 600 }, { year: 2023, count: 800 }]);
    const { section } = renderPanel({ view });
    const timeline = section('timeline');
    expect(timeline.querySelector('[data-series="openalex"]')).not.toBeNull();
    // OpenAlex's earlier year widens the chart; that year has no listed papers.
    expect(timeline.querySelector('[data-year="2021"]')?.getAttribute('data-count')).toBe('0');
    expect(text(timeline)).toContain('OpenAlex, all citations');
    expect(text(timeline)).toContain('lists 120 of 1,812 citing papers; the line shows every citation OpenAlex counts per year');
    cleanup();

    const none = makeSampleView();
    none.timeline = sampleTimeline(none.explorer, []);
    const empty = renderPanel({ view: none });
    expect(text(empty.section('timeline'))).toContain('OpenAlex has no per-year counts for this paper');
    expect(empty.section('timeline').querySelector('[data-series="openalex"]')).toBeNull();
  });
});

describe('what it cites', () => {
  it('counts references per role on elements carrying data-role and data-count, and says how complete the list is', () => {
    const { section } = renderPanel();
    const references = section('references');
    const counts = Object.fromEntries([...references.querySelectorAll('tr[data-role]')].map((row) => [row.getAttribute('data-role'), count(row)]));
    expect(counts).toEqual({ background: 1, methodology: 1, result: 1, unclassified: 1 });
    expect(text(references)).toContain('Semantic Scholar lists 4 of 6 references. 1 of them has no Semantic Scholar record and is shown by title.');
  });

  it('lists influential references first, then most cited, and keeps the unresolved one by title', () => {
    const { section } = renderPanel();
    const rows = [...section('references').querySelectorAll('.ch-rows > li')];
    expect(rows.map((row) => row.getAttribute('data-paper-id'))).toEqual(['204e3073870fae3d05bcbc2f6a8e263d9b72e776', '90abbc2cf38462b954ae1b772fac9532e2ccd8b0', '6c4b76232bb72897685d19b3d264c6ee3005bc2b', null]);
    expect(text(rows[3]!)).toContain('Perspective API documentation');
    expect(text(rows[3]!)).toContain('Not resolved to a paper by Semantic Scholar');
    expect(rows[3]!.querySelector('button.ch-row-title')).toBeNull();
  });

  it('filters by text and opens a quick view from a row', async () => {
    const { section, getByLabelText } = renderPanel();
    fireEvent.input(getByLabelText('Filter references'), { target: { value: 'transformer' } });
    expect(text(section('references'))).toContain('2 of 4 references match');
    const title = section('references').querySelector<HTMLButtonElement>('[data-paper-id] .ch-row-title')!;
    fireEvent.keyDown(title, { key: 'Enter' });
    expect(section('references').querySelector('.ch-quickview')).not.toBeNull();
  });
});

describe('co-citation map', () => {
  it('switches to a map whose nodes are the co-cited works, and back; the choice goes to the container', async () => {
    const onCoCitedViewChange = vi.fn();
    const { section, rerender, props } = renderPanel({ onCoCitedViewChange, coCitedView: 'list' });
    const toggle = section('co-cited').querySelector('[data-action="co-cited-map"]')!;
    expect(toggle.getAttribute('aria-checked')).toBe('false');
    fireEvent.click(toggle);
    expect(onCoCitedViewChange).toHaveBeenCalledWith('map');
    const { Panel } = await import('../../components/panel/Panel');
    rerender(<Panel {...props} coCitedView="map" onCoCitedViewChange={onCoCitedViewChange} />);
    const map = await waitFor(() => {
      const svg = section('co-cited').querySelector('svg[data-view="co-citation-map"]');
      if (!svg) throw new Error('no map yet');
      return svg;
    });
    const nodes = [...map.querySelectorAll('[data-paper-id]')];
    expect(nodes).toHaveLength(props.view!.coCited.length);
    expect(nodes.map((node) => node.getAttribute('data-paper-id'))).toEqual(props.view!.coCited.map((work) => work.paper.paperId));
    expect(nodes[0]!.getAttribute('aria-label')).toBe('Language Models are Few-Shot Learners: co-cited by 312 citing papers, strength 0.22');
    expect(map.querySelectorAll('line.ch-map-link')).toHaveLength(4);
    expect(section('co-cited').querySelector<HTMLElement>('ol.ch-rows')!.hidden).toBe(true);
  });

  it('is keyboard-operable: every node focusable, arrows move between them, Enter opens the quick view', async () => {
    const { section } = renderPanel();
    fireEvent.click(section('co-cited').querySelector('[data-action="co-cited-map"]')!);
    const map = await waitFor(() => {
      const svg = section('co-cited').querySelector('svg[data-view="co-citation-map"]');
      if (!svg) throw new Error('no map yet');
      return svg;
    });
    const nodes = [...map.querySelectorAll<SVGGElement>('[data-paper-id]')];
    for (const node of nodes) expect(node.getAttribute('tabindex')).toBe('0');
    nodes[0]!.focus();
    fireEvent.keyDown(nodes[0]!, { key: 'ArrowRight' });
    expect(section('co-cited').ownerDocument.activeElement).toBe(nodes[1]);
    fireEvent.keyDown(nodes[1]!, { key: 'Enter' });
    const quickView = section('co-cited').querySelector('.ch-quickview')!;
    expect(text(quickView)).toContain('Training Compute-Optimal Large Language Models');
    await act(async () => {
      fireEvent.keyDown(quickView, { key: 'Escape' });
    });
    expect(section('co-cited').querySelector('.ch-quickview')).toBeNull();
  });
});
