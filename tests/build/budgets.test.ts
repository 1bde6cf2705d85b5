import { describe, it, expect } from 'vitest';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { REPO_ROOT } from '../paths';

const CHROME = join(REPO_ROOT, '.output', 'chrome-mv3');
const FIREFOX = join(REPO_ROOT, '.output', 'firefox-mv2');

const ALLOWED_PERMISSIONS = new Set(['storage', 'sidePanel', 'unlimitedStorage', 'alarms', 'activeTab']);
const ALLOWED_HOSTS = new Set([
  'https://arxiv.org/*',
  'https://www.arxiv.org/*',
  'https://export.arxiv.org/*',
  'https://api.semanticscholar.org/*',
  'https://api.openalex.org/*',
  // Send to Zotero: the desktop app's local connector server, and nothing else on this machine.
  'http://127.0.0.1:23119/*',
]);
const CONTENT_SCRIPT_BUDGET_GZIP = 30 * 1024;
/**
 * The panel bundle every abstract page imports before it can show anything (it once doubled by pulling
 * in all of zod). Raised from 40 KB for the sections added together: references, citations over time,
 * the co-citation map's switch and drawing, polarity corrections, Send to Zotero.
 */
const PANEL_BUNDLE_BUDGET_GZIP = 48 * 1024;
/** The co-citation map's layout (d3-force), imported only when a map is first shown. */
const MAP_CHUNK_BUDGET_GZIP = 25 * 1024;
/**
 * The citation-badge script on listing and search pages. About 4 KB of it is WXT's content-script
 * runtime and the webextension polyfill that every content script carries; the rest is the badges.
 */
const LISTING_SCRIPT_BUDGET_GZIP = 6.5 * 1024;

interface Manifest {
  manifest_version: number;
  permissions?: string[];
  host_permissions?: string[];
  optional_permissions?: string[];
  content_security_policy?: unknown;
  content_scripts?: { matches: string[]; js?: string[] }[];
  web_accessible_resources?: { resources: string[]; matches: string[] }[] | string[];
}

function readManifest(dir: string): Manifest {
  return JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Manifest;
}

function filesUnder(dir: string, suffix: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith(suffix))
    .map((file) => join(dir, file));
}

describe('built Chrome extension', () => {
  it('exists (run the build first)', () => {
    expect(existsSync(join(CHROME, 'manifest.json'))).toBe(true);
  });

  it(`keeps the content-script JS injected on every arXiv page within ${CONTENT_SCRIPT_BUDGET_GZIP} bytes gzip`, () => {
    const manifest = readManifest(CHROME);
    const scripts = (manifest.content_scripts ?? []).flatMap((entry) => entry.js ?? []);
    expect(scripts.length).toBeGreaterThan(0);
    const bytes = Buffer.concat(scripts.map((file) => readFileSync(join(CHROME, file))));
    const gzipped = gzipSync(bytes, { level: 9 }).length;
    expect(gzipped).toBeLessThanOrEqual(CONTENT_SCRIPT_BUDGET_GZIP);
  });

  it(`keeps the panel bundle each abstract page imports within ${PANEL_BUNDLE_BUDGET_GZIP} bytes gzip`, () => {
    const panelBundle = join(CHROME, 'panel-app.js');
    expect(existsSync(panelBundle)).toBe(true);
    expect(gzipSync(readFileSync(panelBundle), { level: 9 }).length).toBeLessThanOrEqual(PANEL_BUNDLE_BUDGET_GZIP);
  });

  it('runs the classifiers in the background only: no weights in the panel bundle or a content script', () => {
    const manifest = readManifest(CHROME);
    const pageCode = [join(CHROME, 'panel-app.js'), ...(manifest.content_scripts ?? []).flatMap((entry) => (entry.js ?? []).map((file) => join(CHROME, file)))];
    for (const file of pageCode) expect(readFileSync(file, 'utf8').includes('linear-hashed-v1'), file).toBe(false);
    expect(readFileSync(join(CHROME, 'background.js'), 'utf8').includes('linear-hashed-v1')).toBe(true);
  });

  it(`keeps the co-citation map's layout chunk out of the panel bundle, within ${MAP_CHUNK_BUDGET_GZIP} bytes gzip`, () => {
    const chunk = join(CHROME, 'cocitation-map.js');
    expect(existsSync(chunk)).toBe(true);
    expect(gzipSync(readFileSync(chunk), { level: 9 }).length).toBeLessThanOrEqual(MAP_CHUNK_BUDGET_GZIP);
    // d3-force lives in the chunk only: its simulation code never reaches the bundle every abstract page loads.
    expect(readFileSync(chunk, 'utf8')).toMatch(/alphaDecay|velocityDecay/);
    expect(readFileSync(join(CHROME, 'panel-app.js'), 'utf8')).not.toMatch(/alphaDecay|velocityDecay/);
    // Web-accessible like the panel bundle, to arXiv pages only (checked for every resource below).
    const resources = readManifest(CHROME).web_accessible_resources ?? [];
    expect(resources.some((entry) => typeof entry !== 'string' && entry.resources.includes('cocitation-map.js'))).toBe(true);
  });

  it(`keeps the listing-page badge script within ${LISTING_SCRIPT_BUDGET_GZIP} bytes gzip, apart from the abs-page script`, () => {
    const manifest = readManifest(CHROME);
    const listing = (manifest.content_scripts ?? []).filter((entry) => entry.matches.some((match) => /\/(list|search)\//.test(match)));
    expect(listing).toHaveLength(1);
    const [script, ...others] = listing[0]?.js ?? [];
    expect(others).toEqual([]);
    // Its own file, injected only on listing and search pages: the abs-page script does not grow with it.
    for (const match of listing[0]!.matches) expect(match).toMatch(/^https:\/\/(www\.|export\.)?arxiv\.org\/(list|search)\/\*$/);
    expect(gzipSync(readFileSync(join(CHROME, script!)), { level: 9 }).length).toBeLessThanOrEqual(LISTING_SCRIPT_BUDGET_GZIP);
  });

  it('asks only for the allow-listed permissions and hosts', () => {
    const manifest = readManifest(CHROME);
    expect(manifest.manifest_version).toBe(3);
    for (const permission of manifest.permissions ?? []) expect(ALLOWED_PERMISSIONS).toContain(permission);
    for (const host of manifest.host_permissions ?? []) expect(ALLOWED_HOSTS).toContain(host);
    expect(manifest.optional_permissions ?? []).toEqual([]);
  });

  it("reaches this machine only at Zotero's connector port (Send to Zotero), and nowhere over plain http", () => {
    const hosts = readManifest(CHROME).host_permissions ?? [];
    expect(hosts.filter((host) => !host.startsWith('https://'))).toEqual(['http://127.0.0.1:23119/*']);
  });

  it('keeps the default MV3 content security policy', () => {
    expect(readManifest(CHROME).content_security_policy).toBeUndefined();
  });

  it('injects content scripts on arXiv only', () => {
    const matches = (readManifest(CHROME).content_scripts ?? []).flatMap((entry) => entry.matches);
    expect(matches.length).toBeGreaterThan(0);
    for (const match of matches) expect(match).toMatch(/^https:\/\/(www\.|export\.)?arxiv\.org\//);
  });

  it('exposes web-accessible resources to arXiv pages only', () => {
    const resources = readManifest(CHROME).web_accessible_resources ?? [];
    for (const entry of resources) {
      expect(typeof entry).not.toBe('string');
      if (typeof entry === 'string') continue;
      for (const match of entry.matches) expect(match).toMatch(/^https:\/\/(www\.|export\.)?arxiv\.org\//);
    }
  });

  it('ships no remote code and no eval', () => {
    for (const file of filesUnder(CHROME, '.js')) {
      const code = readFileSync(file, 'utf8');
      expect(code, file).not.toMatch(/\beval\s*\(/);
      expect(code, file).not.toMatch(/\bnew Function\s*\(/);
      expect(code, file).not.toMatch(/import\s*\(\s*["']https?:/);
    }
    for (const file of filesUnder(CHROME, '.html')) {
      expect(readFileSync(file, 'utf8'), file).not.toMatch(/<script[^>]+src=["']https?:/);
    }
  });
});

describe('built Firefox extension', () => {
  it('exists with the same host allowlist and a sidebar for PDF tabs', () => {
    const manifest = readManifest(FIREFOX);
    const hosts = [...(manifest.permissions ?? []), ...(manifest.host_permissions ?? [])].filter((p) => p.includes('://'));
    for (const host of hosts) expect(ALLOWED_HOSTS).toContain(host);
    // The sidebar shows the hub for PDF tabs; it opens when the user asks, never by itself on install.
    expect((manifest as { sidebar_action?: unknown }).sidebar_action).toMatchObject({ default_panel: 'sidepanel.html', open_at_install: false });
  });
});
