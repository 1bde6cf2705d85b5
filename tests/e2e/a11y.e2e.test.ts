import AxeBuilder from '@axe-core/playwright';
import type { Result } from 'axe-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { serveSample } from './fixtures';
import { launchExtension, type ExtensionSession } from './harness';
import { openExtensionPage } from './pages/extensionContext';
import { LibraryPage, PopupPage } from './pages/libraryPages';
import { PanelPage } from './pages/panelPage';

/*
 * axe-core on what users of the extension see: the in-page panel (inside its open shadow root) in
 * both colour schemes and in its ready and not-found states, the popup and the options page
 * (library with entries, settings). Serious and critical violations fail the test; every violation
 * found is printed in the failure message.
 */

const SCHEMES = ['light', 'dark'] as const;
const BLOCKING = new Set(['serious', 'critical']);

let session: ExtensionSession;

beforeAll(async () => {
  session = await launchExtension();
  serveSample(session);
});
afterAll(async () => session?.close());

function describeViolations(violations: readonly Result[]): string {
  return violations
    .map((violation) => {
      const nodes = violation.nodes.map((node) => `    ${JSON.stringify(node.target)}: ${node.failureSummary?.replace(/\s+/g, ' ') ?? ''}`).join('\n');
      return `[${violation.impact ?? 'unknown'}] ${violation.id}: ${violation.help} (${violation.helpUrl})\n${nodes}`;
    })
    .join('\n');
}

async function expectNoSeriousViolations(page: Page, include?: string): Promise<void> {
  let builder = new AxeBuilder({ page });
  if (include) builder = builder.include(include);
  const { violations, passes } = await builder.analyze();
  if (include) {
    // axe names a node inside a shadow root by a path [host, inner]: proof it looked inside.
    const checkedInsideShadow = passes.some((rule) => rule.nodes.some((node) => node.target.some((part) => Array.isArray(part))));
    expect(checkedInsideShadow, `axe checked nodes inside the shadow root of ${include}`).toBe(true);
  }
  const blocking = violations.filter((violation) => BLOCKING.has(violation.impact ?? ''));
  expect(blocking, `axe violations on ${page.url()}:\n${describeViolations(violations)}`).toEqual([]);
}

describe.each([
  { state: 'ready', url: 'https://arxiv.org/abs/2112.11446' },
  { state: 'not-found', url: 'https://arxiv.org/abs/2609.22268' },
])('the panel, $state', ({ state, url }) => {
  let panel: PanelPage;
  beforeAll(async () => {
    panel = new PanelPage(await session.newPage());
    expect(await panel.open(url, [state, 'error', 'ready', 'not-found'])).toBe(state);
  }, 90_000);
  afterAll(async () => panel?.page.close());

  it.each(SCHEMES)('has no serious or critical violations in the %s scheme', async (scheme) => {
    await panel.page.emulateMedia({ colorScheme: scheme });
    // axe skips text outside the viewport (colour contrast included), and the docked panel is taller
    // than any screen: a viewport as tall as the panel lets it check every row.
    const panelHeight = await panel.dock.evaluate((element) => element.scrollHeight);
    await panel.page.setViewportSize({ width: 1400, height: Math.min(Math.max(900, panelHeight), 20_000) });
    await expectNoSeriousViolations(panel.page, 'arxiv-citation-hub');
  });
});

describe('the side panel page', () => {
  let page: Page;
  beforeAll(async () => {
    page = await openExtensionPage(session, 'sidepanel.html?id=2112.11446');
    await page.waitForFunction(() => document.body.dataset.state === 'ready', undefined, { timeout: 60_000 });
  }, 90_000);
  afterAll(async () => page?.close());

  it.each(SCHEMES)('has no serious or critical violations in the %s scheme', async (scheme) => {
    await page.emulateMedia({ colorScheme: scheme });
    await expectNoSeriousViolations(page);
  });
});

describe('the extension pages', () => {
  beforeAll(async () => {
    // The library needs entries: save the paper and its first citing paper from the panel.
    const panel = new PanelPage(await session.newPage());
    expect(await panel.open('https://arxiv.org/abs/2112.11446')).toBe('ready');
    await panel.section('header').locator('button[data-action="save"]').click();
    await panel.rows('citing').first().locator('button[data-action="save"]').press('Enter');
    await panel.rows('citing').first().locator('button[data-action="save"][aria-pressed="true"]').waitFor();
    await panel.page.close();
  }, 90_000);

  it.each(SCHEMES)('popup.html has no serious or critical violations (%s)', async (scheme) => {
    const popup = new PopupPage(await openExtensionPage(session, 'popup.html'));
    await popup.page.emulateMedia({ colorScheme: scheme });
    await popup.savedItems.first().waitFor();
    await expectNoSeriousViolations(popup.page);
    await popup.page.close();
  });

  it.each(SCHEMES)('options.html, the library with entries, has no serious or critical violations (%s)', async (scheme) => {
    const library = new LibraryPage(await openExtensionPage(session, 'options.html'));
    await library.page.emulateMedia({ colorScheme: scheme });
    await library.entries.first().waitFor();
    expect(await library.entries.count()).toBe(2);
    await expectNoSeriousViolations(library.page);
    await library.page.close();
  });

  it.each(SCHEMES)('options.html#settings has no serious or critical violations (%s)', async (scheme) => {
    const page = await openExtensionPage(session, 'options.html#settings');
    await page.emulateMedia({ colorScheme: scheme });
    await page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor();
    await page.locator('form, fieldset, input').first().waitFor();
    await expectNoSeriousViolations(page);
    await page.close();
  });
});
