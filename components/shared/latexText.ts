/**
 * Readable Unicode text from the inline TeX that paper titles and abstracts carry
 * (`$\mathcal{O}(n^2)$`, `\alpha`, `x_i`, `\textbf{…}`, `--`). The result is plain text for
 * Preact to render (escaped); it is never HTML. One linear pass, depth-capped, so hostile
 * input (100 KB titles, thousands of nested braces) stays cheap.
 */

const GREEK: Record<string, string> = {
  alpha: 'α', beta: 'β', gamma: 'γ', delta: 'δ', epsilon: 'ϵ', varepsilon: 'ε', zeta: 'ζ', eta: 'η',
  theta: 'θ', vartheta: 'ϑ', iota: 'ι', kappa: 'κ', lambda: 'λ', mu: 'μ', nu: 'ν', xi: 'ξ', pi: 'π',
  varpi: 'ϖ', rho: 'ρ', varrho: 'ϱ', sigma: 'σ', varsigma: 'ς', tau: 'τ', upsilon: 'υ', phi: 'ϕ',
  varphi: 'φ', chi: 'χ', psi: 'ψ', omega: 'ω',
  Gamma: 'Γ', Delta: 'Δ', Theta: 'Θ', Lambda: 'Λ', Xi: 'Ξ', Pi: 'Π', Sigma: 'Σ', Upsilon: 'Υ',
  Phi: 'Φ', Psi: 'Ψ', Omega: 'Ω',
};

const SYMBOLS: Record<string, string> = {
  times: '×', cdot: '·', cdots: '⋯', ldots: '…', dots: '…', leq: '≤', le: '≤', geq: '≥', ge: '≥',
  neq: '≠', ne: '≠', approx: '≈', sim: '∼', simeq: '≃', propto: '∝', equiv: '≡', infty: '∞', pm: '±',
  mp: '∓', to: '→', rightarrow: '→', leftarrow: '←', Rightarrow: '⇒', Leftarrow: '⇐',
  leftrightarrow: '↔', mapsto: '↦', in: '∈', notin: '∉', subset: '⊂', subseteq: '⊆', cup: '∪',
  cap: '∩', forall: '∀', exists: '∃', sum: '∑', prod: '∏', int: '∫', partial: '∂', nabla: '∇',
  ell: 'ℓ', prime: '′', circ: '∘', star: '⋆', ast: '∗', div: '÷', log: 'log', exp: 'exp', ln: 'ln',
  sin: 'sin', cos: 'cos', max: 'max', min: 'min', arg: 'arg', lim: 'lim', langle: '⟨', rangle: '⟩',
  lvert: '|', rvert: '|', vert: '|', mid: '|', emptyset: '∅', neg: '¬', land: '∧', lor: '∨',
  wedge: '∧', vee: '∨', oplus: '⊕', otimes: '⊗', dagger: '†', S: '§', P: '¶', copyright: '©',
  LaTeX: 'LaTeX', TeX: 'TeX', textendash: '–', textemdash: '—', dag: '†',
};

/** Commands whose argument is shown as is (font and box commands). */
const PASS_THROUGH = new Set([
  'textbf', 'textit', 'emph', 'texttt', 'textrm', 'textsf', 'textsc', 'textup', 'textsl', 'textnormal',
  'mathrm', 'mathbf', 'mathit', 'mathsf', 'mathtt', 'mathnormal', 'boldsymbol', 'bm', 'text',
  'operatorname', 'mbox', 'hbox', 'underline', 'overline', 'widehat', 'hat', 'bar', 'tilde',
  'widetilde', 'vec', 'dot', 'ddot', 'textsuperscript', 'textsubscript', 'url', 'mathop',
]);

/** Commands that only change size or font for the rest of a group, or adjust spacing: dropped. */
const DROPPED = new Set([
  'em', 'bf', 'it', 'rm', 'sf', 'tt', 'sc', 'sl', 'small', 'large', 'Large', 'LARGE', 'huge', 'Huge',
  'tiny', 'scriptsize', 'footnotesize', 'normalsize', 'left', 'right', 'big', 'Big', 'bigg', 'Bigg',
  'bigl', 'bigr', 'Bigl', 'Bigr', 'displaystyle', 'textstyle', 'scriptstyle', 'limits', 'nolimits',
  'quad', 'qquad', 'relax', 'protect', 'noindent',
]);

const CALLIGRAPHIC: Record<string, string> = {
  A: '𝒜', B: 'ℬ', C: '𝒞', D: '𝒟', E: 'ℰ', F: 'ℱ', G: '𝒢', H: 'ℋ', I: 'ℐ', J: '𝒥', K: '𝒦', L: 'ℒ',
  M: 'ℳ', N: '𝒩', O: '𝒪', P: '𝒫', Q: '𝒬', R: 'ℛ', S: '𝒮', T: '𝒯', U: '𝒰', V: '𝒱', W: '𝒲', X: '𝒳',
  Y: '𝒴', Z: '𝒵',
};

const DOUBLE_STRUCK: Record<string, string> = {
  C: 'ℂ', H: 'ℍ', N: 'ℕ', P: 'ℙ', Q: 'ℚ', R: 'ℝ', Z: 'ℤ', E: '𝔼', '1': '𝟙',
};

const SUPERSCRIPT: Record<string, string> = {
  '0': '⁰', '1': '¹', '2': '²', '3': '³', '4': '⁴', '5': '⁵', '6': '⁶', '7': '⁷', '8': '⁸', '9': '⁹',
  '+': '⁺', '-': '⁻', '−': '⁻', '=': '⁼', '(': '⁽', ')': '⁾', a: 'ᵃ', b: 'ᵇ', c: 'ᶜ', d: 'ᵈ', e: 'ᵉ',
  f: 'ᶠ', g: 'ᵍ', h: 'ʰ', i: 'ⁱ', j: 'ʲ', k: 'ᵏ', l: 'ˡ', m: 'ᵐ', n: 'ⁿ', o: 'ᵒ', p: 'ᵖ', r: 'ʳ',
  s: 'ˢ', t: 'ᵗ', u: 'ᵘ', v: 'ᵛ', w: 'ʷ', x: 'ˣ', y: 'ʸ', z: 'ᶻ', T: 'ᵀ', '*': '*', '′': '′', '∗': '*',
};

const SUBSCRIPT: Record<string, string> = {
  '0': '₀', '1': '₁', '2': '₂', '3': '₃', '4': '₄', '5': '₅', '6': '₆', '7': '₇', '8': '₈', '9': '₉',
  '+': '₊', '-': '₋', '−': '₋', '=': '₌', '(': '₍', ')': '₎', a: 'ₐ', e: 'ₑ', h: 'ₕ', i: 'ᵢ', j: 'ⱼ',
  k: 'ₖ', l: 'ₗ', m: 'ₘ', n: 'ₙ', o: 'ₒ', p: 'ₚ', r: 'ᵣ', s: 'ₛ', t: 'ₜ', u: 'ᵤ', v: 'ᵥ', x: 'ₓ',
};

const ESCAPED_LITERALS: Record<string, string> = {
  $: '$', '%': '%', '&': '&', _: '_', '#': '#', '{': '{', '}': '}', '\\': ' ', ',': ' ', ';': ' ',
  ':': ' ', '!': '', ' ': ' ', '|': '‖',
};

/** Nesting beyond this is treated as plain text: no real title nests deeper, hostile input might. */
const MAX_DEPTH = 24;

function mapAll(text: string, table: Record<string, string>): string | null {
  let out = '';
  for (const ch of text) {
    const mapped = table[ch];
    if (mapped === undefined) return null;
    out += mapped;
  }
  return out;
}

function isLetter(ch: string | undefined): boolean {
  return ch !== undefined && ((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z'));
}

class TexReader {
  private pos = 0;
  constructor(private readonly src: string) {}

  /** Reads until the end or an unmatched `}` (consumed) and returns the readable text. */
  readSequence(math: boolean, depth: number): string {
    const out: string[] = [];
    while (this.pos < this.src.length) {
      const ch = this.src[this.pos]!;
      if (ch === '}') {
        this.pos++;
        if (depth > 0) break;
        continue;
      }
      if (ch === '{') {
        this.pos++;
        out.push(this.readGroupBody(math, depth + 1));
        continue;
      }
      if (ch === '\\') {
        out.push(this.readCommand(math, depth));
        continue;
      }
      if (math && (ch === '^' || ch === '_')) {
        this.pos++;
        out.push(this.readScript(ch === '^' ? SUPERSCRIPT : SUBSCRIPT, ch, depth));
        continue;
      }
      if (math && ch === '~') {
        this.pos++;
        out.push(' ');
        continue;
      }
      if (ch === '-' && this.src.startsWith('--', this.pos)) {
        const isEm = this.src.startsWith('---', this.pos);
        this.pos += isEm ? 3 : 2;
        out.push(isEm ? '—' : '–');
        continue;
      }
      if (!math && ch === '`' && this.src[this.pos + 1] === '`') {
        this.pos += 2;
        out.push('“');
        continue;
      }
      if (!math && ch === "'" && this.src[this.pos + 1] === "'") {
        this.pos += 2;
        out.push('”');
        continue;
      }
      out.push(ch);
      this.pos++;
    }
    return out.join('');
  }

  private readGroupBody(math: boolean, depth: number): string {
    if (depth <= MAX_DEPTH) return this.readSequence(math, depth);
    // Too deep: copy the rest of this group verbatim, minus braces, without recursing.
    let level = 1;
    const out: string[] = [];
    while (this.pos < this.src.length && level > 0) {
      const ch = this.src[this.pos++]!;
      if (ch === '{') level++;
      else if (ch === '}') level--;
      else out.push(ch);
    }
    return out.join('');
  }

  /** One argument: a `{group}`, a command, or a single character. */
  private readArgument(math: boolean, depth: number): string {
    while (this.src[this.pos] === ' ') this.pos++;
    const ch = this.src[this.pos];
    if (ch === undefined) return '';
    if (ch === '{') {
      this.pos++;
      return this.readGroupBody(math, depth + 1);
    }
    if (ch === '\\') return this.readCommand(math, depth);
    const codePoint = String.fromCodePoint(this.src.codePointAt(this.pos)!);
    this.pos += codePoint.length;
    return codePoint;
  }

  private readScript(table: Record<string, string>, marker: string, depth: number): string {
    const argument = this.readArgument(true, depth).trim();
    if (argument === '') return '';
    const mapped = mapAll(argument, table);
    if (mapped !== null) return mapped;
    return [...argument].length === 1 ? `${marker}${argument}` : `${marker}(${argument})`;
  }

  private readCommand(math: boolean, depth: number): string {
    this.pos++; // the backslash
    const first = this.src[this.pos];
    if (first === undefined) return '';
    if (!isLetter(first)) {
      this.pos++;
      return ESCAPED_LITERALS[first] ?? first;
    }
    let end = this.pos;
    while (isLetter(this.src[end])) end++;
    const name = this.src.slice(this.pos, end);
    this.pos = end;
    if (this.src[this.pos] === '*') this.pos++;

    const greek = GREEK[name];
    if (greek !== undefined) return greek;
    const symbol = SYMBOLS[name];
    if (symbol !== undefined) return this.spaceAfterWord(symbol);
    if (DROPPED.has(name)) {
      while (this.src[this.pos] === ' ') this.pos++;
      return '';
    }
    if (PASS_THROUGH.has(name)) {
      const textual = name.startsWith('text') || name === 'emph' || name === 'mbox' || name === 'hbox';
      return this.readArgument(textual ? false : math, depth);
    }
    if (name === 'mathcal' || name === 'mathscr') return this.mapLetters(this.readArgument(math, depth), CALLIGRAPHIC);
    if (name === 'mathbb' || name === 'mathbbm') return this.mapLetters(this.readArgument(math, depth), DOUBLE_STRUCK);
    if (name === 'sqrt') {
      const radicand = this.readArgument(math, depth);
      return [...radicand].length === 1 ? `√${radicand}` : `√(${radicand})`;
    }
    if (name === 'frac' || name === 'dfrac' || name === 'tfrac') {
      const numerator = this.readArgument(math, depth);
      const denominator = this.readArgument(math, depth);
      const wrap = (part: string) => ([...part].length === 1 ? part : `(${part})`);
      return `${wrap(numerator)}/${wrap(denominator)}`;
    }
    // Unknown command: show its argument when it has one ("\cite{x}" -> "x"), else its name ("\LaTeX").
    if (this.src[this.pos] === '{') return this.readArgument(math, depth);
    return name;
  }

  /** Word-like symbols ("log") need a space before a following letter: "\log n" -> "log n". */
  private spaceAfterWord(symbol: string): string {
    if (!isLetter(symbol[symbol.length - 1])) return symbol;
    if (this.src[this.pos] === ' ') return `${symbol} `;
    return symbol;
  }

  private mapLetters(text: string, table: Record<string, string>): string {
    let out = '';
    for (const ch of text) out += table[ch] ?? ch;
    return out;
  }
}

interface Segment {
  text: string;
  math: boolean;
}

/** Splits on `$…$`, `$$…$$`, `\(…\)` and `\[…\]`; an unclosed delimiter is kept as text. */
function splitMath(input: string): Segment[] {
  const segments: Segment[] = [];
  let textStart = 0;
  let i = 0;
  while (i < input.length) {
    const ch = input[i];
    if (ch === '\\' && input[i + 1] === '$') {
      i += 2;
      continue;
    }
    let open: string | null = null;
    let close = '';
    if (ch === '$') {
      open = input[i + 1] === '$' ? '$$' : '$';
      close = open;
    } else if (ch === '\\' && (input[i + 1] === '(' || input[i + 1] === '[')) {
      open = `\\${input[i + 1]}`;
      close = input[i + 1] === '(' ? '\\)' : '\\]';
    } else if (ch === '\\') {
      i += 2;
      continue;
    }
    if (open === null) {
      i++;
      continue;
    }
    const bodyStart = i + open.length;
    let closeAt = -1;
    for (let j = bodyStart; j < input.length; j++) {
      if (input[j] === '\\' && input[j + 1] === '$') {
        j++;
        continue;
      }
      if (input.startsWith(close, j)) {
        closeAt = j;
        break;
      }
    }
    if (closeAt < 0) break; // unclosed: the rest stays text
    if (i > textStart) segments.push({ text: input.slice(textStart, i), math: false });
    segments.push({ text: input.slice(bodyStart, closeAt), math: true });
    i = closeAt + close.length;
    textStart = i;
  }
  if (textStart < input.length) segments.push({ text: input.slice(textStart), math: false });
  return segments;
}

/** Converts common inline TeX to readable text; text without TeX comes back unchanged. */
export function latexToText(input: string): string {
  if (!/[\\$^_{}`']|--/.test(input)) return input;
  return splitMath(input)
    .map((segment) => new TexReader(segment.text).readSequence(segment.math, 0))
    .join('')
    .replace(/[ \t]{2,}/g, ' ');
}
