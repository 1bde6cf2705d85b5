/**
 * Sentence labelling as citation pages arrive, and relabelling of cached sentences after a model update.
 * Labels never need the network: the raw sentences and source intents are cached with the hub.
 */
import type { CitationSentence } from '../domain/citation';
import type { Classification, Intent, Polarity } from '../domain/labels';
import type { SentenceLabeler, SentenceLabels } from './deps';
import type { Paper } from '../domain/paper';
import { clauseAboutCitedWork, type CitedWork } from '../classify/citedClause';

/** The cited paper as author–year mentions name it: its first author's family name and its year. */
export function citedWorkOf(paper: Paper | null | undefined): CitedWork | undefined {
  const surname = paper?.authors[0]?.trim().split(/\s+/).pop();
  return surname ? { surname, ...(paper?.year !== undefined ? { year: paper.year } : {}) } : undefined;
}

type MaybePromise<T> = T | Promise<T>;

/**
 * Builds the labeler from the two local classifiers: the source's intent when the sentence has one
 * (S2 labels are better than ours where they exist), the local intent otherwise; polarity is always local.
 */
export function createSentenceLabeler(options: {
  modelVersion: string;
  classifyIntent: (text: string) => MaybePromise<Classification<Intent>>;
  classifyPolarity: (text: string) => MaybePromise<Classification<Polarity>>;
}): SentenceLabeler {
  const { modelVersion, classifyIntent, classifyPolarity } = options;
  return {
    modelVersion,
    async labelSentence(text, sourceIntents, cited): Promise<SentenceLabels> {
      // The stance is judged on the clause about the cited work when author–year mentions tell it apart.
      const clause = clauseAboutCitedWork(text, cited);
      const classified = await classifyPolarity(clause ?? text);
      const polarity = {
        label: classified.label,
        confidence: classified.confidence,
        ...(classified.leaning ? { leaning: classified.leaning } : {}),
        ...(clause ? { focused: true } : {}),
      };
      const sourceIntent = sourceIntents[0];
      if (sourceIntent !== undefined) {
        return {
          intent: { label: sourceIntent, origin: 'source', confidence: 1 },
          polarity,
          modelVersion,
        };
      }
      const intent = await classifyIntent(text);
      return {
        intent: { label: intent.label, origin: 'local', confidence: intent.confidence },
        polarity,
        modelVersion,
      };
    },
  };
}

export function isSentenceLabelled(sentence: CitationSentence, modelVersion: string): boolean {
  return sentence.intent !== undefined && sentence.polarity !== undefined && sentence.modelVersion === modelVersion;
}

/** Anything that carries citation sentences: a citing paper's edge, or one of the paper's own references. */
type WithSentences = { sentences: CitationSentence[] };

export function needsLabelling(citations: readonly WithSentences[], modelVersion: string): boolean {
  return citations.some((citation) => citation.sentences.some((sentence) => !isSentenceLabelled(sentence, modelVersion)));
}

export function countSentences(citations: readonly WithSentences[]): { total: number; labelled: number } {
  let total = 0;
  let labelled = 0;
  for (const citation of citations) {
    for (const sentence of citation.sentences) {
      total += 1;
      if (sentence.intent !== undefined && sentence.polarity !== undefined) labelled += 1;
    }
  }
  return { total, labelled };
}

/**
 * Returns the citations with every sentence labelled by the current model. Citations whose sentences
 * are already current are returned as the same objects (snapshots already handed out stay unchanged).
 */
export async function labelCitations<T extends WithSentences>(citations: readonly T[], labeler: SentenceLabeler, cited?: CitedWork): Promise<T[]> {
  const result: T[] = [];
  for (const citation of citations) {
    if (citation.sentences.every((sentence) => isSentenceLabelled(sentence, labeler.modelVersion))) {
      result.push(citation);
      continue;
    }
    const sentences: CitationSentence[] = [];
    for (const sentence of citation.sentences) {
      if (isSentenceLabelled(sentence, labeler.modelVersion)) {
        sentences.push(sentence);
        continue;
      }
      const labels = await labeler.labelSentence(sentence.text, sentence.sourceIntents, cited);
      sentences.push({ ...sentence, intent: labels.intent, polarity: labels.polarity, modelVersion: labels.modelVersion });
    }
    result.push({ ...citation, sentences });
  }
  return result;
}
