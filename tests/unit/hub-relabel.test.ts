import { describe, expect, it } from 'vitest';
import { createSentenceLabeler } from '../../lib/hub/labelling';
import { generateCorpus } from '../../lib/hub/fakeSource';
import type { SentenceLabeler } from '../../lib/hub/deps';
import { createHarness, fakeClock, openAndSettle, uniqueDb } from './hub-harness';

/** A "new model" that calls every local intent a result and every sentence supporting. */
function countingLabeler(modelVersion: string): SentenceLabeler & { calls: number } {
  const inner = createSentenceLabeler({
    modelVersion,
    classifyIntent: () => ({ label: 'result', confidence: 0.6, modelVersion }),
    classifyPolarity: () => ({ label: 'supporting', confidence: 0.9, modelVersion }),
  });
  const labeler = {
    modelVersion,
    calls: 0,
    labelSentence(text: string, sourceIntents: Parameters<SentenceLabeler['labelSentence']>[1]) {
      labeler.calls += 1;
      return inner.labelSentence(text, sourceIntents);
    },
  };
  return labeler;
}

describe('relabelling after a model update', () => {
  it('relabels cached sentences on open without any request, and stores the new labels', async () => {
    const db = uniqueDb();
    const clock = fakeClock();
    const corpus = generateCorpus({ citationCount: 600 });
    const before = (await openAndSettle(createHarness({ db, clock, corpus }))).data!;
    const sentenceCount = before.citations.reduce((sum, citation) => sum + citation.sentences.length, 0);
    expect(before.citations[0]!.sentences.every((s) => s.modelVersion === 'keywords-1')).toBe(true);

    const updated = countingLabeler('model-2');
    const harness = createHarness({ db, clock, corpus, labeler: updated });
    const { data, status } = await harness.service.open(corpus.arxivId);
    expect(status.state).toBe('ready');
    expect(harness.source.calls).toHaveLength(0);
    expect(updated.calls).toBe(sentenceCount);

    const sentences = data!.citations.flatMap((citation) => citation.sentences);
    for (const sentence of sentences) {
      expect(sentence.modelVersion).toBe('model-2');
      expect(sentence.polarity).toEqual({ label: 'supporting', confidence: 0.9 });
      if (sentence.sourceIntents.length === 0) expect(sentence.intent).toEqual({ label: 'result', origin: 'local', confidence: 0.6 });
      else expect(sentence.intent).toEqual({ label: sentence.sourceIntents[0], origin: 'source', confidence: 1 });
    }
    const stored = await db.hubs.get(corpus.arxivId);
    expect(stored!.data.citations).toEqual(data!.citations);
    expect(stored!.fetchedAt).toBe(before.provenance.fetchedAt);

    // Already current: the next open labels nothing.
    const again = countingLabeler('model-2');
    await createHarness({ db, clock, corpus, labeler: again }).service.open(corpus.arxivId);
    expect(again.calls).toBe(0);
  });
});
