import { describe, expect, it } from 'vitest';
import type { Citation, CitationSentence } from '../../lib/domain/citation';
import type { Intent } from '../../lib/domain/labels';
import { citationRole, sentenceRole, summarizeRoles } from '../../lib/analytics/roles';

function sourceSentence(...intents: Intent[]): CitationSentence {
  return { text: `source says ${intents.join('+')}`, sourceIntents: intents, intent: intents[0] && { label: intents[0], origin: 'source', confidence: 1 } };
}
function localSentence(label: Intent, confidence = 0.8): CitationSentence {
  return { text: `classified ${label}`, sourceIntents: [], intent: { label, origin: 'local', confidence } };
}
const pending: CitationSentence = { text: 'not classified yet', sourceIntents: [] };

function citation(id: string, sentences: CitationSentence[], intents: Intent[] = []): Citation {
  return { citing: { paperId: id, title: `Paper ${id}`, authors: [] }, isInfluential: false, intents, sentences };
}

describe('sentence labels', () => {
  it('prefers the source label over the local classifier', () => {
    const sentence: CitationSentence = { text: 'x', sourceIntents: ['result'], intent: { label: 'background', origin: 'local', confidence: 0.9 } };
    expect(sentenceRole(sentence)).toEqual({ label: 'result', origin: 'source' });
  });

  it('picks methodology > result > background when the source gives one sentence several intents', () => {
    expect(sentenceRole({ text: 'x', sourceIntents: ['background', 'result'] })?.label).toBe('result');
    expect(sentenceRole({ text: 'x', sourceIntents: ['result', 'methodology', 'background'] })?.label).toBe('methodology');
  });

  it('uses the local label when the source has none, and nothing while classification is pending', () => {
    expect(sentenceRole(localSentence('methodology'))).toEqual({ label: 'methodology', origin: 'local' });
    expect(sentenceRole(pending)).toBeNull();
  });
});

describe('paper roles', () => {
  it('takes the majority of the sentence labels', () => {
    const paper = citation('a', [localSentence('background'), sourceSentence('background'), sourceSentence('methodology')]);
    expect(citationRole(paper)).toEqual({ role: 'background', origin: 'local' });
  });

  it('breaks ties methodology > result > background', () => {
    expect(citationRole(citation('a', [sourceSentence('background'), sourceSentence('methodology')])).role).toBe('methodology');
    expect(citationRole(citation('b', [sourceSentence('background'), sourceSentence('result')])).role).toBe('result');
    expect(citationRole(citation('c', [sourceSentence('result'), sourceSentence('methodology')])).role).toBe('methodology');
    expect(
      citationRole(citation('d', [sourceSentence('result'), sourceSentence('background'), sourceSentence('methodology')])).role,
    ).toBe('methodology');
  });

  it('falls back on edge-level source intents when no sentence is labelled', () => {
    expect(citationRole(citation('a', [], ['background', 'result']))).toEqual({ role: 'result', origin: 'source' });
    expect(citationRole(citation('b', [pending], ['background']))).toEqual({ role: 'background', origin: 'source' });
  });

  it('is unclassified with neither sentences nor intents', () => {
    expect(citationRole(citation('a', []))).toEqual({ role: 'unclassified', origin: null });
    expect(citationRole(citation('b', [pending]))).toEqual({ role: 'unclassified', origin: null });
  });

  it('marks a role as local only when the winning label got a local vote', () => {
    const paper = citation('a', [sourceSentence('result'), sourceSentence('result'), localSentence('background')]);
    expect(citationRole(paper)).toEqual({ role: 'result', origin: 'source' });
  });
});

describe('role summary', () => {
  it('counts papers and sentences so that each sums to its total', () => {
    const citations = [
      citation('p1', [sourceSentence('background'), localSentence('background'), sourceSentence('result')]), // background
      citation('p2', [localSentence('methodology'), localSentence('background')]), // tie -> methodology
      citation('p3', [], ['result']), // edge intents -> result
      citation('p4', [pending]), // unclassified
      citation('p5', [sourceSentence('background')]), // background
    ];
    const summary = summarizeRoles(citations);
    expect(summary.perPaper).toEqual({ background: 2, methodology: 1, result: 1, unclassified: 1 });
    expect(summary.totalPapers).toBe(5);
    // Labelled sentences: p1 (3) + p2 (2) + p5 (1) = 6; the pending one is not counted yet.
    expect(summary.perSentence).toEqual({ background: 4, methodology: 1, result: 1 });
    expect(summary.totalSentences).toBe(6);
    expect(summary.locallyClassifiedSentences).toBe(3);
  });
});
