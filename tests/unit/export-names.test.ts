import { describe, expect, it } from 'vitest';
import { invertedName, splitName } from '../../lib/export/names';
import { asciiFold } from '../../lib/export/citationKeys';
import { venueKind } from '../../lib/export/venue';

describe('splitName', () => {
  it.each([
    ['Ashish Vaswani', { given: 'Ashish', family: 'Vaswani', suffix: '' }],
    ['Johannes Diderik van der Waals', { given: 'Johannes Diderik', family: 'van der Waals', suffix: '' }],
    ['Ludwig von Mises', { given: 'Ludwig', family: 'von Mises', suffix: '' }],
    ['Martin Luther King Jr.', { given: 'Martin Luther', family: 'King', suffix: 'Jr.' }],
    ['Aristotle', { given: '', family: 'Aristotle', suffix: '' }],
    ['danah boyd', { given: 'danah', family: 'boyd', suffix: '' }],
    ['Vincent Van Gogh', { given: 'Vincent Van', family: 'Gogh', suffix: '' }],
    ['LeCun, Yann', { given: 'Yann', family: 'LeCun', suffix: '' }],
    ['King, Jr., Martin Luther', { given: 'Martin Luther', family: 'King', suffix: 'Jr.' }],
    ['  Kurt   Gödel ', { given: 'Kurt', family: 'Gödel', suffix: '' }],
  ])('%s', (raw, expected) => {
    expect(splitName(raw)).toEqual(expected);
  });

  it('inverts for RIS', () => {
    expect(invertedName(splitName('Martin Luther King Jr.'))).toBe('King, Martin Luther, Jr.');
    expect(invertedName(splitName('Aristotle'))).toBe('Aristotle');
  });
});

describe('asciiFold (citation keys)', () => {
  it.each([
    ['Gödel', 'godel'], ['Łukasz', 'lukasz'], ['Straße', 'strasse'], ['Ørsted', 'orsted'], ["O'Brien-Smith", 'obriensmith'], ['王', ''],
  ])('%s → %s', (text, folded) => {
    expect(asciiFold(text)).toBe(folded);
  });
});

describe('venueKind', () => {
  it.each([
    [undefined, 'preprint'], ['arXiv.org', 'preprint'], ['ArXiv', 'preprint'], ['CoRR', 'preprint'],
    ['Physical Review Letters', 'journal'], ['Nature', 'journal'], ['Journal of Machine Learning Research', 'journal'],
    ['Proceedings of the National Academy of Sciences', 'journal'], ['Transactions of the Association for Computational Linguistics', 'journal'],
    ['Neural Information Processing Systems', 'conference'], ['International Conference on Machine Learning', 'conference'],
    ['Annual Meeting of the Association for Computational Linguistics', 'conference'], ['ICLR', 'conference'],
    ['Lecture Notes in Computer Science', 'conference'], ['Some Blog', 'other'],
  ] as const)('%s → %s', (venue, kind) => {
    expect(venueKind(venue)).toBe(kind);
  });
});
