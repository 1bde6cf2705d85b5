import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Citation } from '../../lib/domain/citation';
import type { Paper } from '../../lib/domain/paper';
import { ECHO_SIMILARITY_THRESHOLD, buildClaims, classifyClaim, extractClaimSentences } from '../../lib/analytics/claims';
import { splitSentences } from '../../lib/analytics/sentences';
import { stem } from '../../lib/analytics/stem';
import { tokenizeForMatching } from '../../lib/analytics/tokens';
import { ARXIV_PAGES, REFERENCE, S2_FIXTURES } from '../paths';

function decodeEntities(html: string): string {
  return html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}
function arxivAbstract(file: string): string {
  const html = readFileSync(join(ARXIV_PAGES, file), 'utf8');
  const meta = /<meta name="citation_abstract" content="([^"]*)"/.exec(html);
  if (meta) return decodeEntities(meta[1]!);
  const blockquote = /<blockquote class="abstract[^"]*">([\s\S]*?)<\/blockquote>/.exec(html);
  return decodeEntities(blockquote![1]!).replace(/^\s*Abstract:/, '');
}
/** The abstract is the line after "abstract" on the reference hub pages. */
function hubPageAbstract(file: string): string {
  const lines = readFileSync(join(REFERENCE, file), 'utf8').split('\n');
  return lines[lines.indexOf('abstract') + 1]!;
}

describe('sentence splitting', () => {
  it('does not split after e.g., i.e., et al., initials or inside decimals', () => {
    const text =
      'Large models (e.g. GPT-3) help, i.e. Scaling works. Kaplan et al. Found a law with exponent 0.076 in 2020. A. Turing asked it first! Did he?';
    expect(splitSentences(text)).toEqual([
      'Large models (e.g. GPT-3) help, i.e. Scaling works.',
      'Kaplan et al. Found a law with exponent 0.076 in 2020.',
      'A. Turing asked it first!',
      'Did he?',
    ]);
  });

  it('keeps LaTeX math, URLs and quoted questions inside their sentence', () => {
    const text =
      'Error drops to $\\epsilon < 0.5. Then$ it stays. Code is at https://github.com/x/y.git today. He asked “Can machines think?” in 1950. Next one.';
    expect(splitSentences(text)).toEqual([
      'Error drops to $\\epsilon < 0.5. Then$ it stays.',
      'Code is at https://github.com/x/y.git today.',
      'He asked “Can machines think?” in 1950.',
      'Next one.',
    ]);
  });

  it('treats a lone dollar sign as money, not as the start of math', () => {
    expect(splitSentences('Training costs $4.6M. We cut it in half.')).toEqual(['Training costs $4.6M.', 'We cut it in half.']);
  });

  it('ends a sentence after a closing quote', () => {
    expect(splitSentences('A model says, “The code I write is insecure.” Indeed, it is.')).toEqual([
      'A model says, “The code I write is insecure.”',
      'Indeed, it is.',
    ]);
  });
});

describe('matching tokens', () => {
  it('stems as Porter (1980) does, so word forms meet', () => {
    // Reference pairs from Porter's paper, then the forms claims and citations actually use.
    expect(['caresses', 'ponies', 'relational', 'conditional', 'hopeful', 'adjustment', 'controll'].map(stem)).toEqual([
      'caress', 'poni', 'relat', 'condit', 'hope', 'adjust', 'control',
    ]);
    expect(stem('toxicity')).toBe(stem('toxic'));
    expect(stem('allocation')).toBe(stem('allocate'));
    expect(stem('scaling')).toBe(stem('scales'));
  });

  it('drops citation markers, years, stop-words and scientific boilerplate', () => {
    expect(tokenizeForMatching('We propose a model that, as shown in [12, 14] and (Kaplan et al., 2020), scales with compute.')).toEqual([
      'scale',
      'comput',
    ]);
    expect(tokenizeForMatching('Gopher has 280 billion parameters (see Table 2).')).toEqual(['gopher', '280', 'billion', 'paramet', 'see']);
  });
});

describe('claims from real abstracts', () => {
  // Counts checked by reading each abstract: sentences before the paper first refers to itself
  // ("we", "our", "this work", "I") are motivation and are not claims.
  it('Gopher: 5 claims (the opening sentence about language modelling is motivation)', () => {
    const claims = extractClaimSentences(hubPageAbstract('hub-gopher-2112.11446.txt'), undefined);
    expect(claims).toHaveLength(5);
    expect(claims[0]!.text).toMatch(/^In this paper, we present an analysis/);
    expect(claims.map((claim) => claim.type)).toEqual(['contribution', 'result', 'limitation', 'contribution', 'contribution']);
  });

  it('Scaling Laws: 6 claims, all of its sentences', () => {
    const claims = extractClaimSentences(hubPageAbstract('hub-scaling-laws-2001.08361.txt'), undefined);
    expect(claims).toHaveLength(6);
    expect(claims[0]).toMatchObject({ type: 'contribution', from: 'abstract' });
  });

  it('EMPIR (2020 abs page): 6 claims, keeping "42.6%, 15.2% and 10.5%" and "i.e." inside sentences', () => {
    const claims = extractClaimSentences(arxivAbstract('abs-2004.10162-2020layout.html'), undefined);
    expect(claims).toHaveLength(6);
    expect(claims[0]!.text).toMatch(/^In this work, we propose EMPIR/);
    expect(claims[5]!.text).toMatch(/^Our results indicate that EMPIR boosts .*42\.6%, 15\.2% and 10\.5%/);
    expect(claims[5]!.type).toBe('result');
    expect(claims[4]).toMatchObject({ type: 'method' });
  });

  it('spectral Galerkin (citation_abstract meta): 8 claims, "[Ramani et al., …]" does not split', () => {
    const claims = extractClaimSentences(arxivAbstract('abs-2609.22268-2026layout.html'), undefined);
    expect(claims).toHaveLength(8);
    expect(claims.some((claim) => claim.text.includes('[Ramani et al., Additive Manufacturing 52 (2022) 102643]'))).toBe(true);
    expect(claims.at(-1)!.type).toBe('contribution'); // "source code … available at …"
  });

  it('Turing 1950: 4 claims, and the TL;DR is dropped because it repeats one', () => {
    const paper = JSON.parse(readFileSync(join(S2_FIXTURES, 'Paper.json'), 'utf8')) as { abstract: string; tldr: { text: string } };
    const claims = extractClaimSentences(paper.abstract, paper.tldr.text);
    expect(claims).toHaveLength(4);
    expect(claims.every((claim) => claim.from === 'abstract')).toBe(true);
    expect(claims[0]!.text).toBe('I propose to consider the question, “Can machines think?”');
  });

  it('keeps TL;DR sentences that add something', () => {
    const claims = extractClaimSentences(
      'We train a model. It is fast.',
      'The model beats every baseline by 12% on ImageNet.',
    );
    expect(claims.map((claim) => claim.from)).toEqual(['abstract', 'abstract', 'tldr']);
    expect(claims[2]!.type).toBe('result');
  });
});

describe('claim types', () => {
  it.each([
    ['However, models are not able to directly output their trigger by default.', 'limitation'],
    ['Future work could investigate this capability for a wider range of scenarios.', 'limitation'],
    ['EMPIR overcomes this limitation to achieve higher robustness.', 'result'],
    ['Our method outperforms the baseline by 3.1 points.', 'result'],
    ['We propose a fast non-iterative approximate inference method.', 'contribution'],
    ['Code and datasets are available at: https://github.com/a/b.', 'contribution'],
    ['We finetune LLMs on datasets that exhibit particular behaviors.', 'method'],
    ['The heat equation is reformulated into a linear reference problem.', 'method'],
  ] as const)('%s -> %s', (text, type) => {
    expect(classifyClaim(text)).toBe(type);
  });
});

describe('echoes and tallies', () => {
  const paper: Paper = {
    paperId: 'target',
    title: 'Scaling Laws for Neural Language Models',
    authors: [],
    abstract:
      'We study empirical scaling laws for language model performance on the cross-entropy loss. ' +
      'Larger models are significantly more sample-efficient, so compute-optimal training uses very large models on modest data.',
  };
  const sentence = (text: string, polarity?: 'supporting' | 'contrasting' | 'neutral') => ({
    text,
    sourceIntents: [],
    ...(polarity ? { polarity: { label: polarity, confidence: 0.9 } } : {}),
  });
  const citations: Citation[] = [
    {
      citing: { paperId: 'c1', title: 'Chinchilla', authors: [] },
      isInfluential: true,
      intents: [],
      sentences: [sentence('Contrary to [12], compute-optimal training should not use very large models on modest data.', 'contrasting')],
    },
    {
      citing: { paperId: 'c2', title: 'Emergent', authors: [] },
      isInfluential: false,
      intents: [],
      sentences: [
        sentence('Larger models are more sample-efficient (Kaplan et al., 2020).', 'supporting'),
        sentence('We fine-tune a vision encoder on medical images.', 'neutral'),
      ],
    },
    {
      citing: { paperId: 'c3', title: 'Power laws', authors: [] },
      isInfluential: false,
      intents: [],
      sentences: [sentence('Empirical scaling laws for the cross-entropy loss of language models were established [4].')],
    },
  ];
  const claims = buildClaims(paper, citations);

  it('attaches the citing sentences that echo each claim, most similar first', () => {
    expect(claims.map((claim) => claim.id)).toEqual(['abstract-0', 'abstract-1']);
    expect(claims[0]!.echoes.map((echo) => echo.citingPaperId)).toEqual(['c3']);
    expect(claims[1]!.echoes.map((echo) => echo.citingPaperId).sort()).toEqual(['c1', 'c2']);
    const similarities = claims[1]!.echoes.map((echo) => echo.similarity);
    expect([...similarities].sort((a, b) => b - a)).toEqual(similarities);
    expect(similarities.every((value) => value >= ECHO_SIMILARITY_THRESHOLD)).toBe(true);
  });

  it('leaves sentences about something else out', () => {
    const texts = claims.flatMap((claim) => claim.echoes.map((echo) => echo.text));
    expect(texts).not.toContain('We fine-tune a vision encoder on medical images.');
  });

  it('tallies the polarity of the echoes (unlabelled echoes are not counted)', () => {
    expect(claims[1]!.tally).toEqual({ supporting: 1, contrasting: 1, neutral: 0 });
    expect(claims[0]!.tally).toEqual({ supporting: 0, contrasting: 0, neutral: 0 });
    expect(claims[1]!.echoes.find((echo) => echo.citingPaperId === 'c1')).toMatchObject({ polarity: 'contrasting', citingTitle: 'Chinchilla' });
  });

  it('has no claims without a paper or an abstract', () => {
    expect(buildClaims(null, citations)).toEqual([]);
    expect(buildClaims({ ...paper, abstract: undefined }, citations)).toEqual([]);
  });
});
