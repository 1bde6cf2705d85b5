// @vitest-environment happy-dom
import { act, cleanup, render } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { HubConnectionHandlers } from '../../lib/messaging/hubConnection';
import { splitView } from '../../lib/hub/explorerPages';
import { makeSampleView } from '../fixtures/views/sampleView';

/*
 * The host's data-state is the public contract tests and scripts wait on: `ready` must mean the
 * sections are in the DOM. Reopening a cached hub offline, the snapshot came from the worker's
 * memory before the panel preferences came from storage, and data-state read `ready` over an
 * empty panel. Here the snapshot arrives at once and the settings only when the test says so.
 */

let deliverSettings: (() => void) | null = null;

vi.mock('../../lib/messaging/hubConnection', () => ({
  connectHub: (arxivId: string, handlers: HubConnectionHandlers) => {
    const { summary, explorer } = splitView(makeSampleView());
    handlers.onMessage({ type: 'hub/snapshot', arxivId, view: { ...summary, arxivId }, explorer, status: { state: 'ready' } });
    return { retry() {}, explorerPage: () => new Promise(() => {}), close() {} };
  },
}));

vi.mock('../../lib/messaging/client', () => ({
  request: (message: { type: string }) => {
    if (message.type === 'settings/get') {
      return new Promise((resolve) => {
        deliverSettings = () => resolve({ autoOpen: true, panelSide: 'right', panelWidth: 400, hiddenSections: [] });
      });
    }
    if (message.type === 'library/savedIds') return Promise.resolve([]);
    return new Promise(() => {});
  },
}));

const { PagePanelApp } = await import('../../components/app/PagePanelApp');

afterEach(cleanup);
beforeEach(() => {
  deliverSettings = null;
});

describe('PagePanelApp data-state', () => {
  it('never reads ready while no section is in the DOM, and reads ready once they are', async () => {
    const host = document.createElement('arxiv-citation-hub');
    document.body.append(host);
    const seen: { state: string | undefined; sections: number }[] = [];
    const container = document.createElement('div');
    host.append(container);
    const observer = new MutationObserver(() => seen.push({ state: host.dataset.state, sections: container.querySelectorAll('[data-section]').length }));
    observer.observe(host, { attributes: true, attributeFilter: ['data-state'] });

    render(<PagePanelApp arxivId="2112.11446" host={host} />, { container });
    await act(async () => {
      await Promise.resolve();
    });
    // The hub snapshot is in, the preferences are not: nothing is shown, so the host must not say ready.
    expect(container.querySelectorAll('[data-section]')).toHaveLength(0);
    expect(host.dataset.state).toBe('loading');

    expect(deliverSettings).not.toBeNull();
    await act(async () => {
      deliverSettings?.();
      await new Promise((resolve) => setTimeout(resolve, 0));
    });
    expect(host.dataset.state).toBe('ready');
    expect(container.querySelectorAll('[data-section]').length).toBeGreaterThan(5);

    await new Promise((resolve) => setTimeout(resolve, 0));
    observer.disconnect();
    for (const record of seen) if (record.state === 'ready') expect(record.sections).toBeGreaterThan(0);
    host.remove();
  });
});
