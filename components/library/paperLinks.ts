import { parseArxivId } from '../../lib/arxiv/id';
import type { Paper } from '../../lib/domain/paper';

export interface PaperLink {
  label: string;
  href: string;
}

/** The URL itself when it is a well-formed https URL; anything else (javascript:, http:, junk) gives null. */
export function httpsUrl(raw: string | undefined | null): string | null {
  if (!raw) return null;
  try {
    const url = new URL(raw.trim());
    return url.protocol === 'https:' && url.hostname !== '' ? url.href : null;
  } catch {
    return null;
  }
}

export function arxivAbsLink(paper: Pick<Paper, 'arxivId'>): string | null {
  const parsed = paper.arxivId ? parseArxivId(paper.arxivId) : null;
  return parsed ? `https://arxiv.org/abs/${parsed.id}` : null;
}

const S2_PAPER_ID = /^[0-9a-f]{40}$/i;

export function semanticScholarLink(paper: Pick<Paper, 'paperId' | 'url'>): string | null {
  if (S2_PAPER_ID.test(paper.paperId)) return `https://www.semanticscholar.org/paper/${paper.paperId.toLowerCase()}`;
  const url = httpsUrl(paper.url);
  return url && new URL(url).hostname.endsWith('semanticscholar.org') ? url : null;
}

/** OpenAlex-only papers carry their OpenAlex page as `url`. */
export function openAlexLink(paper: Pick<Paper, 'paperId' | 'url'>): string | null {
  if (!paper.paperId.startsWith('openalex:')) return null;
  const url = httpsUrl(paper.url);
  return url && new URL(url).hostname.endsWith('openalex.org') ? url : null;
}

const DOI = /^10\.\d{4,9}\/\S+$/;

export function doiLink(paper: Pick<Paper, 'doi'>): string | null {
  const doi = paper.doi?.trim().replace(/^https?:\/\/(dx\.)?doi\.org\//i, '');
  if (!doi || !DOI.test(doi)) return null;
  return `https://doi.org/${doi.split('/').map(encodeURIComponent).join('/')}`;
}

/** Every https link the library shows for a paper, in the order a reader wants them. */
export function paperLinks(paper: Paper): PaperLink[] {
  const links: PaperLink[] = [];
  const arxiv = arxivAbsLink(paper);
  if (arxiv) links.push({ label: 'arXiv', href: arxiv });
  const s2 = semanticScholarLink(paper);
  if (s2) links.push({ label: 'Semantic Scholar', href: s2 });
  const openAlex = openAlexLink(paper);
  if (openAlex) links.push({ label: 'OpenAlex', href: openAlex });
  const doi = doiLink(paper);
  if (doi) links.push({ label: 'DOI', href: doi });
  return links;
}

/** The one page a paper opens to from the popup: arXiv, else Semantic Scholar, else OpenAlex, else the DOI. */
export function primaryPaperUrl(paper: Paper): string | null {
  return paperLinks(paper)[0]?.href ?? null;
}
