import type { Page } from 'playwright-core';

export interface HubStateChange {
  state: string;
  at: number;
}

declare global {
  interface Window {
    __hubStateChanges?: HubStateChange[];
  }
}

/**
 * Records every `data-state` the panel host takes, from the moment it is inserted, so a test can
 * check a state was passed through even when it lasted less than a polling interval. Call before
 * `page.goto`. Runs in the page's main world: the host element is in the light DOM.
 */
export async function recordHubStates(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const changes: HubStateChange[] = [];
    window.__hubStateChanges = changes;
    const note = (element: Element) => {
      const state = element.getAttribute('data-state');
      if (state && changes[changes.length - 1]?.state !== state) changes.push({ state, at: Date.now() });
    };
    new MutationObserver((records) => {
      for (const record of records) {
        if (record.type === 'attributes' && record.target instanceof Element && record.target.localName === 'arxiv-citation-hub') note(record.target);
        for (const node of record.addedNodes) {
          if (node instanceof Element && node.localName === 'arxiv-citation-hub') note(node);
        }
      }
    }).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-state'] });
  });
}

/** The states recorded so far, consecutive repeats collapsed. */
export async function hubStatesSeen(page: Page): Promise<string[]> {
  return page.evaluate(() => (window.__hubStateChanges ?? []).map((change) => change.state));
}
