import { describe, expect, it } from 'vitest';
import { clauseAboutCitedWork } from '../../lib/classify/citedClause';

const vaswani = { surname: 'Vaswani', year: 2017 };

describe('the clause about the cited work', () => {
  it.each([
    [
      'a contrast with another author–year work is judged on the cited work’s clause',
      'Our results agree with Vaswani et al. (2017), but they contradict the findings of Gehring et al. (2017).',
      'Our results agree with Vaswani et al. (2017)',
    ],
    [
      'the cited work in the second clause',
      'Gehring et al. (2017) report strong gains; however, Vaswani et al. (2017) could not be reproduced on our hardware.',
      'however, Vaswani et al. (2017) could not be reproduced on our hardware.',
    ],
    [
      'a semicolon splits clauses too',
      'The method of Smith and Jones (2019) fails on long inputs; Vaswani et al., 2017 handle them well.',
      'Vaswani et al., 2017 handle them well.',
    ],
  ])('%s', (_, sentence, clause) => {
    expect(clauseAboutCitedWork(sentence, vaswani)).toBe(clause);
  });

  it.each([
    ['numbered citations cannot be told apart', 'Our results agree with [3], but contradict [7].'],
    ['a sentence citing only the cited work', 'Our results agree with Vaswani et al. (2017), but only on short inputs.'],
    ['the cited work not named (it is a numbered reference here)', 'Unlike Gehring et al. (2017), the method of [4] scales well.'],
    ['several works in one clause', 'As shown by Vaswani et al. (2017) and Gehring et al. (2017), attention helps.'],
    ['same surname, other year', 'Vaswani (2019) disagrees with Gehring et al. (2017), whereas we do not.'],
  ])('judges the whole sentence when %s', (_, sentence) => {
    expect(clauseAboutCitedWork(sentence, vaswani)).toBeNull();
  });

  it('matches names across accents and case, and ignores hostile or huge input', () => {
    expect(clauseAboutCitedWork('We confirm Müller et al. (2020); Schmidt (2018) fails here.', { surname: 'Muller', year: 2020 })).toBe('We confirm Müller et al. (2020)');
    expect(clauseAboutCitedWork('x'.repeat(5000), vaswani)).toBeNull();
    expect(clauseAboutCitedWork('Vaswani et al. (2017); Gehring (2017)', undefined)).toBeNull();
  });
});
