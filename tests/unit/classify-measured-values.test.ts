import { describe, expect, it } from 'vitest';
import { extractFeatures, type FeatureConfig } from '../../lib/classify/features';
import { closestMeasuredValues } from '../../lib/classify/measuredValues';

describe('closestMeasuredValues', () => {
  it.each([
    ['Our F1 of 0.842 matches the 0.845 of Lee et al. (2019).', 'same'],
    ['We obtain 41.8 BLEU against the 43.9 of [6].', 'close'],
    ['We obtain 71.3 on the same split, against the 78.0 reported in [4].', 'apart'],
    ['With the released checkpoint of [8] we measure 61.0% top-1, not 76.4%.', 'far'],
    ['The gain is 12 % for [3] and 11.9 % for us.', 'same'],
  ] as const)('bands the closest pair in "%s" as %s', (sentence, band) => {
    expect(closestMeasuredValues(sentence)).toBe(band);
  });

  it.each([
    'In 2019 there were 3 runs over 12 datasets [12, 13].',
    'Smith et al. (2019) report 0.62 on the benchmark.',
    'A ratio of 0.5 here and 50% there are not the same kind of value.',
    '',
  ])('finds no comparison of measurements in "%s"', (sentence) => {
    expect(closestMeasuredValues(sentence)).toBeUndefined();
  });

  it('reads only the first 40 measurements of a table pasted as one sentence', () => {
    // Forty values each 30 % above the last: no two are close.
    const table = Array.from({ length: 40 }, (_, i) => (1.3 ** i).toFixed(1)).join(' ');
    expect(closestMeasuredValues(table)).toBe('far');
    expect(closestMeasuredValues(`${table} 1.0`)).toBe('far');
    expect(closestMeasuredValues(`1.0 ${table}`)).toBe('same');
  });

  it('ignores the numbers inside citation markers and author–year parentheses', () => {
    expect(closestMeasuredValues('As in [1.2] and (Lee, 2019, p. 4.1), we report 0.30 versus 0.90.')).toBe('far');
  });
});

describe('measured-values features', () => {
  const onlyValues: FeatureConfig = {
    hashBits: 16, wordNgrams: [1], charNgramMin: 3, charNgramMax: 3,
    wordBlockWeight: 0, charBlockWeight: 0, cueBlockWeight: 0, maskNames: true, measuredValuesBlockWeight: 1,
  };
  const buckets = (sentence: string) => [...extractFeatures(sentence, onlyValues).indices];

  it('tells a matching number from a missed one, which normalised words cannot', () => {
    const matched = buckets('We measure 0.42, where [4] report 0.43.');
    const missed = buckets('We measure 0.42, where [4] report 0.71.');
    expect(matched).toHaveLength(2);
    expect(missed).toHaveLength(2);
    expect(matched).not.toEqual(missed);
  });

  it('adds nothing to a sentence without two comparable measurements, nor when the block is off', () => {
    expect(buckets('[4] report 0.43 on the benchmark.')).toEqual([]);
    expect([...extractFeatures('We measure 0.42, where [4] report 0.43.', { ...onlyValues, measuredValuesBlockWeight: 0 }).indices]).toEqual([]);
  });
});
