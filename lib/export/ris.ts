import type { LibraryEntry } from '../db/database';
import { invertedName, splitName } from './names';
import { venueKind, printableVenue } from './venue';
import { bareArxivId, preferredUrl } from './links';

/**
 * RIS (Zotero, Mendeley, EndNote). One tag per line, `TAG  - value`, CRLF as the spec asks.
 * Values are flattened to one line: a line break inside a note would otherwise be read as the start of a new tag.
 */
export function toRis(entries: readonly LibraryEntry[]): string {
  return entries.map(risRecord).join('\r\n');
}

function risRecord({ paper, tags, notes }: LibraryEntry): string {
  const kind = venueKind(paper.venue);
  const venue = printableVenue(paper.venue);
  const lines: [string, string][] = [];
  lines.push(['TY', kind === 'journal' ? 'JOUR' : kind === 'conference' ? 'CPAPER' : kind === 'preprint' ? 'UNPB' : 'GEN']);
  for (const author of paper.authors) {
    if (author.trim() !== '') lines.push(['AU', invertedName(splitName(author))]);
  }
  lines.push(['TI', paper.title]);
  if (paper.year !== undefined) lines.push(['PY', String(paper.year)]);
  if (venue !== undefined) lines.push([kind === 'journal' ? 'JO' : 'T2', venue]);
  if (paper.doi) lines.push(['DO', paper.doi]);
  const url = preferredUrl(paper);
  if (url !== undefined) lines.push(['UR', url]);
  if (paper.abstract) lines.push(['AB', paper.abstract]);
  if (paper.arxivId) lines.push(['N1', `arXiv:${bareArxivId(paper.arxivId)}`]);
  if (notes.trim() !== '') lines.push(['N1', notes]);
  for (const tag of tags) {
    if (tag.trim() !== '') lines.push(['KW', tag]);
  }
  lines.push(['ER', '']);
  return lines.map(([tag, value]) => `${tag}  - ${oneLine(value)}`).join('\r\n') + '\r\n';
}

function oneLine(value: string): string {
  return value.replace(/\s+/g, ' ').trim();
}
