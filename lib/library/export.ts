import type { LibraryEntry } from '../db/database';
import { toBibtex } from '../export/bibtex';
import { toRis } from '../export/ris';
import { toCslJson } from '../export/csl';
import { toCsv } from '../export/csv';
import { toBackup } from '../export/backup';

export const EXPORT_FORMATS = ['bibtex', 'ris', 'csl-json', 'csv', 'json'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface ExportedFile {
  filename: string;
  mimeType: string;
  content: string;
}

const FORMATS: Record<ExportFormat, { extension: string; mimeType: string; render: (entries: readonly LibraryEntry[], now: number) => string }> = {
  bibtex: { extension: 'bib', mimeType: 'application/x-bibtex', render: toBibtex },
  ris: { extension: 'ris', mimeType: 'application/x-research-info-systems', render: toRis },
  'csl-json': { extension: 'csl.json', mimeType: 'application/vnd.citationstyles.csl+json', render: toCslJson },
  csv: { extension: 'csv', mimeType: 'text/csv;charset=utf-8', render: toCsv },
  // The backup is the one format import reads back; it keeps tags, notes and times.
  json: { extension: 'json', mimeType: 'application/json', render: toBackup },
};

/** Renders entries (in the order given) as a downloadable file; `now` dates the file name and the backup. */
export function exportLibrary(entries: readonly LibraryEntry[], format: ExportFormat, now: number): ExportedFile {
  const { extension, mimeType, render } = FORMATS[format];
  const day = new Date(now).toISOString().slice(0, 10);
  const base = format === 'json' ? 'arxiv-citation-hub-library-backup' : 'arxiv-citation-hub-library';
  return { filename: `${base}-${day}.${extension}`, mimeType, content: render(entries, now) };
}
