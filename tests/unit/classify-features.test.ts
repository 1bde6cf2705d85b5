import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extractFeatures, indexWordClusters, normaliseText, tokenise, type FeatureConfig } from '../../lib/classify/features';
import { shippedWordClusters } from '../../lib/classify/wordClusters';
import { decodeAscendingVarints, decodeBase64, encodeAscendingVarints, encodeBase64 } from '../../lib/classify/packedWeights';

const CONFIG: FeatureConfig = {
  hashBits: 16,
  wordNgrams: [1, 2],
  charNgramMin: 3,
  charNgramMax: 5,
  wordBlockWeight: 1,
  charBlockWeight: 1,
  cueBlockWeight: 1,
  maskNames: true,
};

describe('normaliseText', () => {
  it('turns every citation style into one @cite token', () => {
    expect(normaliseText('as shown (Jing and McKeown, 2000) and [12, 22] and [Brown et al., 1993; Och 2003]')).toBe(
      'as shown @cite and @cite and @cite',
    );
  });

  it('lower-cases, collapses digits and expands ligatures', () => {
    expect(normaliseText('An F1 of 96.6% on the ﬁrst  test')).toBe('an f0 of 0% on the first test');
  });

  it('masks mid-sentence capitalised names only when asked', () => {
    expect(normaliseText('The parser of Collins is fast', true)).toBe('the parser of @name is fast');
    expect(normaliseText('The parser of Collins is fast', false)).toBe('the parser of collins is fast');
  });

  it('keeps contractions as one token so "doesn\'t" can act as a negation', () => {
    expect(tokenise(normaliseText("It doesn't scale"))).toEqual(['it', "doesn't", 'scale']);
  });
});

describe('extractFeatures', () => {
  it('is empty for text without words', () => {
    expect(extractFeatures('', CONFIG).indices.length).toBe(0);
    expect(extractFeatures(' ,;: ', CONFIG).indices.length).toBe(0);
  });

  it('gives ascending distinct buckets inside the hash space, identically on every call', () => {
    const sentence = 'However, their method fails on long sentences (Smith, 2010).';
    const first = extractFeatures(sentence, CONFIG);
    const second = extractFeatures(sentence, CONFIG);
    expect(Array.from(first.indices)).toEqual(Array.from(second.indices));
    expect(Array.from(first.values)).toEqual(Array.from(second.values));
    for (let i = 0; i < first.indices.length; i++) {
      expect(first.indices[i]).toBeLessThan(2 ** CONFIG.hashBits);
      if (i > 0) expect(first.indices[i]).toBeGreaterThan(first.indices[i - 1]!);
    }
  });

  it('reacts to a cue word even where n-grams alone are turned off', () => {
    const cuesOnly = { ...CONFIG, wordBlockWeight: 0, charBlockWeight: 0 };
    expect(extractFeatures('the method fails', cuesOnly).indices.length).toBe(1);
    expect(extractFeatures('the method runs', cuesOnly).indices.length).toBe(0);
    // Negated weakness is a different signal from weakness.
    const plain = extractFeatures('it suffers from label bias', cuesOnly);
    const negated = extractFeatures('it does not suffer from label bias', cuesOnly);
    expect(Array.from(negated.indices)).not.toEqual(Array.from(plain.indices));
  });
});

describe('word-cluster features', () => {
  const clustersOnly: FeatureConfig = { ...CONFIG, wordBlockWeight: 0, charBlockWeight: 0, cueBlockWeight: 0, wordClusterNgrams: [1, 2], wordClusterBlockWeight: 1 };
  const clusters = indexWordClusters(['vanish evaporate disappear', 'gains speedups improvements']);

  it('gives words of one cluster the same features, so a verb unseen in training reads like its neighbours', () => {
    const seen = extractFeatures('the gains vanish on commodity hardware', clustersOnly, clusters);
    const unseen = extractFeatures('the speedups evaporate on commodity hardware', clustersOnly, clusters);
    expect(Array.from(unseen.indices)).toEqual(Array.from(seen.indices));
    const different = extractFeatures('the speedups persist on commodity hardware', clustersOnly, clusters);
    expect(Array.from(different.indices)).not.toEqual(Array.from(seen.indices));
  });

  it('refuses to extract them without clusters rather than silently dropping the block', () => {
    expect(() => extractFeatures('the gains vanish', clustersOnly)).toThrow(/word clusters/);
  });

  it('ships clusters built from pretrained vectors that group words by meaning', () => {
    const shipped = shippedWordClusters().index;
    expect(shipped.size).toBeGreaterThan(40_000);
    expect(shipped.get('flaws')).toBe(shipped.get('shortcomings'));
    expect(shipped.get('reproduce')).toBe(shipped.get('replicate'));
    expect(shipped.get('flaws')).not.toBe(shipped.get('contradicts'));
  });
});

describe('weight packing', () => {
  it('round-trips bytes through base64', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        expect(Array.from(decodeBase64(encodeBase64(bytes)))).toEqual(Array.from(bytes));
      }),
      { seed: 1 },
    );
  });

  it('round-trips ascending bucket ids through delta varints', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 0, max: 2 ** 30 }), { maxLength: 200 }), (values) => {
        const ascending = Uint32Array.from(values).sort();
        expect(Array.from(decodeAscendingVarints(encodeAscendingVarints(ascending), ascending.length))).toEqual(Array.from(ascending));
      }),
      { seed: 2 },
    );
  });

  it('rejects corrupt base64 instead of decoding garbage', () => {
    expect(() => decodeBase64('ab$c')).toThrow(/invalid base64/);
  });
});
