import type { LibraryEntry } from '../db/database';
import { citationKeys } from './citationKeys';
import { splitName } from './names';
import { venueKind, printableVenue } from './venue';
import { bareArxivId, dateParts, preferredUrl } from './links';

/** A CSL-JSON item, limited to the variables we fill. */
export interface CslItem {
  id: string;
  type: 'article-journal' | 'paper-conference' | 'article' | 'document';
  title: string;
  author?: CslName[];
  issued?: { 'date-parts': number[][] };
  'container-title'?: string;
  DOI?: string;
  URL?: string;
  abstract?: string;
  note?: string;
  keyword?: string;
}

export type CslName = { family: string; given?: string; suffix?: string };

/**
 * CSL-JSON (pandoc, Zotero, citeproc). Item ids are the same citation keys as the BibTeX export,
 * because pandoc cites CSL-JSON items by id. Preprints are `article`, as CSL 1.0.2 recommends.
 */
export function toCslItems(entries: readonly LibraryEntry[]): CslItem[] {
  const keys = citationKeys(entries);
  return entries.map(({ paper, tags }, index) => {
    const kind = venueKind(paper.venue);
    const item: CslItem = {
      id: keys[index]!,
      type: kind === 'journal' ? 'article-journal' : kind === 'conference' ? 'paper-conference' : kind === 'preprint' ? 'article' : 'document',
      title: paper.title,
    };
    const authors = paper.authors.filter((author) => author.trim() !== '').map(cslName);
    if (authors.length > 0) item.author = authors;
    const date = dateParts(paper);
    if (date !== undefined) item.issued = { 'date-parts': [date] };
    const venue = printableVenue(paper.venue);
    if (venue !== undefined) item['container-title'] = venue;
    if (paper.doi) item.DOI = paper.doi;
    const url = preferredUrl(paper);
    if (url !== undefined) item.URL = url;
    if (paper.abstract) item.abstract = paper.abstract;
    if (paper.arxivId) item.note = `arXiv:${bareArxivId(paper.arxivId)}`;
    if (tags.length > 0) item.keyword = tags.join(', ');
    return item;
  });
}

export function toCslJson(entries: readonly LibraryEntry[]): string {
  return JSON.stringify(toCslItems(entries), null, 2) + '\n';
}

function cslName(raw: string): CslName {
  const { given, family, suffix } = splitName(raw);
  const name: CslName = { family };
  if (given !== '') name.given = given;
  if (suffix !== '') name.suffix = suffix;
  return name;
}
