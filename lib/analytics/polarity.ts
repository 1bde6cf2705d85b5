/**
 * Polarity (supporting / contrasting / neutral) per sentence and per citing paper.
 *
 * Sentence labels arrive as shown: the classifier abstains below its per-class thresholds (those
 * sentences are neutral, "no clear stance"), and a reader's correction replaces the model's label.
 * One disagreement is news: a paper is contrasting if any of its sentences is contrasting, else
 * supporting if any is supporting, else neutral (it has labelled sentences), else unclassified.
 */
import type { Citation, CitationSentence } from '../domain/citation';
import type { Polarity } from '../domain/labels';
import type { PolarityBucket, PolarityExample, PolaritySummary } from '../domain/view';

/** Examples shown per label so users can check the labels. */
export const POLARITY_EXAMPLES_PER_LABEL = 5;

const POLARITY_LABELS: readonly Polarity[] = ['supporting', 'contrasting', 'neutral'];

export function citationPolarity(citation: Citation): PolarityBucket {
  let labelled = false;
  let supporting = false;
  for (const sentence of citation.sentences) {
    const polarity = sentence.polarity;
    if (!polarity) continue;
    labelled = true;
    if (polarity.label === 'contrasting') return 'contrasting';
    if (polarity.label === 'supporting') supporting = true;
  }
  if (supporting) return 'supporting';
  return labelled ? 'neutral' : 'unclassified';
}

export function emptyPolarityCounts(): Record<PolarityBucket, number> {
  return { supporting: 0, contrasting: 0, neutral: 0, unclassified: 0 };
}

/**
 * Whether a sentence beats the current example of its paper and label: more confident, or as
 * confident and earlier in text order. On a full tie the current one stays; the two are then
 * the same example.
 */
function isBetterExample(confidence: number, text: string, currentConfidence: number, currentText: string): boolean {
  return confidence > currentConfidence || (confidence === currentConfidence && text < currentText);
}

/** Example order: most confident first, then by citing paper id, then by text. */
function sortsBefore(confidence: number, citingPaperId: string, text: string, example: PolarityExample): boolean {
  if (confidence !== example.confidence) return confidence > example.confidence;
  if (citingPaperId !== example.citingPaperId) return citingPaperId < example.citingPaperId;
  return text < example.text;
}

/**
 * The POLARITY_EXAMPLES_PER_LABEL first examples of one label (in sortsBefore order), at most one
 * per citing paper: each paper's best sentence, whichever of its citations it is in. A short
 * sorted list updated as candidates are offered, instead of a map of every paper's best
 * sentence sorted at the end. A paper dropped from the list can come back only with a better
 * sentence, which then also beats everything that pushed the old one out.
 */
class ExampleShortlist {
  readonly examples: PolarityExample[] = [];

  offer(citingPaperId: string, sentence: CitationSentence): void {
    const { text } = sentence;
    const { label, confidence } = sentence.polarity!;
    const { examples } = this;
    const samePaper = examples.findIndex((example) => example.citingPaperId === citingPaperId);
    if (samePaper >= 0) {
      const current = examples[samePaper]!;
      if (!isBetterExample(confidence, text, current.confidence, current.text)) return;
      examples.splice(samePaper, 1);
    } else if (examples.length === POLARITY_EXAMPLES_PER_LABEL && !sortsBefore(confidence, citingPaperId, text, examples[examples.length - 1]!)) {
      return;
    }
    let position = examples.length;
    while (position > 0 && sortsBefore(confidence, citingPaperId, text, examples[position - 1]!)) position -= 1;
    examples.splice(position, 0, exampleOf(citingPaperId, sentence));
    if (examples.length > POLARITY_EXAMPLES_PER_LABEL) examples.pop();
  }
}

function exampleOf(citingPaperId: string, sentence: CitationSentence): PolarityExample {
  const { label, confidence, leaning, correctedFrom, focused } = sentence.polarity!;
  return {
    citingPaperId,
    text: sentence.text,
    label,
    confidence,
    ...(leaning ? { leaning } : {}),
    ...(correctedFrom ? { correctedFrom } : {}),
    ...(focused ? { focused } : {}),
  };
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
  // One shortlist per label, fed each paper's best sentence as the citations stream by.
  const shortlists: Record<Polarity, ExampleShortlist> = {
    supporting: new ExampleShortlist(),
    contrasting: new ExampleShortlist(),
    neutral: new ExampleShortlist(),
  };
  let totalSentences = 0;
  let classifiedSentences = 0;
  let abstainedSentences = 0;
  let correctedSentences = 0;
  // The best sentence per label within the citation at hand; only these are offered to the
  // shortlists (a paper's other sentences are compared and dropped).
  const bestInCitation: Record<Polarity, CitationSentence | null> = { supporting: null, contrasting: null, neutral: null };
  citations.forEach((citation, index) => {
    perPaper[paperPolarities?.[index] ?? citationPolarity(citation)] += 1;
    for (const sentence of citation.sentences) {
      totalSentences += 1;
      const polarity = sentence.polarity;
      if (!polarity) continue;
      classifiedSentences += 1;
      perSentence[polarity.label] += 1;
      if (polarity.leaning) abstainedSentences += 1;
      if (polarity.correctedFrom) correctedSentences += 1;
      const best = bestInCitation[polarity.label];
      if (!best || isBetterExample(polarity.confidence, sentence.text, best.polarity!.confidence, best.text)) {
        bestInCitation[polarity.label] = sentence;
      }
    }
    for (const label of POLARITY_LABELS) {
      const sentence = bestInCitation[label];
      if (!sentence) continue;
      bestInCitation[label] = null;
      shortlists[label].offer(citation.citing.paperId, sentence);
    }
  });
  return {
    perPaper,
    perSentence,
    totalPapers: citations.length,
    totalSentences,
    classifiedSentences,
    abstainedSentences,
    correctedSentences,
    examples: { supporting: shortlists.supporting.examples, contrasting: shortlists.contrasting.examples, neutral: shortlists.neutral.examples },
  };
}
