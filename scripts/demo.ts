/**
 * `npm start`: the offline demo. Builds the production extension, opens it in Chromium on arXiv
 * pages served locally, and answers Semantic Scholar requests from the embedded sample data
 * (2112.11446 Gopher, 2001.08361 Scaling Laws, and an unindexed paper, then a listing page with
 * citation badges) — the real pipeline runs.
 * Headed when a display exists; otherwise headless, writing screenshots to a printed folder.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromiumPath, launchExtension, waitForHubState } from '../tests/e2e/harness';
import type { Page } from 'playwright-core';
import { createSemanticScholarResponder, type SemanticScholarDataset } from '../lib/sources/semanticScholar/sampleServer';
import { samplePages } from './sample/pages';
import { REPO_ROOT } from '../tests/paths';

const DEMO_PAPERS = ['2112.11446', '2001.08361', '2609.22268'];
const DEMO_LISTING = 'https://arxiv.org/list/cs.LG/recent';

if (!existsSync(chromiumPath())) {
  console.error(`Chromium was not found at ${chromiumPath()}.\nInstall it with:  sudo apt-get install -y chromium   (or set CHROMIUM_PATH)`);
  process.exit(1);
}

console.log('Building the extension (wxt build)…');
const build = spawnSync('npx', ['wxt', 'build'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

const dataset = JSON.parse(readFileSync(join(REPO_ROOT, 'tests', 'fixtures', 'sample', 's2-dataset.json'), 'utf8')) as SemanticScholarDataset;
const headed = Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY) && process.env.DEMO_HEADLESS !== '1';
const session = await launchExtension({ headless: !headed });
session.setPages(samplePages());
const respond = createSemanticScholarResponder(dataset);
session.setApiResponder((method, url, body) => respond(method, url, body ? JSON.parse(body) : undefined));

const shotsDir = resolve(process.env.DEMO_SCREENSHOTS ?? join(REPO_ROOT, 'demo-screenshots'));
mkdirSync(shotsDir, { recursive: true });
for (const arxivId of DEMO_PAPERS) {
  const page = await session.newPage();
  await page.goto(`https://arxiv.org/abs/${arxivId}`);
  const state = await waitForHubState(page, ['ready', 'not-found', 'error', 'offline', 'rate-limited'], 120_000).catch(() => 'timeout');
  console.log(`arxiv.org/abs/${arxivId}: panel state "${state}" after ${session.apiRequests.length} sample API requests so far`);
  if (!headed) {
    const file = join(shotsDir, `panel-${arxivId.replace('/', '_')}.png`);
    await page.screenshot({ path: file, fullPage: false });
    console.log(`  screenshot: ${file}`);
    if (state === 'ready') await shootNeighbourhood(page, arxivId.replace('/', '_'));
  }
}

/** The paper's neighbourhood: citations over time, what it cites, and the co-cited works as a map. */
async function shootNeighbourhood(page: Page, name: string): Promise<void> {
  const shots: [string, string][] = [['timeline', 'timeline'], ['references', 'references'], ['co-cited', 'co-citation-map']];
  for (const [section, label] of shots) {
    const locator = page.locator(`[data-section="${section}"]`);
    if (section === 'co-cited') {
      const toggle = locator.locator('[data-action="co-cited-map"]');
      if ((await toggle.getAttribute('aria-checked')) !== 'true') await toggle.click();
      await locator.locator('svg[data-view="co-citation-map"]').waitFor({ timeout: 10_000 });
    }
    await locator.evaluate((element) => element.scrollIntoView({ block: 'start' }));
    const file = join(shotsDir, `${label}-${name}.png`);
    await page.screenshot({ path: file, fullPage: false });
    console.log(`  screenshot: ${file}`);
  }
  // Leave the list as the profile's choice for the next paper.
  await page.locator('[data-section="co-cited"] [data-action="co-cited-map"]').click();
}

// A listing page: a citation badge next to each entry, from one batch request.
{
  const page = await session.newPage();
  await page.goto(DEMO_LISTING);
  const state = await page
    .waitForFunction(() => {
      const value = document.documentElement.getAttribute('data-arxiv-citation-badges');
      return value === 'ready' || value === 'unavailable' || value === 'off' ? value : null;
    }, undefined, { timeout: 60_000 })
    .then((handle) => handle.jsonValue())
    .catch(() => 'timeout');
  const badges = await page.locator('arxiv-citation-badge').count();
  console.log(`${DEMO_LISTING.replace('https://', '')}: badges "${state}", ${badges} badges`);
  if (!headed) {
    const file = join(shotsDir, 'listing-cs.LG-recent.png');
    await page.screenshot({ path: file, fullPage: false });
    console.log(`  screenshot: ${file}`);
  }
}

if (headed) {
  console.log('\nThe demo browser is open: browse the panels, save papers, open the popup. Close the window or press Ctrl+C to stop.');
  await new Promise<void>((done) => session.context.on('close', () => done()));
} else {
  console.log(`\nNo display found: ran headless. Screenshots are in ${shotsDir}`);
  await session.close();
}
