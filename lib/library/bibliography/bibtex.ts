/**
 * Reads a BibTeX / BibLaTeX file (as Zotero, Better BibTeX, JabRef, Google Scholar and this extension write
 * it) into records, checking the whole file: every entry that cannot be read is listed with its line, key
 * and reason, and reading resumes at the next entry. The structure (entries, `@string` macros, `#`
 * concatenation, braces and quotes) is read here; field values go through `latexToText`, and the few it
 * cannot decode (math, unusual commands) through @retorquere/bibtex-parser, loaded only when one appears.
 */
import { latexToText } from './latex';
import { emptyRecord, type BibParse, type BibProblem, type BibRecord } from './types';

const MONTHS: Record<string, string> = { jan: '1', feb: '2', mar: '3', apr: '4', may: '5', jun: '6', jul: '7', aug: '8', sep: '9', oct: '10', nov: '11', dec: '12' };

class Syntax extends Error {
  constructor(
    message: string,
    readonly at: number,
  ) {
    super(message);
  }
}

interface RawEntry {
  line: number;
  type: string;
  key: string;
  fields: Map<string, string>;
}

/** Positions of line starts, for 1-based line numbers. */
function lineIndex(text: string): (offset: number) => number {
  const starts = [0];
  for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', index + 1)) starts.push(index + 1);
  return (offset) => {
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (starts[middle]! <= offset) low = middle;
      else high = middle - 1;
    }
    return low + 1;
  };
}

/** An entry start at the beginning of a line: a brace value that runs into one was never closed. */
const ENTRY_START = /\n[ \t]*@[A-Za-z]+[ \t]*[{(]/g;

function scan(text: string, lineOf: (offset: number) => number): { entries: RawEntry[]; problems: BibProblem[] } {
  const entries: RawEntry[] = [];
  const problems: BibProblem[] = [];
  const macros = new Map<string, string>(Object.entries(MONTHS));
  let position = 0;

  const skipSpace = () => {
    while (position < text.length && /\s/.test(text[position]!)) position++;
  };

  const nextEntryStart = (from: number): number => {
    ENTRY_START.lastIndex = from;
    const match = ENTRY_START.exec(text);
    return match ? match.index + 1 : text.length;
  };

  const braced = (close: string): string => {
    // At `{` (or `"` when close is `"`): returns the raw inner text.
    const start = position + 1;
    const limit = nextEntryStart(start);
    let depth = 0;
    for (let index = start; index < text.length; index++) {
      if (index >= limit) throw new Syntax(`a ${close === '"' ? 'quoted' : 'braced'} value is never closed (unbalanced braces)`, limit);
      const character = text[index];
      if (character === '\\') {
        index++;
        continue;
      }
      if (character === '{') depth++;
      else if (character === '}') {
        if (depth === 0) {
          if (close === '}') {
            position = index + 1;
            return text.slice(start, index);
          }
          throw new Syntax('a quoted value has an unbalanced closing brace', index);
        }
        depth--;
      } else if (character === '"' && close === '"' && depth === 0) {
        position = index + 1;
        return text.slice(start, index);
      }
    }
    throw new Syntax(`a ${close === '"' ? 'quoted' : 'braced'} value is never closed (unbalanced braces)`, text.length);
  };

  const value = (): string => {
    let result = '';
    for (;;) {
      skipSpace();
      const character = text[position];
      if (character === '{') result += braced('}');
      else if (character === '"') result += braced('"');
      else {
        const match = /^[^\s,#{}()"=]+/.exec(text.slice(position, position + 200));
        if (!match) throw new Syntax(character === undefined ? 'the file ends inside the entry' : `expected a value, found "${character}"`, position);
        position += match[0].length;
        const word = match[0];
        if (/^\d+$/.test(word)) result += word;
        else {
          const expansion = macros.get(word.toLowerCase());
          if (expansion === undefined) throw new Syntax(`unknown @string macro "${word}"`, position);
          result += expansion;
        }
      }
      skipSpace();
      if (text[position] !== '#') return result;
      position++;
    }
  };

  while (position < text.length) {
    const at = text.indexOf('@', position);
    if (at === -1) break;
    position = at + 1;
    const typeMatch = /^[A-Za-z]+/.exec(text.slice(position, position + 40));
    if (!typeMatch) continue; // an "@" in free text between entries is a comment
    const type = typeMatch[0].toLowerCase();
    position += typeMatch[0].length;
    skipSpace();
    const open = text[position];
    if (open !== '{' && open !== '(') continue;
    const close = open === '{' ? '}' : ')';
    const startLine = lineOf(at);
    let key: string | undefined;
    try {
      if (type === 'comment' || type === 'preamble') {
        if (open === '{') braced('}');
        else position = text.indexOf(')', position) + 1 || text.length;
        continue;
      }
      position++;
      skipSpace();
      if (type === 'string') {
        const name = /^[^\s=,{}]+/.exec(text.slice(position, position + 200))?.[0];
        if (!name) throw new Syntax('an @string without a name', position);
        position += name.length;
        skipSpace();
        if (text[position] !== '=') throw new Syntax(`expected "=" after @string ${name}`, position);
        position++;
        macros.set(name.toLowerCase(), value());
        skipSpace();
        if (text[position] !== close) throw new Syntax(`expected "${close}" to end @string ${name}`, position);
        position++;
        continue;
      }
      const keyMatch = /^[^\s,{}()=]*/.exec(text.slice(position, position + 500))!;
      key = keyMatch[0];
      position += key.length;
      skipSpace();
      const fields = new Map<string, string>();
      if (text[position] === ',') position++;
      else if (text[position] !== close) throw new Syntax(key === '' ? 'the entry has no citation key' : `expected "," after the key, found "${text[position] ?? 'the end of the file'}"`, position);
      for (;;) {
        skipSpace();
        if (text[position] === close) {
          position++;
          break;
        }
        const nameMatch = /^[A-Za-z][\w:+.-]*/.exec(text.slice(position, position + 100));
        if (!nameMatch) throw new Syntax(position >= text.length ? 'the file ends inside the entry (a closing brace is missing)' : `expected a field name, found "${text[position]}"`, position);
        const name = nameMatch[0].toLowerCase();
        position += nameMatch[0].length;
        skipSpace();
        if (text[position] !== '=') throw new Syntax(`expected "=" after the field name "${name}"`, position);
        position++;
        const raw = value();
        // A repeated field: the first one counts, as BibTeX does.
        if (!fields.has(name)) fields.set(name, raw);
        skipSpace();
        if (text[position] === ',') position++;
        else if (text[position] !== close) throw new Syntax(`expected "," or "${close}" after the field "${name}", found "${text[position] ?? 'the end of the file'}"`, position);
      }
      if (key === '') throw new Syntax('the entry has no citation key', position);
      entries.push({ line: startLine, type, key, fields });
    } catch (error) {
      if (!(error instanceof Syntax)) throw error;
      problems.push({ line: startLine, ...(key ? { key } : {}), reason: `${error.message} (found at line ${lineOf(Math.min(error.at, text.length - 1))})` });
      // Resume at the next entry that starts a line after the failure.
      position = nextEntryStart(Math.max(at + 1, Math.min(error.at, text.length) - 1));
    }
  }
  return { entries, problems };
}

/** "Last, First", "Last, Jr, First" or "First von Last" → display order, for names already decoded. */
function displayName(parts: string[]): string {
  const [family, second, third] = parts;
  if (parts.length >= 3) return [third, family, second].filter((part) => part !== undefined && part !== '').join(' ');
  if (parts.length === 2) return [second, family].filter((part) => part !== '').join(' ');
  return family ?? '';
}

/** Splits raw text at depth-0 separators (braces protect: `{Barnes and Noble}` is one name). */
function splitTopLevel(raw: string, separator: RegExp): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let index = 0; index < raw.length; index++) {
    const character = raw[index];
    if (character === '\\') {
      index++;
      continue;
    }
    if (character === '{') depth++;
    else if (character === '}') depth--;
    else if (depth === 0) {
      separator.lastIndex = index;
      const match = separator.exec(raw);
      if (match && match.index === index) {
        parts.push(raw.slice(start, index));
        start = index + match[0].length;
        index = start - 1;
      }
    }
  }
  parts.push(raw.slice(start));
  return parts.map((part) => part.trim()).filter((part) => part !== '');
}

type Decoder = (raw: string) => Promise<string>;

/** The slow path: @retorquere/bibtex-parser decodes one value (loaded on first use). */
function libraryDecoder(): Decoder {
  let parser: Promise<typeof import('@retorquere/bibtex-parser')> | null = null;
  return async (raw) => {
    parser ??= import('@retorquere/bibtex-parser');
    const { parse } = await parser;
    const parsed = parse(`@misc{k, tex = {${raw}}}`, { english: false, unsupported: (_node, tex) => tex });
    const text = parsed.entries[0]?.fields.tex;
    if (typeof text !== 'string') throw new Error(parsed.errors[0]?.error ?? 'unreadable LaTeX');
    return text.replace(/\s+/g, ' ').trim();
  };
}

const VERBATIM = new Set(['url', 'doi', 'eprint', 'archiveprefix', 'eprinttype', 'primaryclass', 'file']);

/** Parses the whole file; `decodeHard` is for tests (defaults to the bibtex-parser fallback). */
export async function parseBibtex(text: string, decodeHard: Decoder = libraryDecoder()): Promise<BibParse> {
  const lineOf = lineIndex(text);
  const { entries, problems } = scan(text, lineOf);
  const records: BibRecord[] = [];
  for (const entry of entries) {
    try {
      records.push(await toRecord(entry, decodeHard));
    } catch (error) {
      problems.push({ line: entry.line, key: entry.key, reason: `unreadable LaTeX: ${error instanceof Error ? error.message : String(error)}` });
    }
  }
  problems.sort((a, b) => a.line - b.line);
  return { records, problems };
}

async function toRecord(entry: RawEntry, decodeHard: Decoder): Promise<BibRecord> {
  const decode = async (raw: string) => latexToText(raw) ?? (await decodeHard(raw));
  const field = async (name: string): Promise<string | undefined> => {
    const raw = entry.fields.get(name);
    if (raw === undefined) return undefined;
    const text = VERBATIM.has(name) ? raw.replace(/^\{|\}$/g, '').trim() : await decode(raw);
    return text === '' ? undefined : text;
  };
  const record = emptyRecord(entry.line, entry.type, entry.key);
  const title = await field('title');
  if (title !== undefined) record.title = title;
  const people = entry.fields.get('author') ?? entry.fields.get('editor');
  if (people !== undefined) {
    for (const name of splitTopLevel(people, /\s+and\s+/iy)) {
      const parts = await Promise.all(splitTopLevel(name, /,/y).map(decode));
      const display = displayName(parts);
      if (display !== '') record.authors.push(display);
    }
  }
  const date = await field('date');
  const year = (await field('year')) ?? date;
  const yearMatch = year ? /\b(\d{4})\b/.exec(year) : null;
  if (yearMatch) record.year = Number(yearMatch[1]);
  if (date && /^\d{4}-\d{2}(-\d{2})?$/.test(date)) record.date = date;
  else if (yearMatch) {
    const month = await field('month');
    const monthNumber = month && /^\d{1,2}$/.test(month) ? Number(month) : NaN;
    if (monthNumber >= 1 && monthNumber <= 12) record.date = `${yearMatch[1]}-${String(monthNumber).padStart(2, '0')}`;
  }
  const venue = (await field('journal')) ?? (await field('journaltitle')) ?? (await field('booktitle')) ?? (await field('howpublished'));
  if (venue !== undefined && !/^\\?url|^https?:/i.test(venue)) record.venue = venue;
  const doi = await field('doi');
  if (doi !== undefined) record.doi = doi.replace(/^https?:\/\/(dx\.)?doi\.org\//i, '');
  for (const name of ['url', 'howpublished']) {
    const url = await field(name);
    if (url && /^https?:\/\//i.test(url.replace(/^\\url/, ''))) record.urls.push(url.replace(/^\\url/, ''));
  }
  const eprint = await field('eprint');
  if (eprint !== undefined) {
    const archive = (await field('archiveprefix')) ?? (await field('eprinttype'));
    record.eprint = { id: eprint, ...(archive !== undefined && { archive }) };
  }
  for (const name of ['journal', 'note', 'number', 'howpublished']) {
    const hint = await field(name);
    if (hint !== undefined) record.arxivHints.push(hint);
  }
  const abstract = await field('abstract');
  if (abstract !== undefined) record.abstract = abstract;
  const keywords = await field('keywords');
  if (keywords !== undefined) record.keywords = keywords.split(/[,;]/).map((keyword) => keyword.trim()).filter((keyword) => keyword !== '');
  for (const name of ['note', 'annote', 'annotation']) {
    const note = await field(name);
    if (note !== undefined) record.notes.push(note);
  }
  return record;
}
