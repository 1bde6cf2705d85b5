/**
 * Polarity (supporting / contrasting / neutral) per sentence and per citing paper.
 *
 * One disagreement is news: a paper is contrasting if any of its sentences is labelled
 * contrasting with confidence >= POLARITY_DECISION_THRESHOLD, else supporting likewise, else
 * neutral (it has labelled sentences, none confident enough to be non-neutral), else unclassified.
 */
import type { Citation } from '../domain/citation';
import type { Polarity } from '../domain/labels';
import type { PolarityBucket, PolarityExample, PolaritySummary } from '../domain/view';

/**
 * A sentence decides its paper's polarity from this confidence. The classifier has three classes,
 * so 0.6 is well above chance (1/3) and above the 0.5 where a label holds most of the probability
 * mass: a single hesitant "contrasting" never marks a whole paper as disagreeing.
 */
export const POLARITY_DECISION_THRESHOLD = 0.6;

/** Examples shown per label so users can check the labels. */
export const POLARITY_EXAMPLES_PER_LABEL = 5;

export function citationPolarity(citation: Citation, threshold: number = POLARITY_DECISION_THRESHOLD): PolarityBucket {
  let labelled = false;
  let supporting = false;
  for (const sentence of citation.sentences) {
    const polarity = sentence.polarity;
    if (!polarity) continue;
    labelled = true;
    if (polarity.confidence < threshold) continue;
    if (polarity.label === 'contrasting') return 'contrasting';
    if (polarity.label === 'supporting') supporting = true;
  }
  if (supporting) return 'supporting';
  return labelled ? 'neutral' : 'unclassified';
}

export function emptyPolarityCounts(): Record<PolarityBucket, number> {
  return { supporting: 0, contrasting: 0, neutral: 0, unclassified: 0 };
}

function compareExamples(a: PolarityExample, b: PolarityExample): number {
  if (a.confidence !== b.confidence) return b.confidence - a.confidence;
  if (a.citingPaperId !== b.citingPaperId) return a.citingPaperId < b.citingPaperId ? -1 : 1;
  return a.text < b.text ? -1 : a.text > b.text ? 1 : 0;
}

/**
 * `perPaper` sums to `totalPapers`; `perSentence` sums to `classifiedSentences` (sentences with a
 * polarity label so far), while `totalSentences` counts every sentence: the panel shows
 * "classifying classifiedSentences of totalSentences" until they are equal.
 * Examples: most confident first, at most one per citing paper (so one paper cannot fill a label).
 */
export function summarizePolarity(
  citations: readonly Citation[],
  paperPolarities?: readonly PolarityBucket[],
): PolaritySummary {
  const perPaper = emptyPolarityCounts();
  const perSentence: Record<Polarity, number> = { supporting: 0, contrasting: 0, neutral: 0 };
  const bestPerPaper: Record<Polarity, Map<string, PolarityExample>> = {
    supporting: new Map(),
    contrasting: new Map(),
    neutral: new Map(),
  };
  let totalSentences = 0;
  let classifiedSentences = 0;
  citations.forEach((citation, index) => {
    perPaper[paperPolarities?.[index] ?? citationPolarity(citation)] += 1;
    const citingPaperId = citation.citing.paperId;
    for (const sentence of citation.sentences) {
      totalSentences += 1;
      const polarity = sentence.polarity;
      if (!polarity) continue;
      classifiedSentences += 1;
      perSentence[polarity.label] += 1;
      // Compare before allocating: most sentences never become an example.
      const current = bestPerPaper[polarity.label].get(citingPaperId);
      if (current && (current.confidence > polarity.confidence || (current.confidence === polarity.confidence && current.text <= sentence.text))) continue;
      bestPerPaper[polarity.label].set(citingPaperId, { citingPaperId, text: sentence.text, label: polarity.label, confidence: polarity.confidence });
    }
  });
  const topExamples = (label: Polarity): PolarityExample[] =>
    [...bestPerPaper[label].values()].sort(compareExamples).slice(0, POLARITY_EXAMPLES_PER_LABEL);
  return {
    perPaper,
    perSentence,
    totalPapers: citations.length,
    totalSentences,
    classifiedSentences,
    threshold: POLARITY_DECISION_THRESHOLD,
    examples: { supporting: topExamples('supporting'), contrasting: topExamples('contrasting'), neutral: topExamples('neutral') },
  };
}
