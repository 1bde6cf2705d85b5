/**
 * `npm start`: the offline demo. Builds the production extension, opens it in Chromium (or, with
 * `npm start -- --firefox`, the Firefox build in firefox-esr) on arXiv pages served locally, and
 * answers Semantic Scholar requests from the embedded sample data (2112.11446 Gopher, 2001.08361
 * Scaling Laws, and an unindexed paper, then a listing page with citation badges) — the real
 * pipeline runs.
 * Headed when a display exists; otherwise headless, writing screenshots to a printed folder.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromiumPath, launchExtension } from '../tests/e2e/harness';
import { FIREFOX_INSTALL_HINT, firefoxPath, launchFirefoxExtension } from '../tests/firefox/harness';
import type { Page } from 'playwright-core';
import { createSemanticScholarResponder, type SemanticScholarDataset } from '../lib/sources/semanticScholar/sampleServer';
import { samplePages } from './sample/pages';
import { REPO_ROOT } from '../tests/paths';

const DEMO_PAPERS = ['2112.11446', '2001.08361', '2609.22268'];
const DEMO_LISTING = 'https://arxiv.org/list/cs.LG/recent';

const useFirefox = process.argv.includes('--firefox');

/** What the demo does with a tab, in either browser. */
interface DemoPage {
  goto(url: string): Promise<unknown>;
  /** Runs a function without arguments in the page and returns its (serialisable) result. */
  read<T>(fn: () => T): Promise<T>;
  screenshot(path: string): Promise<unknown>;
  /** Chromium only: the Playwright page, whose locators reach into the panel's shadow root. */
  playwright?: Page;
}

interface DemoBrowser {
  newPage(): Promise<DemoPage>;
  apiRequestCount(): number;
  closed(): Promise<void>;
  close(): Promise<void>;
}

if (useFirefox ? !existsSync(firefoxPath()) : !existsSync(chromiumPath())) {
  console.error(
    useFirefox
      ? `Firefox was not found at ${firefoxPath()}.\n${FIREFOX_INSTALL_HINT}`
      : `Chromium was not found at ${chromiumPath()}.\nInstall it with:  sudo apt-get install -y chromium   (or set CHROMIUM_PATH)`,
  );
  process.exit(1);
}

console.log(`Building the extension (wxt build${useFirefox ? ' -b firefox' : ''})…`);
const build = spawnSync('npx', ['wxt', 'build', ...(useFirefox ? ['-b', 'firefox'] : [])], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

const dataset = JSON.parse(readFileSync(join(REPO_ROOT, 'tests', 'fixtures', 'sample', 's2-dataset.json'), 'utf8')) as SemanticScholarDataset;
const headed = Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY) && process.env.DEMO_HEADLESS !== '1';
const respond = createSemanticScholarResponder(dataset);
const answer = (method: string, url: string, body: string | null) => respond(method, url, body ? JSON.parse(body) : undefined);

async function launchDemoBrowser(): Promise<DemoBrowser> {
  if (useFirefox) {
    const session = await launchFirefoxExtension({ headless: !headed });
    session.setPages(samplePages());
    session.setApiResponder(answer);
    return {
      async newPage() {
        const page = await session.newPage();
        return { goto: (url) => page.goto(url), read: (fn) => page.evaluate(fn) as Promise<never>, screenshot: (path) => page.screenshot({ path: path as `${string}.png` }) };
      },
      apiRequestCount: () => session.apiRequests.length,
      closed: () => new Promise<void>((done) => session.browser.on('disconnected', () => done())),
      close: () => session.close(),
    };
  }
  const session = await launchExtension({ headless: !headed });
  session.setPages(samplePages());
  session.setApiResponder(answer);
  return {
    async newPage() {
      const page = await session.newPage();
      return { goto: (url) => page.goto(url), read: (fn) => page.evaluate(fn), screenshot: (path) => page.screenshot({ path, fullPage: false }), playwright: page };
    },
    apiRequestCount: () => session.apiRequests.length,
    closed: () => new Promise<void>((done) => session.context.on('close', () => done())),
    close: () => session.close(),
  };
}

/** Polls the page until `fn` returns one of `wanted` (or gives up with "timeout"). */
async function waitForValue(page: DemoPage, fn: () => string | null, wanted: string[], timeoutMs: number): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await page.read(fn).catch(() => null);
    if (value && wanted.includes(value)) return value;
    if (Date.now() > deadline) return 'timeout';
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

const session = await launchDemoBrowser();
const shotsDir = resolve(process.env.DEMO_SCREENSHOTS ?? join(REPO_ROOT, 'demo-screenshots'));
mkdirSync(shotsDir, { recursive: true });
const shotPrefix = useFirefox ? 'firefox-' : '';
for (const arxivId of DEMO_PAPERS) {
  const page = await session.newPage();
  await page.goto(`https://arxiv.org/abs/${arxivId}`);
  const state = await waitForValue(page, () => document.querySelector('arxiv-citation-hub')?.getAttribute('data-state') ?? null, ['ready', 'not-found', 'error', 'offline', 'rate-limited'], 120_000);
  console.log(`arxiv.org/abs/${arxivId}: panel state "${state}" after ${session.apiRequestCount()} sample API requests so far`);
  if (!headed) {
    const file = join(shotsDir, `${shotPrefix}panel-${arxivId.replace('/', '_')}.png`);
    await page.screenshot(file);
    console.log(`  screenshot: ${file}`);
    if (state === 'ready' && page.playwright) await shootNeighbourhood(page.playwright, arxivId.replace('/', '_'));
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
  const state = await waitForValue(page, () => document.documentElement.getAttribute('data-arxiv-citation-badges'), ['ready', 'unavailable', 'off'], 60_000);
  const badges = await page.read(() => document.querySelectorAll('arxiv-citation-badge').length);
  console.log(`${DEMO_LISTING.replace('https://', '')}: badges "${state}", ${badges} badges`);
  if (!headed) {
    const file = join(shotsDir, `${shotPrefix}listing-cs.LG-recent.png`);
    await page.screenshot(file);
    console.log(`  screenshot: ${file}`);
  }
}

if (headed) {
  console.log('\nThe demo browser is open: browse the panels, save papers, open the popup. Close the window or press Ctrl+C to stop.');
  await session.closed();
} else {
  console.log(`\nNo display found: ran headless. Screenshots are in ${shotsDir}`);
  await session.close();
}
