import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import type { RecordedRequest, Responder } from '../e2e/harness';
import { REPO_ROOT } from '../paths';
import { startLocalInternet, type LocalInternet, type LocalReply } from './localHttps';

export const FIREFOX_EXTENSION_DIR = resolve(REPO_ROOT, '.output', 'firefox-mv2');
const ARXIV_STAND_IN_CSS = readFileSync(resolve(REPO_ROOT, 'tests', 'fixtures', 'sample', 'arxiv-stand-in.css'), 'utf8');
const API_HOSTS = ['api.semanticscholar.org', 'api.openalex.org'];

/** Debian's firefox-esr unless FIREFOX_PATH says otherwise (nothing is ever downloaded). */
export function firefoxPath(): string {
  return process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
}

export const FIREFOX_INSTALL_HINT = 'Install it with:  sudo apt-get install -y firefox-esr   (Debian/Ubuntu; as root drop sudo)\nor point FIREFOX_PATH at an existing Firefox (verified with 153 ESR).';

/** The add-on id the Firefox build declares (browser_specific_settings.gecko.id). */
function geckoId(): string {
  const manifest = JSON.parse(readFileSync(join(FIREFOX_EXTENSION_DIR, 'manifest.json'), 'utf8')) as {
    browser_specific_settings?: { gecko?: { id?: string } };
  };
  const id = manifest.browser_specific_settings?.gecko?.id;
  if (!id) throw new Error('the Firefox build declares no gecko id');
  return id;
}

export interface FirefoxSession {
  browser: Browser;
  /** `moz-extension://<uuid>/`: fixed per profile through a pref, so tests can open extension pages. */
  extensionOrigin: string;
  /** Every request that reached the local Semantic Scholar / OpenAlex (CORS preflights excluded). */
  apiRequests: RecordedRequest[];
  setApiResponder(responder: Responder): void;
  setPages(pages: Record<string, { body: string; contentType?: string }>): void;
  /** Takes the APIs off the network (their connections fail, as offline) or brings them back. */
  setApiReachable(reachable: boolean): void;
  newPage(): Promise<Page>;
  /** Opens an extension page (e.g. `options.html`) in a new tab. */
  openExtensionPage(path: string): Promise<Page>;
  close(): Promise<void>;
}

function toBody(body: unknown): string {
  return typeof body === 'string' ? body : JSON.stringify(body);
}

/**
 * Launches Debian's firefox-esr headless over WebDriver BiDi with the production Firefox build
 * installed as a temporary add-on. Pages and the background page reach arXiv and the APIs only
 * through the local proxy (see localHttps.ts); every other host is refused.
 */
export async function launchFirefoxExtension(options: { headless?: boolean; colorScheme?: 'light' | 'dark' } = {}): Promise<FirefoxSession> {
  if (!existsSync(firefoxPath())) throw new Error(`Firefox was not found at ${firefoxPath()}.\n${FIREFOX_INSTALL_HINT}`);
  if (!existsSync(join(FIREFOX_EXTENSION_DIR, 'manifest.json'))) {
    throw new Error(`No built Firefox extension in ${FIREFOX_EXTENSION_DIR}: run "npm run build:firefox" first.`);
  }
  const internet: LocalInternet = await startLocalInternet();
  const uuid = randomUUID();
  const profileDir = mkdtempSync(join(tmpdir(), 'citation-hub-firefox-'));
  let browser: Browser;
  try {
    browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath: firefoxPath(),
      headless: options.headless ?? true,
      acceptInsecureCerts: true,
      userDataDir: profileDir,
      defaultViewport: { width: 1400, height: 900 },
      // Lets WebDriver BiDi navigate tabs to moz-extension:// pages (options, sidebar page).
      args: ['--remote-allow-system-access'],
      extraPrefsFirefox: {
        // Every https request (pages and the extension's background) goes through the local proxy.
        'network.proxy.type': 1,
        'network.proxy.ssl': internet.proxyHost,
        'network.proxy.ssl_port': internet.proxyPort,
        'network.proxy.http': internet.proxyHost,
        'network.proxy.http_port': internet.proxyPort,
        'network.proxy.no_proxies_on': '',
        'network.dns.disablePrefetch': true,
        'network.http.http3.enable': false,
        'network.trr.mode': 5,
        // The moz-extension:// origin is random per profile unless fixed here.
        'extensions.webextensions.uuids': JSON.stringify({ [geckoId()]: uuid }),
        'extensions.update.enabled': false,
        'browser.safebrowsing.malware.enabled': false,
        'browser.safebrowsing.phishing.enabled': false,
        'browser.shell.checkDefaultBrowser': false,
        'datareporting.policy.dataSubmissionEnabled': false,
        'toolkit.telemetry.enabled': false,
        // What `prefers-color-scheme` reports to pages (0 dark, 1 light): BiDi has no media emulation here.
        'layout.css.prefers-color-scheme.content-override': options.colorScheme === 'dark' ? 0 : 1,
      },
    });
  } catch (error) {
    await internet.close();
    rmSync(profileDir, { recursive: true, force: true });
    throw error;
  }
  await browser.installExtension(FIREFOX_EXTENSION_DIR);

  const apiRequests: RecordedRequest[] = [];
  let responder: Responder = () => ({ status: 503, body: { message: 'no responder configured' } });
  let pages: Record<string, { body: string; contentType?: string }> = {};

  internet.setHandler(async ({ method, url, host, body }): Promise<LocalReply> => {
    if (API_HOSTS.includes(host)) {
      if (method === 'OPTIONS') {
        return { status: 204, headers: { 'access-control-allow-origin': '*', 'access-control-allow-headers': '*', 'access-control-allow-methods': 'GET, POST' }, body: '' };
      }
      apiRequests.push({ method, url, startedAt: Date.now() });
      const reply = await responder(method, url, body);
      return {
        status: reply.status,
        headers: { 'content-type': 'application/json', 'access-control-allow-origin': '*', ...(reply.headers ?? {}) },
        body: toBody(reply.body),
      };
    }
    const pageUrl = url.split('#')[0] ?? '';
    const page = pages[pageUrl] ?? pages[pageUrl.replace(/\/$/, '')];
    if (!page && /\.css(\?|$)/.test(pageUrl)) return { status: 200, headers: { 'content-type': 'text/css' }, body: ARXIV_STAND_IN_CSS };
    if (!page) return { status: 404, headers: { 'content-type': 'text/plain' }, body: 'not served in tests' };
    return { status: 200, headers: { 'content-type': page.contentType ?? 'text/html; charset=utf-8' }, body: page.body };
  });

  const extensionOrigin = `moz-extension://${uuid}/`;
  const newPage = () => browser.newPage();
  return {
    browser,
    extensionOrigin,
    apiRequests,
    setApiResponder(next) {
      responder = next;
    },
    setPages(next) {
      pages = next;
    },
    setApiReachable(reachable) {
      internet.setUnreachable(reachable ? [] : API_HOSTS);
    },
    newPage,
    async openExtensionPage(path) {
      const page = await newPage();
      const url = `${extensionOrigin}${path}`;
      // Firefox loads extension pages in the extension process and puppeteer never hears that the
      // navigation finished, so its promise is left to time out and the page is polled instead.
      void page.goto(url, { timeout: 60_000 }).catch(() => {});
      const deadline = Date.now() + 15_000;
      for (;;) {
        const loaded = await page.evaluate((wanted: string) => location.href === wanted && document.readyState === 'complete', url).catch(() => false);
        if (loaded) return page;
        if (Date.now() > deadline) throw new Error(`${url} did not load within 15 s`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    },
    async close() {
      await browser.close().catch(() => {});
      await internet.close();
      rmSync(profileDir, { recursive: true, force: true });
    },
  };
}

/** Waits until the panel host reports one of the given states (the public test contract). */
export async function waitForHubState(page: Page, states: string[], timeout = 30_000): Promise<string> {
  const handle = await page.waitForFunction(
    (wanted: string[]) => {
      const state = document.querySelector('arxiv-citation-hub')?.getAttribute('data-state');
      return state && wanted.includes(state) ? state : null;
    },
    { timeout, polling: 100 },
    states,
  );
  return (await handle.jsonValue()) as string;
}
