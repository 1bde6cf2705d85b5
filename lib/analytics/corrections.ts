/**
 * The reader's polarity corrections laid over the model's labels. Pure: the stored labels are never
 * changed, so a correction survives relabelling by a new model, and removing it brings the model's back.
 */
import type { Citation } from '../domain/citation';
import type { Polarity } from '../domain/labels';

/** Corrections of one hub, by `correctionKey(citingPaperId, text)`. */
export type PolarityCorrections = ReadonlyMap<string, Polarity>;

export function correctionKey(citingPaperId: string, text: string): string {
  return `${citingPaperId}\u0000${text}`;
}

/**
 * Citations with each corrected sentence labelled as the reader said (confidence 1, the model's
 * label kept in `correctedFrom`). A correction to the label the model already shows changes nothing.
 * Citations without a corrected sentence are returned as the same objects.
 */
export function applyPolarityCorrections(citations: readonly Citation[], corrections: PolarityCorrections | undefined): readonly Citation[] {
  if (!corrections || corrections.size === 0) return citations;
  return citations.map((citation) => {
    let changed = false;
    const sentences = citation.sentences.map((sentence) => {
      const label = corrections.get(correctionKey(citation.citing.paperId, sentence.text));
      const model = sentence.polarity;
      if (label === undefined || !model || model.label === label) return sentence;
      changed = true;
      return { ...sentence, polarity: { label, confidence: 1, correctedFrom: model.label } };
    });
    return changed ? { ...citation, sentences } : citation;
  });
}
