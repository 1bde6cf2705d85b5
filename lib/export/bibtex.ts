import type { LibraryEntry } from '../db/database';
import { citationKeys } from './citationKeys';
import { splitName } from './names';
import { venueKind, printableVenue } from './venue';
import { bareArxivId, preferredUrl } from './links';

/**
 * BibTeX for a list of saved papers. Text stays UTF-8 (biber and modern BibTeX read it); every LaTeX special
 * character is escaped, so a title such as "$x^2$ & 50%" compiles and prints exactly as the source gave it
 * (unbalanced `$` or `{` from a source would otherwise break the user's whole bibliography).
 */
export function toBibtex(entries: readonly LibraryEntry[]): string {
  const keys = citationKeys(entries);
  return entries.map((entry, index) => bibtexEntry(entry, keys[index]!)).join('\n');
}

function bibtexEntry({ paper, tags }: LibraryEntry, key: string): string {
  const kind = venueKind(paper.venue);
  const venue = printableVenue(paper.venue);
  const type = kind === 'journal' ? 'article' : kind === 'conference' ? 'inproceedings' : 'misc';
  const fields: [string, string][] = [];

  const authors = paper.authors.filter((author) => author.trim() !== '');
  if (authors.length > 0) fields.push(['author', authors.map(bibtexName).join(' and ')]);
  fields.push(['title', protectCase(paper.title)]);
  if (paper.year !== undefined) fields.push(['year', String(paper.year)]);
  if (venue !== undefined) {
    const venueField = kind === 'journal' ? 'journal' : kind === 'conference' ? 'booktitle' : 'howpublished';
    fields.push([venueField, escapeLatex(venue)]);
  }
  if (paper.arxivId) {
    fields.push(['eprint', verbatim(bareArxivId(paper.arxivId))]);
    fields.push(['archivePrefix', 'arXiv']);
  }
  if (paper.doi) fields.push(['doi', verbatim(paper.doi)]);
  const url = preferredUrl(paper);
  if (url !== undefined) fields.push(['url', verbatim(url)]);
  if (paper.abstract && paper.abstract.trim() !== '') fields.push(['abstract', escapeLatex(paper.abstract)]);
  const keywords = tags.map(keywordText).filter((tag) => tag !== '');
  if (keywords.length > 0) fields.push(['keywords', keywords.join(', ')]);

  const body = fields.map(([name, value]) => `  ${name} = {${value}}`).join(',\n');
  return `@${type}{${key},\n${body}\n}\n`;
}

const LATEX_SPECIALS: Record<string, string> = {
  '\\': '\\textbackslash{}',
  // Classic BibTeX counts `\{` as a brace when delimiting a field, so braces get balanced command forms.
  '{': '\\textbraceleft{}',
  '}': '\\textbraceright{}',
  '%': '\\%',
  '&': '\\&',
  $: '\\$',
  '#': '\\#',
  _: '\\_',
  '~': '\\textasciitilde{}',
  '^': '\\textasciicircum{}',
};

/** Escapes LaTeX specials and flattens whitespace (a blank line inside a field is a paragraph break). */
export function escapeLatex(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[\\{}%&$#_~^]/g, (special) => LATEX_SPECIALS[special] ?? special);
}

/**
 * Bibliography styles lowercase titles; braces keep words whose capitals carry meaning ("BERT", "GPT-3", "iPhone").
 * A capital only at the start of a word ("Attention") is left to the style.
 */
function protectCase(title: string): string {
  return escapeLatex(title)
    .split(' ')
    .map((word) => (/.\p{Lu}/u.test(word.replace(/\\[a-z]+\{\}|\\./g, '')) ? `{${word}}` : word))
    .join(' ');
}

function bibtexName(raw: string): string {
  const name = raw.replace(/\s+/g, ' ').trim();
  // A literal " and " would split one author into two; braces make the whole name one unit.
  if (/\sand\s/i.test(name)) return `{${escapeLatex(name)}}`;
  const { given, family, suffix } = splitName(name);
  return [family, suffix, given].filter((part) => part !== '').map(escapeLatex).join(', ');
}

/** url/doi/eprint are read verbatim; only braces and backslashes would confuse the parser, so percent-encode them. */
function verbatim(text: string): string {
  return text.trim().replace(/[{}\\\s]/g, (character) => `%${character.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}

/** Keywords are a comma-separated list read verbatim and never printed, so only the separators need care. */
function keywordText(tag: string): string {
  return tag.replace(/[{}\\]/g, '').replace(/,/g, ' ').replace(/\s+/g, ' ').trim();
}
