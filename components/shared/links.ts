import type { Paper } from '../../lib/domain/paper';

/**
 * The only URLs the panel renders as links: absolute `https:` without credentials.
 * Everything else (javascript:, data:, http:, relative, malformed) yields null and is not linked.
 */
export function safeHttpsUrl(raw: string | undefined | null): string | null {
  if (!raw) return null;
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' || url.username || url.password || !url.hostname) return null;
  return url.href;
}

const NEW_ARXIV_ID = /^\d{4}\.\d{4,5}(v\d+)?$/;
const OLD_ARXIV_ID = /^[a-z-]+(\.[A-Z]{2})?\/\d{7}(v\d+)?$/;
const S2_PAPER_ID = /^[0-9a-f]{40}$/i;
const OPENALEX_WORK = /^openalex:(W\d+)$/;

export function isArxivId(id: string): boolean {
  return NEW_ARXIV_ID.test(id) || OLD_ARXIV_ID.test(id);
}

export function arxivAbsUrl(arxivId: string | undefined): string | null {
  if (!arxivId || !isArxivId(arxivId)) return null;
  return safeHttpsUrl(`https://arxiv.org/abs/${arxivId}`);
}

export function doiUrl(doi: string | undefined): string | null {
  const trimmed = doi?.trim();
  if (!trimmed || !/^10\.\d{4,9}\//.test(trimmed)) return null;
  return safeHttpsUrl(`https://doi.org/${trimmed.split('/').map(encodeURIComponent).join('/')}`);
}

/** Landing page at the source: Semantic Scholar for S2 ids, OpenAlex for `openalex:W…`, else the paper's own https url. */
export function sourcePageLink(paper: Pick<Paper, 'paperId' | 'url'>): PaperLink | null {
  if (S2_PAPER_ID.test(paper.paperId)) {
    const href = safeHttpsUrl(`https://www.semanticscholar.org/paper/${paper.paperId}`);
    return href ? { label: 'Semantic Scholar', href } : null;
  }
  const openAlex = OPENALEX_WORK.exec(paper.paperId);
  if (openAlex) {
    const href = safeHttpsUrl(`https://openalex.org/${openAlex[1]}`);
    return href ? { label: 'OpenAlex', href } : null;
  }
  const href = safeHttpsUrl(paper.url);
  return href ? { label: 'Source page', href } : null;
}

export interface PaperLink {
  label: string;
  href: string;
}

/** arXiv, source page, DOI and open-access PDF links that pass validation, in that order. */
export function paperLinks(paper: Paper): PaperLink[] {
  const links: PaperLink[] = [];
  const arxiv = arxivAbsUrl(paper.arxivId);
  if (arxiv) links.push({ label: 'arXiv', href: arxiv });
  const source = sourcePageLink(paper);
  if (source) links.push(source);
  const doi = doiUrl(paper.doi);
  if (doi) links.push({ label: 'DOI', href: doi });
  const pdf = safeHttpsUrl(paper.openAccessPdfUrl);
  if (pdf) links.push({ label: 'Open-access PDF', href: pdf });
  return links;
}

/** Semantic Scholar search for a paper it does not index yet. */
export function semanticScholarSearchUrl(query: string): string {
  return `https://www.semanticscholar.org/search?q=${encodeURIComponent(query)}`;
}
