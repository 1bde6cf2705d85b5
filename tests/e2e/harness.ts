import { chromium, type BrowserContext, type Page, type Route, type Worker } from 'playwright-core';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { REPO_ROOT } from '../paths';

export const EXTENSION_DIR = resolve(REPO_ROOT, '.output', 'chrome-mv3');
const ARXIV_STAND_IN_CSS = readFileSync(resolve(REPO_ROOT, 'tests', 'fixtures', 'sample', 'arxiv-stand-in.css'), 'utf8');

/** Debian's Chromium unless CHROMIUM_PATH says otherwise (Playwright never downloads a browser here). */
export function chromiumPath(): string {
  return process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
}

export interface RecordedRequest {
  method: string;
  url: string;
  startedAt: number;
}

export type Responder = (method: string, url: string, body: string | null) => { status: number; headers?: Record<string, string>; body: unknown } | Promise<{ status: number; headers?: Record<string, string>; body: unknown }>;

export interface ExtensionSession {
  context: BrowserContext;
  extensionId: string;
  worker: Worker;
  /** Every request that reached the fake Semantic Scholar / OpenAlex. */
  apiRequests: RecordedRequest[];
  setApiResponder(responder: Responder): void;
  setPages(pages: Record<string, { body: string; contentType?: string }>): void;
  newPage(): Promise<Page>;
  close(): Promise<void>;
}

function toBody(body: unknown): string {
  return typeof body === 'string' ? body : JSON.stringify(body);
}

/**
 * Launches real headless Chromium with the built extension. Nothing reaches the internet: arXiv
 * pages and API calls (including the service worker's fetches) are answered by route interception.
 */
export async function launchExtension(options: { headless?: boolean; userDataDir?: string } = {}): Promise<ExtensionSession> {
  if (!existsSync(join(EXTENSION_DIR, 'manifest.json'))) {
    throw new Error(`No built extension in ${EXTENSION_DIR}: run "npm run build" first.`);
  }
  const userDataDir = options.userDataDir ?? mkdtempSync(join(tmpdir(), 'citation-hub-profile-'));
  const ownsProfile = options.userDataDir === undefined;
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: chromiumPath(),
    headless: options.headless ?? true,
    args: [
      `--disable-extensions-except=${EXTENSION_DIR}`,
      `--load-extension=${EXTENSION_DIR}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
    viewport: { width: 1400, height: 900 },
  });

  const apiRequests: RecordedRequest[] = [];
  let responder: Responder = () => ({ status: 503, body: { message: 'no responder configured' } });
  let pages: Record<string, { body: string; contentType?: string }> = {};

  const answerApi = async (route: Route) => {
    const request = route.request();
    apiRequests.push({ method: request.method(), url: request.url(), startedAt: Date.now() });
    const reply = await responder(request.method(), request.url(), request.postData());
    await route.fulfill({
      status: reply.status,
      headers: { 'content-type': 'application/json', 'access-control-allow-origin': '*', ...(reply.headers ?? {}) },
      body: toBody(reply.body),
    });
  };
  await context.route('https://api.semanticscholar.org/**', answerApi);
  await context.route('https://api.openalex.org/**', answerApi);
  await context.route(/^https:\/\/(www\.|export\.)?arxiv\.org\//, async (route) => {
    const url = route.request().url().split('#')[0] ?? '';
    const page = pages[url] ?? pages[url.replace(/\/$/, '')];
    if (!page && /\.css(\?|$)/.test(url)) return route.fulfill({ status: 200, contentType: 'text/css', body: ARXIV_STAND_IN_CSS });
    if (!page) return route.fulfill({ status: 404, contentType: 'text/plain', body: 'not served in tests' });
    return route.fulfill({ status: 200, contentType: page.contentType ?? 'text/html; charset=utf-8', body: page.body });
  });
  // Anything else (fonts, analytics on saved pages) must never leave the machine. The Zotero connector
  // port on 127.0.0.1 is this machine: the Zotero test answers it with a local stand-in server.
  await context.route(/^https?:\/\/(?!(www\.|export\.)?arxiv\.org\/|api\.semanticscholar\.org\/|api\.openalex\.org\/|127\.0\.0\.1:23119\/)/, (route) => route.abort());

  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
  const extensionId = new URL(worker.url()).host;

  return {
    context,
    extensionId,
    worker,
    apiRequests,
    setApiResponder(next) {
      responder = next;
    },
    setPages(next) {
      pages = next;
    },
    newPage: () => context.newPage(),
    async close() {
      await context.close();
      if (ownsProfile) rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/** Waits until the panel host reports one of the given states (the public test contract). */
export async function waitForHubState(page: Page, states: string[], timeout = 30_000): Promise<string> {
  const handle = await page.waitForFunction(
    (wanted) => {
      const host = document.querySelector('arxiv-citation-hub');
      const state = host?.getAttribute('data-state');
      return state && wanted.includes(state) ? state : null;
    },
    states,
    { timeout },
  );
  return (await handle.jsonValue()) as string;
}
