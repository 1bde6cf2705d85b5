import { describe, expect, it } from 'vitest';
import { libraryIdFor, newEntry, normalizeTags, snapshotPaper } from '../../lib/library/entry';
import type { Paper } from '../../lib/domain/paper';

const S2_ID = '204e3073870fae3d05bcbc2f6a8e263d9b72e776';

describe('libraryIdFor', () => {
  it('prefers the version-less arXiv id', () => {
    expect(libraryIdFor({ paperId: S2_ID, title: 't', authors: [], arxivId: '1706.03762v5', doi: '10.1/x' })).toBe('arxiv:1706.03762');
    expect(libraryIdFor({ paperId: S2_ID, title: 't', authors: [], arxivId: 'hep-th/9901001' })).toBe('arxiv:hep-th/9901001');
  });

  it('falls back to the Semantic Scholar id, then the lowercased DOI for OpenAlex-only papers', () => {
    expect(libraryIdFor({ paperId: S2_ID, title: 't', authors: [], doi: '10.1/X' })).toBe(`s2:${S2_ID}`);
    expect(libraryIdFor({ paperId: 'openalex:W123', title: 't', authors: [], doi: '10.1103/PhysRevLett.1' })).toBe('doi:10.1103/physrevlett.1');
    expect(libraryIdFor({ paperId: 'openalex:W123', title: 't', authors: [] })).toBe('openalex:W123');
  });

  it('gives the same id to the same paper seen with and without a version', () => {
    const base: Paper = { paperId: S2_ID, title: 't', authors: [] };
    expect(libraryIdFor({ ...base, arxivId: '2112.11446v3' })).toBe(libraryIdFor({ ...base, arxivId: '2112.11446' }));
  });
});

describe('snapshotPaper', () => {
  it('keeps identity and citation metadata, drops the counts, and never adds undefined keys', () => {
    const paper: Paper = {
      paperId: S2_ID, title: 'Attention Is All You Need', authors: ['Ashish Vaswani'], arxivId: '1706.03762', year: 2017,
      venue: 'NeurIPS', tldr: 'Transformers.', url: 'https://www.semanticscholar.org/paper/x', citationCount: 100000,
      influentialCitationCount: 5, referenceCount: 40, corpusId: 13756489,
    };
    const snapshot = snapshotPaper(paper);
    expect(snapshot).toStrictEqual({
      paperId: S2_ID, title: 'Attention Is All You Need', authors: ['Ashish Vaswani'], arxivId: '1706.03762', year: 2017,
      venue: 'NeurIPS', tldr: 'Transformers.', url: 'https://www.semanticscholar.org/paper/x',
    });
    expect(Object.keys(snapshotPaper({ paperId: S2_ID, title: 'x', authors: [] })).sort()).toEqual(['authors', 'paperId', 'title']);
  });

  it('copies the author list rather than sharing it', () => {
    const authors = ['A B'];
    const snapshot = snapshotPaper({ paperId: S2_ID, title: 'x', authors });
    authors.push('C D');
    expect(snapshot.authors).toEqual(['A B']);
  });
});

describe('newEntry', () => {
  it('starts unread, untagged, without notes, saved and updated at the given time', () => {
    const entry = newEntry({ paperId: S2_ID, title: 'x', authors: [], arxivId: '2112.11446' }, 1_700_000_000_000);
    expect(entry).toStrictEqual({
      id: 'arxiv:2112.11446', paper: { paperId: S2_ID, title: 'x', authors: [], arxivId: '2112.11446' },
      savedAt: 1_700_000_000_000, updatedAt: 1_700_000_000_000, tags: [], notes: '', read: false,
    });
  });
});

describe('normalizeTags', () => {
  it('trims, drops empties and case-insensitive repeats, keeping the first spelling and the order', () => {
    expect(normalizeTags(['  NLP ', 'nlp', '', 'to   read', 'Theory', 'theory'])).toEqual(['NLP', 'to read', 'Theory']);
  });
});
