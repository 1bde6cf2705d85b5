import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { SAMPLE_ARXIV_PAGES_DIR, SAMPLE_PAGES_DIR } from './paths';

/*
 * The arXiv pages the offline demo and the e2e router serve, keyed by their real URLs. Real saved
 * pages come from shared/fixtures/arxiv-pages as they are; the pages for the two reference papers
 * and the listing page are derived ones (scripts/sample/buildArxivPages.ts). Asset URLs these pages
 * link relatively (css/js on arxiv.org) are not here: the router answers them with 404.
 */

export interface SamplePage {
  body: string;
  contentType: string;
}

const HTML = 'text/html; charset=utf-8';

/** URL → [directory, file]. */
const PAGE_FILES: Record<string, [dir: string, file: string]> = {
  'https://arxiv.org/abs/2112.11446': [SAMPLE_PAGES_DIR, 'abs-2112.11446.html'],
  'https://arxiv.org/abs/2001.08361': [SAMPLE_PAGES_DIR, 'abs-2001.08361.html'],
  'https://arxiv.org/list/cs.LG/recent': [SAMPLE_PAGES_DIR, 'list-cs.LG.html'],
  'https://arxiv.org/abs/2609.22268': [SAMPLE_ARXIV_PAGES_DIR, 'abs-2609.22268-2026layout.html'],
  'https://arxiv.org/abs/2106.09608v2': [SAMPLE_ARXIV_PAGES_DIR, 'abs-2106.09608v2-2021layout.html'],
  'https://arxiv.org/abs/2004.10162': [SAMPLE_ARXIV_PAGES_DIR, 'abs-2004.10162-2020layout.html'],
  'https://arxiv.org/html/2501.11120v1': [SAMPLE_ARXIV_PAGES_DIR, 'html-2501.11120v1-latexml.html'],
};

export const SAMPLE_PAGE_URLS = Object.keys(PAGE_FILES);

/** Every sample page, read from disk now (call once per test run or demo start). */
export function samplePages(): Record<string, SamplePage> {
  const pages: Record<string, SamplePage> = {};
  for (const [url, [dir, file]] of Object.entries(PAGE_FILES)) {
    pages[url] = { body: readFileSync(resolve(dir, file), 'utf8'), contentType: HTML };
  }
  return pages;
}
