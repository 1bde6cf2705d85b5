import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../paths';
import { loadSampleDataset, serveSample } from './fixtures';
import { launchExtension, waitForHubState, type ExtensionSession } from './harness';
import { forgetPanelPrefs } from './pages/extensionContext';
import { PANEL_SECTIONS, PanelPage } from './pages/panelPage';
import { discriminatingTitleWord, expectationsFor, searchableText, sourceDecidedRole, withSeparators, type PaperExpectations } from './pages/sampleExpectations';

/*
 * The in-page panel on the two sample reference papers, in real headless Chromium with the built
 * extension. Every expected number is read from the sample S2 data the fake API serves.
 * One browser for the file: the second visit of a paper is served from the extension's cache.
 */

const dataset = loadSampleDataset();
const GOPHER = expectationsFor(dataset, '2112.11446');
const SCALING_LAWS = expectationsFor(dataset, '2001.08361');
const SCREENSHOTS = join(REPO_ROOT, 'test-results', 'screenshots');
/** Rows the explorer renders per page (its documented page size). */
const EXPLORER_PAGE_SIZE = 50;

const absUrl = (arxivId: string) => `https://arxiv.org/abs/${arxivId}`;
const normalise = (text: string) => text.replace(/\s+/g, ' ').trim();

let session: ExtensionSession;

beforeAll(async () => {
  session = await launchExtension();
  serveSample(session);
});
afterAll(async () => session?.close());

async function openPanel(arxivId: string): Promise<PanelPage> {
  const panel = new PanelPage(await session.newPage());
  // Fail an unreachable control in seconds, not Playwright's default 30 s.
  panel.page.setDefaultTimeout(10_000);
  expect(await panel.open(absUrl(arxivId))).toBe('ready');
  return panel;
}

describe.each([
  { name: 'Gopher (hub)', expected: GOPHER, badges: ['Hub'] },
  { name: 'Scaling Laws (super hub)', expected: SCALING_LAWS, badges: ['Super hub'] },
])('every section of the panel for $name', ({ expected, badges }) => {
  let panel: PanelPage;
  beforeAll(async () => {
    panel = await openPanel(expected.arxivId);
  }, 90_000);
  afterAll(async () => panel?.page.close());

  it('renders every section for the page\'s paper', async () => {
    await expect.poll(() => panel.host.getAttribute('data-arxiv-id')).toBe(expected.arxivId);
    for (const name of PANEL_SECTIONS) expect(await panel.section(name).count(), `section ${name}`).toBe(1);
    expect(await panel.section('header').locator('.ch-paper-title').getAttribute('title')).toBe(expected.paper.title);
  });

  it('opens "At a glance" with the paper\'s TL;DR and the citing count the data gives', async () => {
    const glance = panel.section('glance');
    const entry = (term: string) => glance.locator('.ch-glance-entry', { has: panel.page.locator('dt', { hasText: term }) }).locator('dd');
    const tldr = (expected.paper.tldr as { text?: string } | null | undefined)?.text;
    if (tldr) expect(normalise(await entry('TL;DR').innerText())).toContain(normalise(tldr));
    else expect(await entry('TL;DR').innerText()).toContain('from the abstract');
    expect(await entry('How the field uses it').innerText()).toContain(`Cited by ${withSeparators(expected.citing.length)} papers`);
  });

  it('shows the citing and influential counts in full, with thousands separators', async () => {
    const counts = await panel.headerCounts();
    // The data agrees with itself: the reported counts are the listed edges.
    expect(expected.paper.citationCount).toBe(expected.citing.length);
    expect(expected.paper.influentialCitationCount).toBe(expected.influentialEdges);
    expect(counts['Citing papers']).toBe(withSeparators(expected.citing.length));
    expect(counts['Influential citations']).toBe(withSeparators(expected.influentialEdges));
    expect(counts['References']).toBe(withSeparators(expected.paper.referenceCount ?? NaN));
    expect(Object.values(counts).join(' ')).not.toMatch(/\d(\.\d)?k\b/i);
  });

  it('shows the tier badges, with "Canonical reference" exactly when the role numbers shown meet its rule', async () => {
    const rules = (await panel.section('header').locator('.ch-tier-rule').allTextContents()).join(' / ');
    const roles = await panel.rolePaperCounts();
    // The documented rule: ≥ 75 % of the citing papers with a role cite it as background, over ≥ 20 of them.
    // The share depends on the local classifier for sentences the source left unlabelled, so the
    // expectation is derived from the numbers the panel shows rather than fixed here.
    const classified = roles.background! + roles.methodology! + roles.result!;
    const canonical = classified >= 20 && roles.background! / classified >= 0.75;
    const expectedBadges = canonical ? [...badges, 'Canonical reference'] : badges;
    expect(await panel.tierBadges(), `tier rule shown: "${rules}"; papers per role: ${JSON.stringify(roles)}`).toEqual(expectedBadges);
    if (expected === SCALING_LAWS) {
      // The reference capture: most citing papers use it as background (83 % there).
      expect(roles.background! / classified).toBeGreaterThan(0.7);
    }
  });

  it('counts every citing paper under exactly one role, consistent with the source\'s labels', async () => {
    const roles = await panel.rolePaperCounts();
    expect(Object.keys(roles).sort()).toEqual(['background', 'methodology', 'result', 'unclassified']);
    expect(Object.values(roles).reduce((sum, count) => sum + count, 0)).toBe(expected.citing.length);
    expect(await panel.section('roles').locator('.ch-bar-caption').first().textContent()).toContain(`(${withSeparators(expected.citing.length)})`);
    // Papers whose every sentence the source labelled have a known role; the rest go to the local classifier.
    const decided = expected.citing.map(sourceDecidedRole);
    const undecided = decided.filter((role) => role === null).length;
    for (const [role, count] of Object.entries(roles)) {
      const known = decided.filter((decidedRole) => decidedRole === role).length;
      expect(count, role).toBeGreaterThanOrEqual(known);
      expect(count, role).toBeLessThanOrEqual(known + undecided);
    }
  });

  it('lists the co-cited works in the order the references of the citing papers give', async () => {
    const rows = panel.rows('co-cited');
    const shown = await rows.count();
    expect(shown).toBe(Math.min(10, expected.coCited.length));
    const ids = await rows.evaluateAll((items) => items.map((item) => item.getAttribute('data-paper-id')));
    expect(ids).toEqual(expected.coCited.slice(0, shown).map((work) => work.paperId));
    const top = expected.coCited[0]!;
    expect(top.title).toBeTruthy();
    expect(normalise((await rows.first().locator('.ch-row-title').textContent()) ?? '')).toBe(top.title);
    expect(await rows.first().locator('.ch-figures').textContent()).toContain(`co-cited by ${withSeparators(top.count)}`);
  });

  it('picks 5 to 10 representative citing papers', async () => {
    const ids = await panel.rows('representative').evaluateAll((items) => items.map((item) => item.getAttribute('data-paper-id')));
    expect(ids.length).toBeGreaterThanOrEqual(5);
    expect(ids.length).toBeLessThanOrEqual(10);
    const citingIds = new Set(expected.citing.map((row) => row.paperId));
    for (const id of ids) expect(citingIds.has(id!), `${id} is a citing paper`).toBe(true);
  });

  it('shows the explorer\'s "N of M" and its first rows without any interaction', async () => {
    const total = expected.citing.length;
    const count = await panel.explorerCount();
    expect(count.text).toBe(`Showing ${withSeparators(total)} of ${withSeparators(total)} citing papers`);
    const rows = panel.rows('citing');
    expect(await rows.count()).toBe(Math.min(EXPLORER_PAGE_SIZE, total));
    expect(await rows.first().isVisible()).toBe(true);
    const citingIds = new Set(expected.citing.map((row) => row.paperId));
    expect(citingIds.has((await rows.first().getAttribute('data-paper-id'))!)).toBe(true);
  });

  it('lists similar papers from the recommendations', async () => {
    const ids = await panel.rows('similar').evaluateAll((items) => items.map((item) => item.getAttribute('data-paper-id')));
    const said = normalise((await panel.section('similar').textContent()) ?? '');
    expect(ids.length, `similar papers listed (${expected.recommendationIds.size} recommendations in the data; the section says "${said}")`).toBeGreaterThan(0);
    const listedElsewhere = new Set([expected.paperId, ...expected.citing.map((row) => row.paperId)]);
    for (const id of ids) {
      expect(expected.recommendationIds.has(id!), `${id} is recommended`).toBe(true);
      expect(listedElsewhere.has(id!), `${id} is neither this paper nor one of its citing papers`).toBe(false);
    }
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe('reaching every section', () => {
  it('scrolls the panel so that every section, down to the last, can be brought into view', async () => {
    const panel = await openPanel(GOPHER.arxivId);
    const viewport = panel.page.viewportSize()!;
    for (const name of PANEL_SECTIONS) {
      const box = await panel.section(name).evaluate((element) => {
        element.scrollIntoView({ block: 'start' });
        const rect = element.getBoundingClientRect();
        return { top: Math.round(rect.top), bottom: Math.round(rect.bottom) };
      });
      expect(box.top, `top of section "${name}" after scrolling it into view (viewport ${viewport.height} px high)`).toBeLessThan(viewport.height);
      expect(box.bottom, `bottom of section "${name}"`).toBeGreaterThan(0);
    }
    await panel.page.close();
  });
});

describe('the citing-papers explorer filters', () => {
  let panel: PanelPage;
  beforeAll(async () => {
    panel = await openPanel(SCALING_LAWS.arxivId);
  }, 90_000);
  afterAll(async () => panel?.page.close());

  const total = SCALING_LAWS.citing.length;

  it('a word from a citing title keeps exactly the papers whose title, TL;DR or sentences contain it', async () => {
    const { word, matches } = discriminatingTitleWord(SCALING_LAWS.citing);
    await panel.searchBox.fill(word);
    await expect.poll(() => panel.explorerCount().then((count) => count.shown)).toBe(matches);
    expect((await panel.explorerCount()).total).toBe(total);
    const shownIds = await panel.rows('citing').evaluateAll((items) => items.map((item) => item.getAttribute('data-paper-id')));
    const expectedIds = new Set(SCALING_LAWS.citing.filter((row) => searchableText(row).includes(word)).map((row) => row.paperId));
    expect(shownIds.length).toBe(Math.min(EXPLORER_PAGE_SIZE, matches));
    for (const id of shownIds) expect(expectedIds.has(id!), `${id} contains "${word}"`).toBe(true);
    await panel.searchBox.fill('');
    await expect.poll(() => panel.explorerCount().then((count) => count.shown)).toBe(total);
  });

  it('the role filter keeps the papers the role summary counts for that role', async () => {
    const roles = await panel.rolePaperCounts();
    await panel.roleFilter().selectOption('methodology');
    await expect.poll(() => panel.explorerCount().then((count) => count.shown)).toBe(roles.methodology);
    expect(roles.methodology).toBeGreaterThan(0);
    const badges = await panel.rows('citing').locator('.ch-row-meta .ch-badge:first-child').allTextContents();
    expect(badges.length).toBe(Math.min(EXPLORER_PAGE_SIZE, roles.methodology!));
    for (const badge of badges) expect(badge).toMatch(/^Methodology/);
    await panel.roleFilter().selectOption('all');
    await expect.poll(() => panel.explorerCount().then((count) => count.shown)).toBe(total);
  });

  it('"Influential only" keeps the influential citations', async () => {
    // Keyboard, as everywhere below the fold: mouse reach is the scroll test's concern.
    await panel.influentialOnly().press('Space');
    await expect.poll(() => panel.explorerCount().then((count) => count.shown)).toBe(SCALING_LAWS.influentialEdges);
    expect(SCALING_LAWS.influentialEdges).toBe(SCALING_LAWS.paper.influentialCitationCount);
    const ids = await panel.rows('citing').evaluateAll((items) => items.map((item) => item.getAttribute('data-paper-id')));
    const influential = new Set(SCALING_LAWS.citing.filter((row) => row.isInfluential).map((row) => row.paperId));
    for (const id of ids) expect(influential.has(id!), `${id} is influential`).toBe(true);
    await panel.influentialOnly().press('Space');
    await expect.poll(() => panel.explorerCount().then((count) => count.shown)).toBe(total);
  });

  it('expanding a row shows that paper\'s citation sentences', async () => {
    const row = panel.rows('citing').first();
    const id = (await row.getAttribute('data-paper-id'))!;
    const facts = SCALING_LAWS.citing.find((candidate) => candidate.paperId === id)!;
    expect(facts.sentences.length).toBeGreaterThan(0);
    const noun = facts.sentences.length === 1 ? 'sentence' : 'sentences';
    await row.getByRole('button', { name: `Show ${facts.sentences.length} citation ${noun}` }).press('Enter');
    const quotes = (await row.locator('.ch-sentences blockquote').allTextContents()).map(normalise);
    expect(quotes).toEqual(facts.sentences.map(normalise));
    await row.getByRole('button', { name: `Hide ${facts.sentences.length} citation ${noun}` }).press('Enter');
    expect(await row.locator('.ch-sentences').count()).toBe(0);
  });
});

describe('the quick view', () => {
  it('opens from a co-cited row with the keyboard, shows title, year and links, and Escape returns focus to the opener', async () => {
    const panel = await openPanel(GOPHER.arxivId);
    const work = GOPHER.coCited[0]!;
    const paper = dataset.papers[work.paperId]!;
    const row = panel.section('co-cited').locator(`li[data-paper-id="${work.paperId}"]`);
    const opener = row.locator('button.ch-row-title');
    await opener.focus();
    await panel.page.keyboard.press('Enter');

    const dialog = row.locator('[role="dialog"]');
    await dialog.waitFor({ state: 'visible' });
    expect(normalise((await dialog.locator('.ch-qv-title').textContent()) ?? '')).toBe(paper.title);
    expect(await dialog.textContent()).toContain(String(paper.year));
    const links = await dialog.locator('.ch-links a').evaluateAll((anchors) => anchors.map((anchor) => (anchor as HTMLAnchorElement).href));
    expect(links.length).toBeGreaterThan(0);
    for (const href of links) expect(href).toMatch(/^https:\/\//);
    expect((await panel.focusedInPanel())?.className).toContain('ch-quickview');

    await panel.page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    const focused = await panel.focusedInPanel();
    expect(focused?.className).toContain('ch-row-title');
    expect(normalise(focused?.text ?? '')).toBe(paper.title);
    await panel.page.close();
  });
});

interface CommandsGlobal {
  chrome: {
    commands: {
      getAll(): Promise<Array<{ name?: string; shortcut?: string }>>;
      onCommand: { hasListeners(): boolean };
    };
  };
}

function luminance(rgb: string): number {
  const [r = 0, g = 0, b = 0] = (rgb.match(/\d+(\.\d+)?/g) ?? []).map(Number);
  return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
}

describe('how the panel looks', () => {
  it.each([GOPHER, SCALING_LAWS])('follows the light and dark colour schemes ($arxivId), with screenshots', async (expected: PaperExpectations) => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    const panel = await openPanel(expected.arxivId);
    for (const scheme of ['light', 'dark'] as const) {
      await panel.page.emulateMedia({ colorScheme: scheme });
      const background = await panel.root.evaluate((element) => getComputedStyle(element).backgroundColor);
      if (scheme === 'light') expect(luminance(background), background).toBeGreaterThan(0.8);
      else expect(luminance(background), background).toBeLessThan(0.2);
      await panel.page.screenshot({ path: join(SCREENSHOTS, `panel-${expected.arxivId}-${scheme}.png`) });
    }
    await panel.page.close();
  });

  it('has no horizontal overflow at the narrowest (320 px) and widest (600 px) panel', async () => {
    const panel = await openPanel(SCALING_LAWS.arxivId);
    try {
      // Open the widest content: a row's sentences and a quick view.
      await panel.rows('citing').first().locator('.ch-row-extra button').press('Enter');
      await panel.rows('co-cited').first().locator('button.ch-row-title').press('Enter');
      await panel.rows('co-cited').first().locator('[role="dialog"]').waitFor();
      const handle = panel.page.getByRole('separator', { name: 'Resize citation hub panel' });
      for (const [key, width] of [['Home', 320], ['End', 600]] as const) {
        await handle.focus();
        await panel.page.keyboard.press(key);
        await expect.poll(() => handle.getAttribute('aria-valuenow')).toBe(String(width));
        await expect.poll(() => panel.dock.evaluate((element) => Math.round(element.getBoundingClientRect().width))).toBe(width);
        for (const box of await panel.horizontalOverflow()) {
          expect(box.clientWidth, `${box.element} at ${width} px`).toBeGreaterThan(0);
          expect(box.scrollWidth, `${box.element} at ${width} px`).toBeLessThanOrEqual(box.clientWidth);
        }
      }
    } finally {
      // The width is remembered for every page of the profile; later tests expect the default.
      await forgetPanelPrefs(session);
      await panel.page.close();
    }
  });
});

async function collapsedState(panel: PanelPage): Promise<string | null> {
  return panel.root.getAttribute('data-collapsed');
}

describe('collapsing the panel', () => {
  it('collapses to a slim tab with its toggle and stays collapsed after a reload', async () => {
    const panel = await openPanel(GOPHER.arxivId);
    try {
      expect(await collapsedState(panel)).toBe('false');
      await panel.collapseToggle.click();
      await expect.poll(() => collapsedState(panel)).toBe('true');
      expect(await panel.collapseToggle.getAttribute('aria-expanded')).toBe('false');
      expect(await panel.dock.evaluate((element) => element.getBoundingClientRect().width)).toBeLessThanOrEqual(48);
      expect(await panel.page.locator('[data-section]').count()).toBe(0);

      await panel.page.reload();
      await waitForHubState(panel.page, ['ready']);
      await panel.root.waitFor();
      expect(await collapsedState(panel)).toBe('true');

      await panel.collapseToggle.click();
      await expect.poll(() => collapsedState(panel)).toBe('false');
      expect(await panel.section('citing').isVisible()).toBe(true);
      await panel.page.reload();
      await waitForHubState(panel.page, ['ready']);
      await panel.root.waitFor();
      expect(await collapsedState(panel)).toBe('false');
    } finally {
      await forgetPanelPrefs(session);
      await panel.page.close();
    }
  });

  it('registers the Alt+Shift+H command and listens for it in the background', async () => {
    const command = await session.worker.evaluate(async () => {
      const { chrome } = globalThis as unknown as CommandsGlobal;
      const commands = await chrome.commands.getAll();
      return { found: commands.find((entry) => entry.name === 'toggle-panel'), listening: chrome.commands.onCommand.hasListeners() };
    });
    // An empty shortcut means Chromium refused to assign the suggested key (it collides with one of its own).
    expect(command.found?.shortcut, `chrome.commands.getAll() → ${JSON.stringify(command.found)}`).toBe('Alt+Shift+H');
    expect(command.listening).toBe(true);
  });

  // Skipped: extension commands are browser-level accelerators. Playwright's keyboard goes through
  // CDP Input.dispatchKeyEvent straight to the page's renderer, past the browser's accelerator
  // handling, so the command never fires in headless Chromium (tried: the panel stays expanded).
  // Toggling itself is covered by the button test above; the command's wiring by the test above.
  it.skip('toggles with the Alt+Shift+H keyboard shortcut', async () => {
    const panel = await openPanel(GOPHER.arxivId);
    try {
      expect(await collapsedState(panel)).toBe('false');
      await panel.page.keyboard.press('Alt+Shift+H');
      await expect.poll(() => collapsedState(panel), { timeout: 3_000 }).toBe('true');
    } finally {
      await forgetPanelPrefs(session);
      await panel.page.close();
    }
  });
});
