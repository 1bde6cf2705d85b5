/**
 * LaTeX in BibTeX field values → plain Unicode text, for what reference managers write: escaped specials
 * (`\&`, `\%`, `\_`, `\textbackslash{}`), accents (`{\"o}`, `\'{e}`, `\c{c}`), special letters (`\ss`, `\o`,
 * `\l`), font commands (`\emph{…}`) and case-protecting braces. Anything else — math, unknown commands —
 * returns null, and the caller hands that value to @retorquere/bibtex-parser, which knows all of LaTeX.
 */

const ESCAPED: Record<string, string> = { '&': '&', '%': '%', $: '$', '#': '#', _: '_', '{': '{', '}': '}', ' ': ' ', ',': '\u2009', '-': '' };

const WORDS: Record<string, string> = {
  textbackslash: '\\', textbraceleft: '{', textbraceright: '}', textasciitilde: '~', textasciicircum: '^', textunderscore: '_',
  textendash: '–', textemdash: '—', textquoteleft: '‘', textquoteright: '’', textquotedblleft: '“', textquotedblright: '”',
  textdollar: '$', textpercent: '%', textampersand: '&', textellipsis: '…', ldots: '…', dots: '…', textdegree: '°', S: '§', P: '¶',
  ss: 'ß', o: 'ø', O: 'Ø', ae: 'æ', AE: 'Æ', oe: 'œ', OE: 'Œ', aa: 'å', AA: 'Å', l: 'ł', L: 'Ł', i: 'ı', j: 'ȷ', dh: 'ð', DH: 'Ð', th: 'þ', TH: 'Þ', ng: 'ŋ', NG: 'Ŋ',
  relax: '', textregistered: '®', texttrademark: '™', copyright: '©', textcopyright: '©',
};

/** Accent commands → the combining mark they add. */
const ACCENTS: Record<string, string> = {
  '"': '\u0308', "'": '\u0301', '`': '\u0300', '^': '\u0302', '~': '\u0303', '=': '\u0304', '.': '\u0307',
  u: '\u0306', v: '\u030C', H: '\u030B', c: '\u0327', k: '\u0328', r: '\u030A', b: '\u0331', d: '\u0323',
};

/** Commands whose argument is kept as text (formatting only). */
const FONT = new Set(['emph', 'textit', 'textbf', 'textsc', 'textrm', 'textsf', 'texttt', 'textup', 'textmd', 'textnormal', 'mbox', 'text', 'uppercase', 'lowercase', 'NoCaseChange', 'url', 'href']);

/** Reads a braced group at `start` (which must be `{`); returns its inner text and the index after it. */
function group(text: string, start: number): { inner: string; end: number } | null {
  let depth = 0;
  for (let index = start; index < text.length; index++) {
    const character = text[index];
    if (character === '\\') {
      index++;
      continue;
    }
    if (character === '{') depth++;
    else if (character === '}') {
      depth--;
      if (depth === 0) return { inner: text.slice(start + 1, index), end: index + 1 };
    }
  }
  return null;
}

function decode(text: string): string | null {
  let out = '';
  for (let index = 0; index < text.length; ) {
    const character = text[index]!;
    if (character === '{' || character === '}') {
      index++;
      continue;
    }
    if (character === '~') {
      out += ' ';
      index++;
      continue;
    }
    if (character === '$') return null;
    if (character !== '\\') {
      out += character;
      index++;
      continue;
    }
    const next = text[index + 1];
    if (next === undefined) return null;
    if (next === '\\') {
      out += ' ';
      index += 2;
      continue;
    }
    if (next in ESCAPED && !(next in ACCENTS)) {
      out += ESCAPED[next];
      index += 2;
      continue;
    }
    // A command name: letters, or one non-letter.
    let end = index + 1;
    if (/[A-Za-z]/.test(next)) while (end < text.length && /[A-Za-z]/.test(text[end]!)) end++;
    else end++;
    const name = text.slice(index + 1, end);
    const isWord = /[A-Za-z]/.test(next);
    // Letter-named commands swallow the spaces after them ("\ss ome" is "ßome").
    let after = end;
    if (isWord) while (text[after] === ' ') after++;
    if (name in ACCENTS && (!isWord || name.length === 1)) {
      let base: string;
      let stop: number;
      if (text[after] === '{') {
        const argument = group(text, after);
        if (!argument) return null;
        const decoded = decode(argument.inner);
        if (decoded === null) return null;
        base = decoded;
        stop = argument.end;
      } else if (text[after] === '\\') {
        const word = /^\\([ij])(?![A-Za-z])/.exec(text.slice(after));
        if (!word) return null;
        base = word[1]!;
        stop = after + word[0].length;
      } else {
        base = text[after] ?? '';
        stop = after + 1;
      }
      if (base === '') return null;
      // `\"{\i}`: the dotless i only exists to carry the accent.
      const letter = base[0] === 'ı' ? 'i' : base[0] === 'ȷ' ? 'j' : base[0];
      out += (letter + ACCENTS[name]! + base.slice(1)).normalize('NFC');
      index = stop;
      continue;
    }
    if (isWord && name in WORDS) {
      out += WORDS[name];
      // `\textbackslash{}`: the empty group only ends the command.
      index = text.startsWith('{}', after) ? after + 2 : after;
      continue;
    }
    if (isWord && FONT.has(name) && text[after] === '{') {
      const argument = group(text, after);
      if (!argument) return null;
      const decoded = decode(argument.inner);
      if (decoded === null) return null;
      out += decoded;
      index = argument.end;
      continue;
    }
    return null;
  }
  return out;
}

/** Decoded text with whitespace flattened, or null when the value needs a full LaTeX parser. */
export function latexToText(raw: string): string | null {
  const plain = !/[\\{}$~]/.test(raw) ? raw : decode(raw);
  return plain === null ? null : plain.replace(/\s+/g, ' ').trim();
}
