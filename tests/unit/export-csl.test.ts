import { describe, expect, it } from 'vitest';
import type { LibraryEntry } from '../../lib/db/database';
import { toCslJson, toCslItems } from '../../lib/export/csl';
import { toBibtex } from '../../lib/export/bibtex';

function entry(paper: Partial<LibraryEntry['paper']>, tags: string[] = []): LibraryEntry {
  return { id: 'x', paper: { paperId: 'p', title: 'T', authors: [], ...paper }, savedAt: 0, updatedAt: 0, tags, notes: 'private', read: false };
}

describe('CSL-JSON export', () => {
  it('is a JSON array of items with the CSL variables filled', () => {
    const items = JSON.parse(toCslJson([
      entry({
        title: 'Attention Is All You Need', authors: ['Ashish Vaswani', 'Johannes Diderik van der Waals', 'Martin Luther King Jr.', 'Aristotle'],
        arxivId: '1706.03762v5', year: 2017, publicationDate: '2017-06-12', venue: 'Neural Information Processing Systems',
        doi: '10.5555/3295222', abstract: 'We propose…',
      }, ['nlp']),
    ])) as unknown;
    expect(items).toEqual([{
      id: 'vaswani2017attention',
      type: 'paper-conference',
      title: 'Attention Is All You Need',
      author: [
        { family: 'Vaswani', given: 'Ashish' },
        { family: 'van der Waals', given: 'Johannes Diderik' },
        { family: 'King', given: 'Martin Luther', suffix: 'Jr.' },
        { family: 'Aristotle' },
      ],
      issued: { 'date-parts': [[2017, 6, 12]] },
      'container-title': 'Neural Information Processing Systems',
      DOI: '10.5555/3295222',
      URL: 'https://arxiv.org/abs/1706.03762',
      abstract: 'We propose…',
      note: 'arXiv:1706.03762',
      keyword: 'nlp',
    }]);
  });

  it('types preprints "article" without a container, journals "article-journal"; omits what is unknown', () => {
    const [preprint, journal, bare] = toCslItems([
      entry({ arxivId: '2112.11446', venue: 'arXiv.org', year: 2021 }),
      entry({ venue: 'Physical Review Letters', year: 1999, publicationDate: '2000-01-01' }),
      entry({}),
    ]);
    expect(preprint).toMatchObject({ type: 'article', note: 'arXiv:2112.11446', issued: { 'date-parts': [[2021]] } });
    expect(preprint).not.toHaveProperty('container-title');
    // A publication date that contradicts the year is not trusted over it.
    expect(journal).toMatchObject({ type: 'article-journal', 'container-title': 'Physical Review Letters', issued: { 'date-parts': [[1999]] } });
    expect(Object.keys(bare!).sort()).toEqual(['id', 'title', 'type']);
  });

  it('uses the same ids as the BibTeX citation keys, so pandoc citations work with either file', () => {
    const entries = [entry({ title: 'Same', authors: ['A B'], year: 2020 }), entry({ title: 'Same', authors: ['A B'], year: 2020 })];
    const keys = [...toBibtex(entries).matchAll(/^@\w+\{([^,]+),/gm)].map((match) => match[1]);
    expect(toCslItems(entries).map((item) => item.id)).toEqual(keys);
    expect(keys).toEqual(['b2020same', 'b2020samea']);
  });
});
