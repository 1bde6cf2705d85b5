/**
 * Sentence splitting for abstracts and TL;DRs.
 *
 * Abstracts break naive `split('. ')`: "e.g." and "et al." are followed by capitals, decimals
 * ("1.4%") and URLs contain dots, LaTeX math (`$\sim 5$`) can contain anything, and quoted
 * questions end mid-sentence (`the question, “Can machines think?” is to be …`).
 * A boundary is a run of . ! ? (plus closing quotes/brackets/footnote marks) followed by
 * whitespace and then something that is not a lower-case letter, outside math, and not right
 * after a known abbreviation or a single capital initial.
 */

const ABBREVIATIONS = new Set([
  'e.g', 'eg', 'i.e', 'ie', 'al', 'cf', 'vs', 'etc', 'fig', 'figs', 'eq', 'eqs', 'eqn', 'sec', 'ref', 'refs',
  'tab', 'approx', 'resp', 'viz', 'incl', 'vol', 'pp', 'ch', 'ca', 'dr', 'mr', 'mrs', 'ms', 'prof',
  'jr', 'sr', 'inc', 'ltd', 'w.r.t', 'wrt', 'u.s', 'i.i.d', 'a.k.a',
]);

/** Inline math longer than this is taken for two unrelated dollar signs. */
const MAX_MATH_LENGTH = 300;
const TERMINATORS = new Set(['.', '!', '?']);
/** Characters that may trail a terminator and still belong to the sentence: quotes, brackets, footnote marks. */
const CLOSERS = new Set(['"', "'", '”', '’', ')', ']', '}', '»', '♣', '*', '†', '‡', '§']);

export function splitSentences(text: string): string[] {
  const source = text.replace(/\s+/g, ' ').trim();
  const sentences: string[] = [];
  let start = 0;
  let inDollarMath = false;
  let inParenMath = false;
  let index = 0;
  while (index < source.length) {
    const char = source[index]!;
    if (char === '\\' && (source[index + 1] === '(' || source[index + 1] === ')')) {
      inParenMath = source[index + 1] === '(';
      index += 2;
      continue;
    }
    if (char === '$' && source[index - 1] !== '\\') {
      // A lone "$" is money ("costs $4.6M."), not math: math needs its closing "$" nearby.
      if (inDollarMath) inDollarMath = false;
      else {
        const closing = source.indexOf('$', index + 1);
        inDollarMath = closing !== -1 && closing - index <= MAX_MATH_LENGTH;
      }
      index += 1;
      continue;
    }
    if (inDollarMath || inParenMath || !TERMINATORS.has(char)) {
      index += 1;
      continue;
    }
    let end = index + 1;
    while (end < source.length && (TERMINATORS.has(source[end]!) || CLOSERS.has(source[end]!))) end += 1;
    const atEnd = end >= source.length;
    const followedBySpace = !atEnd && source[end] === ' ';
    if (!atEnd && !followedBySpace) {
      index = end;
      continue;
    }
    const nextChar = atEnd ? '' : (source[end + 1] ?? '');
    const continuesLowercase = nextChar !== '' && nextChar !== nextChar.toUpperCase() && nextChar === nextChar.toLowerCase();
    if (continuesLowercase || (char === '.' && endsWithAbbreviation(source, index))) {
      index = end;
      continue;
    }
    pushTrimmed(sentences, source.slice(start, end));
    start = end;
    index = end;
  }
  pushTrimmed(sentences, source.slice(start));
  return sentences;
}

function pushTrimmed(into: string[], piece: string): void {
  const trimmed = piece.trim();
  if (trimmed !== '') into.push(trimmed);
}

/** True when the period at `dotIndex` closes an abbreviation ("e.g.", "et al.") or an initial ("A. Turing"). */
function endsWithAbbreviation(source: string, dotIndex: number): boolean {
  let wordStart = dotIndex;
  while (wordStart > 0 && /[\p{L}.]/u.test(source[wordStart - 1]!)) wordStart -= 1;
  const word = source.slice(wordStart, dotIndex);
  if (word === '') return false;
  // A lone capital is an initial ("A. Turing"), unless it ends a number ("$4.6M.").
  const before = source[wordStart - 1] ?? ' ';
  if (/^\p{Lu}$/u.test(word)) return !/[\p{L}\p{N}]/u.test(before);
  // "et al." is caught by its last word, "al".
  return ABBREVIATIONS.has(word.toLowerCase().replace(/^\.+/, ''));
}
