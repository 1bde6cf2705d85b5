import AxeBuilder from '@axe-core/playwright';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SemanticScholarDataset } from '../../lib/sources/semanticScholar/sampleServer';
import { REPO_ROOT } from '../paths';
import { loadSampleDataset, serveSample } from './fixtures';
import { launchExtension, type ExtensionSession } from './harness';
import { forgetPanelPrefs } from './pages/extensionContext';
import { PanelPage } from './pages/panelPage';
import { expectationsFor, withSeparators } from './pages/sampleExpectations';

/*
 * The paper's neighbourhood on the two sample papers, in real headless Chromium: citations over
 * time, what it cites and the co-citation map. Every expected number is read from the S2-shaped
 * sample data the fake API serves, never from the extension's code.
 */

const dataset = loadSampleDataset();
const SCREENSHOTS = join(REPO_ROOT, 'test-results', 'screenshots');
const COCITED_SHOWN = 30;

let session: ExtensionSession;

beforeAll(async () => {
  session = await launchExtension();
  serveSample(session);
  mkdirSync(SCREENSHOTS, { recursive: true });
});
afterAll(async () => session?.close());

/** Citing papers per publication year, from the raw edges. */
function citingPerYear(data: SemanticScholarDataset, paperId: string): Map<number, number> {
  const years = new Map<number, number>();
  for (const edge of data.citationsOf[paperId] ?? []) {
    const year = edge.citingPaper.year;
    if (typeof year === 'number') years.set(year, (years.get(year) ?? 0) + 1);
  }
  return years;
}

describe.each([
  { name: 'Gopher', arxivId: '2112.11446' },
  { name: 'Scaling Laws', arxivId: '2001.08361' },
])('the neighbourhood of $name', ({ arxivId }) => {
  const expected = expectationsFor(dataset, arxivId);
  const referenceEdges = dataset.referenceEdgesOf?.[expected.paperId] ?? [];
  let panel: PanelPage;

  beforeAll(async () => {
    panel = new PanelPage(await session.newPage());
    panel.page.setDefaultTimeout(10_000);
    expect(await panel.open(`https://arxiv.org/abs/${arxivId}`)).toBe('ready');
  }, 90_000);
  afterAll(async () => panel?.page.close());

  it('draws one bar per year with the number of citing papers the data lists for it; the bars add up to the papers listed', async () => {
    const timeline = panel.section('timeline');
    const bars = await timeline.locator('[data-year]').evaluateAll((elements) => elements.map((element) => [Number(element.getAttribute('data-year')), Number(element.getAttribute('data-count'))] as [number, number]));
    const perYear = citingPerYear(dataset, expected.paperId);
    expect(bars.filter(([, count]) => count > 0)).toEqual([...perYear].sort(([a], [b]) => a - b));
    expect(bars.reduce((sum, [, count]) => sum + count, 0)).toBe(expected.citing.length);
    // Every segment belongs to a bar and names a role.
    const roles = await timeline.locator('[data-year] [data-role]').evaluateAll((elements) => elements.map((element) => element.getAttribute('data-role')));
    expect(roles.length).toBeGreaterThan(0);
    for (const role of roles) expect(['background', 'methodology', 'result', 'unclassified']).toContain(role);
    await timeline.screenshot({ path: join(SCREENSHOTS, `timeline-${arxivId}.png`) });
  });

  it('clicking a year filters the citing-papers explorer to that year', async () => {
    const [year, count] = [...citingPerYear(dataset, expected.paperId)].sort(([, a], [, b]) => b - a)[0]!;
    await panel.section('timeline').locator(`[data-year="${year}"]`).click();
    await expect.poll(() => panel.section('citing').locator('.ch-live-count').textContent()).toContain(`Showing ${withSeparators(count)} of ${withSeparators(expected.citing.length)} citing papers`);
  });

  it('lists every reference the data gives, says how many of how many, and counts them by role', async () => {
    const references = panel.section('references');
    const resolved = referenceEdges.filter((edge) => edge.citedPaper.paperId !== null);
    const unresolved = referenceEdges.length - resolved.length;
    expect(await references.locator('[data-references-listed]').textContent()).toContain(
      `Semantic Scholar lists ${withSeparators(referenceEdges.length)} of ${withSeparators(expected.paper.referenceCount ?? NaN)} references. ${unresolved} of them`,
    );
    expect(await references.locator('li[data-paper-id]').count()).toBe(resolved.length);
    // Entries without a Semantic Scholar record are kept, by title (in title order, after the resolved ones).
    expect(await references.locator('li.ch-row--unresolved .ch-row-title-text').allTextContents()).toEqual(
      referenceEdges.flatMap((edge) => (edge.citedPaper.paperId === null ? [edge.citedPaper.title] : [])).sort(),
    );
    // Influential references first.
    const influentialIds = new Set(resolved.filter((edge) => edge.isInfluential).map((edge) => edge.citedPaper.paperId));
    const order = await references.locator('li[data-paper-id]').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-paper-id')));
    expect(new Set(order.slice(0, influentialIds.size))).toEqual(influentialIds);
    // One element per role with its count: they add up to the listed references, and a reference
    // with no sentence and no intent (the unresolved ones among them) can only be unclassified.
    const counts: Record<string, number> = await references
      .locator('[data-role][data-count]')
      .evaluateAll((elements) => Object.fromEntries(elements.map((element) => [element.getAttribute('data-role'), Number(element.getAttribute('data-count'))])));
    expect(Object.values(counts).reduce((sum, value) => sum + value, 0)).toBe(referenceEdges.length);
    expect(counts.unclassified).toBe(referenceEdges.filter((edge) => (edge.contexts ?? []).length === 0 && (edge.intents ?? []).length === 0).length);
    await references.screenshot({ path: join(SCREENSHOTS, `references-${arxivId}.png`) });
  });

  it('switches co-cited works to a map whose nodes are the co-cited works shown, and opens a quick view by keyboard', async () => {
    const coCited = panel.section('co-cited');
    const toggle = coCited.locator('[data-action="co-cited-map"]');
    // The choice is remembered: the second paper may open as a map already.
    if ((await toggle.getAttribute('aria-checked')) !== 'true') await toggle.click();
    const map = coCited.locator('svg[data-view="co-citation-map"]');
    await map.waitFor();
    const nodeIds = await map.locator('[data-paper-id]').evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-paper-id')));
    const shown = expected.coCited.slice(0, COCITED_SHOWN);
    expect(new Set(nodeIds)).toEqual(new Set(shown.map((work) => work.paperId)));
    expect(nodeIds).toHaveLength(shown.length);
    const counts = await map.locator('[data-paper-id]').evaluateAll((nodes) => nodes.map((node) => Number(node.getAttribute('data-count'))));
    expect(counts).toEqual(shown.map((work) => work.count));

    // The map fits the section: no node or label outside the drawing's box.
    const overflow = await map.evaluate((svg) => {
      const box = svg.getBoundingClientRect();
      return [...svg.querySelectorAll('g[data-paper-id]')].filter((node) => {
        const rect = node.getBoundingClientRect();
        return rect.left < box.left - 1 || rect.right > box.right + 1;
      }).length;
    });
    expect(overflow).toBe(0);

    const first = map.locator('[data-paper-id]').first();
    await first.focus();
    await panel.page.keyboard.press('ArrowRight');
    expect(await map.locator('[data-paper-id]').nth(1).evaluate((node) => node === (node.getRootNode() as ShadowRoot).activeElement)).toBe(true);
    await panel.page.keyboard.press('Enter');
    const quickView = coCited.locator('.ch-quickview');
    await quickView.waitFor();
    expect(await quickView.locator('.ch-qv-title').getAttribute('title')).toBe(shown[1]!.title);
    await coCited.screenshot({ path: join(SCREENSHOTS, `co-citation-map-${arxivId}.png`) });
    await panel.page.keyboard.press('Escape');
    await quickView.waitFor({ state: 'detached' });
  });

  it.each(['light', 'dark'] as const)('passes axe in %s mode with the map and the year table shown', async (scheme) => {
    await panel.page.emulateMedia({ colorScheme: scheme });
    await panel.section('timeline').getByText('Show as table').click();
    const { violations } = await new AxeBuilder({ page: panel.page }).include('arxiv-citation-hub').analyze();
    const blocking = violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
    expect(blocking.map((violation) => `${violation.id}: ${violation.nodes.map((node) => JSON.stringify(node.target)).join(' ')}`)).toEqual([]);
    await panel.section('timeline').getByText('Show as table').click();
  });
});

describe('the list / map choice', () => {
  it('is remembered: the next paper opens its co-cited works as a map', async () => {
    // The describe above switched to the map on its last paper.
    const panel = new PanelPage(await session.newPage());
    expect(await panel.open('https://arxiv.org/abs/2112.11446v2')).toBe('ready');
    await panel.section('co-cited').locator('svg[data-view="co-citation-map"]').waitFor();
    expect(await panel.section('co-cited').locator('[data-action="co-cited-map"]').getAttribute('aria-checked')).toBe('true');
    await panel.section('co-cited').locator('[data-action="co-cited-map"]').click();
    await panel.section('co-cited').locator('ol.ch-rows li[data-paper-id]').first().waitFor();
    await panel.page.close();
  });

  it('fits the narrowest panel (320 px): every node and label inside the drawing, nothing wider than the panel', async () => {
    const panel = new PanelPage(await session.newPage());
    expect(await panel.open('https://arxiv.org/abs/2001.08361v2')).toBe('ready');
    const toggle = panel.section('co-cited').locator('[data-action="co-cited-map"]');
    if ((await toggle.getAttribute('aria-checked')) !== 'true') await toggle.click();
    const map = panel.section('co-cited').locator('svg[data-view="co-citation-map"]');
    await map.waitFor();
    const handle = panel.page.getByRole('separator', { name: 'Resize citation hub panel' });
    await handle.focus();
    await panel.page.keyboard.press('Home');
    await expect.poll(() => panel.dock.evaluate((element) => Math.round(element.getBoundingClientRect().width))).toBe(320);
    const outside = await map.evaluate((svg) => {
      const box = svg.getBoundingClientRect();
      // Labels shown on hover are measured too: display them all for the check.
      for (const label of svg.querySelectorAll<SVGTextElement>('.ch-map-label--extra')) label.style.display = 'inline';
      return [...svg.querySelectorAll('g[data-paper-id] circle, g[data-paper-id] text')].filter((element) => {
        const rect = element.getBoundingClientRect();
        return rect.left < box.left - 1 || rect.right > box.right + 1 || rect.top < box.top - 1 || rect.bottom > box.bottom + 1;
      }).length;
    });
    expect(outside).toBe(0);
    for (const box of await panel.horizontalOverflow()) expect(box.scrollWidth, box.element).toBeLessThanOrEqual(box.clientWidth);
    await toggle.click();
    await panel.page.close();
    await forgetPanelPrefs(session);
  });
});
