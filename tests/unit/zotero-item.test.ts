import { describe, expect, it } from 'vitest';
import type { Paper } from '../../lib/domain/paper';
import { noteHtml, zoteroItemFor } from '../../lib/sources/zotero/item';

const gopher: Paper = {
  paperId: '68f141724814839d556a989646194be88641b143',
  title: 'Scaling Language Models:  Methods, Analysis & Insights from Training Gopher',
  arxivId: '2112.11446v2',
  authors: ['Jack W. Rae', 'Sebastian Borgeaud', 'Trevor Cai', 'OpenAI', 'Johannes Diderik van der Waals', 'Martin Luther King Jr.'],
  year: 2021,
  publicationDate: '2021-12-08',
  venue: 'arXiv.org',
  abstract: 'Language modelling provides a step towards intelligent communication systems.',
  url: 'https://www.semanticscholar.org/paper/68f141724814839d556a989646194be88641b143',
};

describe('zoteroItemFor', () => {
  it('maps an arXiv paper to a complete preprint with the arXiv id in archiveID and the PDF as an attachment', () => {
    const item = zoteroItemFor(gopher, 'k1');
    expect(item).toMatchObject({
      id: 'k1',
      itemType: 'preprint',
      title: 'Scaling Language Models: Methods, Analysis & Insights from Training Gopher',
      date: '2021-12-08',
      abstractNote: gopher.abstract,
      DOI: '10.48550/arXiv.2112.11446',
      archiveID: 'arXiv:2112.11446',
      repository: 'arXiv',
      url: 'https://arxiv.org/abs/2112.11446',
      attachments: [{ title: 'arXiv Fulltext PDF', url: 'https://arxiv.org/pdf/2112.11446', mimeType: 'application/pdf' }],
      tags: [],
      notes: [],
    });
    expect(item.creators).toEqual([
      { creatorType: 'author', firstName: 'Jack W.', lastName: 'Rae' },
      { creatorType: 'author', firstName: 'Sebastian', lastName: 'Borgeaud' },
      { creatorType: 'author', firstName: 'Trevor', lastName: 'Cai' },
      { creatorType: 'author', lastName: 'OpenAI', fieldMode: 1 },
      { creatorType: 'author', firstName: 'Johannes Diderik', lastName: 'van der Waals' },
      { creatorType: 'author', firstName: 'Martin Luther', lastName: 'King, Jr.' },
    ]);
    expect(item.publicationTitle).toBeUndefined();
    expect(item.extra).toBeUndefined();
  });

  it('uses the published type when the paper has a venue and a DOI of its own, keeping the arXiv id in Extra', () => {
    const journal = zoteroItemFor({ ...gopher, venue: 'Nature Machine Intelligence', doi: '10.1038/s42256-022-00001-1' }, 'k2');
    expect(journal).toMatchObject({ itemType: 'journalArticle', publicationTitle: 'Nature Machine Intelligence', DOI: '10.1038/s42256-022-00001-1', extra: 'arXiv: 2112.11446' });
    expect(journal.archiveID).toBeUndefined();
    const conference = zoteroItemFor({ ...gopher, venue: 'Neural Information Processing Systems', doi: '10.5555/1234' }, 'k3');
    expect(conference).toMatchObject({ itemType: 'conferencePaper', proceedingsTitle: 'Neural Information Processing Systems' });
    // A venue without a DOI of its own (or with the arXiv DOI) is still the preprint.
    expect(zoteroItemFor({ ...gopher, venue: 'Nature' }, 'k4').itemType).toBe('preprint');
    expect(zoteroItemFor({ ...gopher, venue: 'Nature', doi: '10.48550/arXiv.2112.11446' }, 'k5').itemType).toBe('preprint');
  });

  it('carries the library tags and the note (as escaped HTML) only when given', () => {
    const item = zoteroItemFor(gopher, 'k', { tags: ['scaling', ' ', 'LLM'], notes: 'Read §4 <carefully> & twice.\n\nSecond thought.' });
    expect(item.tags).toEqual([{ tag: 'scaling' }, { tag: 'LLM' }]);
    expect(item.notes).toEqual([{ note: '<p>Read §4 &#60;carefully&#62; &#38; twice.</p><p>Second thought.</p>' }]);
    expect(zoteroItemFor(gopher, 'k', { tags: [], notes: '   ' }).notes).toEqual([]);
  });

  it('leaves out what the paper does not have: no arXiv id means no archiveID and no PDF', () => {
    const item = zoteroItemFor({ paperId: 'x', title: 'Only a title', authors: [] }, 'k');
    expect(item).toEqual({ id: 'k', itemType: 'preprint', title: 'Only a title', creators: [], tags: [], notes: [], attachments: [] });
    expect(zoteroItemFor({ ...gopher, publicationDate: '2020-01-01' }, 'k').date).toBe('2021');
  });

  it('writes multi-line notes as paragraphs and line breaks', () => {
    expect(noteHtml('a\nb\n\n\nc')).toBe('<p>a<br>b</p><p>c</p>');
  });
});
