/**
 * BibTeX and RIS files into the library (options page only; loaded on demand). The whole file is read and
 * checked before anything is written: the caller shows the problems and writes only on the user's say-so.
 */
import { parseBibtex } from './bibtex';
import { parseRis } from './ris';
import { toEntries, type ImportPlan } from './toEntries';

export type BibliographyFormat = 'bibtex' | 'ris';
export type { ImportPlan } from './toEntries';
export type { BibProblem } from './types';

/** Same bound as a JSON backup. */
export const MAX_BIBLIOGRAPHY_BYTES = 50 * 1024 * 1024;

/** By the file name's extension, else by what the text looks like; null when it is neither. */
export function bibliographyFormat(fileName: string, text: string): BibliographyFormat | null {
  if (/\.(bib|bibtex|biblatex)$/i.test(fileName)) return 'bibtex';
  if (/\.(ris|nbib)$/i.test(fileName)) return 'ris';
  if (/^\s*TY {2}- /m.test(text.slice(0, 10_000))) return 'ris';
  if (/@[A-Za-z]+\s*[{(]/.test(text.slice(0, 100_000))) return 'bibtex';
  return null;
}

export async function planBibliographyImport(text: string, format: BibliographyFormat, options: { now: number; editedAt: number }): Promise<ImportPlan> {
  const { records, problems } = format === 'bibtex' ? await parseBibtex(text) : parseRis(text);
  return toEntries(records, problems, options.now, options.editedAt);
}

/** "line 12 (vaswani2017): no title" */
export function describeProblem(problem: { line: number; key?: string; reason: string }): string {
  return `line ${problem.line}${problem.key ? ` (${problem.key})` : ''}: ${problem.reason}`;
}
