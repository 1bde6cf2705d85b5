import { describe, expect, it } from 'vitest';
import type { LibraryEntry } from '../../lib/db/database';
import { toRis } from '../../lib/export/ris';

const base: LibraryEntry = {
  id: 'arxiv:1706.03762',
  paper: {
    paperId: 'p1', arxivId: '1706.03762v5', title: 'Attention Is All You Need', year: 2017,
    authors: ['Ashish Vaswani', 'Johannes Diderik van der Waals', 'Martin Luther King Jr.'],
    venue: 'Neural Information Processing Systems', doi: '10.5555/3295222.3295349',
    abstract: 'The dominant sequence\ntransduction models…',
  },
  savedAt: 0, updatedAt: 0, tags: ['nlp', 'to read'], notes: 'Line one\nAU  - not an author', read: false,
};

/** [tag, value] pairs of one record. */
function fields(record: string): [string, string][] {
  return record.split('\r\n').filter((line) => line !== '').map((line) => {
    const match = /^([A-Z][A-Z0-9])  - (.*)$/.exec(line);
    if (!match) throw new Error(`not a RIS line: ${JSON.stringify(line)}`);
    return [match[1]!, match[2]!];
  });
}

describe('RIS export', () => {
  it('writes one well-formed record per entry, TY first and ER last, with CRLF line ends', () => {
    const ris = toRis([base, { ...base, id: 'x', paper: { paperId: 'p2', title: 'Second', authors: [] } }]);
    const records = ris.split(/\r\nER {2}- \r\n/).filter((r) => r.trim() !== '');
    expect(records).toHaveLength(2);
    expect(ris.match(/^ER {2}- $/gm)).toHaveLength(2);
    expect(ris.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    for (const record of records) expect(fields(record)[0]![0]).toBe('TY');
  });

  it('fills the standard tags from the saved paper, notes and tags', () => {
    expect(fields(toRis([base]))).toEqual([
      ['TY', 'CPAPER'],
      ['AU', 'Vaswani, Ashish'],
      ['AU', 'van der Waals, Johannes Diderik'],
      ['AU', 'King, Martin Luther, Jr.'],
      ['TI', 'Attention Is All You Need'],
      ['PY', '2017'],
      ['T2', 'Neural Information Processing Systems'],
      ['DO', '10.5555/3295222.3295349'],
      ['UR', 'https://arxiv.org/abs/1706.03762'],
      ['AB', 'The dominant sequence transduction models…'],
      ['N1', 'arXiv:1706.03762'],
      // A line break in the notes must not start a fake "AU" line.
      ['N1', 'Line one AU - not an author'],
      ['KW', 'nlp'],
      ['KW', 'to read'],
      ['ER', ''],
    ]);
  });

  it('types journal papers JOUR with JO, preprints UNPB', () => {
    const journal = fields(toRis([{ ...base, paper: { ...base.paper, venue: 'Nature' } }]));
    expect(journal).toContainEqual(['TY', 'JOUR']);
    expect(journal).toContainEqual(['JO', 'Nature']);
    const preprint = fields(toRis([{ ...base, paper: { ...base.paper, venue: 'arXiv.org' } }]));
    expect(preprint[0]).toEqual(['TY', 'UNPB']);
    expect(preprint.map(([tag]) => tag)).not.toContain('T2');
  });

  it('exports an empty library as an empty file', () => {
    expect(toRis([])).toBe('');
  });
});
