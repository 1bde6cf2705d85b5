import { latexToText } from './latexText';

/**
 * Bidi overrides/isolates (U+202A–U+202E, U+2066–U+2069) and C0/C1 control characters.
 * An unmatched U+202E in a title would reverse the rest of the row visually, so they are
 * removed from everything the panel displays; `dir="auto"` on the element keeps real RTL titles right.
 */
const UNSAFE_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g;

/** Text longer than this is never processed: nothing in the panel shows more. */
const PROCESS_LIMIT = 4000;

function cutAt(text: string, limit: number): string {
  if (text.length <= limit) return text;
  let end = limit;
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end--; // never split a surrogate pair
  return `${text.slice(0, end).trimEnd()}…`;
}

/** Safe, readable text: controls and bidi overrides removed, TeX made readable, whitespace collapsed. */
export function readableText(raw: string | undefined | null, limit = PROCESS_LIMIT): string {
  if (!raw) return '';
  const head = raw.length > PROCESS_LIMIT ? raw.slice(0, PROCESS_LIMIT) : raw;
  const cleaned = latexToText(head.replace(UNSAFE_CHARACTERS, ' ')).replace(/\s+/g, ' ').trim();
  return cutAt(cleaned, limit);
}

export interface DisplayTitle {
  /** What is rendered (bounded so a 100 KB title cannot flood the panel). */
  short: string;
  /** For the `title` attribute: the longer text, still bounded. */
  full: string;
}

export function displayTitle(raw: string | undefined | null, shortLimit = 300): DisplayTitle {
  const full = readableText(raw, 2000) || 'Untitled';
  return { short: cutAt(full, shortLimit), full };
}

/** A sentence-sized excerpt of an abstract or TL;DR. */
export function excerpt(raw: string | undefined | null, limit = 400): string {
  return readableText(raw, limit);
}
