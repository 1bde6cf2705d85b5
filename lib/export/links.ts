import type { Paper } from '../domain/paper';
import { parseArxivId } from '../arxiv/id';

/** The version-less id ("1706.03762v5" → "1706.03762"), as arXiv's own citations use; unparseable ids pass through. */
export function bareArxivId(arxivId: string): string {
  return parseArxivId(arxivId)?.id ?? arxivId.trim();
}

export function arxivAbsUrl(arxivId: string): string {
  return `https://arxiv.org/abs/${arxivId}`;
}

/** The link a reader wants first: the arXiv page, else the source's landing page, else the DOI resolver. */
export function preferredUrl(paper: Paper): string | undefined {
  if (paper.arxivId) return arxivAbsUrl(bareArxivId(paper.arxivId));
  if (paper.url) return paper.url;
  if (paper.doi) return `https://doi.org/${paper.doi}`;
  return undefined;
}

/** Calendar parts from `publicationDate` ("2021-05-03") when it agrees with `year`, else just the year. */
export function dateParts(paper: Paper): number[] | undefined {
  const match = /^(\d{4})-(\d{2})(?:-(\d{2}))?/.exec(paper.publicationDate ?? '');
  if (match) {
    const year = Number(match[1]);
    const month = Number(match[2]);
    const day = match[3] === undefined ? undefined : Number(match[3]);
    const plausible = month >= 1 && month <= 12 && (day === undefined || (day >= 1 && day <= 31));
    if (plausible && (paper.year === undefined || paper.year === year)) {
      return day === undefined ? [year, month] : [year, month, day];
    }
  }
  return paper.year === undefined ? undefined : [paper.year];
}
