import { describe, it, expect } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { parseArxivId, formatArxivId } from '../../lib/arxiv/id';
import { parseArxivUrl, detectArxivPage } from '../../lib/arxiv/page';
import { ARXIV_PAGES } from '../paths';

type Row = [url: string, id: string, version: number | null, kind: 'abs' | 'html' | 'pdf'];

const PAGE_URLS: Row[] = [
  ['https://arxiv.org/abs/2112.11446', '2112.11446', null, 'abs'],
  ['https://arxiv.org/abs/2112.11446v3', '2112.11446', 3, 'abs'],
  ['https://www.arxiv.org/abs/2001.08361', '2001.08361', null, 'abs'],
  ['https://export.arxiv.org/abs/2001.08361v1', '2001.08361', 1, 'abs'],
  ['http://arxiv.org/abs/2112.11446', '2112.11446', null, 'abs'],
  ['https://arxiv.org/abs/2112.11446?context=cs', '2112.11446', null, 'abs'],
  ['https://arxiv.org/abs/2112.11446v2#references', '2112.11446', 2, 'abs'],
  ['https://arxiv.org/abs/2112.11446/', '2112.11446', null, 'abs'],
  ['https://arxiv.org/abs/0704.0001', '0704.0001', null, 'abs'],
  ['https://arxiv.org/abs/1412.9999v12', '1412.9999', 12, 'abs'],
  ['https://arxiv.org/abs/1501.00001', '1501.00001', null, 'abs'],
  ['https://arxiv.org/abs/2609.22268', '2609.22268', null, 'abs'],
  ['https://arxiv.org/abs/hep-th/9901001', 'hep-th/9901001', null, 'abs'],
  ['https://arxiv.org/abs/hep-th/9901001v2', 'hep-th/9901001', 2, 'abs'],
  ['https://arxiv.org/abs/math.GT/0309136', 'math/0309136', null, 'abs'],
  ['https://arxiv.org/abs/math.GT/0309136v1', 'math/0309136', 1, 'abs'],
  ['https://arxiv.org/abs/math.CV/0101001', 'math/0101001', null, 'abs'],
  ['https://arxiv.org/abs/cond-mat/0211034', 'cond-mat/0211034', null, 'abs'],
  ['https://arxiv.org/abs/astro-ph/0001001v1?fmt=txt', 'astro-ph/0001001', 1, 'abs'],
  ['https://arxiv.org/abs/q-bio.NC/0401001', 'q-bio/0401001', null, 'abs'],
  ['https://arxiv.org/abs/cs/9901001', 'cs/9901001', null, 'abs'],
  ['https://arxiv.org/abs/hep-th%2F9901001', 'hep-th/9901001', null, 'abs'],
  ['https://arxiv.org/abs?id=hep-th/9901001', 'hep-th/9901001', null, 'abs'],
  ['https://arxiv.org/abs?id=2112.11446v2', '2112.11446', 2, 'abs'],
  ['https://arxiv.org/abs?archive=hep-th&papernum=9901001', 'hep-th/9901001', null, 'abs'],
  ['https://arxiv.org/abs?hep-th/9901001', 'hep-th/9901001', null, 'abs'],
  ['https://export.arxiv.org/abs?id=math.GT/0309136', 'math/0309136', null, 'abs'],
  ['https://arxiv.org/html/2501.11120', '2501.11120', null, 'html'],
  ['https://arxiv.org/html/2501.11120v1', '2501.11120', 1, 'html'],
  ['https://arxiv.org/html/2501.11120v1/', '2501.11120', 1, 'html'],
  ['https://arxiv.org/html/2501.11120v1#S3', '2501.11120', 1, 'html'],
  ['https://arxiv.org/html/2501.11120v1/#S2.SS1', '2501.11120', 1, 'html'],
  ['https://www.arxiv.org/html/2112.11446v2', '2112.11446', 2, 'html'],
  ['https://arxiv.org/pdf/2112.11446', '2112.11446', null, 'pdf'],
  ['https://arxiv.org/pdf/2112.11446v3', '2112.11446', 3, 'pdf'],
  ['https://arxiv.org/pdf/2112.11446.pdf', '2112.11446', null, 'pdf'],
  ['https://arxiv.org/pdf/2112.11446v1.pdf', '2112.11446', 1, 'pdf'],
  ['https://export.arxiv.org/pdf/2001.08361v1.pdf?download=1', '2001.08361', 1, 'pdf'],
  ['https://arxiv.org/pdf/hep-th/9901001', 'hep-th/9901001', null, 'pdf'],
  ['https://arxiv.org/pdf/hep-th/9901001v1.pdf', 'hep-th/9901001', 1, 'pdf'],
  ['https://arxiv.org/pdf/math.GT/0309136v2', 'math/0309136', 2, 'pdf'],
];

const NOT_A_PAPER_PAGE: string[] = [
  'https://arxiv.org/list/cs.LG/recent',
  'https://arxiv.org/list/hep-th/new',
  'https://arxiv.org/search/?query=scaling&searchtype=all',
  'https://arxiv.org/',
  'https://arxiv.org/abs/',
  'https://arxiv.org/abs/not-an-id',
  'https://arxiv.org/abs/2113.11446',
  'https://arxiv.org/abs/1501.0001',
  'https://arxiv.org/abs/1412.00001',
  'https://arxiv.org/abs/2112.11446v0',
  'https://arxiv.org/format/2112.11446',
  'https://example.org/abs/2112.11446',
  'https://arxiv.org.evil.com/abs/2112.11446',
  'https://arxiv.org/abs?id=',
  'not a url',
];

describe('parseArxivUrl', () => {
  it('covers at least 40 real URL forms', () => {
    expect(PAGE_URLS.length).toBeGreaterThanOrEqual(40);
  });

  it.each(PAGE_URLS)('%s → %s v%s (%s)', (url, id, version, kind) => {
    expect(parseArxivUrl(url)).toEqual({ id, version, kind });
  });

  it.each(NOT_A_PAPER_PAGE)('%s is not a paper page', (url) => {
    expect(parseArxivUrl(url)).toBeNull();
  });
});

describe('parseArxivId', () => {
  it.each([
    ['arXiv:2112.11446v2', '2112.11446', 2],
    ['  2001.08361 ', '2001.08361', null],
    ['math.CV/0101001', 'math/0101001', null],
    ['math.CV/0101001v3', 'math/0101001', 3],
    ['ARXIV:hep-th/9901001', 'hep-th/9901001', null],
  ] as const)('%s', (raw, id, version) => {
    expect(parseArxivId(raw)).toEqual({ id, version });
  });

  it('rejects month 13 and malformed numbers', () => {
    expect(parseArxivId('2113.11446')).toBeNull();
    expect(parseArxivId('hep-th/9913001')).toBeNull();
    expect(parseArxivId('2112.114467')).toBeNull();
  });

  it('never throws and valid ids round-trip (10,000 generated strings)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (text) => {
        const parsed = parseArxivId(text);
        if (parsed) expect(parseArxivId(formatArxivId(parsed))).toEqual(parsed);
      }),
      { numRuns: 5_000, seed: 42 },
    );
    const modern = fc
      .tuple(fc.integer({ min: 7, max: 29 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 99_999 }), fc.option(fc.integer({ min: 1, max: 30 })))
      .map(([yy, mm, n, v]) => {
        const yymm = `${String(yy).padStart(2, '0')}${String(mm).padStart(2, '0')}`;
        const digits = Number(yymm) >= 1501 ? 5 : 4;
        const num = String(n % 10 ** digits).padStart(digits, '0');
        return { id: `${yymm}.${num}`, version: v ?? null };
      });
    fc.assert(
      fc.property(modern, (expected) => {
        expect(parseArxivId(formatArxivId(expected))).toEqual(expected);
        expect(parseArxivUrl(`https://arxiv.org/abs/${formatArxivId(expected)}`)).toEqual({ ...expected, kind: 'abs' });
      }),
      { numRuns: 5_000, seed: 7 },
    );
  });
});

describe('detectArxivPage on the real saved pages', () => {
  const pages: Record<string, [url: string, id: string, version: number | null, kind: string]> = {
    'abs-2004.10162-2020layout.html': ['https://arxiv.org/abs/2004.10162', '2004.10162', null, 'abs'],
    'abs-2106.09608v2-2021layout.html': ['https://arxiv.org/abs/2106.09608v2', '2106.09608', 2, 'abs'],
    'abs-2609.22268-2026layout.html': ['https://arxiv.org/abs/2609.22268', '2609.22268', null, 'abs'],
    'html-2501.11120v1-latexml.html': ['https://arxiv.org/html/2501.11120v1', '2501.11120', 1, 'html'],
  };

  it('has an expectation for every saved page', () => {
    expect(Object.keys(pages).sort()).toEqual(readdirSync(ARXIV_PAGES).filter((f) => f.endsWith('.html')).sort());
  });

  it.each(Object.entries(pages))('%s resolves', (file, [url, id, version, kind]) => {
    const html = readFileSync(join(ARXIV_PAGES, file), 'utf8');
    const meta = /<meta name="citation_arxiv_id" content="([^"]+)"/.exec(html)?.[1] ?? null;
    expect(detectArxivPage(url, meta)).toEqual({ id, version, kind });
  });

  it('prefers the meta tag over a URL that disagrees', () => {
    expect(detectArxivPage('https://arxiv.org/abs/2112.11446v2', '2001.08361')).toEqual({ id: '2001.08361', version: null, kind: 'abs' });
  });

  it('ignores a meta tag on a listing page', () => {
    expect(detectArxivPage('https://arxiv.org/list/cs.LG/recent', '2112.11446')).toBeNull();
  });
});
