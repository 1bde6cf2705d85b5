/**
 * A paper as a Zotero item in the JSON the connector server's `saveItems` takes (the translator item
 * format: `itemType`, type-specific field names, `creators`, `tags`, `notes`, `attachments`). Pure.
 */
import type { Paper } from '../../domain/paper';
import { splitName } from '../../export/names';
import { venueKind, printableVenue } from '../../export/venue';
import { bareArxivId, preferredUrl } from '../../export/links';

export interface ZoteroCreator {
  creatorType: 'author';
  firstName?: string;
  lastName: string;
  /** 1: a one-field name ("OpenAI"), as Zotero stores organisations. */
  fieldMode?: 1;
}

export interface ZoteroAttachment {
  title: string;
  url: string;
  mimeType: string;
}

export interface ZoteroItem {
  /** The connector's own key for the item within a save session (parent of its attachments). */
  id: string;
  itemType: 'preprint' | 'journalArticle' | 'conferencePaper';
  title: string;
  creators: ZoteroCreator[];
  date?: string;
  abstractNote?: string;
  DOI?: string;
  url?: string;
  /** preprint only: `arXiv:2112.11446`. */
  archiveID?: string;
  /** preprint only. */
  repository?: string;
  publicationTitle?: string;
  proceedingsTitle?: string;
  /** Published types keep the arXiv id here (`arXiv: 2112.11446`), Zotero's convention for fields a type lacks. */
  extra?: string;
  tags: { tag: string }[];
  notes: { note: string }[];
  attachments: ZoteroAttachment[];
}

/** What the library adds to a paper it holds: the user's own tags and note. */
export interface LibraryExtras {
  tags: readonly string[];
  notes: string;
}

/** The arXiv DOI DataCite registers for every arXiv paper. */
export function arxivDoi(arxivId: string): string {
  return `10.48550/arXiv.${arxivId}`;
}

export function arxivPdfUrl(arxivId: string): string {
  return `https://arxiv.org/pdf/${arxivId}`;
}

function creatorFor(name: string): ZoteroCreator {
  const { given, family, suffix } = splitName(name);
  const lastName = suffix === '' ? family : `${family}, ${suffix}`;
  return given === '' ? { creatorType: 'author', lastName, fieldMode: 1 } : { creatorType: 'author', firstName: given, lastName };
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}

/** A plain-text note as the HTML Zotero's notes hold: one paragraph per blank-line block, line breaks kept. */
export function noteHtml(text: string): string {
  return text
    .trim()
    .split(/\n\s*\n/)
    .map((block) => `<p>${escapeHtml(block.trim()).replace(/\n/g, '<br>')}</p>`)
    .join('');
}

/** Published in a journal or proceedings with a DOI of its own: the published type, else a preprint. */
function itemTypeFor(paper: Paper): ZoteroItem['itemType'] {
  const hasPublishedDoi = paper.doi !== undefined && paper.doi.trim() !== '' && !/^10\.48550\//i.test(paper.doi.trim());
  if (!hasPublishedDoi || printableVenue(paper.venue) === undefined) return 'preprint';
  const kind = venueKind(paper.venue);
  return kind === 'conference' ? 'conferencePaper' : 'journalArticle';
}

function dateOf(paper: Paper): string | undefined {
  const date = paper.publicationDate?.trim();
  if (date && /^\d{4}(-\d{2}(-\d{2})?)?$/.test(date) && (paper.year === undefined || date.startsWith(String(paper.year)))) return date;
  return paper.year === undefined ? undefined : String(paper.year);
}

/**
 * The Zotero item for a paper. `id` keys it within one save session; `extras` (tags, note) only when the
 * paper is in the library. The arXiv PDF is listed as an attachment; who fetches it is the service's call.
 */
export function zoteroItemFor(paper: Paper, id: string, extras?: LibraryExtras): ZoteroItem {
  const itemType = itemTypeFor(paper);
  const arxivId = paper.arxivId && paper.arxivId.trim() !== '' ? bareArxivId(paper.arxivId) : undefined;
  const item: ZoteroItem = {
    id,
    itemType,
    title: paper.title.replace(/\s+/g, ' ').trim(),
    creators: paper.authors.filter((author) => author.trim() !== '').map(creatorFor),
    tags: [],
    notes: [],
    attachments: [],
  };
  const date = dateOf(paper);
  if (date !== undefined) item.date = date;
  if (paper.abstract && paper.abstract.trim() !== '') item.abstractNote = paper.abstract.trim();
  const doi = paper.doi?.trim() || (arxivId !== undefined ? arxivDoi(arxivId) : undefined);
  if (doi !== undefined) item.DOI = doi;
  const url = preferredUrl(paper);
  if (url !== undefined) item.url = url;
  if (itemType === 'preprint') {
    if (arxivId !== undefined) {
      item.archiveID = `arXiv:${arxivId}`;
      item.repository = 'arXiv';
    }
  } else {
    const venue = printableVenue(paper.venue)!;
    if (itemType === 'journalArticle') item.publicationTitle = venue;
    else item.proceedingsTitle = venue;
    if (arxivId !== undefined) item.extra = `arXiv: ${arxivId}`;
  }
  if (arxivId !== undefined) item.attachments.push({ title: 'arXiv Fulltext PDF', url: arxivPdfUrl(arxivId), mimeType: 'application/pdf' });
  if (extras) {
    item.tags = extras.tags.filter((tag) => tag.trim() !== '').map((tag) => ({ tag }));
    if (extras.notes.trim() !== '') item.notes = [{ note: noteHtml(extras.notes) }];
  }
  return item;
}
