import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classifyIntent, classifyPolarity, INTENT_MODEL_VERSION, POLARITY_MODEL_VERSION } from '../../lib/classify';
import { MAX_TEXT_CHARS } from '../../lib/classify/features';
import { INTENTS, POLARITIES, type Classification } from '../../lib/domain/labels';

function expectValid<L extends string>(result: Classification<L>, labels: readonly string[], version: string) {
  expect(labels).toContain(result.label);
  expect(Number.isFinite(result.confidence)).toBe(true);
  expect(result.confidence).toBeGreaterThanOrEqual(0);
  expect(result.confidence).toBeLessThanOrEqual(1);
  // The winning class of a softmax over k classes has probability at least 1/k. When the model
  // abstains, the winner is the label it leaned to; the shown label keeps its own (lower) probability.
  const winner = result.leaning ?? result;
  expect(labels).toContain(winner.label);
  expect(winner.confidence).toBeGreaterThanOrEqual(1 / labels.length - 1e-9);
  expect(winner.confidence).toBeGreaterThanOrEqual(result.confidence);
  expect(result.modelVersion).toBe(version);
}

describe('classifier API', () => {
  it('labels a sentence with a known intent, a probability and the model version', () => {
    const result = classifyIntent('We used the protocol described by Smith et al. (2010) to extract RNA.');
    expectValid(result, INTENTS, INTENT_MODEL_VERSION);
    expect(INTENT_MODEL_VERSION).toMatch(/^intent-v1-[0-9a-f]{8}$/);
  });

  it('labels a sentence with a known polarity, a probability and the model version', () => {
    const result = classifyPolarity('Their parser fails on long sentences (Smith, 2010).');
    expectValid(result, POLARITIES, POLARITY_MODEL_VERSION);
    expect(POLARITY_MODEL_VERSION).toMatch(/^polarity-v1-[0-9a-f]{8}$/);
    expect(POLARITY_MODEL_VERSION).not.toBe(INTENT_MODEL_VERSION);
  });

  it('gives the same answer for the same sentence every time', () => {
    const sentence = 'In contrast to earlier reports [4, 5], we did not observe any effect of temperature.';
    expect(classifyIntent(sentence)).toEqual(classifyIntent(sentence));
    expect(classifyPolarity(sentence)).toEqual(classifyPolarity(sentence));
  });
});

describe('clear-cut sentences', () => {
  it.each([
    ['RNA was extracted using the protocol described previously (Smith et al., 2010).', 'methodology'],
    ['We used the software package of Jones et al. [12] to align the reads.', 'methodology'],
    ['Our results are consistent with previous findings that showed a similar decrease (Lee et al., 2012).', 'result'],
    ['Malaria remains one of the leading causes of death in children worldwide [1, 2].', 'background'],
  ])('intent of "%s" is %s', (sentence, expected) => {
    expect(classifyIntent(sentence).label).toBe(expected);
  });

  it.each([
    ['Unlike Smith et al. (2010), our method does not fail on long sentences, and it outperforms their approach by a wide margin.', 'contrasting'],
    ['Our measurements confirm the findings of Smith et al. (2010) and are consistent with the values they report.', 'supporting'],
    ['Section 3 describes the corpus of Smith et al. (2010) in more detail.', 'neutral'],
  ])('polarity of "%s" is %s', (sentence, expected) => {
    expect(classifyPolarity(sentence).label).toBe(expected);
  });
});

describe('hostile input', () => {
  const awkward = [
    '',
    '   \n\t ',
    '\u0000\u0001\u0007\u001b[31m\u007f',
    '\ud800 lone surrogate \udfff',
    '🙂🚀 emoji-only citation 👍 (Smith, 2010)',
    'مرجع (Smith, 2010) نص عربي',
    '((((((((((((((((((((((((((((((((((((((((((2010',
    '[[[[[[[[[[[[[[[[1,2,3]]]]]]]]]]]]]]]]]]',
    'ﬁnding ﬂuorescence ligatures',
  ];

  it.each(awkward)('classifies %j without throwing', (sentence) => {
    expectValid(classifyIntent(sentence), INTENTS, INTENT_MODEL_VERSION);
    expectValid(classifyPolarity(sentence), POLARITIES, POLARITY_MODEL_VERSION);
  });

  it('treats non-string input like an empty sentence instead of throwing', () => {
    const notAString = 42 as unknown as string;
    expect(classifyIntent(notAString)).toEqual(classifyIntent(''));
    expect(classifyPolarity(notAString)).toEqual(classifyPolarity(''));
  });

  it('reads only the first MAX_TEXT_CHARS characters of a huge text', () => {
    const head = 'We used the method of Smith et al. (2010) to estimate the parameters. '.repeat(30).slice(0, MAX_TEXT_CHARS);
    const huge = head + ' however this approach fails badly and is not consistent with the data'.repeat(20_000);
    expect(huge.length).toBeGreaterThan(1_000_000);
    expect(classifyIntent(huge)).toEqual(classifyIntent(head));
    expect(classifyPolarity(huge)).toEqual(classifyPolarity(head));
  });

  it('always returns a valid label and probability for arbitrary unicode', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (sentence) => {
        expectValid(classifyIntent(sentence), INTENTS, INTENT_MODEL_VERSION);
        expectValid(classifyPolarity(sentence), POLARITIES, POLARITY_MODEL_VERSION);
      }),
      { numRuns: 300, seed: 4 },
    );
  });
});

describe('polarity weights and their word clusters', () => {
  it('reads the shipped weights with the clusters they were trained with, and refuses any other set', async () => {
    const { createLinearClassifier } = await import('../../lib/classify/linearClassifier');
    const { shippedWordClusters } = await import('../../lib/classify/wordClusters');
    const weights = (await import('../../lib/classify/weights/polarity.json')).default;
    expect(weights.features.wordClusterFingerprint).toBe(shippedWordClusters().fingerprint);
    const sentence = 'Our numbers line up with the estimates of [4].';
    const shipped = createLinearClassifier(weights, POLARITIES, shippedWordClusters);
    expect(shipped.classify(sentence).label).toBe(classifyPolarity(sentence).label);
    const other = createLinearClassifier(weights, POLARITIES, () => ({ index: new Map(), fingerprint: 'deadbeef' }));
    expect(() => other.classify(sentence)).toThrow(/other word clusters/);
    expect(() => createLinearClassifier(weights, POLARITIES)).toThrow(/need word clusters/);
  });
});
