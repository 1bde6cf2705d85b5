// @vitest-environment happy-dom
import { act, cleanup, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { useSidePanelArxivId, type ActiveTabSource } from '../../components/app/SidePanelApp';

/** A window's tabs as the side panel sees them: one active tab, activation and URL-change events. */
function fakeWindow() {
  const tabs = new Map<number, string>();
  let active: number | null = null;
  const activated = new Set<() => void>();
  const updated = new Set<(tabId: number, change: { url?: string }, tab: { active?: boolean }) => void>();
  const source: ActiveTabSource = {
    query: async () => (active === null ? [] : [{ url: tabs.get(active) }]),
    onActivated: { addListener: (listener) => activated.add(listener), removeListener: (listener) => activated.delete(listener) },
    onUpdated: { addListener: (listener) => updated.add(listener), removeListener: (listener) => updated.delete(listener) },
  };
  let nextId = 1;
  return {
    source,
    listeners: () => activated.size + updated.size,
    open(url: string): number {
      const id = nextId++;
      tabs.set(id, url);
      this.activate(id);
      return id;
    },
    activate(id: number) {
      active = id;
      for (const listener of activated) listener();
    },
    navigate(id: number, url: string) {
      tabs.set(id, url);
      for (const listener of updated) listener(id, { url }, { active: active === id });
    },
  };
}

function Probe({ tabs }: { tabs: ActiveTabSource }) {
  const id = useSidePanelArxivId(tabs);
  return <p data-testid="shown">{id === undefined ? 'looking' : (id ?? 'none')}</p>;
}

const shown = () => screen.getByTestId('shown').textContent;
/** Lets the panel's tab query settle, for checks that nothing changed. */
const settle = () => act(() => new Promise((resolve) => setTimeout(resolve, 10)));

beforeEach(() => history.replaceState(null, '', '/sidepanel.html'));
afterEach(cleanup);

describe('which paper the side panel shows', () => {
  it('without an id, follows the active tab: an abstract page, then the same tab on another paper’s PDF', async () => {
    const tabs = fakeWindow();
    render(<Probe tabs={tabs.source} />);
    await waitFor(() => expect(shown()).toBe('none'));
    const tab = tabs.open('https://arxiv.org/abs/2112.11446v2');
    await waitFor(() => expect(shown()).toBe('2112.11446'));
    tabs.navigate(tab, 'https://arxiv.org/pdf/2001.08361v1');
    await waitFor(() => expect(shown()).toBe('2001.08361'));
  });

  it('keeps the last paper while the active tab is not an arXiv page, and follows tabs back', async () => {
    const tabs = fakeWindow();
    const first = tabs.open('https://arxiv.org/pdf/hep-th/9901001');
    render(<Probe tabs={tabs.source} />);
    await waitFor(() => expect(shown()).toBe('hep-th/9901001'));
    tabs.open('https://example.org/notes');
    await settle();
    expect(shown()).toBe('hep-th/9901001');
    tabs.open('https://arxiv.org/abs/2112.11446');
    await waitFor(() => expect(shown()).toBe('2112.11446'));
    tabs.activate(first);
    await waitFor(() => expect(shown()).toBe('hep-th/9901001'));
  });

  it('ignores URL changes of tabs in the background', async () => {
    const tabs = fakeWindow();
    const background = tabs.open('https://arxiv.org/abs/2112.11446');
    tabs.open('https://arxiv.org/abs/2001.08361');
    render(<Probe tabs={tabs.source} />);
    await waitFor(() => expect(shown()).toBe('2001.08361'));
    tabs.navigate(background, 'https://arxiv.org/abs/2203.15556');
    await settle();
    expect(shown()).toBe('2001.08361');
  });

  it('with ?id= (opened from the popup), shows that paper and does not listen to tabs', async () => {
    history.replaceState(null, '', '/sidepanel.html?id=hep-th%2F9901001');
    const tabs = fakeWindow();
    tabs.open('https://arxiv.org/abs/2112.11446');
    render(<Probe tabs={tabs.source} />);
    await waitFor(() => expect(shown()).toBe('hep-th/9901001'));
    expect(tabs.listeners()).toBe(0);
  });

  it('stops listening when the panel goes away', async () => {
    const tabs = fakeWindow();
    const { unmount } = render(<Probe tabs={tabs.source} />);
    await waitFor(() => expect(shown()).toBe('none'));
    expect(tabs.listeners()).toBe(2);
    unmount();
    expect(tabs.listeners()).toBe(0);
  });
});
