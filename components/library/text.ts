import { latexToText } from '../shared/latexText';
import { formatCount } from '../shared/format';

const LABEL_LENGTH = 120;

/** A paper title as readers see it (inline TeX turned into text). */
export function displayTitle(title: string): string {
  const text = latexToText(title).trim();
  return text === '' ? 'Untitled paper' : text;
}

/** A title short enough to name a control ("Remove tag x from <title>") even when the title is hostile-long. */
export function labelTitle(title: string): string {
  const text = displayTitle(title);
  return text.length > LABEL_LENGTH ? `${text.slice(0, LABEL_LENGTH - 1)}…` : text;
}

const AUTHORS_SHOWN = 8;

/** "A, B and C"; long lists end with "and 12 more". */
export function authorLine(authors: readonly string[]): string {
  const names = authors.map((name) => name.trim()).filter((name) => name !== '');
  if (names.length === 0) return 'Unknown authors';
  if (names.length > AUTHORS_SHOWN) {
    return `${names.slice(0, AUTHORS_SHOWN).join(', ')} and ${formatCount(names.length - AUTHORS_SHOWN)} more`;
  }
  if (names.length === 1) return names[0]!;
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}
