import type { Locator, Page } from 'playwright-core';
import { waitForHubState } from '../harness';

export const PANEL_SECTIONS = ['header', 'timeline', 'glance', 'roles', 'polarity', 'claims', 'co-cited', 'representative', 'citing', 'references', 'similar'] as const;
export type PanelSection = (typeof PANEL_SECTIONS)[number];

/** "1,050" → 1050. */
export function parseCount(text: string): number {
  const digits = text.replace(/,/g, '').trim();
  if (!/^\d+$/.test(digits)) throw new Error(`not a whole count: "${text}"`);
  return Number(digits);
}

/**
 * The in-page panel of an arXiv page, driven through the public test contract: the
 * `<arxiv-citation-hub>` host and `[data-section]` roots inside its open shadow root (Playwright's
 * CSS locators pierce it).
 */
export class PanelPage {
  constructor(readonly page: Page) {}

  get host(): Locator {
    return this.page.locator('arxiv-citation-hub');
  }

  get root(): Locator {
    return this.page.locator('.ch-panel');
  }

  get dock(): Locator {
    return this.page.locator('.hub-dock');
  }

  section(name: PanelSection): Locator {
    return this.page.locator(`[data-section="${name}"]`);
  }

  rows(name: PanelSection): Locator {
    return this.section(name).locator('li[data-paper-id]');
  }

  async open(url: string, states: string[] = ['ready'], timeout = 60_000): Promise<string> {
    await this.page.goto(url);
    return waitForHubState(this.page, states, timeout);
  }

  /** Header figures by label ("Citing papers" → "1,050"), exactly as displayed. */
  async headerCounts(): Promise<Record<string, string>> {
    const pairs = await this.section('header')
      .locator('.ch-count')
      .evaluateAll((items) => items.map((item) => [item.querySelector('dt')?.textContent?.trim() ?? '', item.querySelector('dd')?.textContent?.trim() ?? '']));
    return Object.fromEntries(pairs);
  }

  async tierBadges(): Promise<string[]> {
    return (await this.section('header').locator('.ch-badges .ch-badge').allTextContents()).map((text) => text.trim());
  }

  /** Per-paper counts of the role table, by `data-role`. */
  async rolePaperCounts(): Promise<Record<string, number>> {
    const pairs = await this.section('roles')
      .locator('tr[data-role]')
      .evaluateAll((rows) => rows.map((row) => [row.getAttribute('data-role') ?? '', row.querySelectorAll('td')[0]?.firstChild?.textContent ?? '']));
    return Object.fromEntries(pairs.map(([role, text]) => [role!, parseCount(text!)]));
  }

  get explorerStatus(): Locator {
    return this.section('citing').locator('.ch-live-count');
  }

  /** The explorer's "Showing N of M citing papers", as numbers and as the raw text. */
  async explorerCount(): Promise<{ shown: number; total: number; text: string }> {
    const text = ((await this.explorerStatus.textContent()) ?? '').trim();
    const match = /^Showing ([\d,]+) of ([\d,]+) citing papers$/.exec(text);
    if (!match) throw new Error(`unexpected explorer count text: "${text}"`);
    return { shown: parseCount(match[1]!), total: parseCount(match[2]!), text };
  }

  get searchBox(): Locator {
    return this.section('citing').locator('input[type="search"]');
  }

  roleFilter(): Locator {
    return this.section('citing').getByLabel('Role', { exact: true });
  }

  influentialOnly(): Locator {
    return this.section('citing').getByLabel('Influential only');
  }

  get collapseToggle(): Locator {
    return this.page.locator('.ch-topbar button.ch-collapse');
  }

  /** The element focused inside the panel's shadow root (document.activeElement is the host). */
  async focusedInPanel(): Promise<{ tag: string; className: string; text: string } | null> {
    return this.page.evaluate(() => {
      const active = document.querySelector('arxiv-citation-hub')?.shadowRoot?.activeElement;
      return active ? { tag: active.localName, className: active.className, text: active.textContent?.trim() ?? '' } : null;
    });
  }

  /** Horizontal overflow of the panel root and of its scrolling content box. */
  async horizontalOverflow(): Promise<Array<{ element: string; scrollWidth: number; clientWidth: number }>> {
    return this.page.evaluate(() => {
      const shadow = document.querySelector('arxiv-citation-hub')?.shadowRoot;
      const elements = ['.hub-dock', '.ch-panel', '.ch-content'].map((selector) => [selector, shadow?.querySelector(selector)] as const);
      return elements.map(([selector, element]) => ({ element: selector, scrollWidth: element?.scrollWidth ?? -1, clientWidth: element?.clientWidth ?? -1 }));
    });
  }
}
