import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { launchExtension, waitForHubState, type ExtensionSession } from './harness';
import { asRouteResponder } from './fixtures';
import { createSemanticScholarResponder, generateLargeDataset } from '../../lib/sources/semanticScholar/sampleServer';
import { samplePages } from '../../scripts/sample/pages';

const ARXIV_ID = '2112.11446';
const CITATIONS = 5_000;

describe('a cold hub for a paper with 5,000 citing papers', () => {
  let session: ExtensionSession;
  beforeAll(async () => {
    session = await launchExtension();
    session.setPages(samplePages());
    session.setApiResponder(asRouteResponder(createSemanticScholarResponder(generateLargeDataset({ arxivId: ARXIV_ID, citations: CITATIONS, seed: 11 }))));
  });
  afterAll(async () => session?.close());

  it('reaches ready in at most 13 polite requests, references included, and lists every citing paper', async () => {
    const page = await session.newPage();
    await page.goto(`https://arxiv.org/abs/${ARXIV_ID}`);
    expect(await waitForHubState(page, ['partial'], 30_000)).toBe('partial');
    expect(await waitForHubState(page, ['ready'], 90_000)).toBe('ready');

    const requests = session.apiRequests;
    expect(requests.length).toBeLessThanOrEqual(13);
    // The paper's own references: one page (S2's list, like the citations, through the same polite queue).
    expect(requests.filter((r) => /\/paper\/[^/]+\/references\?/.test(r.url))).toHaveLength(1);
    for (let i = 1; i < requests.length; i += 1) {
      expect(requests[i]!.startedAt - requests[i - 1]!.startedAt, `request ${i} started too soon`).toBeGreaterThanOrEqual(1_000);
    }
    // Semantic Scholar refuses `tldr` on citation lists and recommendations.
    const lists = requests.filter((r) => /\/citations\?|\/recommendations\//.test(r.url));
    expect(lists.length).toBeGreaterThanOrEqual(6);
    for (const request of lists) expect(decodeURIComponent(request.url)).not.toMatch(/[?&]fields=[^&]*\btldr\b/);

    const header = page.locator('[data-section="header"]');
    await expect.poll(() => header.textContent()).toContain('5,000');
    const citing = page.locator('[data-section="citing"]');
    await expect.poll(() => citing.textContent()).toContain('5,000');
    // Paged: never thousands of row elements in the DOM.
    const rows = await page.locator('[data-section="citing"] [data-paper-id]').count();
    expect(rows).toBeGreaterThan(0);
    expect(rows).toBeLessThanOrEqual(300);
    await page.close();
  });

  it('opens the same hub again from the cache with zero requests', async () => {
    const before = session.apiRequests.length;
    const page = await session.newPage();
    await page.goto(`https://arxiv.org/abs/${ARXIV_ID}v2`);
    expect(await waitForHubState(page, ['ready'], 30_000)).toBe('ready');
    expect(session.apiRequests.length).toBe(before);
    await page.close();
  });
});
