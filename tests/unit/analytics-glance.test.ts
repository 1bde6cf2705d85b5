import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildClaims } from '../../lib/analytics/claims';
import { buildGlance, isGlanceEmpty, type GlanceInput } from '../../lib/analytics/glance';
import type { Citation } from '../../lib/domain/citation';
import type { Paper } from '../../lib/domain/paper';
import type { PolaritySummary, RoleSummary } from '../../lib/domain/view';
import { REFERENCE } from '../paths';

function hubPageAbstract(file: string): string {
  const lines = readFileSync(join(REFERENCE, file), 'utf8').split('\n');
  return lines[lines.indexOf('abstract') + 1]!;
}

const GOPHER: Paper = {
  paperId: '68f141724814839d556a989646194be88641b143',
  title: 'Scaling Language Models: Methods, Analysis & Insights from Training Gopher',
  authors: ['Jack W. Rae'],
  year: 2021,
  abstract: hubPageAbstract('hub-gopher-2112.11446.txt'),
};
const SCALING_LAWS: Paper = {
  paperId: 'e6c561d02500b2596a230b341a8eb8b921ca5bf2',
  title: 'Scaling Laws for Neural Language Models',
  authors: ['Jared Kaplan'],
  year: 2020,
  abstract: hubPageAbstract('hub-scaling-laws-2001.08361.txt'),
};

const NO_ROLES: RoleSummary = {
  perPaper: { background: 0, methodology: 0, result: 0, unclassified: 0 },
  perSentence: { background: 0, methodology: 0, result: 0 },
  totalPapers: 0,
  totalSentences: 0,
  locallyClassifiedSentences: 0,
};
const NO_POLARITY: PolaritySummary = {
  perPaper: { supporting: 0, contrasting: 0, neutral: 0, unclassified: 0 },
  perSentence: { supporting: 0, contrasting: 0, neutral: 0 },
  totalPapers: 0,
  totalSentences: 0,
  classifiedSentences: 0,
  abstainedSentences: 0,
  correctedSentences: 0,
  examples: { supporting: [], contrasting: [], neutral: [] },
};

function citing(id: string, title: string, year: number): Citation {
  return { citing: { paperId: id, title, authors: [], year }, intents: [], isInfluential: false, sentences: [] };
}

function input(paper: Paper | null, overrides: Partial<GlanceInput> = {}): GlanceInput {
  return {
    paper,
    claims: buildClaims(paper, []),
    roles: NO_ROLES,
    polarity: NO_POLARITY,
    tier: { tier: 'none', canonical: false, rule: '', citingPapers: 0, backgroundShare: null },
    coCited: [],
    representative: [],
    ...overrides,
  };
}

describe('at a glance', () => {
  it('uses the Semantic Scholar TL;DR when there is one, and the abstract framing as the problem', () => {
    const tldr = 'Gopher, a 280B-parameter model, is analysed across 152 tasks.';
    const glance = buildGlance(input({ ...GOPHER, tldr }));
    expect(glance.tldr).toEqual({ text: tldr, from: 'tldr' });
    // The Gopher abstract's only sentence before "In this paper, we …".
    expect(glance.problem).toEqual([
      'Language modelling provides a step towards intelligent communication systems by harnessing large repositories of written human knowledge to better predict and understand the world.',
    ]);
    expect(glance.contributions[0]!.text).toMatch(/^In this paper, we present an analysis of Transformer-based language model performance/);
    expect(glance.results.map((item) => item.text)).toEqual([
      'These models are evaluated on 152 diverse tasks, achieving state-of-the-art performance across the majority.',
    ]);
    // "… logical and mathematical reasoning see less benefit" is the abstract's limitation.
    expect(glance.limitations).toHaveLength(1);
    expect(glance.limitations[0]!.text).toMatch(/^Gains from scale are largest in areas such as reading comprehension/);
  });

  it('falls back to the first contribution sentence of the abstract without a TL;DR, and does not repeat it below', () => {
    const glance = buildGlance(input(SCALING_LAWS));
    expect(glance.tldr).toEqual({ text: 'We study empirical scaling laws for language model performance on the cross-entropy loss.', from: 'abstract' });
    expect(glance.contributions.map((item) => item.text)).not.toContain(glance.tldr!.text);
    // Scaling Laws starts with "We study …": no framing sentences before it.
    expect(glance.problem).toEqual([]);
    expect(glance.results).toHaveLength(3);
    expect(glance.results[0]!.text).toMatch(/^The loss scales as a power-law with model size/);
  });

  it('summarises reception from the counts: the leading role among papers with a role, polarity among papers with one', () => {
    const roles: RoleSummary = { ...NO_ROLES, perPaper: { background: 83, methodology: 12, result: 5, unclassified: 20 }, totalPapers: 120 };
    const polarity: PolaritySummary = { ...NO_POLARITY, perPaper: { supporting: 9, contrasting: 3, neutral: 60, unclassified: 48 }, totalPapers: 120 };
    const glance = buildGlance(input(SCALING_LAWS, { roles, polarity, tier: { tier: 'hub', canonical: false, rule: '', citingPapers: 1800, backgroundShare: 0.83 } }));
    expect(glance.reception).toEqual({
      citingPapers: 1800,
      leadingRole: { role: 'background', papers: 83, ofPapers: 100 },
      polarity: { supporting: 9, contrasting: 3, ofPapers: 72 },
    });
  });

  it('picks contrasting examples, the top co-cited works and citing papers that use the method', () => {
    const contrasting = [1, 2, 3].map((n) => ({ citingPaperId: `c${n}`, text: `But the law fails at scale ${n}.`, label: 'contrasting' as const, confidence: 0.9 - n / 10 }));
    const coCited = [1, 2, 3, 4].map((n) => ({ paper: { paperId: `w${n}`, title: `Work ${n}`, authors: [] }, count: 10 - n, strength: 0.5 }));
    const representative = [
      { citation: citing('r1', 'Uses it as background', 2022), role: 'background' as const, reason: 'influential' },
      { citation: citing('r2', 'Trains with its recipe', 2023), role: 'methodology' as const, reason: 'adds a role' },
    ];
    const glance = buildGlance(input(GOPHER, { polarity: { ...NO_POLARITY, examples: { supporting: [], neutral: [], contrasting } }, coCited, representative }));
    expect(glance.questionedBy.map((example) => example.citingPaperId)).toEqual(['c1', 'c2']);
    expect(glance.citedAlongside.map((work) => work.paper.title)).toEqual(['Work 1', 'Work 2', 'Work 3']);
    expect(glance.buildingOn.map((paper) => paper.citation.citing.title)).toEqual(['Trains with its recipe']);
  });

  it('is empty without paper details and without citing papers, but not once citing papers arrive', () => {
    expect(isGlanceEmpty(buildGlance(input(null)))).toBe(true);
    expect(isGlanceEmpty(buildGlance(input({ paperId: 'x', title: 'Untitled', authors: [] })))).toBe(true);
    const roles: RoleSummary = { ...NO_ROLES, perPaper: { background: 0, methodology: 0, result: 0, unclassified: 4 }, totalPapers: 4 };
    const glance = buildGlance(input(null, { roles }));
    expect(isGlanceEmpty(glance)).toBe(false);
    expect(glance.reception).toEqual({ citingPapers: 4, leadingRole: null, polarity: null });
  });
});
