import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveSample } from '../e2e/fixtures';
import { launchFirefoxExtension, waitForHubState, type FirefoxSession } from './harness';
import { runAxe } from './panelQueries';

/*
 * axe-core in Firefox on the in-page panel (inside its open shadow root) and the sidebar page, in
 * the light and the dark scheme. WebDriver BiDi offers no media emulation in Firefox ESR, so each
 * scheme gets its own browser with the scheme set by pref. Serious and critical violations fail.
 */

const GOPHER = '2112.11446';

describe.each(['light', 'dark'] as const)('axe in Firefox, %s scheme', (scheme) => {
  let session: FirefoxSession;
  beforeAll(async () => {
    session = await launchFirefoxExtension({ colorScheme: scheme });
    serveSample(session);
  });
  afterAll(async () => session?.close());

  it('finds no serious or critical violation in the panel', async () => {
    const page = await session.newPage();
    await page.goto(`https://arxiv.org/abs/${GOPHER}`);
    expect(await waitForHubState(page, ['ready', 'error', 'not-found', 'offline', 'rate-limited'], 60_000)).toBe('ready');
    expect(await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)).toBe(scheme === 'dark');
    // axe skips text outside the viewport: a viewport as tall as the panel lets it check every row.
    const panelHeight = await page.evaluate(() => document.querySelector('arxiv-citation-hub')!.shadowRoot!.querySelector('.hub-dock')!.scrollHeight);
    await page.setViewport({ width: 1400, height: Math.min(Math.max(900, panelHeight), 20_000) });
    const outcome = await runAxe(page, 'arxiv-citation-hub');
    expect(outcome.checkedInsideShadow, 'axe checked nodes inside the shadow root').toBe(true);
    expect(outcome.blocking, `axe violations:\n${outcome.summary}`).toEqual([]);
    await page.close();
  });

  it('finds no serious or critical violation in the sidebar page', async () => {
    const page = await session.openExtensionPage(`sidepanel.html?id=${GOPHER}`);
    await page.waitForFunction(() => document.body.dataset.state === 'ready', { timeout: 30_000, polling: 100 });
    const outcome = await runAxe(page);
    expect(outcome.blocking, `axe violations:\n${outcome.summary}`).toEqual([]);
    await page.close();
  });
});
