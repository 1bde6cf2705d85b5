import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { createSemanticScholarResponder } from '../../lib/sources/semanticScholar/sampleServer';
import { samplePages } from '../../scripts/sample/pages';
import { buildHostileDataset, type HostileDataset } from '../fixtures/hostile/hostileDataset';
import { HOSTILE_PAYLOADS, PANEL_LINK_HOSTS, PWNED_ATTRIBUTE, payloadByMarker } from '../fixtures/hostile/payloads';
import { launchExtension, waitForHubState, type ExtensionSession } from './harness';
import { asRouteResponder, loadSampleDataset } from './fixtures';

/*
 * Every string the API returns replaced by hostile payloads (HTML, script, event handlers,
 * javascript:/data: URLs, bidi overrides, controls, lone surrogates, 100 KB titles, template and
 * TeX injection…), served to the real panel on the real Gopher abstract page. The panel must reach
 * ready, show the payloads as text, run nothing, inject no element, and link only to known hosts.
 */

const TARGET = '2112.11446';
const MARKER = /HX\d\d/;
/** Attributes that legitimately carry a paper's text (tooltips, labels). */
const TEXT_ATTRIBUTES = ['title', 'aria-label', 'aria-description', 'alt', 'placeholder', 'value'];

interface RowTitle {
  paperId: string;
  text: string;
  tooltip: string | null;
}

interface PanelAudit {
  forbiddenElements: string[];
  eventHandlerAttributes: string[];
  payloadInActiveAttribute: string[];
  links: string[];
  leakedIntoPage: string[];
  pwned: string | null;
  shadowText: string;
  /** innerText of the elements showing authors, venues, TL;DRs and contexts, by selector. */
  areaTexts: Record<string, string[]>;
}

const TEXT_AREAS = ['.ch-row-byline', '.ch-row-summary', '.ch-qv-authors', '.ch-sentences blockquote'];

describe('hostile strings in every API field', () => {
  let session: ExtensionSession;
  let hostile: HostileDataset;
  let page: Page;
  const dialogs: string[] = [];

  beforeAll(async () => {
    hostile = buildHostileDataset(loadSampleDataset(), TARGET);
    session = await launchExtension();
    session.setPages(samplePages());
    session.setApiResponder(asRouteResponder(createSemanticScholarResponder(hostile.dataset)));
    session.context.on('page', (opened) => opened.on('dialog', (dialog) => {
      dialogs.push(`${dialog.type()}: ${dialog.message()}`);
      void dialog.dismiss();
    }));
    page = await session.newPage();
    await page.goto(`https://arxiv.org/abs/${TARGET}`);
  }, 90_000);

  afterAll(async () => session?.close());

  it('reaches ready', async () => {
    expect(await waitForHubState(page, ['ready', 'error', 'not-found', 'offline', 'rate-limited'], 80_000)).toBe('ready');
    expect(await page.locator('arxiv-citation-hub [data-section="citing"] [data-paper-id]').count()).toBeGreaterThan(0);
  });

  it('shows every payload as text in the citing papers (long ones cut, with a readable prefix)', async () => {
    const checked = new Set<string>();
    for (let pageNumber = 0; pageNumber < 5 && checked.size < HOSTILE_PAYLOADS.length; pageNumber++) {
      for (const row of await rowTitles(page, '[data-section="citing"]')) {
        const payload = hostile.titlePayloadOf[row.paperId];
        expect(payload, `row ${row.paperId} is a paper of the hostile dataset`).toBeDefined();
        for (const fragment of payload!.visible) expect(row.text, `${payload!.marker} (${payload!.name})`).toContain(fragment);
        for (const forbidden of payload!.neverVisible ?? []) expect(row.text, `${payload!.marker} (${payload!.name})`).not.toContain(forbidden);
        // A 100 KB title is shown cut, visibly (an ellipsis), never in full (in the row or its tooltip).
        if (payload!.text.length > 1_000) expect(row.text.trimEnd().endsWith('…'), `${payload!.marker} is cut with an ellipsis`).toBe(true);
        expect(row.text.length).toBeLessThan(2_100);
        expect(row.tooltip?.length ?? 0).toBeLessThan(2_100);
        checked.add(payload!.marker);
      }
      const next = page.locator('arxiv-citation-hub [data-section="citing"] .ch-pager button', { hasText: 'Next page' });
      if ((await next.count()) === 0 || (await next.isDisabled())) break;
      // A DOM click, not a pointer one: this suite is about text safety, not about whether the
      // pager is scrolled into reach.
      await next.dispatchEvent('click');
    }
    expect([...checked].sort()).toEqual(HOSTILE_PAYLOADS.map((payload) => payload.marker).sort());
    const previous = page.locator('arxiv-citation-hub [data-section="citing"] .ch-pager button', { hasText: 'Previous page' });
    while ((await previous.count()) > 0 && !(await previous.isDisabled())) await previous.dispatchEvent('click');
  });

  it('shows the target paper’s hostile title as text in the header', async () => {
    const payload = hostile.titlePayloadOf[hostile.targetPaperId]!;
    const header = await page.locator('arxiv-citation-hub [data-section="header"]').innerText();
    for (const fragment of payload.visible) expect(header).toContain(fragment);
  });

  it('with every quick view and citation sentence list open: no dialog, no injected element or handler, links only to known https hosts', async () => {
    await openEverything(page);
    const audit = await auditPanel(page, MARKER.source, TEXT_ATTRIBUTES, PWNED_ATTRIBUTE);
    expect(dialogs).toEqual([]);
    expect(audit.pwned).toBeNull();
    expect(audit.forbiddenElements).toEqual([]);
    expect(audit.eventHandlerAttributes).toEqual([]);
    expect(audit.payloadInActiveAttribute).toEqual([]);
    expect(audit.leakedIntoPage).toEqual([]);
    expect(audit.links.length).toBeGreaterThan(0);
    const offHost = audit.links.filter((href) => {
      try {
        const url = new URL(href);
        return url.protocol !== 'https:' || url.username !== '' || url.password !== '' || !PANEL_LINK_HOSTS.has(url.hostname);
      } catch {
        return true;
      }
    });
    expect(offHost).toEqual([]);
    // Things only an evaluated template or an interpreted override could have produced.
    for (const payload of HOSTILE_PAYLOADS) {
      for (const forbidden of payload.neverVisible ?? []) expect(audit.shadowText, `${payload.marker} (${payload.name})`).not.toContain(forbidden);
    }
    // Authors, venues, TL;DRs and citation contexts were rendered too — as text, markers intact.
    for (const [area, texts] of Object.entries(audit.areaTexts)) {
      const markers = new Set(texts.flatMap((text) => text.match(new RegExp(MARKER.source, 'g')) ?? []));
      expect(markers.size, `distinct payloads shown in ${area}`).toBeGreaterThanOrEqual(5);
    }
    const script = payloadByMarker('HX01')!.visible[0]!;
    for (const area of ['.ch-sentences blockquote', '.ch-row-summary', '.ch-qv-authors']) {
      expect(audit.areaTexts[area]!.some((text) => text.includes(script)), `${area} shows "${script}" as text`).toBe(true);
    }
  });

  it('shows hostile titles of co-cited, representative and similar papers as text too', async () => {
    const seen: string[] = [];
    for (const section of ['co-cited', 'representative', 'similar']) {
      for (const row of await rowTitles(page, `[data-section="${section}"]`)) {
        const payload = hostile.titlePayloadOf[row.paperId];
        if (!payload) continue;
        for (const fragment of payload.visible) expect(row.text, `${section}: ${payload.marker}`).toContain(fragment);
        seen.push(section);
      }
    }
    expect([...new Set(seen)].sort()).toEqual(['co-cited', 'representative', 'similar']);
  });

  it('filters the explorer by a payload typed into the search box without running it', async () => {
    const search = page.locator('arxiv-citation-hub [data-section="citing"] input[type="search"]');
    await search.fill('<script>alert(1)</script>');
    const count = page.locator('arxiv-citation-hub [data-section="citing"] .ch-live-count');
    await expect.poll(async () => /Showing ([\d,]+) of/.exec((await count.textContent()) ?? '')?.[1]).not.toBe(undefined);
    const shown = Number(/Showing ([\d,]+) of/.exec((await count.textContent()) ?? '')?.[1]?.replace(/,/g, ''));
    expect(shown).toBeGreaterThanOrEqual(2); // HX01 is the title of at least two citing papers
    const titles = await rowTitles(page, '[data-section="citing"]');
    expect(titles.some((row) => row.text.includes('HX01 <script>alert(1)</script>'))).toBe(true);
    await search.fill('');
    expect(dialogs).toEqual([]);
  });
});

/** Titles of the paper rows in one section of the panel's shadow root. */
async function rowTitles(page: Page, sectionSelector: string): Promise<RowTitle[]> {
  return page.evaluate((selector) => {
    const root = document.querySelector('arxiv-citation-hub')?.shadowRoot;
    const section = root?.querySelector(selector);
    if (!section) return [];
    return [...section.querySelectorAll<HTMLElement>('[data-paper-id]')].flatMap((row) => {
      const title = row.querySelector<HTMLElement>('.ch-row-title');
      if (!title) return [];
      return [{ paperId: row.getAttribute('data-paper-id') ?? '', text: title.innerText, tooltip: title.getAttribute('title') }];
    });
  }, sectionSelector);
}

/** Opens every quick view and every citation sentence list, so authors, TL;DRs, venues, links and contexts render. */
async function openEverything(page: Page): Promise<void> {
  await page.evaluate(() => {
    const root = document.querySelector('arxiv-citation-hub')?.shadowRoot;
    if (!root) return;
    for (const button of root.querySelectorAll<HTMLButtonElement>('.ch-row-title[aria-expanded="false"]')) button.click();
    for (const button of root.querySelectorAll<HTMLButtonElement>('.ch-row-extra > button[aria-expanded="false"]')) button.click();
  });
  await expect.poll(() => page.locator('arxiv-citation-hub .ch-quickview').count()).toBeGreaterThan(10);
  await expect.poll(() => page.locator('arxiv-citation-hub .ch-sentences').count()).toBeGreaterThan(5);
}

/** Everything the security assertions need, read in the page (main world) in one pass. */
async function auditPanel(page: Page, markerSource: string, textAttributes: string[], pwnedAttribute: string): Promise<PanelAudit> {
  return page.evaluate(
    ({ markerSource, textAttributes, pwnedAttribute, areas }) => {
      const marker = new RegExp(markerSource);
      const host = document.querySelector('arxiv-citation-hub');
      const root = host?.shadowRoot;
      const audit: PanelAudit = {
        forbiddenElements: [],
        eventHandlerAttributes: [],
        payloadInActiveAttribute: [],
        links: [],
        leakedIntoPage: [],
        pwned: document.documentElement.getAttribute(pwnedAttribute),
        shadowText: '',
        areaTexts: {},
      };
      if (!root) return audit;
      const describe = (element: Element) => `<${element.localName}${element.id ? `#${element.id}` : ''} class="${element.getAttribute('class') ?? ''}">`;
      for (const element of root.querySelectorAll('*')) {
        const tag = element.localName;
        if (['script', 'iframe', 'frame', 'object', 'embed', 'base', 'meta', 'form', 'img', 'svg', 'math', 'template', 'textarea'].includes(tag) && (tag !== 'svg' || marker.test(element.outerHTML))) {
          // The panel draws with CSS and text only; an svg is tolerated unless payload text is in it.
          audit.forbiddenElements.push(describe(element));
        }
        if (tag === 'style' && marker.test(element.textContent ?? '')) audit.forbiddenElements.push(`${describe(element)} with payload text`);
        for (const attribute of element.attributes) {
          if (attribute.name.toLowerCase().startsWith('on')) audit.eventHandlerAttributes.push(`${describe(element)} ${attribute.name}`);
          // Link targets are checked on their own below (https, known host): a DOI-shaped payload
          // legitimately ends up percent-encoded in a doi.org link.
          const active = !textAttributes.includes(attribute.name) && !attribute.name.startsWith('data-') && attribute.name !== 'href';
          if (active && (marker.test(attribute.value) || /javascript:|data:text/i.test(attribute.value))) {
            audit.payloadInActiveAttribute.push(`${describe(element)} ${attribute.name}="${attribute.value.slice(0, 80)}"`);
          }
        }
        if (tag === 'a' && element.hasAttribute('href')) audit.links.push((element as HTMLAnchorElement).href);
      }
      for (const selector of areas) {
        audit.areaTexts[selector] = [...root.querySelectorAll<HTMLElement>(selector)].map((element) => element.innerText.slice(0, 3_000));
      }
      audit.shadowText = [...root.querySelectorAll<HTMLElement>('.ch-panel')].map((panel) => panel.innerText).join('\n');
      // Outside the host, the page must be as arXiv served it: no payload text or element anywhere.
      for (const element of document.querySelectorAll('body *')) {
        if (element === host || host?.contains(element)) continue;
        const ownText = [...element.childNodes].filter((node) => node.nodeType === Node.TEXT_NODE).map((node) => node.textContent).join('');
        const attributes = [...element.attributes].map((attribute) => attribute.value).join(' ');
        if (marker.test(ownText) || marker.test(attributes)) audit.leakedIntoPage.push(describe(element));
      }
      return audit;
    },
    { markerSource, textAttributes, pwnedAttribute, areas: TEXT_AREAS },
  );
}
