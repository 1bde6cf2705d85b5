/**
 * Figures measured on the built extension in headless Chromium:
 *   - content-script JS gzip size, per script (what every abs or listing page pays);
 *   - panel bundle JS gzip size (imported by the content script before the panel can show anything);
 *   - the co-citation map's layout chunk gzip size (imported by the panel when a map is first shown);
 *   - cached open: DOMContentLoaded → data-state="ready" for a 1,800-citation hub, median of 5;
 *   - background (service worker) JS heap after a 10,000-citation hub was fetched (after a forced garbage collection).
 * Needs `npm run build` first and Chromium (CHROMIUM_PATH or /usr/bin/chromium).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { launchExtension, EXTENSION_DIR, waitForHubState, type ExtensionSession } from '../../tests/e2e/harness';
import { asRouteResponder } from '../../tests/e2e/fixtures';
import { createSemanticScholarResponder, generateLargeDataset } from '../../lib/sources/semanticScholar/sampleServer';
import { samplePages } from '../sample/pages';
import type { Figure } from './figure';

const CACHED_OPEN_RUNS = 5;

/** Gzip size of each content script entry in the manifest (the abs-page one and the listing-page one). */
function contentScriptGzipFigures(): Figure[] {
  const manifest = JSON.parse(readFileSync(join(EXTENSION_DIR, 'manifest.json'), 'utf8')) as { content_scripts?: { js?: string[]; matches?: string[] }[] };
  return (manifest.content_scripts ?? []).map((entry) => {
    const files = entry.js ?? [];
    const bytes = gzipSync(Buffer.concat(files.map((file) => readFileSync(join(EXTENSION_DIR, file)))), { level: 9 }).length;
    return { name: `content-script JS gzip (${files.join(', ')})`, value: bytes, unit: 'bytes' };
  });
}

function panelBundleGzipBytes(): number {
  return gzipSync(readFileSync(join(EXTENSION_DIR, 'panel-app.js')), { level: 9 }).length;
}

/** The co-citation map's layout chunk (d3-force), imported the first time a map is shown. */
function mapChunkGzipBytes(): number {
  return gzipSync(readFileSync(join(EXTENSION_DIR, 'cocitation-map.js')), { level: 9 }).length;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
}

/** Opens `url` and returns ms from DOMContentLoaded to the panel reporting `ready`. */
async function timeToReady(session: ExtensionSession, url: string): Promise<number> {
  const page = await session.newPage();
  await page.goto(url, { waitUntil: 'domcontentloaded' });
  // Polled every animation frame in the page itself, so the figure is the page's own clock.
  const handle = await page.waitForFunction(
    () => (document.querySelector('arxiv-citation-hub')?.getAttribute('data-state') === 'ready' ? performance.now() : null),
    undefined,
    { polling: 'raf', timeout: 120_000 },
  );
  const readyAt = (await handle.jsonValue()) as number;
  const domContentLoaded = await page.evaluate(() => {
    const [nav] = performance.getEntriesByType('navigation') as PerformanceNavigationTiming[];
    return nav?.domContentLoadedEventEnd ?? 0;
  });
  await page.close();
  return readyAt - domContentLoaded;
}

/** Opens the page, switches co-cited works to the map and reads the layout time the map records. */
async function firstMapLayoutMs(session: ExtensionSession, url: string): Promise<number> {
  const page = await session.newPage();
  try {
    await page.goto(url);
    await waitForHubState(page, ['ready'], 60_000);
    const toggle = page.locator('[data-section="co-cited"] [data-action="co-cited-map"]');
    if ((await toggle.getAttribute('aria-checked')) !== 'true') await toggle.click();
    const map = page.locator('svg[data-view="co-citation-map"]');
    await map.waitFor({ timeout: 30_000 });
    const ms = Number(await map.getAttribute('data-layout-ms'));
    await toggle.click(); // back to the list, the profile's default
    return ms;
  } finally {
    await page.close();
  }
}

async function serviceWorkerHeapBytes(session: ExtensionSession): Promise<number | null> {
  const page = await session.newPage();
  try {
    const cdp = await session.context.newCDPSession(page);
    const { targetInfos } = (await cdp.send('Target.getTargets')) as { targetInfos: { targetId: string; type: string; url: string }[] };
    const worker = targetInfos.find((target) => target.type === 'service_worker' && target.url.includes(session.extensionId));
    if (!worker) return null;
    // Playwright offers no CDP session on a service worker: talk to it through a non-flat target session.
    const { sessionId } = (await cdp.send('Target.attachToTarget', { targetId: worker.targetId, flatten: false })) as { sessionId: string };
    const reply = new Promise<{ usedSize?: number } | null>((resolve) => {
      cdp.on('Target.receivedMessageFromTarget', (event: { sessionId: string; message: string }) => {
        if (event.sessionId !== sessionId) return;
        const message = JSON.parse(event.message) as { id?: number; result?: { usedSize?: number } };
        if (message.id === 1) resolve(message.result ?? null);
      });
      setTimeout(() => resolve(null), 10_000);
    });
    // Collect garbage first: otherwise the figure says more about when V8 last collected than about what the hub keeps.
    await cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id: 0, method: 'HeapProfiler.collectGarbage' }) });
    await cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id: 1, method: 'Runtime.getHeapUsage' }) });
    return (await reply)?.usedSize ?? null;
  } catch {
    return null;
  } finally {
    await page.close();
  }
}

export async function run(): Promise<Figure[]> {
  const figures: Figure[] = [
    ...contentScriptGzipFigures(),
    { name: 'panel bundle JS gzip', value: panelBundleGzipBytes(), unit: 'bytes' },
    { name: 'co-citation map chunk JS gzip', value: mapChunkGzipBytes(), unit: 'bytes' },
  ];
  const session = await launchExtension();
  try {
    session.setPages(samplePages());
    const cachedId = '2001.08361';
    session.setApiResponder(asRouteResponder(createSemanticScholarResponder(generateLargeDataset({ arxivId: cachedId, citations: 1_800, seed: 3 }))));
    const url = `https://arxiv.org/abs/${cachedId}`;
    await timeToReady(session, url); // cold fetch fills the cache
    const times: number[] = [];
    for (let run = 0; run < CACHED_OPEN_RUNS; run += 1) times.push(await timeToReady(session, url));
    figures.push({ name: 'cached open 1,800-citation hub (DOMContentLoaded → ready, median of 5)', value: median(times), unit: 'ms' });
    figures.push({ name: 'co-citation map layout in the page (first map of a fresh page, 30 nodes)', value: await firstMapLayoutMs(session, url), unit: 'ms' });

    const bigId = '2112.11446';
    session.setApiResponder(asRouteResponder(createSemanticScholarResponder(generateLargeDataset({ arxivId: bigId, citations: 10_000, seed: 5 }))));
    await timeToReady(session, `https://arxiv.org/abs/${bigId}`);
    const heap = await serviceWorkerHeapBytes(session);
    if (heap !== null) figures.push({ name: 'background JS heap after a 10,000-citation hub', value: Math.round(heap / 1024 / 1024), unit: 'MB' });
    else figures.push({ name: 'background JS heap after a 10,000-citation hub (unavailable)', value: -1, unit: 'MB' });
  } finally {
    await session.close();
  }
  return figures;
}
