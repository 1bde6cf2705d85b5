import { parseArxivId } from '../../lib/arxiv/id';
import type { Paper } from '../../lib/domain/paper';

/*
 * Every outbound link the panel, the library page and the popup render comes from here, so there is
 * one place that decides what is safe to link: absolute https only, and landing pages only on hosts
 * we build the URL for (arXiv, Semantic Scholar, OpenAlex, doi.org).
 */

export interface PaperLink {
  label: string;
  href: string;
}

/**
 * The only URLs we render as links: absolute `https:` without credentials.
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

/** The arXiv abstract page, version-less (the latest version, as citations cite it); null unless the id parses. */
export function arxivAbsUrl(arxivId: string | undefined): string | null {
  const parsed = arxivId ? parseArxivId(arxivId) : null;
  return parsed ? safeHttpsUrl(`https://arxiv.org/abs/${parsed.id}`) : null;
}

const DOI = /^10\.\d{4,9}\/\S+$/;

/** The doi.org resolver for a bare DOI or a doi.org URL; null for anything that is not a DOI (whitespace included). */
export function doiUrl(doi: string | undefined): string | null {
  const bare = doi?.trim().replace(/^https?:\/\/(dx\.)?doi\.org\//i, '');
  if (!bare || !DOI.test(bare)) return null;
  return safeHttpsUrl(`https://doi.org/${bare.split('/').map(encodeURIComponent).join('/')}`);
}

const S2_PAPER_ID = /^[0-9a-f]{40}$/i;
const OPENALEX_WORK = /^openalex:(W\d+)$/;

function isOnHost(url: string, host: string): boolean {
  const hostname = new URL(url).hostname;
  return hostname === host || hostname.endsWith(`.${host}`);
}

/**
 * Landing page at the source: Semantic Scholar for S2 ids, OpenAlex for `openalex:W…`; otherwise the
 * paper's own url, but only when it is on one of those two sites (a url elsewhere is not linked).
 */
export function sourcePageLink(paper: Pick<Paper, 'paperId' | 'url'>): PaperLink | null {
  if (S2_PAPER_ID.test(paper.paperId)) {
    const href = safeHttpsUrl(`https://www.semanticscholar.org/paper/${paper.paperId.toLowerCase()}`);
    return href ? { label: 'Semantic Scholar', href } : null;
  }
  const openAlex = OPENALEX_WORK.exec(paper.paperId);
  if (openAlex) {
    const href = safeHttpsUrl(`https://openalex.org/${openAlex[1]}`);
    return href ? { label: 'OpenAlex', href } : null;
  }
  const href = safeHttpsUrl(paper.url);
  if (href && isOnHost(href, 'semanticscholar.org')) return { label: 'Semantic Scholar', href };
  if (href && isOnHost(href, 'openalex.org')) return { label: 'OpenAlex', href };
  return null;
}

/** The paper's pages, in the order a reader wants them: arXiv, source page, DOI. */
export function landingPageLinks(paper: Pick<Paper, 'paperId' | 'url' | 'arxivId' | 'doi'>): PaperLink[] {
  const links: PaperLink[] = [];
  const arxiv = arxivAbsUrl(paper.arxivId);
  if (arxiv) links.push({ label: 'arXiv', href: arxiv });
  const source = sourcePageLink(paper);
  if (source) links.push(source);
  const doi = doiUrl(paper.doi);
  if (doi) links.push({ label: 'DOI', href: doi });
  return links;
}

/** Landing pages plus the open-access PDF (any https host: publishers serve them from their own), for the panel. */
export function paperLinks(paper: Paper): PaperLink[] {
  const links = landingPageLinks(paper);
  const pdf = safeHttpsUrl(paper.openAccessPdfUrl);
  if (pdf) links.push({ label: 'Open-access PDF', href: pdf });
  return links;
}

/** The one page a paper opens to from the popup: arXiv, else its source page, else the DOI. */
export function primaryPaperUrl(paper: Paper): string | null {
  return landingPageLinks(paper)[0]?.href ?? null;
}

/** Semantic Scholar search for a paper it does not index yet. */
export function semanticScholarSearchUrl(query: string): string {
  return `https://www.semanticscholar.org/search?q=${encodeURIComponent(query)}`;
}
