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
 * Calls `visit` with each lower-cased word of `text`, skipping LaTeX math and citation markers:
 * "[12]", "[4, 5]", "[Ramani et al., 2022]" (a short bracket holding a digit) and
 * "(Kaplan et al., 2020)", "(cf. Turing, 1950; Hoffmann 2022a)" (a short parenthesis holding a
 * year). "et al." needs no special case: "et" and "al" are stop-words.
 * A hand-rolled scan rather than regular expressions and split(): this runs on every sentence of
 * a hub, and ASCII letters and digits take the fast path.
 */
export function forEachWord(text: string, visit: (word: string) => void): void {
  const lower = (text.includes('$') || text.includes('\\(') ? text.replace(LATEX_MATH, ' ') : text).toLowerCase();
  const length = lower.length;
  let start = -1;
  for (let index = 0; index <= length; index += 1) {
    const code = index < length ? lower.charCodeAt(index) : 32;
    const isWordChar =
      (code >= 97 && code <= 122) || (code >= 48 && code <= 57) || (code > 127 && WORD_CHAR.test(lower[index]!));
    if (isWordChar) {
      if (start < 0) start = index;
      continue;
    }
    if (start >= 0) {
      visit(lower.slice(start, index));
      start = -1;
    }
    if (code === 91 /* [ */) index = skipCitationBracket(lower, index);
    else if (code === 40 /* ( */) index = skipCitationParenthesis(lower, index);
  }
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
