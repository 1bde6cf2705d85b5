import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { launchExtension, waitForHubState, type ExtensionSession } from './harness';
import { serveSample } from './fixtures';

const SECTIONS = ['header', 'roles', 'polarity', 'claims', 'co-cited', 'representative', 'citing', 'similar'];

describe('the panel on real arXiv page markup', () => {
  let session: ExtensionSession;
  beforeAll(async () => {
    session = await launchExtension();
    serveSample(session);
  });
  afterAll(async () => session?.close());

  it('mounts on an abs page with the canonical id, goes through loading, and ends ready with every section', async () => {
    const page = await session.newPage();
    await page.goto('https://arxiv.org/abs/2112.11446v2');
    const host = page.locator('arxiv-citation-hub');
    await expect.poll(() => host.getAttribute('data-arxiv-id')).toBe('2112.11446');
    expect(await waitForHubState(page, ['ready'], 60_000)).toBe('ready');
    const sections = await page.evaluate(() =>
      [...(document.querySelector('arxiv-citation-hub')?.shadowRoot?.querySelectorAll('[data-section]') ?? [])].map((el) => el.getAttribute('data-section')),
    );
    for (const section of SECTIONS) expect(sections).toContain(section);
    await page.close();
  });

  it('never covers the abstract while expanded', async () => {
    const page = await session.newPage();
    await page.goto('https://arxiv.org/abs/2112.11446');
    await waitForHubState(page, ['ready'], 60_000);
    const [abstractRight, panelLeft] = await page.evaluate(() => {
      const abstract = document.querySelector('blockquote.abstract')!.getBoundingClientRect();
      const dock = document.querySelector('arxiv-citation-hub')!.shadowRoot!.querySelector('.hub-dock')!.getBoundingClientRect();
      return [abstract.right, dock.left];
    });
    expect(abstractRight).toBeLessThanOrEqual(panelLeft);
    await page.close();
  });

  it('mounts on a native HTML full-text page (no meta tag: id from the URL)', async () => {
    const page = await session.newPage();
    await page.goto('https://arxiv.org/html/2501.11120v1');
    const host = page.locator('arxiv-citation-hub');
    await expect.poll(() => host.getAttribute('data-arxiv-id')).toBe('2501.11120');
    // The sample data does not know this paper: a clear "not indexed yet", not an error.
    expect(await waitForHubState(page, ['not-found', 'error'], 60_000)).toBe('not-found');
    await page.close();
  });

  it('mounts on the real 2020 and 2021 page layouts', async () => {
    for (const [url, id] of [
      ['https://arxiv.org/abs/2004.10162', '2004.10162'],
      ['https://arxiv.org/abs/2106.09608v2', '2106.09608'],
    ]) {
      const page = await session.newPage();
      await page.goto(url!);
      await expect.poll(() => page.locator('arxiv-citation-hub').getAttribute('data-arxiv-id')).toBe(id);
      await page.close();
    }
  });

  it('adds no panel to a listing page (only the citation badges, tested in listing.e2e.test.ts)', async () => {
    const page = await session.newPage();
    await page.goto('https://arxiv.org/list/cs.LG/recent');
    await page.waitForLoadState('load');
    await page.waitForTimeout(1_500);
    expect(await page.locator('arxiv-citation-hub').count()).toBe(0);
    // The badge request has finished, so it cannot count against the request tallies below.
    await page.waitForFunction(() => ['ready', 'unavailable', 'off'].includes(document.documentElement.getAttribute('data-arxiv-citation-badges') ?? ''), undefined, { timeout: 30_000 });
    await page.close();
  });

  it('opens a cached hub a second time without any request', async () => {
    const page = await session.newPage();
    await page.goto('https://arxiv.org/abs/2112.11446');
    await waitForHubState(page, ['ready'], 60_000);
    await page.close();
    const before = session.apiRequests.length;
    const again = await session.newPage();
    await again.goto('https://arxiv.org/abs/2112.11446');
    expect(await waitForHubState(again, ['ready'], 30_000)).toBe('ready');
    expect(session.apiRequests.length).toBe(before);
    await again.close();
  });
});
