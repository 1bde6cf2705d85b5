import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { createSemanticScholarResponder, generateLargeDataset } from '../../lib/sources/semanticScholar/sampleServer';
import { asRouteResponder } from '../e2e/fixtures';
import type { Responder } from '../e2e/harness';
import { absPage, absUrl } from '../e2e/support/absPage';
import { launchFirefoxExtension, waitForHubState, type FirefoxSession } from './harness';
import { mergeDatasets, rowCount } from './panelQueries';

/*
 * Faults in Firefox, where the background is an MV2 background page rather than a service worker:
 * a 429 storm is waited out with Semantic Scholar requests ≥ 1 s apart (timed where the local
 * server receives them), and a cached hub stays on screen when the network is gone, also through
 * a refresh that fails. One browser for the file; each scenario has its own small paper.
 */

const STORM_PAPER = '2404.03001';
const OFFLINE_PAPER = '2404.03002';
const FINAL_STATES = ['ready', 'error', 'not-found', 'offline', 'rate-limited'];
const S2_HOST = 'api.semanticscholar.org';

const dataset = mergeDatasets(
  generateLargeDataset({ arxivId: STORM_PAPER, citations: 30, seed: 51 }),
  generateLargeDataset({ arxivId: OFFLINE_PAPER, citations: 30, seed: 52 }),
);
const sample = asRouteResponder(createSemanticScholarResponder(dataset));

let session: FirefoxSession;

beforeAll(async () => {
  session = await launchFirefoxExtension();
  session.setPages({ [absUrl(STORM_PAPER)]: absPage(STORM_PAPER), [absUrl(OFFLINE_PAPER)]: absPage(OFFLINE_PAPER) });
  session.setApiResponder(sample);
});
afterAll(async () => session?.close());

/** Records every `data-state` the panel host takes (a state may last less than a polling interval). */
async function openRecordingStates(url: string): Promise<Page> {
  const page = await session.newPage();
  await page.evaluateOnNewDocument(() => {
    const seen: string[] = [];
    (window as unknown as { __hubStates: string[] }).__hubStates = seen;
    new MutationObserver(() => {
      const state = document.querySelector('arxiv-citation-hub')?.getAttribute('data-state');
      if (state && seen[seen.length - 1] !== state) seen.push(state);
    }).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-state'] });
  });
  await page.goto(url);
  return page;
}

function statesSeen(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { __hubStates: string[] }).__hubStates);
}

describe('a 429 storm in Firefox', () => {
  it('shows rate-limited, keeps ≥ 1 s between Semantic Scholar requests, resends the same request, and ends ready', async () => {
    const STORM = 3;
    const statuses: number[] = [];
    const storm: Responder = async (method, url, body) => {
      const reply =
        statuses.length < STORM
          ? { status: 429, headers: { 'retry-after': '1' }, body: { message: 'Too Many Requests. Please wait and try again or apply for a key for higher rate limits.', code: '429' } }
          : await sample(method, url, body);
      statuses.push(reply.status);
      return reply;
    };
    session.setApiResponder(storm);
    const first = session.apiRequests.length;
    const page = await openRecordingStates(absUrl(STORM_PAPER));
    expect(await waitForHubState(page, ['ready', 'error', 'not-found', 'offline'], 60_000)).toBe('ready');
    const states = await statesSeen(page);
    expect(states).toContain('rate-limited');
    expect(states).not.toContain('error');
    expect(states.at(-1)).toBe('ready');

    const calls = session.apiRequests.slice(first).filter((call) => new URL(call.url).host === S2_HOST);
    expect(statuses.slice(0, STORM)).toEqual([429, 429, 429]);
    expect(statuses[STORM]).toBe(200);
    // A 429 changes nothing about the request: the same one is sent again until it succeeds.
    expect(new Set(calls.slice(0, STORM + 1).map((call) => `${call.method} ${call.url}`)).size).toBe(1);
    expect(calls.length).toBeGreaterThanOrEqual(STORM + 4); // paper, citations, batch, co-cited, recommendations
    const gaps = calls.slice(1).map((call, index) => call.startedAt - calls[index]!.startedAt);
    expect(Math.min(...gaps), `gaps between request arrivals: ${gaps.join(', ')} ms`).toBeGreaterThanOrEqual(1_000);
    expect(await rowCount(page, 'citing')).toBe(30);
    await page.close();
    session.setApiResponder(sample);
  });
});

describe('offline in Firefox', () => {
  it('keeps showing the cached hub with the network gone, also through a refresh that fails', async () => {
    const first = await openRecordingStates(absUrl(OFFLINE_PAPER));
    expect(await waitForHubState(first, FINAL_STATES, 60_000)).toBe('ready');
    expect(await rowCount(first, 'citing')).toBe(30);
    await first.close();

    session.setApiReachable(false);
    const before = session.apiRequests.length;
    const again = await openRecordingStates(absUrl(OFFLINE_PAPER));
    expect(await waitForHubState(again, ['ready', 'offline', 'error', 'stale'], 30_000)).toBe('ready');
    expect(await rowCount(again, 'citing')).toBe(30);
    expect(session.apiRequests.length).toBe(before);

    // A refresh (what the popup's "refresh" asks for) meets the dead network: the cached copy stays.
    const extensionPage = await session.openExtensionPage('popup.html');
    const reply = await extensionPage.evaluate(
      (arxivId: string) => (globalThis as unknown as { browser: { runtime: { sendMessage(message: unknown): Promise<unknown> } } }).browser.runtime.sendMessage({ type: 'hub/refresh', arxivId }),
      OFFLINE_PAPER,
    );
    expect(reply).toMatchObject({ ok: true });
    expect(await waitForHubState(again, ['offline', 'error'], 30_000)).toBe('offline');
    const banner = await again.evaluate(() => document.querySelector('arxiv-citation-hub')?.shadowRoot?.querySelector('[data-banner="offline"]')?.textContent ?? '');
    expect(banner).toMatch(/offline/i);
    expect(banner).toMatch(/cached/i);
    expect(await rowCount(again, 'citing')).toBe(30);
    // The network never answered: nothing reached the local Semantic Scholar.
    expect(session.apiRequests.length).toBe(before);
    await extensionPage.close();
    await again.close();
    session.setApiReachable(true);
  });
});
