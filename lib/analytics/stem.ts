/**
 * The Porter (1980) stemmer, so that "toxicity"/"toxic", "allocation"/"allocate" and
 * "scaling"/"scales" meet when claims are matched with citing sentences. Expects a lower-case
 * word. (Callers memoise: a hub's vocabulary is a few thousand words, its sentences many more.)
 */
export function stem(word: string): string {
  return word.length <= 2 ? word : porter(word);
}

function isConsonant(word: string, index: number): boolean {
  const char = word[index];
  if (char === 'a' || char === 'e' || char === 'i' || char === 'o' || char === 'u') return false;
  if (char === 'y') return index === 0 || !isConsonant(word, index - 1);
  return true;
}

/** m in Porter's [C](VC)^m[V]: how many vowel-consonant sequences `stemPart` has. */
function measure(stemPart: string): number {
  let count = 0;
  let index = 0;
  const length = stemPart.length;
  while (index < length && isConsonant(stemPart, index)) index += 1;
  while (index < length) {
    while (index < length && !isConsonant(stemPart, index)) index += 1;
    if (index >= length) break;
    count += 1;
    while (index < length && isConsonant(stemPart, index)) index += 1;
  }
  return count;
}

function containsVowel(stemPart: string): boolean {
  for (let index = 0; index < stemPart.length; index += 1) if (!isConsonant(stemPart, index)) return true;
  return false;
}

function endsWithDoubleConsonant(word: string): boolean {
  const length = word.length;
  return length >= 2 && word[length - 1] === word[length - 2] && isConsonant(word, length - 1);
}

/** *o: ends consonant-vowel-consonant, the last not w, x or y ("hop", not "snow"). */
function endsCvc(word: string): boolean {
  const length = word.length;
  if (length < 3) return false;
  const last = word[length - 1]!;
  return (
    isConsonant(word, length - 3) &&
    !isConsonant(word, length - 2) &&
    isConsonant(word, length - 1) &&
    last !== 'w' &&
    last !== 'x' &&
    last !== 'y'
  );
}

type Rule = readonly [suffix: string, replacement: string];

/** Applies the rule with the longest matching suffix, if its stem has measure > minMeasure. */
function applyLongest(word: string, rules: readonly Rule[], minMeasure: number): string {
  let best: Rule | null = null;
  for (const rule of rules) if (word.endsWith(rule[0]) && (!best || rule[0].length > best[0].length)) best = rule;
  if (!best) return word;
  const stemPart = word.slice(0, word.length - best[0].length);
  return measure(stemPart) > minMeasure ? stemPart + best[1] : word;
}

const STEP2: readonly Rule[] = [
  ['ational', 'ate'], ['tional', 'tion'], ['enci', 'ence'], ['anci', 'ance'], ['izer', 'ize'], ['bli', 'ble'],
  ['alli', 'al'], ['entli', 'ent'], ['eli', 'e'], ['ousli', 'ous'], ['ization', 'ize'], ['ation', 'ate'],
  ['ator', 'ate'], ['alism', 'al'], ['iveness', 'ive'], ['fulness', 'ful'], ['ousness', 'ous'], ['aliti', 'al'],
  ['iviti', 'ive'], ['biliti', 'ble'], ['logi', 'log'],
];
const STEP3: readonly Rule[] = [
  ['icate', 'ic'], ['ative', ''], ['alize', 'al'], ['iciti', 'ic'], ['ical', 'ic'], ['ful', ''], ['ness', ''],
];
const STEP4_SUFFIXES = [
  'al', 'ance', 'ence', 'er', 'ic', 'able', 'ible', 'ant', 'ement', 'ment', 'ent', 'ion', 'ou', 'ism', 'ate', 'iti',
  'ous', 'ive', 'ize',
];

function porter(input: string): string {
  let word = input;

  // Step 1a: plurals.
  if (word.endsWith('sses')) word = word.slice(0, -2);
  else if (word.endsWith('ies')) word = word.slice(0, -2);
  else if (word.endsWith('ss')) {
    // unchanged
  } else if (word.endsWith('s')) word = word.slice(0, -1);

  // Step 1b: -ed, -ing.
  if (word.endsWith('eed')) {
    if (measure(word.slice(0, -3)) > 0) word = word.slice(0, -1);
  } else {
    const suffix = word.endsWith('ed') ? 'ed' : word.endsWith('ing') ? 'ing' : null;
    if (suffix && containsVowel(word.slice(0, -suffix.length))) {
      word = word.slice(0, -suffix.length);
      if (word.endsWith('at') || word.endsWith('bl') || word.endsWith('iz')) word += 'e';
      else if (endsWithDoubleConsonant(word) && !/[lsz]$/.test(word)) word = word.slice(0, -1);
      else if (measure(word) === 1 && endsCvc(word)) word += 'e';
    }
  }

  // Step 1c: y -> i after a vowel-containing stem.
  if (word.endsWith('y') && containsVowel(word.slice(0, -1))) word = `${word.slice(0, -1)}i`;

  word = applyLongest(word, STEP2, 0);
  word = applyLongest(word, STEP3, 0);

  // Step 4: drop suffixes when the stem is long enough (m > 1); -ion only after s or t.
  let step4: string | null = null;
  for (const suffix of STEP4_SUFFIXES) if (word.endsWith(suffix) && (!step4 || suffix.length > step4.length)) step4 = suffix;
  if (step4) {
    const stemPart = word.slice(0, word.length - step4.length);
    if (measure(stemPart) > 1 && (step4 !== 'ion' || /[st]$/.test(stemPart))) word = stemPart;
  }

  // Step 5: final -e and -ll.
  if (word.endsWith('e')) {
    const stemPart = word.slice(0, -1);
    const m = measure(stemPart);
    if (m > 1 || (m === 1 && !endsCvc(stemPart))) word = stemPart;
  }
  if (measure(word) > 1 && endsWithDoubleConsonant(word) && word.endsWith('l')) word = word.slice(0, -1);

  return word;
}
