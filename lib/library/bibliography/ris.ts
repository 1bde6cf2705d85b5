/**
 * Reads RIS (Zotero, Mendeley, EndNote, PubMed, publishers' "download citation"). RIS is one `TAG  - value`
 * line per field, records from `TY` to `ER`, so a reader is a short loop; the one maintained npm reader
 * (@citation-js/plugin-ris, measured here) drops `DO` DOIs and skips malformed records without saying so,
 * and this importer has to name every record it cannot read.
 */
import { emptyRecord, type BibParse, type BibProblem, type BibRecord } from './types';

const TAG_LINE = /^([A-Z][A-Z0-9])  ?-(?: (.*))?$/;

export function parseRis(text: string): BibParse {
  const records: BibRecord[] = [];
  const problems: BibProblem[] = [];
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  let current: { record: BibRecord; tags: [string, string][] } | null = null;
  let lastTag: [string, string] | null = null;
  let broken: string | null = null;

  const finish = () => {
    if (!current) return;
    if (broken) problems.push({ line: current.record.line, reason: broken });
    else records.push(toRecord(current.record, current.tags));
    current = null;
    broken = null;
    lastTag = null;
  };

  lines.forEach((raw, index) => {
    const lineNumber = index + 1;
    const line = raw.replace(/\s+$/, '');
    if (line.trim() === '') return;
    const match = TAG_LINE.exec(line);
    if (!match) {
      // A long value wrapped onto the next line (some exporters do this) continues the previous tag.
      if (current && lastTag && !/^[A-Z][A-Z0-9]\s*-/.test(line)) {
        lastTag[1] += ` ${line.trim()}`;
        return;
      }
      if (current) broken ??= `line ${lineNumber} is not a RIS "TAG  - value" line: "${line.slice(0, 60)}"`;
      else problems.push({ line: lineNumber, reason: `text outside a record (records start with "TY  - "): "${line.slice(0, 60)}"` });
      return;
    }
    const tag = match[1]!;
    const value = (match[2] ?? '').trim();
    if (tag === 'TY') {
      if (current) {
        broken ??= `the record has no "ER  -" line before the next record at line ${lineNumber}`;
        finish();
      }
      current = { record: emptyRecord(lineNumber, value || 'GEN'), tags: [] };
      return;
    }
    if (!current) {
      problems.push({ line: lineNumber, reason: `"${tag}" outside a record (records start with "TY  - ")` });
      return;
    }
    if (tag === 'ER') {
      finish();
      return;
    }
    lastTag = [tag, value];
    current.tags.push(lastTag);
  });
  if (current) {
    broken ??= 'the file ends before the record\'s "ER  -" line';
    finish();
  }
  return { records, problems };
}

function toRecord(record: BibRecord, tags: [string, string][]): BibRecord {
  const first = (...names: string[]) => {
    for (const name of names) {
      const found = tags.find(([tag, value]) => tag === name && value !== '');
      if (found) return found[1];
    }
    return undefined;
  };
  const all = (...names: string[]) => tags.filter(([tag, value]) => names.includes(tag) && value !== '').map(([, value]) => value);
  const title = first('TI', 'T1', 'CT', 'BT');
  if (title !== undefined) record.title = title;
  for (const name of all('AU', 'A1', 'A2').length > 0 ? all('AU', 'A1') : all('A2', 'ED')) {
    const [family = '', given = '', suffix = ''] = name.split(',').map((part) => part.trim());
    const display = [given, family, suffix].filter((part) => part !== '').join(' ');
    if (display !== '') record.authors.push(display);
  }
  const date = first('DA', 'PY', 'Y1');
  const dateMatch = date ? /^(\d{4})(?:[/-](\d{1,2})(?:[/-](\d{1,2}))?)?/.exec(date) : null;
  const year = first('PY', 'Y1', 'DA');
  const yearMatch = year ? /(\d{4})/.exec(year) : null;
  if (yearMatch) record.year = Number(yearMatch[1]);
  if (dateMatch?.[2] && (!yearMatch || dateMatch[1] === yearMatch[1])) {
    record.date = [dateMatch[1], dateMatch[2].padStart(2, '0'), dateMatch[3]?.padStart(2, '0')].filter(Boolean).join('-');
  }
  const venue = first('T2', 'JO', 'JF', 'JA', 'J2', 'T3');
  if (venue !== undefined) record.venue = venue;
  const doi = first('DO');
  if (doi !== undefined) record.doi = doi.replace(/^https?:\/\/(dx\.)?doi\.org\//i, '');
  record.urls = all('UR', 'L1', 'L2', 'LK');
  record.arxivHints = [...all('N1', 'M1', 'AN', 'SN', 'ID'), ...(venue ? [venue] : [])];
  const abstract = first('AB', 'N2');
  if (abstract !== undefined) record.abstract = abstract;
  record.keywords = all('KW').flatMap((value) => value.split(/;/)).map((keyword) => keyword.trim()).filter((keyword) => keyword !== '');
  record.notes = all('N1').map(htmlToText).filter((note) => note !== '');
  return record;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/** Zotero writes notes as HTML (`<p>…</p>`); the library keeps plain text. */
function htmlToText(html: string): string {
  if (!/[<&]/.test(html)) return html.trim();
  return html
    .replace(/<\/(p|div|li|h\d)>|<br\s*\/?>/gi, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
      if (name.startsWith('#x') || name.startsWith('#X')) return String.fromCodePoint(parseInt(name.slice(2), 16));
      if (name.startsWith('#')) return String.fromCodePoint(Number(name.slice(1)));
      return ENTITIES[name.toLowerCase()] ?? whole;
    })
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
