// @vitest-environment happy-dom
import { cleanup, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { fireEvent } from '@testing-library/preact';
import type { Paper } from '../../lib/domain/paper';
import { makeSampleView } from '../fixtures/views/sampleView';
import { renderPanel } from '../fixtures/views/renderPanel';

afterEach(cleanup);

const HTML_INJECTION = '<img src=x onerror=alert(1)>';
const RTL_OVERRIDE = '\u202E';

function hostilePaper(overrides: Partial<Paper>): Paper {
  return {
    paperId: 'openalex:W999',
    title: HTML_INJECTION,
    authors: [HTML_INJECTION, `Mallory ${RTL_OVERRIDE}evil`],
    venue: HTML_INJECTION,
    tldr: `${HTML_INJECTION} tl;dr`,
    url: 'javascript:alert(1)',
    openAccessPdfUrl: 'data:text/html,<script>alert(1)</script>',
    arxivId: 'javascript:alert(1)',
    doi: 'javascript:alert(1)',
    ...overrides,
  };
}

describe('hostile strings render as inert text', () => {
  it('HTML in titles, authors, TL;DRs, sentences and messages stays text', () => {
    const view = makeSampleView();
    view.paper = { ...view.paper!, title: HTML_INJECTION, abstract: HTML_INJECTION };
    view.similar = [hostilePaper({})];
    view.claims = [{ ...view.claims[0]!, text: HTML_INJECTION }];
    const first = view.explorer[0]!;
    view.explorer[0] = {
      ...first,
      citation: { ...first.citation, citing: hostilePaper({ paperId: first.citation.citing.paperId }), sentences: [{ text: HTML_INJECTION, sourceIntents: [] }] },
    };
    const { container, section } = renderPanel({ view, status: { state: 'stale', message: HTML_INJECTION } });
    // Open everything that shows more text: quick view and sentences of the hostile rows.
    fireEvent.click(section('similar').querySelector('.ch-row-title')!);
    fireEvent.click(within(section('citing').querySelector('[data-paper-id]') as HTMLElement).getByRole('button', { name: /citation sentence/ }));

    expect(container.querySelector('img')).toBeNull();
    expect(container.querySelector('script')).toBeNull();
    expect(container.querySelector('[onerror]')).toBeNull();
    expect(section('header').textContent).toContain(HTML_INJECTION);
    expect(section('similar').textContent).toContain(HTML_INJECTION);
    expect(section('claims').textContent).toContain(HTML_INJECTION);
    expect(section('citing').textContent).toContain(HTML_INJECTION);
  });

  it('only https links are rendered; javascript:, data: and bogus ids are dropped', () => {
    const view = makeSampleView();
    view.similar = [hostilePaper({}), hostilePaper({ paperId: 'not-an-id', url: 'http://example.org/plain-http', arxivId: undefined, doi: undefined })];
    const { container, section } = renderPanel({ view });
    for (const row of section('similar').querySelectorAll<HTMLElement>('[data-paper-id]')) fireEvent.click(row.querySelector('.ch-row-title')!);

    const hrefs = [...container.querySelectorAll('a')].map((anchor) => anchor.getAttribute('href') ?? '');
    expect(hrefs.length).toBeGreaterThan(0);
    for (const href of hrefs) expect(href).toMatch(/^https:\/\//);
    const dialogs = within(section('similar')).getAllByRole('dialog');
    // The OpenAlex id still gives a safe landing page; nothing else survives.
    expect(within(dialogs[0]!).getAllByRole('link').map((link) => link.getAttribute('href'))).toEqual(['https://openalex.org/W999']);
    expect(within(dialogs[1]!).queryAllByRole('link')).toHaveLength(0);
  });

  it('strips bidi overrides so a U+202E cannot reverse the rest of the row', () => {
    const view = makeSampleView();
    view.similar = [{ ...view.similar[0]!, title: `Innocent ${RTL_OVERRIDE}gnp.exe title` }];
    const { section } = renderPanel({ view });
    const title = section('similar').querySelector('.ch-row-title')!;
    expect(title.textContent).toBe('Innocent gnp.exe title');
    expect(title.getAttribute('dir')).toBe('auto');
    expect(section('similar').textContent).not.toContain(RTL_OVERRIDE);
  });

  it('a 100 KB title is rendered bounded, with the longer text in the title attribute', () => {
    const view = makeSampleView();
    const huge = 'Scaling '.repeat(12_800); // 102,400 characters
    view.similar = [{ ...view.similar[0]!, title: huge }];
    view.paper = { ...view.paper!, title: huge };
    const { section } = renderPanel({ view });
    const title = section('similar').querySelector('.ch-row-title')!;
    expect(title.textContent!.length).toBeLessThanOrEqual(301);
    expect(title.textContent!.endsWith('…')).toBe(true);
    expect(title.getAttribute('title')!.length).toBeLessThanOrEqual(2001);
    expect(section('similar').querySelector('button[data-action="save"]')!.getAttribute('aria-label')!.length).toBeLessThan(200);
    expect(section('header').textContent!.length).toBeLessThan(5000);
  });
});
