import { describe, expect, it } from 'vitest';
import type { LibraryEntry } from '../../lib/db/database';
import { CSV_COLUMNS, toCsv } from '../../lib/export/csv';

function entry(overrides: Partial<LibraryEntry['paper']>, rest: Partial<LibraryEntry> = {}): LibraryEntry {
  return {
    id: 'arxiv:2101.00001',
    paper: { paperId: 'p', title: 'Plain title', authors: ['Ada Lovelace', 'Alan Turing'], year: 2021, arxivId: '2101.00001', ...overrides },
    savedAt: Date.UTC(2024, 0, 2, 3, 4, 5), updatedAt: Date.UTC(2024, 1, 3), tags: ['a', 'b'], notes: '', read: true,
    ...rest,
  };
}

/** A small RFC 4180 reader, independent of the writer: quoted fields, doubled quotes, CRLF records. */
function readCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') { cell += '"'; i++; }
      else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') { row.push(cell); cell = ''; }
    else if (char === '\r' && text[i + 1] === '\n') { row.push(cell); rows.push(row); row = []; cell = ''; i++; }
    else cell += char;
  }
  if (cell !== '' || row.length > 0) throw new Error('last record not terminated by CRLF');
  return rows;
}

describe('CSV export', () => {
  it('starts with a BOM and a header row; one row per entry with every column', () => {
    const csv = toCsv([entry({}), entry({ title: 'Second' }, { id: 's2:x' })]);
    expect(csv.startsWith('\uFEFFid,title,')).toBe(true);
    const rows = readCsv(csv.slice(1));
    expect(rows[0]).toEqual([...CSV_COLUMNS]);
    expect(rows).toHaveLength(3);
    for (const row of rows) expect(row).toHaveLength(CSV_COLUMNS.length);
    const record = Object.fromEntries(CSV_COLUMNS.map((column, index) => [column, rows[1]![index]]));
    expect(record).toEqual({
      id: 'arxiv:2101.00001', title: 'Plain title', authors: 'Ada Lovelace; Alan Turing', year: '2021', venue: '',
      arxiv_id: '2101.00001', doi: '', url: 'https://arxiv.org/abs/2101.00001', tags: 'a; b', notes: '', read: 'true',
      saved_at: '2024-01-02T03:04:05.000Z', updated_at: '2024-02-03T00:00:00.000Z',
    });
  });

  it('quotes commas, quotes and line breaks so they survive a round trip', () => {
    const title = 'Commas, "quotes" and\r\nline\nbreaks';
    const notes = 'multi\nline, notes';
    const rows = readCsv(toCsv([entry({ title }, { notes })]).slice(1));
    expect(rows[1]![1]).toBe(title);
    expect(rows[1]![9]).toBe(notes);
  });

  it('defuses spreadsheet formulas in cells starting with = + - @', () => {
    const rows = readCsv(toCsv([entry({ title: '=HYPERLINK("http://evil","x")', venue: '+cmd', authors: ['@SUM(A1)'] }, { notes: '-2+3', tags: ['plain'] })]).slice(1));
    const [, title, authors, , venue, , , , tags, notes] = rows[1]!;
    expect(title).toBe(`'=HYPERLINK("http://evil","x")`);
    expect(venue).toBe("'+cmd");
    expect(authors).toBe("'@SUM(A1)");
    expect(notes).toBe("'-2+3");
    expect(tags).toBe('plain');
  });

  it('exports an empty library as the header alone', () => {
    expect(readCsv(toCsv([]).slice(1))).toEqual([[...CSV_COLUMNS]]);
  });
});
