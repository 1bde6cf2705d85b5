import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parse, type Creator } from '@retorquere/bibtex-parser';
import type { LibraryEntry } from '../../lib/db/database';
import type { Paper } from '../../lib/domain/paper';
import { toBibtex } from '../../lib/export/bibtex';

function entry(paper: Partial<Paper> & Pick<Paper, 'title'>, tags: string[] = []): LibraryEntry {
  return {
    id: `s2:${paper.title}`,
    paper: { paperId: 'p', authors: ['Ada Lovelace'], ...paper },
    savedAt: 0, updatedAt: 0, tags, notes: 'private notes never exported to BibTeX', read: false,
  };
}

/** The independent parser (the one behind Better BibTeX for Zotero), reading titles as written (no sentence-casing). */
function parseBib(bib: string) {
  const library = parse(bib, { english: false });
  expect(library.errors).toEqual([]);
  return library.entries;
}

/** Rebuilds "Given von Family Suffix" from the parser's name parts. */
function displayName(creator: Creator): string {
  if (creator.name !== undefined) return creator.name;
  return [creator.firstName, creator.prefix, creator.lastName, creator.suffix].filter(Boolean).join(' ');
}

const TRICKY_TITLES = [
  'Sets {of} braces } and { unbalanced',
  '100% of the & operator',
  'snake_case and __dunder__',
  'Scaling as $x^2$ and $\\alpha$',
  'Hash # tilde ~ caret ^ backslash \\ dollar $',
  'Gödel, Escher, Bach: Über Naïve Façades',
  'BERT: Pre-training of Deep Bidirectional Transformers',
  'Right-to-left \u200F\u05E9\u05DC\u05D5\u05DD and emoji 😀',
  'A "quoted" word, @ sign and comma',
];

describe('BibTeX export read back by an independent parser', () => {
  it('keeps tricky titles exactly', () => {
    const entries = TRICKY_TITLES.map((title) => entry({ title }));
    const parsed = parseBib(toBibtex(entries));
    expect(parsed.map((e) => e.fields.title)).toEqual(TRICKY_TITLES);
  });

  it('keeps authors, including accents, particles and suffixes', () => {
    const authors = ['Kurt Gödel', 'Johannes Diderik van der Waals', 'Martin Luther King Jr.', 'Łukasz Kaiser', 'Aristotle', 'Ludwig von Mises', 'Research & Development Team', 'Smith and Sons'];
    const [parsed] = parseBib(toBibtex([entry({ title: 'Names', authors })]));
    expect(parsed!.fields.author!.map(displayName)).toEqual(authors);
    expect(parsed!.fields.author![1]).toMatchObject({ lastName: 'Waals', prefix: 'van der', firstName: 'Johannes Diderik' });
  });

  it('gives every entry a unique key, and a/b/c suffixes to colliding ones', () => {
    const same = { title: 'Attention Is All You Need', authors: ['Ashish Vaswani'], year: 2017 };
    const entries = [entry(same), entry(same), entry(same), entry({ title: 'The Gödel Paper', authors: ['Kurt Gödel'], year: 1931 })];
    const parsed = parseBib(toBibtex(entries));
    expect(parsed.map((e) => e.key)).toEqual(['vaswani2017attention', 'vaswani2017attentiona', 'vaswani2017attentionb', 'godel1931godel']);
  });

  it('writes arXiv papers as @misc with eprint and archivePrefix, a journal venue as @article', () => {
    const bib = toBibtex([
      entry({ title: 'Preprint', arxivId: '2112.11446v2', year: 2021, venue: 'arXiv.org' }),
      entry({ title: 'Journal paper', arxivId: 'hep-th/9901001', venue: 'Physical Review Letters', doi: '10.1103/PhysRevLett.1_2', year: 1999 }),
      entry({ title: 'Conference paper', venue: 'International Conference on Machine Learning', url: 'https://example.org/a%20b' }),
    ]);
    const [preprint, journal, conference] = parseBib(bib);
    expect(preprint).toMatchObject({ type: 'misc', fields: { eprint: '2112.11446', archiveprefix: 'arXiv', year: '2021', url: 'https://arxiv.org/abs/2112.11446' } });
    expect(preprint!.fields).not.toHaveProperty('journal');
    expect(journal).toMatchObject({ type: 'article', fields: { journal: 'Physical Review Letters', eprint: 'hep-th/9901001', archiveprefix: 'arXiv', doi: '10.1103/PhysRevLett.1_2' } });
    expect(conference).toMatchObject({ type: 'inproceedings', fields: { booktitle: 'International Conference on Machine Learning', url: 'https://example.org/a%20b' } });
    expect(conference!.fields).not.toHaveProperty('eprint');
  });

  it('exports tags as keywords and never the private notes', () => {
    const bib = toBibtex([entry({ title: 'Tagged' }, ['nlp', 'to read'])]);
    expect(parseBib(bib)[0]!.fields.keywords).toEqual(expect.arrayContaining(['nlp', 'to read']));
    expect(bib).not.toContain('private notes');
  });

  it('protects meaningful capitals from bibliography styles that lowercase titles', () => {
    const bib = toBibtex([entry({ title: 'BERT and GPT-3 meet LaTeX' })]);
    expect(bib).toContain('title = {{BERT} and {GPT-3} meet {LaTeX}}');
  });

  it('parses without errors and round-trips any title built from LaTeX specials, accents and emoji', () => {
    const word = fc.string({ unit: fc.constantFrom(...'abcXYZé€😀{}%&$#_~^\\"@,'.split(/(?:)/u)), minLength: 1, maxLength: 8 });
    const sentence = fc.array(word, { minLength: 1, maxLength: 6 }).map((words) => words.join(' '));
    fc.assert(
      fc.property(fc.array(fc.record({ title: sentence, year: fc.integer({ min: 1900, max: 2100 }) }), { minLength: 1, maxLength: 6 }), (papers) => {
        const entries = papers.map((p) => entry(p));
        const parsed = parseBib(toBibtex(entries));
        expect(parsed.map((e) => e.fields.title)).toEqual(papers.map((p) => p.title));
        expect(new Set(parsed.map((e) => e.key)).size).toBe(entries.length);
      }),
      { numRuns: 100 },
    );
  });
});
