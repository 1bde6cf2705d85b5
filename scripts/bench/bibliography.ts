/**
 * Bibliography import benchmark: a seeded 5,000-entry BibTeX file shaped like a Zotero export (abstracts,
 * file and urldate fields, keywords, UTF-8 names, escaped specials, some accents in LaTeX and a few math
 * titles that go to the fallback parser), read and checked whole (goal ≤ 3 s), then written the way the
 * options page writes it: as a backup through `parseBackup` + `mergeInto` (fake IndexedDB in Node).
 * Run alone with `npx tsx scripts/bench/bibliography.ts`.
 */
import 'fake-indexeddb/auto';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { seededRandom } from '../../lib/random';
import { planBibliographyImport } from '../../lib/library/bibliography';
import { toBackup } from '../../lib/export/backup';
import { mergeInto, parseBackup } from '../../lib/library/importBackup';
import { openDatabase } from '../../lib/db/database';
import { formatFigure, type Figure } from './figure';

export const ENTRIES = 5_000;

const GIVEN = ['Ashish', 'Noam', 'Łukasz', 'José María', 'Jürgen', 'Zoë', 'Søren', 'Aidan N.', 'Jack W.', 'Mei', 'Ngọc Anh'];
const FAMILY = ['Vaswani', 'Shazeer', 'Kaiser', 'García-Pérez', 'Müller', 'van den Driessche', 'de Las Casas', "O'Brien", 'Nguyễn', 'Rae'];
const WORDS = ['Scaling', 'Language', 'Models', 'Attention', 'Training', 'Compute-Optimal', 'Reasoning', 'Benchmarks', 'Sparse', 'Mixture', 'Experts', 'Retrieval'];
const VENUES = ['Advances in Neural Information Processing Systems', 'Transactions on Machine Learning Research', 'Nature'];

export function zoteroStyleBibtex(count: number, seed = 18): string {
  const random = seededRandom(seed);
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
  const parts: string[] = [];
  for (let index = 0; index < count; index++) {
    const words = Array.from({ length: 4 + Math.floor(random() * 6) }, () => `{${pick(WORDS)}}`);
    if (index % 7 === 0) words.push('\\& {R}\\&{D} at 100\\%');
    if (index % 11 === 0) words.push('{\\"U}ber {Na\\"{\\i}ve} {Fa\\c{c}ades}');
    if (index % 50 === 0) words.push('with $\\mathcal{O}(n \\log n)$ cost');
    const authors = Array.from({ length: 2 + Math.floor(random() * 8) }, () => `${pick(FAMILY)}, ${pick(GIVEN)}`).join(' and ');
    const year = 2015 + Math.floor(random() * 11);
    const arxiv = `${String(year).slice(2)}${String(1 + Math.floor(random() * 12)).padStart(2, '0')}.${String(index).padStart(5, '0')}`;
    const preprint = index % 3 !== 0;
    parts.push(
      [
        `@${preprint ? 'misc' : 'article'}{${pick(FAMILY).toLowerCase().replace(/[^a-z]/g, '')}_${index}_${year},`,
        `\ttitle = {${words.join(' ')}},`,
        `\turl = {http://arxiv.org/abs/${arxiv}},`,
        preprint ? `\tdoi = {10.48550/arXiv.${arxiv}},` : `\tjournal = {${pick(VENUES)}},`,
        `\tabstract = {${Array.from({ length: 40 }, () => pick(WORDS).toLowerCase()).join(' ')}.},`,
        `\turldate = {2024-0${1 + (index % 9)}-1${index % 10}},`,
        preprint ? '\tpublisher = {arXiv},' : `\tvolume = {${index % 40}},`,
        `\tauthor = {${authors}},`,
        `\tmonth = ${['jan', 'apr', 'jun', 'oct'][index % 4]},`,
        `\tyear = {${year}},`,
        preprint ? `\tnote = {arXiv:${arxiv} [cs]},` : `\tpages = {${index}--${index + 12}},`,
        `\tkeywords = {Computer Science - Machine Learning, ${pick(WORDS)}},`,
        `\tfile = {arXiv Fulltext PDF:/home/reader/Zotero/storage/K${index}/paper.pdf:application/pdf},`,
        '}',
        '',
      ].join('\n'),
    );
  }
  return parts.join('\n');
}

export async function run(): Promise<Figure[]> {
  const text = zoteroStyleBibtex(ENTRIES);
  // The first read is what a user sees (it also loads the fallback parser for the math titles).
  let started = performance.now();
  const plan = await planBibliographyImport(text, 'bibtex', { now: Date.now(), editedAt: Date.now() });
  const readMs = performance.now() - started;
  if (plan.entries.length !== ENTRIES || plan.problems.length > 0) {
    throw new Error(`expected ${ENTRIES} clean entries, got ${plan.entries.length} and ${plan.problems.length} problems`);
  }
  started = performance.now();
  const parsed = parseBackup(toBackup(plan.entries, Date.now()));
  if (!parsed.ok) throw new Error(parsed.message);
  const db = openDatabase(`bench-bibliography-${Date.now()}`);
  await mergeInto(db, parsed.entries);
  const writeMs = performance.now() - started;
  db.close();
  return [
    { name: `BibTeX import ${ENTRIES.toLocaleString('en-US')} entries (read + check, Zotero-style, ${(text.length / 1e6).toFixed(1)} MB)`, value: Math.round(readMs), unit: 'ms' },
    { name: `BibTeX import ${ENTRIES.toLocaleString('en-US')} entries, validate + write (fake IndexedDB)`, value: Math.round(writeMs), unit: 'ms' },
  ];
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  void run().then((figures) => {
    for (const figure of figures) console.log(formatFigure(figure));
  });
}
