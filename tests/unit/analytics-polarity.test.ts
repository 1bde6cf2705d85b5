import { describe, expect, it } from 'vitest';
import type { Citation, CitationSentence } from '../../lib/domain/citation';
import type { Polarity } from '../../lib/domain/labels';
import { citationPolarity, summarizePolarity } from '../../lib/analytics/polarity';

function labelled(label: Polarity, confidence: number, text = `${label} at ${confidence}`): CitationSentence {
  return { text, sourceIntents: [], polarity: { label, confidence } };
}
const unlabelled: CitationSentence = { text: 'waiting for the classifier', sourceIntents: [] };

function citation(id: string, sentences: CitationSentence[]): Citation {
  return { citing: { paperId: id, title: `Paper ${id}`, authors: [] }, isInfluential: false, intents: [], sentences };
}

describe('paper polarity', () => {
  it('is contrasting when one sentence is shown contrasting, whatever else it says', () => {
    expect(citationPolarity(citation('a', [labelled('neutral', 0.9), labelled('contrasting', 0.6)]))).toBe('contrasting');
    expect(citationPolarity(citation('b', [labelled('supporting', 0.95), labelled('contrasting', 0.65)]))).toBe('contrasting');
  });

  it('does not count a stance the model abstained on (it arrives as neutral with a leaning)', () => {
    const abstained: CitationSentence = { text: 'leans contrasting', sourceIntents: [], polarity: { label: 'neutral', confidence: 0.4, leaning: { label: 'contrasting', confidence: 0.5 } } };
    expect(citationPolarity(citation('a', [abstained]))).toBe('neutral');
    expect(citationPolarity(citation('b', [abstained, labelled('supporting', 0.7)]))).toBe('supporting');
  });

  it('is supporting with a supporting sentence and no contrasting one', () => {
    expect(citationPolarity(citation('a', [labelled('supporting', 0.6)]))).toBe('supporting');
    expect(citationPolarity(citation('b', [labelled('neutral', 0.55), labelled('neutral', 0.4)]))).toBe('neutral');
  });

  it("follows the reader's correction", () => {
    const corrected: CitationSentence = { text: 'corrected', sourceIntents: [], polarity: { label: 'neutral', confidence: 1, correctedFrom: 'contrasting' } };
    expect(citationPolarity(citation('a', [corrected]))).toBe('neutral');
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
    citation('p3', [{ text: 'p3 weakly agrees', sourceIntents: [], polarity: { label: 'neutral', confidence: 0.45, leaning: { label: 'supporting', confidence: 0.5 } } }]), // neutral
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
    expect(summary.perSentence).toEqual({ contrasting: 1, supporting: 1, neutral: 2 });
    expect(summary.abstainedSentences).toBe(1);
    expect(summary.correctedSentences).toBe(0);
  });

  it('shows the most confident examples first, at most five and one per paper', () => {
    expect(summary.examples.supporting.map((example) => example.text)).toEqual(['p2 agrees']);
    expect(summary.examples.neutral.find((example) => example.text === 'p3 weakly agrees')?.leaning).toEqual({ label: 'supporting', confidence: 0.5 });
    const many = Array.from({ length: 8 }, (_, index) =>
      citation(`q${index}`, [labelled('contrasting', 0.6 + index / 100, `q${index} a`), labelled('contrasting', 0.99, `q${index} b`)]),
    );
    const examples = summarizePolarity(many).examples.contrasting;
    expect(examples).toHaveLength(5);
    // Every paper's best sentence is its 0.99 one; ties fall back to paper id order.
    expect(examples.map((example) => example.text)).toEqual(['q0 b', 'q1 b', 'q2 b', 'q3 b', 'q4 b']);
  });
});
