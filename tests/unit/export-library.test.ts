import { describe, expect, it } from 'vitest';
import type { LibraryEntry } from '../../lib/db/database';
import { EXPORT_FORMATS, exportLibrary } from '../../lib/library/export';
import { parseBackup } from '../../lib/library/importBackup';

const entries: LibraryEntry[] = [{
  id: 'arxiv:2112.11446',
  paper: { paperId: 'p', arxivId: '2112.11446', title: 'Scaling Language Models', authors: ['Jack W. Rae'], year: 2021 },
  savedAt: 1, updatedAt: 2, tags: ['llm'], notes: 'note', read: true,
}];
const NOW = Date.UTC(2024, 4, 17, 23, 59);

describe('exportLibrary', () => {
  it.each([
    ['bibtex', 'arxiv-citation-hub-library-2024-05-17.bib', 'application/x-bibtex', '@misc{rae2021scaling,'],
    ['ris', 'arxiv-citation-hub-library-2024-05-17.ris', 'application/x-research-info-systems', 'TY  - UNPB'],
    ['csl-json', 'arxiv-citation-hub-library-2024-05-17.csl.json', 'application/vnd.citationstyles.csl+json', '[\n  {\n    "id": "rae2021scaling"'],
    ['csv', 'arxiv-citation-hub-library-2024-05-17.csv', 'text/csv;charset=utf-8', '\uFEFFid,title'],
    ['json', 'arxiv-citation-hub-library-backup-2024-05-17.json', 'application/json', '{\n  "format": "arxiv-citation-hub-library"'],
  ] as const)('%s → %s', (format, filename, mimeType, start) => {
    const file = exportLibrary(entries, format, NOW);
    expect(file.filename).toBe(filename);
    expect(file.mimeType).toBe(mimeType);
    expect(file.content.startsWith(start), file.content.slice(0, 80)).toBe(true);
  });

  it('offers exactly the five formats the options page lists', () => {
    expect([...EXPORT_FORMATS]).toEqual(['bibtex', 'ris', 'csl-json', 'csv', 'json']);
  });

  it('the JSON backup carries tags, notes, read state and the export time, and imports back', () => {
    const file = exportLibrary(entries, 'json', NOW);
    expect(JSON.parse(file.content)).toEqual({ format: 'arxiv-citation-hub-library', version: 1, exportedAt: '2024-05-17T23:59:00.000Z', entries });
    expect(parseBackup(file.content)).toEqual({ ok: true, entries });
  });
});
