import { describe, expect, it, vi } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../paths';
import { parseBibtex } from '../../lib/library/bibliography/bibtex';
import { parseRis } from '../../lib/library/bibliography/ris';
import { toEntries } from '../../lib/library/bibliography/toEntries';
import { latexToText } from '../../lib/library/bibliography/latex';
import { bibliographyFormat, describeProblem, planBibliographyImport } from '../../lib/library/bibliography';

const FIXTURES = join(REPO_ROOT, 'tests', 'fixtures', 'bibliography');
const read = (name: string) => readFileSync(join(FIXTURES, name), 'utf8');

async function bibEntries(text: string) {
  const { records, problems } = await parseBibtex(text);
  return toEntries(records, problems, 2_000, 1_000);
}

describe('BibTeX import', () => {
  it('imports a Zotero BibTeX export cleanly: ids, names, venues, tags, notes', async () => {
    const plan = await bibEntries(read('zotero-export.bib'));
    expect(plan.problems).toEqual([]);
    expect(plan.entries.map((entry) => entry.id)).toEqual([
      'arxiv:1706.03762', // doi 10.48550/arXiv… and an arxiv.org URL
      'doi:10.18653/v1/n19-1423',
      'arxiv:2203.15556', // versioned arxiv.org URL
      'doi:10.1007/bf01700692',
      's2:163b4d6a79a5b19af88b8585456363340d9efd04', // Semantic Scholar URL
      'title:lernen mit wenigen beispielen muller s ansatze zur generalisierung:2020',
    ]);
    const [attention, bert, chinchilla, godel, gpt4, thesis] = plan.entries;
    expect(attention!.paper).toMatchObject({ title: 'Attention Is All You Need', arxivId: '1706.03762', doi: '10.48550/arXiv.1706.03762', year: 2023, publicationDate: '2023-08' });
    expect(attention!.paper.authors).toContain('Łukasz Kaiser');
    expect(attention!.tags).toEqual(['Computer Science - Computation and Language', 'Computer Science - Machine Learning']);
    // Zotero's `note = {arXiv:1706.03762 [cs]}` is an identifier, not a note.
    expect(attention!.notes).toBe('');
    expect(bert!.paper.title).toBe('BERT: Pre-training of Deep Bidirectional Transformers for Language Understanding');
    expect(bert!.paper.venue).toMatch(/^Proceedings of the 2019 Conference of the North American Chapter/);
    expect(bert!.notes).toBe('Masked language modelling; read sections 3 and 4 again.');
    expect(chinchilla!.paper.authors).toContain('Diego de Las Casas');
    expect(chinchilla!.paper.authors).toContain('George van den Driessche');
    expect(chinchilla!.tags).toEqual(['scaling laws', 'compute']);
    expect(godel!.paper).toMatchObject({ title: 'Über formal unentscheidbare Sätze der Principia Mathematica und verwandter Systeme I', authors: ['Kurt Gödel'], venue: 'Monatshefte für Mathematik und Physik', publicationDate: '1931-12' });
    expect(godel!.paper.url).toBeUndefined(); // a doi.org link is the DOI again
    expect(gpt4!.paper.title).toBe('GPT-4 Technical Report: 100% of $x$ & R&D, snake_case and a \\backslash');
    expect(gpt4!.paper.authors).toEqual(['OpenAI', 'Josh Achiam', 'Steven Adler']);
    expect(thesis!.paper.title).toBe("Lernen mit wenigen Beispielen: Müller's Ansätze zur Genéralisierung");
    expect(thesis!.paper.authors).toEqual(['Jörg Müller', 'Văn An Nguyễn', 'José García-Pérez']);
    expect(thesis!.notes).toBe('Cited in the group seminar');
    for (const entry of plan.entries) expect(entry).toMatchObject({ savedAt: 2_000, updatedAt: 1_000, read: false });
  });

  it('recognises arXiv ids from eprint + archivePrefix, bare eprints, arxiv.org URLs, 10.48550 DOIs and "arXiv:" text', async () => {
    const plan = await bibEntries(`
@article{a, title={A}, eprint={2101.00001}, archivePrefix={arXiv}, primaryClass={cs.LG}}
@misc{b, title={B}, eprint={hep-th/9901001v2}}
@misc{c, title={C}, url={https://arxiv.org/pdf/2102.00002v3}}
@misc{d, title={D}, doi={10.48550/ARXIV.2103.00003}}
@article{e, title={E}, journal={arXiv preprint arXiv:2104.00004}}
@misc{f, title={F}, eprint={PMC12345}, eprinttype={pubmed}}
`);
    expect(plan.entries.map((entry) => entry.paper.arxivId)).toEqual(['2101.00001', 'hep-th/9901001', '2102.00002', '2103.00003', '2104.00004', undefined]);
    // "arXiv preprint arXiv:…" is not a venue.
    expect(plan.entries[4]!.paper.venue).toBeUndefined();
  });

  it('checks the whole file, naming each unreadable entry by line and key, and keeps reading after it', async () => {
    const plan = await bibEntries(`@misc{ok1, title={Fine}}
@misc{unbalanced, title={Never closed, author={X}
@misc{ok2, title = {Also fine}, author = {Doe, Jane}}
@misc{macro, title = "x" # nosuchmacro}
@misc{untitled, author={Nobody}}
@misc{, title={No key}}
@misc{ok3, title = {Math $\\alpha^2$}}
`);
    expect(plan.entries.map((entry) => entry.paper.title)).toEqual(['Fine', 'Also fine', 'Math α²']);
    expect(plan.problems.map(describeProblem)).toEqual([
      'line 2 (unbalanced): a braced value is never closed (unbalanced braces) (found at line 3)',
      'line 4 (macro): unknown @string macro "nosuchmacro" (found at line 4)',
      'line 5 (untitled): no title',
      'line 6: the entry has no citation key (found at line 6)',
    ]);
  });

  it('expands @string macros and # concatenation, and merges a paper named twice in the file', async () => {
    const plan = await bibEntries(`@string{nips = {Neural Information Processing Systems}}
@inproceedings{x1, title={Same}, booktitle = "Advances in " # nips, eprint={2101.00001}, keywords={a}}
@misc{x2, title={Same}, url={https://arxiv.org/abs/2101.00001}, keywords={b, a}, annote={from the second}}
`);
    expect(plan.entries).toHaveLength(1);
    expect(plan.mergedInFile).toBe(1);
    expect(plan.entries[0]).toMatchObject({ tags: ['a', 'b'], notes: 'from the second', paper: { venue: 'Advances in Neural Information Processing Systems' } });
  });

  it('decodes the LaTeX reference managers write, and leaves the rest to @retorquere/bibtex-parser', async () => {
    expect(latexToText('{\\"O}sterreich \\& {\\c{C}}a\\u{g}lar, G\\\'{e}rard, na\\"{\\i}ve, \\ss, \\o, \\l{}')).toBe('Österreich & Çağlar, Gérard, naïve, ß, ø, ł');
    expect(latexToText('100\\% \\$5 \\#1 snake\\_case \\textbackslash{} \\textbraceleft{}x\\textbraceright{} \\emph{it}')).toBe('100% $5 #1 snake_case \\ {x} it');
    expect(latexToText('$x^2$')).toBeNull();
    expect(latexToText('\\unknown{x}')).toBeNull();
    const decodeHard = vi.fn(async (raw: string) => `decoded(${raw})`);
    const { records } = await parseBibtex('@misc{k, title={Plain {BERT}}, abstract={With $x$ math}}', decodeHard);
    expect(records[0]).toMatchObject({ title: 'Plain BERT', abstract: 'decoded(With $x$ math)' });
    expect(decodeHard).toHaveBeenCalledTimes(1);
  });
});

describe('RIS import', () => {
  it('imports a Zotero RIS export cleanly', () => {
    const { records, problems } = parseRis(read('zotero-export.ris'));
    const plan = toEntries(records, problems, 2_000, 1_000);
    expect(plan.problems).toEqual([]);
    expect(plan.entries.map((entry) => entry.id)).toEqual(['arxiv:1706.03762', 'doi:10.18653/v1/n19-1423', 'doi:10.1007/bf01700692']);
    const [attention, bert, godel] = plan.entries;
    expect(attention!.paper).toMatchObject({ arxivId: '1706.03762', year: 2023, publicationDate: '2023-08-01', authors: expect.arrayContaining(['Łukasz Kaiser', 'Aidan N. Gomez']) });
    expect(attention!.paper.url).toBeUndefined(); // the file:// PDF link and the arXiv URL are not the paper's URL
    expect(attention!.notes).toBe('');
    expect(bert!.notes).toBe('Masked language modelling; read sections 3 & 4 again.');
    expect(bert!.paper.publicationDate).toBe('2019-06');
    expect(godel!.tags).toEqual(['logic', 'incompleteness']);
    expect(godel!.paper.venue).toBe('Monatshefte für Mathematik und Physik');
  });

  it('lists every record it cannot read by line and keeps the others', () => {
    const text = ['TY  - JOUR', 'TI  - First', 'ER  - ', 'TY  - JOUR', 'TI  - Second, never ended', 'TY  - JOUR', 'AU  - Doe, Jane', 'ER  - ', 'stray text', 'TY  - GEN', 'TI  - Last', 'ER  -'].join('\r\n');
    const { records, problems } = parseRis(text);
    const plan = toEntries(records, problems, 0, 0);
    expect(plan.entries.map((entry) => entry.paper.title)).toEqual(['First', 'Last']);
    expect(plan.problems.map(describeProblem)).toEqual([
      'line 4: the record has no "ER  -" line before the next record at line 6',
      'line 6: no title',
      'line 9: text outside a record (records start with "TY  - "): "stray text"',
    ]);
  });
});

describe('format detection', () => {
  it('goes by extension, then by content', async () => {
    expect(bibliographyFormat('refs.bib', '')).toBe('bibtex');
    expect(bibliographyFormat('export.RIS', '')).toBe('ris');
    expect(bibliographyFormat('refs.txt', 'TY  - JOUR\nER  - ')).toBe('ris');
    expect(bibliographyFormat('refs.txt', '% comment\n@article{x, title={y}}')).toBe('bibtex');
    expect(bibliographyFormat('notes.txt', 'just text')).toBeNull();
    const plan = await planBibliographyImport('@misc{k, title={T}, eprint={2101.00001}, archivePrefix={arXiv}}', 'bibtex', { now: 5, editedAt: 3 });
    expect(plan.entries[0]).toMatchObject({ id: 'arxiv:2101.00001', savedAt: 5, updatedAt: 3 });
  });
});
