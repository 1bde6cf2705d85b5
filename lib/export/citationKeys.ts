import type { LibraryEntry } from '../db/database';
import { splitName } from './names';

/**
 * Citation keys in the Google Scholar style (`vaswani2017attention`): first author's family name, year and first
 * significant title word, folded to ASCII lowercase so every TeX engine and pandoc accept them.
 * Keys are unique within one export: a repeated key gets a, b, c, … appended in the order entries are given.
 */
export function citationKeys(entries: readonly LibraryEntry[]): string[] {
  const used = new Set<string>();
  return entries.map((entry) => {
    const base = baseKey(entry);
    let key = base;
    for (let attempt = 0; used.has(key); attempt++) key = base + letterSuffix(attempt);
    used.add(key);
    return key;
  });
}

const STOPWORDS = new Set(['a', 'an', 'the', 'on', 'of', 'in', 'for', 'to', 'and', 'with', 'from', 'by', 'at', 'is', 'are', 'do', 'does']);

function baseKey({ paper }: LibraryEntry): string {
  const firstAuthor = paper.authors[0];
  const family = firstAuthor === undefined ? '' : asciiFold(splitName(firstAuthor).family);
  const year = paper.year === undefined ? '' : String(paper.year);
  const titleWord = paper.title
    .split(/\s+/)
    .map(asciiFold)
    .find((word) => word !== '' && !STOPWORDS.has(word)) ?? '';
  return `${family || 'anon'}${year}${titleWord}`;
}

/** 0 → a, 25 → z, 26 → aa, … */
function letterSuffix(index: number): string {
  let suffix = '';
  let rest = index;
  do {
    suffix = String.fromCharCode(97 + (rest % 26)) + suffix;
    rest = Math.floor(rest / 26) - 1;
  } while (rest >= 0);
  return suffix;
}

// Letters NFKD does not decompose into ASCII.
const FOLDS: Record<string, string> = {
  ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', ł: 'l', đ: 'd', ð: 'd', þ: 'th', ı: 'i', ĸ: 'k', ŋ: 'n',
};

/** "Gödel" → "godel", "Łukasz" → "lukasz", "王" → "" (no ASCII reading without a transliteration table). */
export function asciiFold(text: string): string {
  return text
    .toLowerCase()
    .replace(/[ßæœøłđðþıĸŋ]/g, (letter) => FOLDS[letter] ?? '')
    .normalize('NFKD')
    .replace(/[^a-z0-9]/g, '');
}
