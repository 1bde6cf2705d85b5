import type { LibraryEntry } from '../db/database';
import { preferredUrl } from './links';

export const CSV_COLUMNS = [
  'id', 'title', 'authors', 'year', 'venue', 'arxiv_id', 'doi', 'url', 'tags', 'notes', 'read', 'saved_at', 'updated_at',
] as const;

/**
 * CSV for spreadsheets: RFC 4180 (CRLF, quotes doubled, fields with `"` `,` or line breaks quoted), a header row,
 * lists joined with "; ", times in ISO 8601 UTC. Starts with a byte-order mark so Excel reads it as UTF-8.
 */
export function toCsv(entries: readonly LibraryEntry[]): string {
  const rows = [
    [...CSV_COLUMNS],
    ...entries.map(({ id, paper, tags, notes, read, savedAt, updatedAt }) => [
      id,
      paper.title,
      paper.authors.join('; '),
      paper.year === undefined ? '' : String(paper.year),
      paper.venue ?? '',
      paper.arxivId ?? '',
      paper.doi ?? '',
      preferredUrl(paper) ?? '',
      tags.join('; '),
      notes,
      read ? 'true' : 'false',
      new Date(savedAt).toISOString(),
      new Date(updatedAt).toISOString(),
    ]),
  ];
  return '\uFEFF' + rows.map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

/**
 * Spreadsheets run a cell starting with = + - @ (or tab/CR) as a formula; a leading apostrophe makes it text
 * (OWASP "CSV injection"). A title like "=HYPERLINK(…)" from a source must not become a live link.
 */
function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
