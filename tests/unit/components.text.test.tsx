import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { latexToText } from '../../components/shared/latexText';
import { displayTitle, readableText } from '../../components/shared/displayText';
import { formatAge, formatCount, formatDuration, secondsUntil } from '../../components/shared/format';
import type { Paper } from '../../lib/domain/paper';
import { arxivAbsUrl, doiUrl, landingPageLinks, paperLinks, primaryPaperUrl, safeHttpsUrl } from '../../components/shared/links';
import { REPO_ROOT } from '../paths';

describe('latexToText', () => {
  it.each([
    ['Linear $\\mathcal{O}(n)$ attention', 'Linear 𝒪(n) attention'],
    ['$\\alpha$-divergence and \\beta-VAE', 'α-divergence and β-VAE'],
    // "." has no superscript form, so this exponent stays readable in parentheses.
    ['Loss scales as $N^{-0.076}$', 'Loss scales as N^(-0.076)'],
    ['$x^2 + y_i$', 'x² + yᵢ'],
    ['$n^{10}$ tokens and $w_{ij}$', 'n¹⁰ tokens and wᵢⱼ'],
    ['\\textbf{Bold} and \\emph{emphasised} claims', 'Bold and emphasised claims'],
    ['Pre-training -- a study --- really', 'Pre-training – a study — really'],
    ['$\\sqrt{d}$ scaling, $\\frac{1}{2}$ the cost', '√d scaling, 1/2 the cost'],
    ['Costs \\$5, 50\\% off', 'Costs $5, 50% off'],
    ['$\\mathbb{R}^d$ embeddings', 'ℝᵈ embeddings'],
    ['Error $\\leq \\epsilon$', 'Error ≤ ϵ'],
    ['$O(n \\log n)$ sorting', 'O(n log n) sorting'],
    ['``Quoted\'\' title', '“Quoted” title'],
  ])('%s', (input, expected) => {
    expect(latexToText(input)).toBe(expected);
  });

  it('leaves plain text, snake_case and unclosed dollars alone', () => {
    for (const plain of ['Attention is All you Need', 'my_model_v2 beats x^2 baselines', 'costs $5 and more', 'C++ & Rust: 2 < 3 > 1']) {
      expect(latexToText(plain)).toBe(plain);
    }
  });

  it('survives hostile nesting without recursion blow-up', () => {
    const nested = `${'{'.repeat(50_000)}x${'}'.repeat(50_000)}`;
    expect(latexToText(nested)).toBe('x');
    const manyDollars = '$a$ '.repeat(25_000);
    expect(latexToText(manyDollars)).toBe('a '.repeat(25_000));
    expect(latexToText('\\'.repeat(10_001))).toBeTypeOf('string');
  });
});

describe('readable text', () => {
  it('removes control and bidi override characters, collapses whitespace', () => {
    expect(readableText('a\u202Eb\u2066c\u0007d\n\n e')).toBe('a b c d e');
  });

  it('bounds display length without splitting surrogate pairs', () => {
    const emoji = '😀'.repeat(400);
    const { short } = displayTitle(emoji, 301);
    expect(short.endsWith('…')).toBe(true);
    expect(short.slice(0, -1)).toBe('😀'.repeat(150));
  });
});

describe('formatting', () => {
  it('counts are shown in full with thousands separators', () => {
    expect(formatCount(1800)).toBe('1,800');
    expect(formatCount(1_234_567)).toBe('1,234,567');
    expect(formatCount(0)).toBe('0');
  });

  it('ages and countdowns', () => {
    const now = Date.UTC(2025, 0, 1);
    expect(formatAge(now - 30_000, now)).toBe('just now');
    expect(formatAge(now - 5 * 60_000, now)).toBe('5 min ago');
    expect(formatAge(now - 3.5 * 3_600_000, now)).toBe('3 h ago');
    expect(formatAge(now - 49 * 3_600_000, now)).toBe('2 d ago');
    expect(secondsUntil(now + 41_001, now)).toBe(42);
    expect(secondsUntil(now - 5_000, now)).toBe(0);
    expect(formatDuration(42)).toBe('42 s');
    expect(formatDuration(125)).toBe('2 min 05 s');
    expect(formatDuration(3_780)).toBe('1 h 03 min');
  });
});

describe('links', () => {
  const openAlexPaper: Paper = { paperId: 'openalex:W2741809807', title: 't', authors: [] };

  it('accepts only absolute https URLs without credentials', () => {
    expect(safeHttpsUrl('https://example.org/a?b=1')).toBe('https://example.org/a?b=1');
    expect(safeHttpsUrl('https://openalex.org/W1')).toBe('https://openalex.org/W1');
    const bad = ['javascript:alert(1)', 'JAVASCRIPT:alert(1)', 'data:text/html,x', ' data:text/html,x', 'http://example.org', '/relative', 'https//x'];
    for (const url of [...bad, 'https://user:pw@example.org', '', undefined]) {
      expect(safeHttpsUrl(url), url).toBeNull();
    }
  });

  it('builds arXiv links only from well-formed ids, to the version-less abstract page', () => {
    expect(arxivAbsUrl('2112.11446')).toBe('https://arxiv.org/abs/2112.11446');
    expect(arxivAbsUrl('hep-th/9901001')).toBe('https://arxiv.org/abs/hep-th/9901001');
    // The canonical id: version and subject class dropped (arXiv redirects both to the same page).
    expect(arxivAbsUrl('math.GT/0309136v2')).toBe('https://arxiv.org/abs/math/0309136');
    expect(arxivAbsUrl('arXiv:1706.03762v7')).toBe('https://arxiv.org/abs/1706.03762');
    expect(arxivAbsUrl('../../evil')).toBeNull();
    expect(arxivAbsUrl('1713.00001')).toBeNull(); // there is no 13th month
  });

  it('builds DOI links with the DOI path encoded, and ignores non-DOIs', () => {
    expect(doiUrl('10.1145/3442188.3445922')).toBe('https://doi.org/10.1145/3442188.3445922');
    expect(doiUrl('10.1000/a?c#d')).toBe('https://doi.org/10.1000/a%3Fc%23d');
    expect(doiUrl('10.1000/a<b>#c')).toBe('https://doi.org/10.1000/a%3Cb%3E%23c');
    expect(doiUrl('https://doi.org/10.1145/3292500.3330701')).toBe('https://doi.org/10.1145/3292500.3330701');
    expect(doiUrl('10.1000/with space')).toBeNull();
    expect(doiUrl('javascript:alert(1)')).toBeNull();
  });

  it('orders arXiv, source page, DOI, skipping invalid ids and foreign hosts', () => {
    expect(landingPageLinks({ ...openAlexPaper, url: 'https://openalex.org/W2741809807', doi: '10.1145/3292500' })).toEqual([
      { label: 'OpenAlex', href: 'https://openalex.org/W2741809807' },
      { label: 'DOI', href: 'https://doi.org/10.1145/3292500' },
    ]);
    // The OpenAlex page comes from the id, so a hostile url cannot replace it.
    expect(landingPageLinks({ ...openAlexPaper, url: 'javascript:alert(1)' })).toEqual([{ label: 'OpenAlex', href: 'https://openalex.org/W2741809807' }]);
    expect(landingPageLinks({ ...openAlexPaper, paperId: '8342B592FE238F3D230E4959B06FD10153C45DB1', arxivId: '2203.15556' })).toEqual([
      { label: 'arXiv', href: 'https://arxiv.org/abs/2203.15556' },
      { label: 'Semantic Scholar', href: 'https://www.semanticscholar.org/paper/8342b592fe238f3d230e4959b06fd10153c45db1' },
    ]);
    // An unparseable arXiv id and urls that merely mention a known site give no links.
    for (const url of ['https://evil.example/semanticscholar.org', 'https://evilsemanticscholar.org/paper/x', 'https://example.org/paper']) {
      expect(landingPageLinks({ ...openAlexPaper, paperId: 'x', arxivId: '../../evil', url }), url).toEqual([]);
    }
    expect(landingPageLinks({ ...openAlexPaper, paperId: 'x', url: 'https://www.semanticscholar.org/paper/abc' })).toEqual([
      { label: 'Semantic Scholar', href: 'https://www.semanticscholar.org/paper/abc' },
    ]);
  });

  it('adds the open-access PDF for the panel only, and the popup opens the first landing page', () => {
    const paper: Paper = { ...openAlexPaper, doi: '10.1145/3292500', openAccessPdfUrl: 'https://arxiv.org/pdf/2112.11446' };
    expect(paperLinks(paper).map((link) => link.label)).toEqual(['OpenAlex', 'DOI', 'Open-access PDF']);
    expect(landingPageLinks(paper).map((link) => link.label)).toEqual(['OpenAlex', 'DOI']);
    expect(paperLinks({ ...paper, openAccessPdfUrl: 'data:text/html,x' }).map((link) => link.label)).toEqual(['OpenAlex', 'DOI']);
    expect(primaryPaperUrl({ ...paper, arxivId: 'arXiv:1706.03762v7' })).toBe('https://arxiv.org/abs/1706.03762');
    expect(primaryPaperUrl({ ...paper, paperId: 'x' })).toBe('https://doi.org/10.1145/3292500');
    expect(primaryPaperUrl({ paperId: 'x', title: 't', authors: [] })).toBeNull();
  });
});

describe('panel stylesheet', () => {
  const css = readFileSync(resolve(REPO_ROOT, 'components/styles/panel.css'), 'utf8');
  it('isolates itself, follows the colour scheme, wraps long text and shows focus', () => {
    expect(css).toMatch(/:host\s*{[^}]*all:\s*initial/);
    expect(css).toMatch(/@media\s*\(prefers-color-scheme:\s*dark\)/);
    expect(css).toMatch(/overflow-wrap:\s*anywhere/);
    expect(css).toMatch(/:focus-visible\s*{[^}]*outline:\s*2px solid/);
    // Every selector outside :host is scoped to the panel's own class names.
    const selectors = css.replace(/\/\*[\s\S]*?\*\//g, '').match(/(^|})\s*([^{}@]+){/g) ?? [];
    for (const raw of selectors) {
      const selector = raw.replace(/^}?\s*/, '').replace(/{$/, '').trim();
      if (selector === ':host' || /^(from|to|\d+%)$/.test(selector)) continue;
      const topLevelParts = selector.replace(/\([^()]*\)/g, (group) => group.replace(/,/g, ';')).split(',');
      for (const part of topLevelParts) expect(part.trim(), part).toMatch(/(\.ch-|:where\(\.ch-panel\))/);
    }
  });
});
