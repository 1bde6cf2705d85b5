import { describe, it, expect, afterAll } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Window } from 'happy-dom';
import { buildSamplePages, TEMPLATE_PAGE_FILE } from '../../scripts/sample/buildArxivPages';
import { deriveAbsPage, splitName, type AbsPageData } from '../../scripts/sample/arxivPage';
import { samplePages } from '../../scripts/sample/pages';
import { detectArxivPage } from '../../lib/arxiv/page';
import { ARXIV_PAGES, REFERENCE, REPO_ROOT } from '../paths';

/*
 * The abstract pages for the two reference papers and the listing page are derived from the real
 * saved 2026-layout page (shared/fixtures/arxiv-pages); these tests read them the way the content
 * script does: meta tags first, then the visible title.
 */

const PAGES_DIR = resolve(REPO_ROOT, 'tests', 'fixtures', 'sample', 'pages');
const window = new Window();

function parse(html: string) {
  return new window.DOMParser().parseFromString(html, 'text/html');
}

function meta(doc: ReturnType<typeof parse>, name: string): string | null {
  return doc.querySelector(`meta[name="${name}"]`)?.getAttribute('content') ?? null;
}

afterAll(async () => {
  await window.happyDOM.close();
});

describe('derived arXiv pages', () => {
  const built = buildSamplePages({ referenceDir: REFERENCE, arxivPagesDir: ARXIV_PAGES });

  it('are what the builder produces (checked-in files up to date)', () => {
    expect(Object.keys(built).sort()).toEqual(['abs-2001.08361.html', 'abs-2112.11446.html', 'list-cs.LG.html']);
    for (const [file, html] of Object.entries(built)) {
      expect(readFileSync(resolve(PAGES_DIR, file), 'utf8')).toBe(html);
    }
  });

  it.each([
    ['abs-2112.11446.html', '2112.11446', 'Scaling Language Models: Methods, Analysis & Insights from Training Gopher', 'Rae, Jack W.', 80],
    ['abs-2001.08361.html', '2001.08361', 'Scaling Laws for Neural Language Models', 'Kaplan, Jared', 10],
  ])('%s carries the paper\'s id, title, authors and abstract', (file, arxivId, title, firstAuthor, authorCount) => {
    const doc = parse(built[file] ?? '');
    expect(meta(doc, 'citation_arxiv_id')).toBe(arxivId);
    expect(meta(doc, 'citation_title')).toBe(title);
    expect(doc.querySelectorAll('meta[name="citation_author"]')).toHaveLength(authorCount);
    expect(meta(doc, 'citation_author')).toBe(firstAuthor);
    expect(doc.querySelector('link[rel="canonical"]')?.getAttribute('href')).toBe(`https://arxiv.org/abs/${arxivId}`);
    expect(doc.querySelector('meta[property="og:title"]')?.getAttribute('content')).toBe(title);

    const heading = doc.querySelector('h1.title.mathjax');
    heading?.querySelector('span.descriptor')?.remove();
    expect(heading?.textContent).toBe(title);
    expect(doc.querySelectorAll('div.authors a')).toHaveLength(authorCount);
    expect(doc.querySelector('blockquote.abstract.mathjax')?.textContent).toContain(meta(doc, 'citation_abstract')?.slice(0, 80));
    expect(doc.querySelector('.arxivid a')?.textContent).toBe(`arXiv:${arxivId}`);
    expect(doc.querySelector('#arxiv-doi-link')?.getAttribute('href')).toBe(`https://doi.org/10.48550/arXiv.${arxivId}`);
    // The rest of the real markup is still there: extra services, labs tabs, the HTML link.
    expect(doc.querySelector('.extra-services')).not.toBeNull();
    expect(doc.querySelector('#labstabs')).not.toBeNull();
    expect(doc.querySelector('#latexml-download-link')?.getAttribute('href')).toBe(`https://arxiv.org/html/${arxivId}v1`);
    expect(detectArxivPage(`https://arxiv.org/abs/${arxivId}`, meta(doc, 'citation_arxiv_id'))?.id).toBe(arxivId);
  });

  it('dates the Gopher page on the day of its first version', () => {
    const doc = parse(built['abs-2112.11446.html'] ?? '');
    expect(doc.querySelector('.dateline')?.textContent?.trim()).toBe('[Submitted on 8 Dec 2021]');
    expect(meta(doc, 'citation_date')).toBe('2021/12/08');
  });

  it('escapes the title where it is inserted into markup', () => {
    const html = built['abs-2112.11446.html'] ?? '';
    expect(html).toContain('Methods, Analysis &amp; Insights');
    expect(html).not.toContain('Methods, Analysis & Insights');
  });

  it('gives the listing page arXiv entries but no paper meta tags, so no panel is injected there', () => {
    const doc = parse(built['list-cs.LG.html'] ?? '');
    expect(meta(doc, 'citation_arxiv_id')).toBeNull();
    expect(doc.querySelectorAll('dl#articles > dt')).toHaveLength(4);
    expect(doc.querySelector('dl#articles a[title="Abstract"]')?.getAttribute('href')).toBe('/abs/2001.08361');
    expect(detectArxivPage('https://arxiv.org/list/cs.LG/recent', meta(doc, 'citation_arxiv_id'))).toBeNull();
  });

  it('refuses a template that has lost a part it must replace', () => {
    const template = readFileSync(resolve(ARXIV_PAGES, TEMPLATE_PAGE_FILE), 'utf8');
    const broken = template.replace(/<blockquote class="abstract mathjax">[\s\S]*?<\/blockquote>/, '');
    const data: AbsPageData = {
      arxivId: '2001.08361', title: 'T', authors: ['A B'], abstract: 'X', submitted: '2020-01-23',
      subheader: 'Computer Science > Machine Learning', archive: 'cs', primary: { code: 'cs.LG', name: 'Machine Learning' }, crossLists: [],
    };
    expect(() => deriveAbsPage(template, data)).not.toThrow();
    expect(() => deriveAbsPage(broken, data)).toThrow(/blockquote\.abstract/);
  });

  it('splits author names the way citation_author expects, keeping surname particles', () => {
    expect(splitName('Jack W. Rae')).toEqual({ given: 'Jack W.', family: 'Rae' });
    expect(splitName('George van den Driessche')).toEqual({ given: 'George', family: 'van den Driessche' });
    expect(splitName('Diego de Las Casas')).toEqual({ given: 'Diego', family: 'de Las Casas' });
    expect(splitName('Xiang Lorraine Li')).toEqual({ given: 'Xiang Lorraine', family: 'Li' });
  });
});

describe('samplePages()', () => {
  const pages = samplePages();

  it('maps the real arXiv URLs of the demo and e2e tests to HTML bodies', () => {
    expect(Object.keys(pages).sort()).toEqual([
      'https://arxiv.org/abs/2001.08361',
      'https://arxiv.org/abs/2004.10162',
      'https://arxiv.org/abs/2106.09608v2',
      'https://arxiv.org/abs/2112.11446',
      'https://arxiv.org/abs/2609.22268',
      'https://arxiv.org/html/2501.11120v1',
      'https://arxiv.org/list/cs.LG/recent',
    ]);
    for (const page of Object.values(pages)) expect(page.contentType).toMatch(/^text\/html/);
  });

  it('serves the real saved pages unchanged and the derived ones from the fixtures', () => {
    expect(pages['https://arxiv.org/abs/2609.22268']?.body).toBe(readFileSync(resolve(ARXIV_PAGES, 'abs-2609.22268-2026layout.html'), 'utf8'));
    expect(pages['https://arxiv.org/html/2501.11120v1']?.body).toBe(readFileSync(resolve(ARXIV_PAGES, 'html-2501.11120v1-latexml.html'), 'utf8'));
    expect(pages['https://arxiv.org/abs/2112.11446']?.body).toBe(readFileSync(resolve(PAGES_DIR, 'abs-2112.11446.html'), 'utf8'));
  });

  it('lets each abstract page be detected as the paper its URL names', () => {
    for (const [url, page] of Object.entries(pages)) {
      if (!url.includes('/abs/')) continue;
      const id = /citation_arxiv_id" content="([^"]+)"/.exec(page.body)?.[1] ?? null;
      const detected = detectArxivPage(url, id);
      expect(detected?.id).toBe(url.replace('https://arxiv.org/abs/', '').replace(/v\d+$/, ''));
    }
  });
});
