import type { LibraryEntry } from '../../db/database';
import type { Paper } from '../../domain/paper';
import { parseArxivId } from '../../arxiv/id';
import { parseArxivUrl } from '../../arxiv/page';
import { normalizeTags } from '../entry';
import type { BibProblem, BibRecord } from './types';

const ARXIV_DOI = /^10\.48550\/arxiv\.(.+)$/i;
const ARXIV_IN_TEXT = /\barxiv:\s*([a-z-]+(?:\.[a-z]{2})?\/\d{7}|\d{4}\.\d{4,5})(?:v\d+)?/i;
const ARXIV_URL = /^https?:\/\/(?:www\.|export\.)?arxiv\.org\/(?:abs|pdf|html)\//i;
const S2_URL = /^https?:\/\/(?:www\.)?semanticscholar\.org\/paper\/(?:[^/?#]+\/)?([0-9a-f]{40})(?:[/?#]|$)/i;
/** Zotero writes the arXiv id into `note` ("arXiv:1706.03762 [cs]"): an identifier, not a note of the user's. */
const ID_ONLY_NOTE = /^arxiv:\s*\S+(\s*\[[^\]]*\])?$/i;

/** The arXiv id a record names: `eprint` (with an arXiv prefix, or shaped like one), an arxiv.org URL, a 10.48550 DOI, then "arXiv:…" text. */
export function arxivIdOf(record: BibRecord): string | undefined {
  if (record.eprint) {
    const { id, archive } = record.eprint;
    const parsed = parseArxivId(id.replace(/^arxiv:/i, ''));
    if (parsed && (archive === undefined || /^arxiv$/i.test(archive))) return parsed.id;
  }
  for (const url of record.urls) {
    if (!ARXIV_URL.test(url)) continue;
    const page = parseArxivUrl(url);
    if (page) return page.id;
  }
  const doi = record.doi ? ARXIV_DOI.exec(record.doi) : null;
  if (doi) {
    const parsed = parseArxivId(doi[1]!);
    if (parsed) return parsed.id;
  }
  for (const hint of record.arxivHints) {
    const match = ARXIV_IN_TEXT.exec(hint);
    const parsed = match ? parseArxivId(match[1]!) : null;
    if (parsed) return parsed.id;
  }
  return undefined;
}

function titleKey(title: string): string {
  return title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .slice(0, 200);
}

/** The library key, by the library's own rule (arXiv id, else Semantic Scholar id, else DOI); else title and year. */
function identify(record: BibRecord, title: string, arxivId: string | undefined): { id: string; paperId: string } {
  const s2 = record.urls.map((url) => S2_URL.exec(url)?.[1]).find((hex) => hex !== undefined)?.toLowerCase();
  if (arxivId !== undefined) return { id: `arxiv:${arxivId}`, paperId: s2 ?? `arxiv:${arxivId}` };
  if (s2 !== undefined) return { id: `s2:${s2}`, paperId: s2 };
  const doi = record.doi?.trim().toLowerCase();
  if (doi) return { id: `doi:${doi}`, paperId: `doi:${doi}` };
  const id = `title:${titleKey(title)}${record.year !== undefined ? `:${record.year}` : ''}`;
  return { id, paperId: id };
}

function where(record: BibRecord): Pick<BibProblem, 'line' | 'key'> {
  return { line: record.line, ...(record.key !== undefined && { key: record.key }) };
}

export interface ImportPlan {
  entries: LibraryEntry[];
  problems: BibProblem[];
  /** Records that named a paper an earlier record of the file already named (merged into it). */
  mergedInFile: number;
}

/**
 * Records → library entries. `editedAt` (the file's modification time) is each entry's `updatedAt`, so the
 * library's merge rule (the copy edited most recently wins) decides between the file and the library.
 */
export function toEntries(records: readonly BibRecord[], problems: readonly BibProblem[], savedAt: number, editedAt: number): ImportPlan {
  const byId = new Map<string, LibraryEntry>();
  const allProblems = [...problems];
  let mergedInFile = 0;
  for (const record of records) {
    const title = record.title?.replace(/\s+/g, ' ').trim();
    if (!title) {
      allProblems.push({ ...where(record), reason: 'no title' });
      continue;
    }
    const arxivId = arxivIdOf(record);
    const { id, paperId } = identify(record, title, arxivId);
    const paper: Paper = { paperId, title, authors: record.authors };
    if (arxivId !== undefined) paper.arxivId = arxivId;
    if (record.doi) paper.doi = record.doi;
    if (record.year !== undefined) paper.year = record.year;
    if (record.date !== undefined) paper.publicationDate = record.date;
    if (record.venue !== undefined && !(arxivId !== undefined && ARXIV_IN_TEXT.test(record.venue))) paper.venue = record.venue;
    if (record.abstract !== undefined) paper.abstract = record.abstract;
    const url = record.urls.find((candidate) => /^https?:\/\//i.test(candidate) && !ARXIV_URL.test(candidate) && !/^https?:\/\/(dx\.)?doi\.org\//i.test(candidate));
    if (url !== undefined) paper.url = url;
    const notes = record.notes.filter((note) => !ID_ONLY_NOTE.test(note.trim())).join('\n\n');
    const existing = byId.get(id);
    if (existing) {
      mergedInFile++;
      existing.tags = normalizeTags([...existing.tags, ...record.keywords]);
      if (notes !== '' && !existing.notes.includes(notes)) existing.notes = existing.notes === '' ? notes : `${existing.notes}\n\n${notes}`;
      for (const [field, value] of Object.entries(paper) as [keyof Paper, unknown][]) {
        if ((existing.paper as Record<string, unknown>)[field] === undefined) (existing.paper as Record<string, unknown>)[field] = value;
      }
      continue;
    }
    byId.set(id, { id, paper, savedAt, updatedAt: Math.min(editedAt, savedAt), tags: normalizeTags(record.keywords), notes, read: false });
  }
  allProblems.sort((a, b) => a.line - b.line);
  return { entries: [...byId.values()], problems: allProblems, mergedInFile };
}
