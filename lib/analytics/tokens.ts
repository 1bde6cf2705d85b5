/**
 * Words -> matching terms, for comparing a paper's claims with citing sentences.
 *
 * Terms are lower-cased, Porter-stemmed words with citation markers ("[12]", "(Kaplan et al.,
 * 2020)"), LaTeX math and stop-words removed. The stop-words include the scientific boilerplate
 * every abstract and citation shares ("we", "paper", "propose", "model", "results", "show"),
 * which otherwise dominates the overlap between unrelated sentences.
 */
import { stem } from './stem';

const ENGLISH_STOP_WORDS = [
  'a', 'about', 'above', 'across', 'after', 'again', 'against', 'all', 'almost', 'along', 'already', 'also', 'although',
  'always', 'am', 'among', 'an', 'and', 'another', 'any', 'are', 'around', 'as', 'at', 'be', 'because', 'been', 'before',
  'being', 'below', 'between', 'both', 'but', 'by', 'can', 'cannot', 'could', 'did', 'do', 'does', 'doing', 'done',
  'down', 'during', 'each', 'either', 'else', 'enough', 'etc', 'even', 'ever', 'every', 'few', 'for', 'from', 'further',
  'had', 'has', 'have', 'having', 'he', 'her', 'here', 'hers', 'herself', 'him', 'himself', 'his', 'how', 'however',
  'i', 'if', 'in', 'into', 'is', 'it', 'its', 'itself', 'just', 'least', 'less', 'let', 'like', 'made', 'make', 'makes',
  'many', 'may', 'me', 'might', 'more', 'most', 'much', 'must', 'my', 'myself', 'neither', 'no', 'nor', 'not', 'now',
  'of', 'off', 'often', 'on', 'once', 'one', 'only', 'or', 'other', 'others', 'otherwise', 'our', 'ours', 'ourselves',
  'out', 'over', 'own', 'per', 'perhaps', 'quite', 'rather', 'same', 'several', 'she', 'should', 'since', 'so', 'some',
  'such', 'than', 'that', 'the', 'their', 'theirs', 'them', 'themselves', 'then', 'there', 'therefore', 'these', 'they',
  'this', 'those', 'though', 'through', 'thus', 'to', 'too', 'under', 'until', 'up', 'upon', 'us', 'very', 'via', 'was',
  'we', 'well', 'were', 'what', 'when', 'where', 'whether', 'which', 'while', 'who', 'whom', 'whose', 'why', 'will',
  'with', 'within', 'without', 'would', 'yet', 'you', 'your', 'yours',
];

/** Words every scientific abstract and citation sentence uses; they carry no claim-specific content. */
const SCIENTIFIC_STOP_WORDS = [
  'paper', 'papers', 'work', 'works', 'study', 'studies', 'studied', 'article', 'letter', 'propose', 'proposed',
  'proposes', 'proposing', 'present', 'presents', 'presented', 'introduce', 'introduced', 'introduces', 'approach',
  'approaches', 'method', 'methods', 'model', 'models', 'modeling', 'modelling', 'result', 'results', 'show', 'shows',
  'shown', 'showed', 'demonstrate', 'demonstrates', 'demonstrated', 'use', 'used', 'uses', 'using', 'based', 'et', 'al',
  'novel', 'new', 'recent', 'recently', 'prior', 'previous', 'previously', 'existing', 'related', 'moreover',
  'furthermore', 'finally', 'first', 'second', 'third', 'e', 'g', 'ie', 'eg', 'cf', 'fig', 'figure', 'table', 'eq',
  'section', 'ref', 'refs', 'cite', 'cited', 'cites', 'citation', 'respectively', 'significantly', 'significant',
  'various', 'different', 'given', 'provide', 'provides', 'provided', 'able', 'widely', 'typically', 'usually',
  'vs', 'author', 'authors', 'literature', 'https', 'http', 'www', 'com', 'github', 'org',
];

export const MATCHING_STOP_WORDS: ReadonlySet<string> = new Set([...ENGLISH_STOP_WORDS, ...SCIENTIFIC_STOP_WORDS]);
const STOP_STEMS: ReadonlySet<string> = new Set([...MATCHING_STOP_WORDS].map(stem));

const LATEX_MATH = /\$[^$]*\$|\\\(.*?\\\)/g;
const YEAR_LIKE = /^(1[89]\d\d|20\d\d)[a-z]?$/;
const WORD_CHAR = /[\p{L}\p{N}]/u;

/**
 * Walks the lower-cased words of one text, skipping LaTeX math and citation markers:
 * "[12]", "[4, 5]", "[Ramani et al., 2022]" (a short bracket holding a digit) and
 * "(Kaplan et al., 2020)", "(cf. Turing, 1950; Hoffmann 2022a)" (a short parenthesis holding a
 * year). "et al." needs no special case: "et" and "al" are stop-words.
 * A hand-rolled scan rather than regular expressions and split(): this runs on every sentence of
 * a hub, and ASCII letters and digits take the fast path. A word is reported as the span
 * `text.slice(start, end)` plus a numeric `key` rather than as a string, so that the TF-IDF pass
 * can look each of a hub's ~250,000 words up in its own table without allocating a string or
 * comparing characters (see ./wordTable).
 */
export class WordScanner {
  /** The text being scanned: lower-cased, LaTeX math blanked out. */
  text = '';
  /** The current word is text[start, end). */
  start = 0;
  end = 0;
  /**
   * The current word as a number, exact for words of at most MAX_KEYED_WORD_LENGTH ASCII letters
   * and digits (most words): their characters as base-37 digits 1-36 (a-z, then 0-9), so two
   * such words are equal exactly when their keys are. 0 for any other word.
   */
  key = 0;
  private position = 0;

  /** Starts on `raw`; `lowerCase`, when given, must be raw.toLowerCase() (computed once for several uses). */
  reset(raw: string, lowerCase?: string): void {
    this.text = raw.includes('$') || raw.includes('\\(') ? raw.replace(LATEX_MATH, ' ').toLowerCase() : (lowerCase ?? raw.toLowerCase());
    this.position = 0;
    this.start = 0;
    this.end = 0;
    this.key = 0;
  }

  /** Moves to the next word; false when the text has none left. */
  next(): boolean {
    const text = this.text;
    const length = text.length;
    let index = this.position;
    // Up to the next word, jumping over citation markers. A bracket or parenthesis right after
    // a word is seen here too: the previous call stopped on it.
    while (index < length) {
      const code = text.charCodeAt(index);
      if (code < 128 ? ASCII_WORD_DIGIT[code] !== 0 : WORD_CHAR.test(text[index]!)) break;
      if (code === 91 /* [ */) index = skipCitationBracket(text, index);
      else if (code === 40 /* ( */) index = skipCitationParenthesis(text, index);
      index += 1;
    }
    if (index >= length) {
      this.position = length;
      return false;
    }
    const start = index;
    let key = 0;
    let asciiOnly = true;
    for (; index < length; index += 1) {
      const code = text.charCodeAt(index);
      if (code < 128) {
        const digit = ASCII_WORD_DIGIT[code]!;
        if (digit === 0) break;
        // Exact below 2^53, i.e. for up to 10 characters; longer words get key 0 below.
        key = key * 37 + digit;
      } else if (WORD_CHAR.test(text[index]!)) asciiOnly = false;
      else break;
    }
    this.start = start;
    this.end = index;
    this.key = asciiOnly && index - start <= MAX_KEYED_WORD_LENGTH ? key : 0;
    this.position = index;
    return true;
  }
}

/** Words up to this long get an exact WordScanner key: 37^10 < 2^53, the largest exact integer of a double. */
export const MAX_KEYED_WORD_LENGTH = 10;

/**
 * Per ASCII code: 0 when not a word character, else the character's base-37 digit in
 * WordScanner keys: a-z are 1-26, 0-9 are 27-36 (the text is lower-cased, so no A-Z).
 */
const ASCII_WORD_DIGIT = new Uint8Array(128);
for (let code = 97; code <= 122; code += 1) ASCII_WORD_DIGIT[code] = code - 96;
for (let code = 48; code <= 57; code += 1) ASCII_WORD_DIGIT[code] = 27 + code - 48;

/** Calls `visit` with each lower-cased word of `text`, as WordScanner finds them. */
export function forEachWord(text: string, visit: (word: string) => void): void {
  const scanner = new WordScanner();
  scanner.reset(text);
  while (scanner.next()) visit(scanner.text.slice(scanner.start, scanner.end));
}

/** Index of the "]" closing a short bracket with a digit in it, or `open` when it is not a citation. */
function skipCitationBracket(text: string, open: number): number {
  let hasDigit = false;
  for (let index = open + 1; index < text.length && index <= open + 160; index += 1) {
    const code = text.charCodeAt(index);
    if (code === 93 /* ] */) return hasDigit ? index : open;
    if (code === 91 /* [ */) return open;
    if (code >= 48 && code <= 57) hasDigit = true;
  }
  return open;
}

/** Index of the ")" closing a short parenthesis that holds a year (19xx/20xx), or `open` otherwise. */
function skipCitationParenthesis(text: string, open: number): number {
  let digitsInRow = 0;
  let hasYear = false;
  for (let index = open + 1; index < text.length && index <= open + 160; index += 1) {
    const code = text.charCodeAt(index);
    if (code === 41 /* ) */) return hasYear ? index : open;
    if (code === 40 /* ( */) return open;
    if (code >= 48 && code <= 57) {
      digitsInRow += 1;
      if (digitsInRow === 4) {
        const century = text.slice(index - 3, index - 1);
        const followedByDigit = index + 1 < text.length && text.charCodeAt(index + 1) >= 48 && text.charCodeAt(index + 1) <= 57;
        const precededByWordChar = index - 4 >= 0 && WORD_CHAR.test(text[index - 4]!);
        if ((century === '19' || century === '20' || century === '18') && !followedByDigit && !precededByWordChar) hasYear = true;
      }
    } else digitsInRow = 0;
  }
  return open;
}

export function tokenizeForMatching(text: string): string[] {
  const tokens: string[] = [];
  forEachWord(text, (word) => {
    const term = matchingTerm(word);
    if (term !== null) tokens.push(term);
  });
  return tokens;
}

const termMemo = new Map<string, string | null>();
const TERM_MEMO_LIMIT = 100_000;

/** Lower-case word -> stemmed term, or null for stop-words, bare numbers and one-letter leftovers. Memoised. */
export function matchingTerm(raw: string): string | null {
  const memo = termMemo.get(raw);
  if (memo !== undefined) return memo;
  let term: string | null = null;
  // Bare numbers are mostly years and reference numbers; numbers inside words ("280b", "gpt3") stay.
  const droppedNumber = isDigits(raw) && (raw.length < 3 || YEAR_LIKE.test(raw));
  if (raw.length >= 2 && !MATCHING_STOP_WORDS.has(raw) && !droppedNumber) {
    const stemmed = stem(raw);
    if (stemmed.length >= 2 && !STOP_STEMS.has(stemmed)) term = stemmed;
  }
  if (termMemo.size >= TERM_MEMO_LIMIT) termMemo.clear();
  termMemo.set(raw, term);
  return term;
}

function isDigits(token: string): boolean {
  for (let index = 0; index < token.length; index += 1) {
    const code = token.charCodeAt(index);
    if (code < 48 || code > 57) return false;
  }
  return true;
}
