import type { Paper } from '../../domain/paper';
import type { OpenAlexWork } from './schemas';

export const OPENALEX_PAPER_ID_PREFIX = 'openalex:';

/** `https://openalex.org/W123`, `openalex:W123` or `W123` → `W123`; null for anything else. */
export function openAlexWorkKey(id: string): string | null {
  const match = /(?:^|\/|:)(W\d+)$/i.exec(id.trim());
  return match?.[1] ? match[1].toUpperCase() : null;
}

/** Rebuilds an abstract from `{"word": [positions]}`. Positions past 20,000 are ignored as corrupt. */
export function abstractFromInvertedIndex(index: Record<string, number[]> | null | undefined): string | undefined {
  if (!index) return undefined;
  const words = new Map<number, string>();
  for (const [word, positions] of Object.entries(index)) {
    for (const position of positions) {
      if (Number.isInteger(position) && position >= 0 && position < 20_000) words.set(position, word);
    }
  }
  if (words.size === 0) return undefined;
  const text = [...words.entries()]
    .sort(([a], [b]) => a - b)
    .map(([, word]) => word)
    .join(' ')
    .trim();
  return text || undefined;
}

const ARXIV_IN_URL = /arxiv\.org\/(?:abs|pdf)\/([^?#\s]+?)(?:v\d+)?(?:\.pdf)?$/i;
const ARXIV_DOI = /^(?:https?:\/\/doi\.org\/)?10\.48550\/arxiv\.(.+)$/i;

/** The arXiv id a (possibly merged) work carries in its DOI or any of its locations. */
export function arxivIdOfWork(work: OpenAlexWork): string | undefined {
  const fromDoi = work.doi ? ARXIV_DOI.exec(work.doi)?.[1] : undefined;
  if (fromDoi) return fromDoi;
  const locations = [work.primary_location, ...(work.locations ?? [])];
  for (const location of locations) {
    for (const url of [location?.landing_page_url, location?.pdf_url]) {
      const found = url ? ARXIV_IN_URL.exec(url)?.[1] : undefined;
      if (found) return found;
    }
    const oai = location?.id ? /oai:arXiv\.org:(.+)$/i.exec(location.id)?.[1] : undefined;
    if (oai) return oai;
  }
  return undefined;
}

/** OpenAlex work → domain Paper with paperId `openalex:W…`. */
export function toPaperFromWork(work: OpenAlexWork, knownArxivId?: string): Paper {
  const key = openAlexWorkKey(work.id) ?? work.id;
  const paper: Paper = {
    paperId: `${OPENALEX_PAPER_ID_PREFIX}${key}`,
    title: decodeEntities((work.display_name ?? work.title ?? '').trim()),
    authors: (work.authorships ?? []).flatMap((authorship) => {
      const name = (authorship?.author?.display_name ?? authorship?.raw_author_name)?.trim();
      return name ? [name] : [];
    }),
    url: work.id.startsWith('http') ? work.id : `https://openalex.org/${key}`,
  };
  const arxivId = knownArxivId ?? arxivIdOfWork(work);
  if (arxivId) paper.arxivId = arxivId;
  const doi = work.doi?.replace(/^https?:\/\/doi\.org\//i, '').trim();
  if (doi) paper.doi = doi;
  if (isPositiveInteger(work.publication_year)) paper.year = work.publication_year;
  if (work.publication_date?.trim()) paper.publicationDate = work.publication_date.trim();
  const venue = work.primary_location?.source?.display_name?.trim();
  if (venue) paper.venue = venue;
  const abstract = abstractFromInvertedIndex(work.abstract_inverted_index);
  if (abstract) paper.abstract = abstract;
  if (isCount(work.cited_by_count)) paper.citationCount = work.cited_by_count;
  const referenceCount = work.referenced_works_count ?? work.referenced_works?.length;
  if (isCount(referenceCount)) paper.referenceCount = referenceCount;
  const pdf = work.best_oa_location?.pdf_url ?? work.primary_location?.pdf_url ?? work.open_access?.oa_url;
  if (pdf?.trim()) paper.openAccessPdfUrl = pdf.trim();
  return paper;
}

/** OpenAlex titles sometimes carry HTML entities from publisher feeds (`&amp;`). */
function decodeEntities(text: string): string {
  const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
  return text.replace(/&(#\d+|#x[0-9a-f]+|[a-z]+);/gi, (entity, body: string) => {
    if (body.startsWith('#')) {
      const code = /^#x/i.test(body) ? parseInt(body.slice(2), 16) : Number(body.slice(1));
      return Number.isInteger(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : entity;
    }
    return named[body.toLowerCase()] ?? entity;
  });
}

function isCount(value: number | null | undefined): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0;
}

function isPositiveInteger(value: number | null | undefined): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value > 0;
}
