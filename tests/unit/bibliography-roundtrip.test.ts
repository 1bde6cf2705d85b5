import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { LibraryEntry } from '../../lib/db/database';
import type { Paper } from '../../lib/domain/paper';
import { toBibtex } from '../../lib/export/bibtex';
import { printableVenue } from '../../lib/export/venue';
import { libraryIdFor, normalizeTags } from '../../lib/library/entry';
import { planBibliographyImport } from '../../lib/library/bibliography';

/** What a BibTeX file can carry of a library entry (notes are private and never exported, by design). */
function carried(entry: LibraryEntry) {
  const { paper } = entry;
  const flat = (text: string | undefined) => (text === undefined ? undefined : text.replace(/\s+/g, ' ').trim() || undefined);
  return {
    id: entry.id,
    title: flat(paper.title),
    authors: paper.authors.map((author) => author.replace(/\s+/g, ' ').trim()).filter((author) => author !== ''),
    year: paper.year,
    venue: printableVenue(paper.venue),
    arxivId: paper.arxivId,
    doi: paper.doi,
    abstract: flat(paper.abstract),
    tags: normalizeTags(entry.tags),
  };
}

const SPECIALS = ['\\', '{', '}', '%', '&', '$', '#', '_', '~', '^', '"', "'", '@', ',', '=', ' and '];
const textPiece = fc.oneof(
  fc.constantFrom('Attention', 'BERT', 'GPT-3', 'iPhone', 'naïve', 'Über', 'façade', 'Ελληνικά', '中文', '😀', 'x^2', 'O(n log n)', '50%'),
  fc.constantFrom(...SPECIALS),
  fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 8 }),
);
const text = fc.array(textPiece, { minLength: 1, maxLength: 8 }).map((pieces) => pieces.join(' ')).filter((value) => value.trim() !== '');

const given = fc.constantFrom('Ada', 'Łukasz', 'José María', 'Jürgen', 'Zoë', 'Søren', 'Nguyễn Văn', 'Jean-Paul', 'A. N.', 'danah');
const family = fc.constantFrom('Lovelace', 'Kaiser', 'García-Pérez', 'Müller', "O'Brien", 'Ångström', 'Kierkegaard', 'boyd', 'Sartre', 'Smith & Sons');
const particle = fc.constantFrom('', 'van', 'van der', 'de', 'von', 'di');
const suffix = fc.constantFrom('', '', '', 'Jr.', 'III');
const author = fc.oneof(
  fc.tuple(given, particle, family, suffix).map((parts) => parts.filter((part) => part !== '').join(' ')),
  fc.constantFrom('OpenAI', 'Aristotle', 'DeepMind Team and Friends'),
);
const tag = fc.array(fc.constantFrom('llm', 'scaling laws', 'to read', 'Überblick', 'RL', '中文', 'cs.LG', 'a-b'), { maxLength: 4 });
const venue = fc.constantFrom(undefined, 'arXiv', 'Nature', 'Neural Information Processing Systems', 'Physical Review Letters', 'Proceedings of the ACL', 'Some Workshop Notes');

const identity = fc.oneof(
  fc.integer({ min: 1, max: 99_999 }).map((n) => ({ paperId: 'a'.repeat(40), arxivId: `2${String(n % 9)}0${1 + (n % 9)}.${String(n).padStart(5, '0')}` })),
  fc.stringMatching(/^[0-9a-f]{40}$/).map((hex) => ({ paperId: hex.toLowerCase(), url: `https://www.semanticscholar.org/paper/${hex.toLowerCase()}` })),
  fc.stringMatching(/^[a-z0-9]{3,12}$/).map((suffix) => ({ paperId: `openalex:W${suffix.length}`, doi: `10.1234/${suffix}` })),
);

const entry = fc
  .record({
    identity,
    title: text,
    authors: fc.array(author, { maxLength: 5 }),
    year: fc.option(fc.integer({ min: 1900, max: 2030 }), { nil: undefined }),
    venue,
    abstract: fc.option(text, { nil: undefined }),
    doi: fc.option(fc.stringMatching(/^10\.\d{4}\/[a-z0-9.-]{1,12}$/), { nil: undefined }),
    tags: tag,
  })
  .map(({ identity, title, authors, year, venue, abstract, doi, tags }): LibraryEntry => {
    const paper: Paper = { ...identity, title, authors };
    if (year !== undefined) paper.year = year;
    if (venue !== undefined) paper.venue = venue;
    if (abstract !== undefined) paper.abstract = abstract;
    if (doi !== undefined && paper.doi === undefined && paper.arxivId !== undefined) paper.doi = doi;
    return { id: libraryIdFor(paper), paper, savedAt: 1, updatedAt: 1, tags, notes: '', read: false };
  });

const library = fc.uniqueArray(entry, { minLength: 1, maxLength: 12, selector: (value) => value.id });

describe('BibTeX round trip', () => {
  it('export → import gives back the same library (every field BibTeX carries), with nothing reported', async () => {
    await fc.assert(
      fc.asyncProperty(library, async (entries) => {
        const plan = await planBibliographyImport(toBibtex(entries), 'bibtex', { now: 10, editedAt: 5 });
        expect(plan.problems).toEqual([]);
        expect(plan.mergedInFile).toBe(0);
        expect(plan.entries.map(carried)).toEqual(entries.map(carried));
      }),
      { numRuns: 150 },
    );
  });
});
