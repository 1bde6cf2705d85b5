import { describe, expect, it } from 'vitest';
import type { Citation, CitationSentence } from '../../lib/domain/citation';
import type { Polarity } from '../../lib/domain/labels';
import { POLARITY_DECISION_THRESHOLD, citationPolarity, summarizePolarity } from '../../lib/analytics/polarity';

function labelled(label: Polarity, confidence: number, text = `${label} at ${confidence}`): CitationSentence {
  return { text, sourceIntents: [], polarity: { label, confidence } };
}
const unlabelled: CitationSentence = { text: 'waiting for the classifier', sourceIntents: [] };

function citation(id: string, sentences: CitationSentence[]): Citation {
  return { citing: { paperId: id, title: `Paper ${id}`, authors: [] }, isInfluential: false, intents: [], sentences };
}

describe('paper polarity', () => {
  it('uses a documented threshold of 0.6', () => {
    expect(POLARITY_DECISION_THRESHOLD).toBe(0.6);
  });

  it('is contrasting when one sentence is contrasting at or above the threshold', () => {
    expect(citationPolarity(citation('a', [labelled('neutral', 0.9), labelled('contrasting', 0.6)]))).toBe('contrasting');
    expect(citationPolarity(citation('b', [labelled('supporting', 0.95), labelled('contrasting', 0.65)]))).toBe('contrasting');
  });

  it('ignores a contrasting sentence just below the threshold', () => {
    expect(citationPolarity(citation('a', [labelled('contrasting', 0.59)]))).toBe('neutral');
    expect(citationPolarity(citation('b', [labelled('contrasting', 0.59), labelled('supporting', 0.7)]))).toBe('supporting');
  });

  it('is supporting only with a confident supporting sentence', () => {
    expect(citationPolarity(citation('a', [labelled('supporting', 0.6)]))).toBe('supporting');
    expect(citationPolarity(citation('b', [labelled('supporting', 0.55), labelled('neutral', 0.4)]))).toBe('neutral');
  });

  it('is unclassified without sentences or without any label', () => {
    expect(citationPolarity(citation('a', []))).toBe('unclassified');
    expect(citationPolarity(citation('b', [unlabelled, unlabelled]))).toBe('unclassified');
  });
});

describe('polarity summary', () => {
  const citations = [
    citation('p1', [labelled('contrasting', 0.8, 'p1 disagrees'), labelled('neutral', 0.9, 'p1 neutral')]), // contrasting
    citation('p2', [labelled('supporting', 0.7, 'p2 agrees'), unlabelled]), // supporting
    citation('p3', [labelled('supporting', 0.5, 'p3 weakly agrees')]), // neutral
    citation('p4', [unlabelled]), // unclassified
    citation('p5', []), // unclassified
  ];
  const summary = summarizePolarity(citations);

  it('counts one polarity per paper, summing to the number of citing papers', () => {
    expect(summary.perPaper).toEqual({ contrasting: 1, supporting: 1, neutral: 1, unclassified: 2 });
    expect(summary.totalPapers).toBe(5);
  });

  it('reports classification progress: labelled sentences of all sentences', () => {
    expect(summary.totalSentences).toBe(6);
    expect(summary.classifiedSentences).toBe(4);
    expect(summary.perSentence).toEqual({ contrasting: 1, supporting: 2, neutral: 1 });
    expect(summary.threshold).toBe(POLARITY_DECISION_THRESHOLD);
  });

  it('shows the most confident examples first, at most five and one per paper', () => {
    expect(summary.examples.supporting.map((example) => example.text)).toEqual(['p2 agrees', 'p3 weakly agrees']);
    const many = Array.from({ length: 8 }, (_, index) =>
      citation(`q${index}`, [labelled('contrasting', 0.6 + index / 100, `q${index} a`), labelled('contrasting', 0.99, `q${index} b`)]),
    );
    const examples = summarizePolarity(many).examples.contrasting;
    expect(examples).toHaveLength(5);
    // Every paper's best sentence is its 0.99 one; ties fall back to paper id order.
    expect(examples.map((example) => example.text)).toEqual(['q0 b', 'q1 b', 'q2 b', 'q3 b', 'q4 b']);
  });
});
