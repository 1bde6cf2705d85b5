import { afterEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { generateLargeDataset } from '../../lib/sources/semanticScholar/sampleServer';
import { launchExtension, waitForHubState, type ExtensionSession } from './harness';
import { absPage, absUrl } from './support/absPage';
import { datasetResponder, installFaultyApi, jsonReply, repeatedAfterSuccess, requestKey, startGaps, type ApiCall, type FaultReply, type FaultResponder, type FaultyApi } from './support/faultyApi';
import { hubStatesSeen, recordHubStates } from './support/hubStates';
import { watchServiceWorker } from './support/stopWorker';

/*
 * The fault suite: what a user sees when Semantic Scholar rate-limits, fails, hangs, or the
 * network or the service worker goes away — in real headless Chromium with the built extension.
 * Every scenario gets a fresh browser profile and its own arXiv id, so no cache, scheduler or
 * worker state carries over. Papers are small generated ones (30 citing papers, ~5 requests at
 * the 1 request/s Semantic Scholar pace) except the worker-stop scenario, which needs a long fetch.
 */

const S2_HOST = 'api.semanticscholar.org';
const OPENALEX_HOST = 'api.openalex.org';
const FINAL_STATES = ['ready', 'error', 'not-found', 'offline', 'rate-limited'];
/** Node sees request starts through Playwright's pipe; 50 ms of delivery jitter is tolerated, no more. */
const MIN_GAP_MS = 1_000;

interface Scenario {
  session: ExtensionSession;
  api: FaultyApi;
}

/** The extension API as an extension page sees it (only what the tests call). */
interface ExtensionGlobal {
  chrome: { runtime: { sendMessage(message: unknown): Promise<unknown> } };
}

let running: Scenario | null = null;

afterEach(async () => {
  await running?.session.close();
  running = null;
});

async function startScenario(arxivIds: string[], responder: FaultResponder): Promise<Scenario> {
  const session = await launchExtension();
  session.setPages(Object.fromEntries(arxivIds.map((id) => [absUrl(id), absPage(id)])));
  const api = await installFaultyApi(session, responder);
  running = { session, api };
  return running;
}

async function openPanel(session: ExtensionSession, arxivId: string): Promise<Page> {
  const page = await session.newPage();
  await recordHubStates(page);
  await page.goto(absUrl(arxivId));
  return page;
}

function smallPaper(arxivId: string, seed: number) {
  return generateLargeDataset({ arxivId, citations: 30, seed });
}

/** "Showing X of Y citing papers" as numbers. */
async function explorerCount(page: Page): Promise<{ shown: number; total: number }> {
  const text = (await page.locator('arxiv-citation-hub [data-section="citing"] .ch-live-count').textContent()) ?? '';
  const match = /Showing ([\d,]+) of ([\d,]+) citing papers/.exec(text);
  if (!match) throw new Error(`no explorer count in "${text}"`);
  return { shown: Number(match[1]!.replace(/,/g, '')), total: Number(match[2]!.replace(/,/g, '')) };
}

async function paperRowCount(page: Page): Promise<number> {
  return page.locator('arxiv-citation-hub [data-section="citing"] [data-paper-id]').count();
}

function isSuccess(call: ApiCall): boolean {
  return call.answer !== undefined && 'status' in call.answer && call.answer.status >= 200 && call.answer.status < 300;
}

const RATE_LIMITED_JSON: FaultReply = {
  status: 429,
  headers: { 'content-type': 'application/json', 'access-control-allow-origin': '*', 'retry-after': '1' },
  body: JSON.stringify({ message: 'Too Many Requests. Please wait and try again or apply for a key for higher rate limits.', code: '429' }),
};

describe('rate limits', () => {
  it('waits out a 429 storm with Retry-After: 1, shows rate-limited, keeps ≥ 1 s between request starts, and ends ready', async () => {
    const id = '2403.01001';
    const serve = datasetResponder(smallPaper(id, 11));
    const STORM = 3;
    const { session, api } = await startScenario([id], (call) => (call.index < STORM ? RATE_LIMITED_JSON : serve(call)));
    const page = await openPanel(session, id);

    expect(await waitForHubState(page, ['ready', 'error', 'not-found', 'offline'], 60_000)).toBe('ready');
    const states = await hubStatesSeen(page);
    expect(states).toContain('rate-limited');
    expect(states).not.toContain('error');
    expect(states.at(-1)).toBe('ready');

    const calls = api.callsTo(S2_HOST);
    expect(calls.slice(0, STORM).map((call) => call.answer)).toEqual(Array.from({ length: STORM }, () => ({ status: 429 })));
    // A 429 changes nothing about the request: the same one is sent again until it succeeds.
    expect(new Set(calls.slice(0, STORM + 1).map(requestKey)).size).toBe(1);
    expect(isSuccess(calls[STORM]!)).toBe(true);
    expect(calls.length).toBeGreaterThanOrEqual(STORM + 4); // paper, citations, batch, co-cited, recommendations
    const gaps = startGaps(calls);
    expect(Math.min(...gaps), `gaps between request starts: ${gaps.join(', ')} ms`).toBeGreaterThanOrEqual(MIN_GAP_MS);
    expect(api.callsTo(OPENALEX_HOST)).toEqual([]);
    expect(repeatedAfterSuccess(api.calls)).toEqual([]);
  });

  it('treats a 429 without CORS headers or Retry-After (an HTML gateway page) as a rate limit, not an error', async () => {
    const id = '2403.01002';
    const serve = datasetResponder(smallPaper(id, 12));
    const STORM = 3;
    const bare429 = { status: 429, headers: { 'content-type': 'text/html' }, body: '<html><head><title>429 Too Many Requests</title></head><body><h1>429 Too Many Requests</h1></body></html>' };
    const { session, api } = await startScenario([id], (call) => (call.index < STORM ? bare429 : serve(call)));
    const page = await openPanel(session, id);

    expect(await waitForHubState(page, ['ready', 'error', 'not-found', 'offline'], 60_000)).toBe('ready');
    const states = await hubStatesSeen(page);
    expect(states).toContain('rate-limited');
    expect(states).not.toContain('error');
    const calls = api.callsTo(S2_HOST);
    expect(calls.slice(0, STORM).map((call) => call.answer)).toEqual(Array.from({ length: STORM }, () => ({ status: 429 })));
    expect(Math.min(...startGaps(calls))).toBeGreaterThanOrEqual(MIN_GAP_MS);
    expect(api.callsTo(OPENALEX_HOST)).toEqual([]);
  });
});

describe('server failures', () => {
  it('rides out a burst of 500/502/503 and ends ready without showing an error', async () => {
    const id = '2403.01003';
    const serve = datasetResponder(smallPaper(id, 13));
    const burst = [
      jsonReply(500, { message: 'Internal Server Error' }),
      { status: 502, headers: { 'content-type': 'text/html' }, body: '<html><body><h1>502 Bad Gateway</h1></body></html>' },
      { status: 503, headers: { 'content-type': 'application/json' }, body: '{"message":"Service Unavailable"}' },
    ];
    const { session, api } = await startScenario([id], (call) => burst[call.index] ?? serve(call));
    const page = await openPanel(session, id);

    expect(await waitForHubState(page, ['ready', 'error', 'not-found', 'offline'], 60_000)).toBe('ready');
    const states = await hubStatesSeen(page);
    expect(states).not.toContain('error');
    const calls = api.callsTo(S2_HOST);
    expect(calls.slice(0, 3).map((call) => call.answer)).toEqual([{ status: 500 }, { status: 502 }, { status: 503 }]);
    expect(new Set(calls.slice(0, 4).map(requestKey)).size).toBe(1);
    expect(Math.min(...startGaps(calls))).toBeGreaterThanOrEqual(MIN_GAP_MS);
    // Three failures are within the retry budget: no fallback to OpenAlex.
    expect(api.callsTo(OPENALEX_HOST)).toEqual([]);
    expect((await explorerCount(page)).total).toBe(30);
  });

  it('shows a timed-out request with a clear message, then recovers by itself', async () => {
    const id = '2403.01004';
    const serve = datasetResponder(smallPaper(id, 14));
    const { session, api } = await startScenario([id], () => ({ abort: 'timedout' }));
    const page = await openPanel(session, id);

    const failed = await waitForHubState(page, ['offline', 'error', 'ready'], 30_000);
    expect(['offline', 'error']).toContain(failed);
    const banner = page.locator(`arxiv-citation-hub [data-banner="${failed}"]`);
    await expect.poll(() => banner.isVisible()).toBe(true);
    const message = (await banner.innerText()).trim();
    expect(message.length).toBeGreaterThan(20);
    expect(message).toMatch(/offline|network|connection|could not load/i);

    api.setResponder(serve);
    if (failed === 'offline') {
      // The user is told when the next try happens, and it happens without them.
      expect(message).toMatch(/trying again/i);
    } else {
      await banner.getByRole('button', { name: /retry/i }).click();
    }
    expect(await waitForHubState(page, ['ready'], 45_000)).toBe('ready');
    expect(await paperRowCount(page)).toBe(30);
    expect(repeatedAfterSuccess(api.calls)).toEqual([]);
  });
});

describe('offline', () => {
  it('says so when the network is down and nothing is cached, without hammering the network', async () => {
    const id = '2403.01005';
    const { session, api } = await startScenario([id], () => ({ abort: 'internetdisconnected' }));
    const page = await openPanel(session, id);

    expect(await waitForHubState(page, ['offline', 'error', 'ready'], 30_000)).toBe('offline');
    const banner = page.locator('arxiv-citation-hub [data-banner="offline"]');
    await expect.poll(() => banner.isVisible()).toBe(true);
    expect(await banner.innerText()).toMatch(/offline/i);
    expect(await paperRowCount(page)).toBe(0);
    const attempts = api.calls.length;
    await page.waitForTimeout(2_000);
    expect(api.calls.length).toBe(attempts);
    expect(attempts).toBeLessThanOrEqual(2);
  });

  it('keeps showing a cached hub when the network is down, also through a failed refresh', async () => {
    const id = '2403.01006';
    const serve = datasetResponder(smallPaper(id, 16));
    const { session, api } = await startScenario([id], serve);
    const first = await openPanel(session, id);
    expect(await waitForHubState(first, ['ready', 'error', 'not-found'], 60_000)).toBe('ready');
    const rowsOnline = await paperRowCount(first);
    expect(rowsOnline).toBe(30);
    await first.close();

    api.setResponder(() => ({ abort: 'internetdisconnected' }));
    const before = api.calls.length;
    const again = await openPanel(session, id);
    expect(await waitForHubState(again, ['ready', 'offline', 'error', 'stale'], 30_000)).toBe('ready');
    expect(await paperRowCount(again)).toBe(rowsOnline);
    expect(api.calls.length).toBe(before);

    // A refresh (as the popup's "refresh" asks for one) meets the dead network: the copy stays.
    const popup = await session.newPage();
    await popup.goto(`chrome-extension://${session.extensionId}/popup.html`);
    const reply = await popup.evaluate(
      (arxivId) => (globalThis as unknown as ExtensionGlobal).chrome.runtime.sendMessage({ type: 'hub/refresh', arxivId }),
      id,
    );
    expect(reply).toMatchObject({ ok: true });
    expect(await waitForHubState(again, ['offline', 'error'], 30_000)).toBe('offline');
    expect(api.calls.length).toBeGreaterThan(before);
    const banner = again.locator('arxiv-citation-hub [data-banner="offline"]');
    expect(await banner.innerText()).toMatch(/cached/i);
    expect(await paperRowCount(again)).toBe(rowsOnline);
    expect((await explorerCount(again)).total).toBe(30);
  });
});

describe('service worker stopped mid-fetch', () => {
  it('resumes a 5,000-citation fetch where it stopped: no page asked twice, all 5,000 listed', async () => {
    const id = '2403.05000';
    const CITATIONS = 5_000;
    const serve = datasetResponder(generateLargeDataset({ arxivId: id, citations: CITATIONS, seed: 7 }));
    let heldIndex = -1;
    let release: () => void = () => {};
    const released = new Promise<void>((resolve) => (release = resolve));
    let announceHeld: () => void = () => {};
    const held = new Promise<void>((resolve) => (announceHeld = resolve));
    const { session, api } = await startScenario([id], async (call) => {
      // The third citations page is kept in flight until the test has stopped the worker.
      if (heldIndex === -1 && /\/citations\?.*offset=2000/.test(call.url)) {
        heldIndex = call.index;
        announceHeld();
        await released;
      }
      return serve(call);
    });
    // Watch before the first request: enabling the ServiceWorker domain mid-fetch delays request interception.
    const page = await session.newPage();
    const worker = await watchServiceWorker(session, page);
    await recordHubStates(page);
    await page.goto(absUrl(id));

    await held;
    expect(await hubStatesSeen(page)).toContain('partial');
    await expect.poll(async () => (await explorerCount(page)).total).toBe(2_000);
    await worker.stop();
    release();
    await worker.waitFor('running', 20_000); // woken again by the panel reconnecting its port

    expect(await waitForHubState(page, ['ready', 'error', 'offline', 'rate-limited'], 80_000)).toBe('ready');
    expect(worker.statuses.join(' → ')).toMatch(/running → (stopping → )?stopped → (starting → )?running/);
    await worker.dispose();

    const interrupted = new Set([heldIndex]);
    expect(repeatedAfterSuccess(api.calls, interrupted)).toEqual([]);
    const heldKey = requestKey(api.calls[heldIndex]!);
    expect(api.calls.filter((call) => requestKey(call) === heldKey).length).toBeLessThanOrEqual(2);
    const pageOffsets = api.calls.filter((call) => /\/citations\?/.test(call.url) && isSuccess(call) && call.index !== heldIndex).map((call) => new URL(call.url).searchParams.get('offset'));
    expect(pageOffsets).toEqual(['0', '1000', '2000', '3000', '4000']);
    // The restarted worker keeps the 1 s spacing: pacing survives the restart.
    expect(api.calls[heldIndex + 1]!.startedAt - api.calls[heldIndex]!.startedAt).toBeGreaterThanOrEqual(MIN_GAP_MS);
    expect(await explorerCount(page)).toEqual({ shown: CITATIONS, total: CITATIONS });
  });
});

describe('single flight', () => {
  it('fetches a paper once for two tabs opening it at the same time', async () => {
    const id = '2403.01007';
    const serve = datasetResponder(smallPaper(id, 17));
    const { session, api } = await startScenario([id], serve);
    const [left, right] = await Promise.all([openPanel(session, id), openPanel(session, id)]);

    expect(await waitForHubState(left!, FINAL_STATES, 60_000)).toBe('ready');
    expect(await waitForHubState(right!, FINAL_STATES, 60_000)).toBe('ready');
    const keys = api.calls.map(requestKey);
    expect(keys.length).toBeGreaterThanOrEqual(5);
    expect(keys.filter((key, index) => keys.indexOf(key) !== index)).toEqual([]);
    expect(await explorerCount(left!)).toEqual({ shown: 30, total: 30 });
    expect(await explorerCount(right!)).toEqual({ shown: 30, total: 30 });
  });
});

describe('unreadable responses', () => {
  it('shows an error with a Retry button for truncated JSON, and Retry reaches ready once the API is fixed', async () => {
    const id = '2403.01008';
    const serve = datasetResponder(smallPaper(id, 18));
    const truncated = { status: 200, headers: { 'content-type': 'application/json' }, body: '{"paperId": "f00d", "title": "Cut off in the midd' };
    const { session, api } = await startScenario([id], () => truncated);
    const page = await openPanel(session, id);

    expect(await waitForHubState(page, ['error', 'ready', 'offline', 'not-found'], 30_000)).toBe('error');
    const banner = page.locator('arxiv-citation-hub [data-banner="error"]');
    expect(await banner.innerText()).toMatch(/could not be read|could not load/i);
    // Not retried by itself: a malformed answer will not fix itself in a second.
    await page.waitForTimeout(1_500);
    expect(api.calls.length).toBe(1);

    api.setResponder(serve);
    await banner.getByRole('button', { name: /retry/i }).click();
    expect(await waitForHubState(page, ['ready'], 45_000)).toBe('ready');
    expect(await explorerCount(page)).toEqual({ shown: 30, total: 30 });
  });

  it('shows an error for an HTML page served as a citations page, keeps the paper shown, and Retry resumes to ready', async () => {
    const id = '2403.01009';
    const dataset = smallPaper(id, 19);
    const serve = datasetResponder(dataset);
    const title = dataset.papers[dataset.arxivToPaperId[id]!]!.title!;
    const htmlPage = { status: 200, headers: { 'content-type': 'text/html; charset=utf-8' }, body: '<!DOCTYPE html><html><body><h1>Service temporarily unavailable</h1></body></html>' };
    let brokenIndex = -1;
    const { session, api } = await startScenario([id], (call) => {
      if (/\/citations\?/.test(call.url)) {
        brokenIndex = call.index;
        return htmlPage;
      }
      return serve(call);
    });
    const page = await openPanel(session, id);

    expect(await waitForHubState(page, ['error', 'ready', 'offline', 'not-found'], 30_000)).toBe('error');
    const banner = page.locator('arxiv-citation-hub [data-banner="error"]');
    expect(await banner.innerText()).toMatch(/could not be read|could not load/i);
    await expect.poll(() => page.locator('arxiv-citation-hub [data-section="header"]').innerText()).toContain(title);

    api.setResponder(serve);
    await banner.getByRole('button', { name: /retry/i }).click();
    expect(await waitForHubState(page, ['ready'], 45_000)).toBe('ready');
    expect(await explorerCount(page)).toEqual({ shown: 30, total: 30 });
    // The paper itself is not asked for again: the fetch resumes at the page that failed.
    expect(repeatedAfterSuccess(api.calls, new Set([brokenIndex]))).toEqual([]);
  });
});
