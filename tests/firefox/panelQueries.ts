import axe from 'axe-core';
import type { Result } from 'axe-core';
import type { Page } from 'puppeteer-core';
import type { SemanticScholarDataset } from '../../lib/sources/semanticScholar/sampleServer';
import { withSeparators } from '../e2e/pages/sampleExpectations';

/*
 * The panel's public test contract read through puppeteer (the `<arxiv-citation-hub>` host in the
 * light DOM, `[data-section]` roots inside its open shadow root), plus axe-core injected into the
 * page. The same contract the Chromium page objects read through Playwright.
 */

/** `[data-section]` names inside the panel's shadow root, in document order. */
export function panelSections(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...(document.querySelector('arxiv-citation-hub')?.shadowRoot?.querySelectorAll('[data-section]') ?? [])].map((el) => el.getAttribute('data-section') ?? ''),
  );
}

/** Header figures by label ("Citing papers" → "51"), exactly as displayed, in `root` (the panel's shadow root or an extension page). */
export function headerCounts(page: Page, where: 'panel' | 'document' = 'panel'): Promise<Record<string, string>> {
  return page.evaluate((inPanel: boolean) => {
    const root: ParentNode | null | undefined = inPanel ? document.querySelector('arxiv-citation-hub')?.shadowRoot : document;
    const items = [...(root?.querySelectorAll('[data-section="header"] .ch-count') ?? [])];
    return Object.fromEntries(items.map((item) => [item.querySelector('dt')?.textContent?.trim() ?? '', item.querySelector('dd')?.textContent?.trim() ?? '']));
  }, where === 'panel');
}

/** Paper rows of a section of the panel. */
export function rowCount(page: Page, section: string): Promise<number> {
  return page.evaluate(
    (name: string) => document.querySelector('arxiv-citation-hub')?.shadowRoot?.querySelectorAll(`[data-section="${name}"] [data-paper-id]`).length ?? 0,
    section,
  );
}

/** The dataset's own counts for a paper, to compare the header with (never the product's code). */
export function expectedHeader(dataset: SemanticScholarDataset, arxivId: string): Record<string, string> {
  const paper = dataset.papers[dataset.arxivToPaperId[arxivId] ?? ''];
  if (!paper) throw new Error(`${arxivId} is not in the dataset`);
  const format = (value: number | null | undefined) => withSeparators(value ?? NaN);
  return {
    'Citing papers': format(paper.citationCount),
    'Influential citations': format(paper.influentialCitationCount),
    References: format(paper.referenceCount),
  };
}

/** Merges datasets whose papers do not overlap (a small generated paper beside the sample ones). */
export function mergeDatasets(...datasets: SemanticScholarDataset[]): SemanticScholarDataset {
  const merged: SemanticScholarDataset = { papers: {}, citationsOf: {}, referencesOf: {}, recommendationsOf: {}, arxivToPaperId: {}, recentRecommendationsOf: {} };
  for (const dataset of datasets) {
    Object.assign(merged.papers, dataset.papers);
    Object.assign(merged.citationsOf, dataset.citationsOf);
    Object.assign(merged.referencesOf, dataset.referencesOf);
    Object.assign(merged.recommendationsOf, dataset.recommendationsOf);
    Object.assign(merged.arxivToPaperId, dataset.arxivToPaperId);
    Object.assign(merged.recentRecommendationsOf!, dataset.recentRecommendationsOf ?? {});
  }
  return merged;
}

const BLOCKING = new Set(['serious', 'critical']);

export interface AxeOutcome {
  blocking: Result[];
  /** Whether axe named some checked node by a shadow path [host, inner]: proof it looked inside. */
  checkedInsideShadow: boolean;
  summary: string;
}

/** Runs axe-core in the page (on `include`, or the whole document) and returns its serious and critical violations. */
export async function runAxe(page: Page, include?: string): Promise<AxeOutcome> {
  const loaded = await page.evaluate(() => typeof (globalThis as { axe?: unknown }).axe !== 'undefined');
  if (!loaded) await page.evaluate(axe.source);
  const results = (await page.evaluate(async (selector: string | null) => {
    const runner = (globalThis as unknown as { axe: { run(context: unknown, options: unknown): Promise<unknown> } }).axe;
    return runner.run(selector ? { include: [selector] } : document, { resultTypes: ['violations', 'passes'] });
  }, include ?? null)) as { violations: Result[]; passes: Result[] };
  const summary = results.violations
    .map((violation) => `[${violation.impact ?? 'unknown'}] ${violation.id}: ${violation.help}\n${violation.nodes.map((node) => `    ${JSON.stringify(node.target)}: ${node.failureSummary?.replace(/\s+/g, ' ') ?? ''}`).join('\n')}`)
    .join('\n');
  return {
    blocking: results.violations.filter((violation) => BLOCKING.has(violation.impact ?? '')),
    checkedInsideShadow: results.passes.some((rule) => rule.nodes.some((node) => node.target.some((part) => Array.isArray(part)))),
    summary,
  };
}
