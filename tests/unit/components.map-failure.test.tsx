// @vitest-environment happy-dom
import { cleanup, fireEvent, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DONE_STAGES, makeSampleView, sampleTimeline } from '../fixtures/views/sampleView';
import { renderPanel } from '../fixtures/views/renderPanel';

// The layout chunk fails to load (the extension was reloaded under the page, say).
vi.mock('../../components/panel/mapLayout', () => ({ loadMapLayout: () => Promise.reject(new Error('the map layout did not register itself')) }));

afterEach(cleanup);

describe('when a picture cannot be drawn', () => {
  it('the map says why and the list of the same works stays one switch away', async () => {
    const { section } = renderPanel();
    fireEvent.click(section('co-cited').querySelector('[data-action="co-cited-map"]')!);
    await waitFor(() => expect(section('co-cited').querySelector('[role="alert"]')?.textContent).toContain('The map could not be drawn (the map layout did not register itself)'));
    expect(section('co-cited').querySelector('svg[data-view="co-citation-map"]')).toBeNull();
    fireEvent.click(section('co-cited').querySelector('[data-action="co-cited-map"]')!);
    expect(section('co-cited').querySelectorAll('ol.ch-rows li[data-paper-id]').length).toBeGreaterThan(0);
  });

  it('the timeline keeps its bars and says that OpenAlex could not be asked', () => {
    const view = makeSampleView();
    view.timeline = sampleTimeline(view.explorer);
    view.stages = { ...DONE_STAGES, yearCounts: { status: 'failed', done: 0, total: null, message: 'OpenAlex does not know this paper.' } };
    const { section } = renderPanel({ view });
    const timeline = section('timeline');
    expect(timeline.querySelector('[role="alert"]')?.textContent).toContain('OpenAlex citations per year could not be loaded (OpenAlex does not know this paper.)');
    expect(timeline.querySelectorAll('[data-year]')).toHaveLength(4);
  });
});
