import { readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadIntentRows, loadMultiCiteStance, loadPolarityRows, loadSciCiteStance, loadWrittenContentPolarity, loadWrittenHardPolarity, loadWrittenPolarity, toJsonl, WRITTEN_HARD_NOT_TRAINED, type LabelledSentence } from '../../scripts/train/datasets';
import { evaluateShipped } from '../../scripts/train/evaluate';
import { loadProbe, PROBE_SET_2, PROBE_SET_3, PROBE_SET_4 } from '../../scripts/train/measure';
import { looseText, splitIntent, splitByDatasetSplit, splitPolarity } from '../../scripts/train/splits';
import { REPO_ROOT } from '../paths';

const HELD_OUT = resolve(REPO_ROOT, 'tests/fixtures/heldout');

function heldOut(task: 'intent' | 'polarity' | 'polarity-multicite' | 'polarity-scicite'): LabelledSentence[] {
  return readFileSync(resolve(HELD_OUT, `${task}.jsonl`), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as LabelledSentence);
}

describe('shipped classifiers on the held-out sentences', () => {
  it('intent: macro-F1 of at least 0.81 (unchanged by the polarity work)', () => {
    const metrics = evaluateShipped('intent', heldOut('intent'));
    expect(metrics.macroF1).toBeGreaterThanOrEqual(0.81);
  });
});

// Polarity is scored on the labels as the panel shows them: below its thresholds the model abstains
// and the sentence counts as neutral. Enforced: what the shipped model meets, at the figures it
// measured (README, "Held-out figures"), so a worse model fails. KNOWN SHORTFALLS (issue 15 stays
// open): the floors it does not meet are `it.fails`, so the day a model meets one, that test fails
// and its `.fails` must go.
describe('shipped polarity model, as the panel shows its labels', () => {
  const probe = () => evaluateShipped('polarity', loadProbe());
  const probe2 = () => evaluateShipped('polarity', loadProbe(PROBE_SET_2));
  const probe3 = () => evaluateShipped('polarity', loadProbe(PROBE_SET_3));
  const probe4 = () => evaluateShipped('polarity', loadProbe(PROBE_SET_4));
  const multiCite = () => evaluateShipped('polarity', heldOut('polarity-multicite'));
  const sciCite = () => evaluateShipped('polarity', heldOut('polarity-scicite'));
  const athar = () => evaluateShipped('polarity', heldOut('polarity'));

  it('probe (plain sentences written from the definitions, never trained on): macro-F1 at least 0.80 (issue 15 floor)', () => {
    expect(probe().macroF1).toBeGreaterThanOrEqual(0.8);
  });

  it('probe: finds at least 60 % of supporting and 75 % of contrasting sentences (issue floor 60 % each)', () => {
    const metrics = probe();
    expect(metrics.recall.supporting).toBeGreaterThanOrEqual(0.6);
    expect(metrics.recall.contrasting).toBeGreaterThanOrEqual(0.75);
  });

  it('probe: what it shows as supporting or contrasting is right at least 90 % of the time', () => {
    const metrics = probe();
    expect(metrics.precision.supporting).toBeGreaterThanOrEqual(0.9);
    expect(metrics.precision.contrasting).toBeGreaterThanOrEqual(0.9);
  });

  // Probe 2 was written after probe 1's aggregate figures had shaped training briefs, and its own
  // aggregate figures shaped the brief of batch 5. Probe 3 was first scored after batch 5 had been
  // chosen on grouped CV alone; its errors were then read and shaped batch 6. Probe 4 was first
  // scored after batch 6 and this model had been chosen on grouped CV alone: the freshest measure.
  it.each([
    { name: 'probe 2 (a second writer, stance mostly without cue words)', load: probe2, macroF1: 0.8, shownPrecision: 0.95 },
    { name: 'probe 4 (a fourth writer, first scored after this model was chosen)', load: probe4, macroF1: 0.8, shownPrecision: 0.95 },
  ])('$name: macro-F1 at least $macroF1 and supporting and contrasting recall at least 0.6 (issue 15 floors), shown labels right at least $shownPrecision of the time', ({ load, macroF1, shownPrecision }) => {
    const metrics = load();
    expect(metrics.macroF1).toBeGreaterThanOrEqual(macroF1);
    expect(metrics.recall.supporting).toBeGreaterThanOrEqual(0.6);
    expect(metrics.recall.contrasting).toBeGreaterThanOrEqual(0.6);
    expect(metrics.precision.supporting).toBeGreaterThanOrEqual(shownPrecision);
    expect(metrics.precision.contrasting).toBeGreaterThanOrEqual(shownPrecision);
  });

  it('probe 3 (a third writer): macro-F1 at least 0.64, shown supporting right at least 90 % and contrasting 76 % of the time, as measured', () => {
    const metrics = probe3();
    expect(metrics.macroF1).toBeGreaterThanOrEqual(0.64);
    expect(metrics.precision.supporting).toBeGreaterThanOrEqual(0.9);
    expect(metrics.precision.contrasting).toBeGreaterThanOrEqual(0.76);
  });

  it.fails('probe 3: macro-F1 ≥ 0.80 and supporting and contrasting recall ≥ 0.6 (issue 15 floors, not met: macro-F1 0.64, recall 0.50 / 0.50)', () => {
    const metrics = probe3();
    expect(metrics.macroF1).toBeGreaterThanOrEqual(0.8);
    expect(metrics.recall.supporting).toBeGreaterThanOrEqual(0.6);
    expect(metrics.recall.contrasting).toBeGreaterThanOrEqual(0.6);
  });

  it('MultiCite held out (computer-science papers): shown contrasting labels right at least 59 % of the time (the thresholds aim at 60 %) over at least 100 shown, macro-F1 at least 0.59, as measured', () => {
    const metrics = multiCite();
    expect(metrics.precision.contrasting).toBeGreaterThanOrEqual(0.59);
    expect(metrics.predicted.contrasting).toBeGreaterThanOrEqual(100);
    expect(metrics.macroF1).toBeGreaterThanOrEqual(0.59);
  });

  it('SciCite dev held out (mostly biomedical, every intent): macro-F1 at least 0.69, shown supporting right at least 90 % of the time finding 71 %, shown contrasting right at least 45 % of the time, as measured', () => {
    const metrics = sciCite();
    expect(metrics.macroF1).toBeGreaterThanOrEqual(0.69);
    expect(metrics.precision.supporting).toBeGreaterThanOrEqual(0.9);
    expect(metrics.recall.supporting).toBeGreaterThanOrEqual(0.71);
    expect(metrics.precision.contrasting).toBeGreaterThanOrEqual(0.45);
  });

  it('Athar held out: macro-F1 at least 0.36 and shown contrasting labels right at least a third of the time over at least 10 shown, as measured (Athar is not trained on)', () => {
    const metrics = athar();
    expect(metrics.macroF1).toBeGreaterThanOrEqual(0.36);
    expect(metrics.precision.contrasting).toBeGreaterThanOrEqual(0.33);
    expect(metrics.predicted.contrasting).toBeGreaterThanOrEqual(10);
  });

  it.fails('Athar held out: shown contrasting labels right at least half the time (issue 15 floor, not met: 4 of 12 shown; the model before this one had 6 of 12)', () => {
    expect(athar().precision.contrasting).toBeGreaterThanOrEqual(0.5);
  });

  it.fails('Athar held out: macro-F1 ≥ 0.50 (issue 15 floor, not met: 0.36)', () => {
    expect(athar().macroF1).toBeGreaterThanOrEqual(0.5);
  });
});

describe('held-out files', () => {
  it('are exactly the deterministic splits of the shared datasets', () => {
    expect(readFileSync(resolve(HELD_OUT, 'intent.jsonl'), 'utf8')).toBe(toJsonl(splitIntent(loadIntentRows()).heldOut));
    expect(readFileSync(resolve(HELD_OUT, 'polarity.jsonl'), 'utf8')).toBe(toJsonl(splitPolarity(loadPolarityRows()).heldOut));
  });

  it('never share a sentence with training, nor (polarity) a cited paper', () => {
    const intent = splitIntent(loadIntentRows());
    const intentHeldOut = new Set(intent.heldOut.map((row) => row.text));
    expect(intent.train.filter((row) => intentHeldOut.has(row.text))).toEqual([]);

    const rows = loadPolarityRows();
    const polarity = splitPolarity(rows);
    const heldOutTexts = new Set(polarity.heldOut.map((row) => row.text));
    const heldOutCited = new Set(rows.filter((row) => heldOutTexts.has(row.text)).map((row) => row.cited));
    expect(polarity.train.filter((row) => heldOutCited.has(row.cited))).toEqual([]);
    const share = polarity.heldOut.length / rows.length;
    expect(share).toBeGreaterThanOrEqual(0.15);
    expect(share).toBeLessThanOrEqual(0.2);
    expect(polarity.heldOut.filter((row) => row.label === 'contrasting').length).toBeGreaterThanOrEqual(30);
  });
});

describe('polarity evaluation sets stay apart from training', () => {
  // What scripts/train.ts trains polarity on (Athar is evaluation only).
  const training = () => {
    const multiCite = splitByDatasetSplit(loadMultiCiteStance('train'), loadMultiCiteStance('dev'));
    const sciCite = splitByDatasetSplit(loadSciCiteStance('train'), loadSciCiteStance('dev'));
    return { multiCite, sciCite, rows: [...multiCite.train, ...sciCite.train, ...loadWrittenPolarity(), ...loadWrittenContentPolarity(), ...loadWrittenHardPolarity()] };
  };
  const probes = () => [...loadProbe(), ...loadProbe(PROBE_SET_2), ...loadProbe(PROBE_SET_3), ...loadProbe(PROBE_SET_4)];

  it('MultiCite held-out file is its dev split, and no held-out sentence is trained on, even loosely', () => {
    const { multiCite, rows } = training();
    expect(readFileSync(resolve(HELD_OUT, 'polarity-multicite.jsonl'), 'utf8')).toBe(toJsonl(multiCite.heldOut));
    const trained = new Set(rows.map((row) => looseText(row.text)));
    expect(multiCite.heldOut.filter((row) => trained.has(looseText(row.text)))).toEqual([]);
    expect(multiCite.heldOut.length).toBeGreaterThan(2000);
  });

  it('SciCite held-out file is its dev split (the rows both readers labelled alike, results and background alike), and no held-out sentence is trained on', () => {
    const { sciCite, rows } = training();
    expect(readFileSync(resolve(HELD_OUT, 'polarity-scicite.jsonl'), 'utf8')).toBe(toJsonl(sciCite.heldOut));
    const trained = new Set(rows.map((row) => looseText(row.text)));
    expect(sciCite.heldOut.filter((row) => trained.has(looseText(row.text)))).toEqual([]);
    expect(sciCite.heldOut.length).toBeGreaterThan(800);
  });

  it('no probe set shares a sentence, even loosely, with any training row', () => {
    const trained = new Set(training().rows.map((row) => looseText(row.text)));
    expect(loadProbe().length).toBeGreaterThanOrEqual(150);
    expect(loadProbe(PROBE_SET_2).length).toBeGreaterThanOrEqual(150);
    expect(loadProbe(PROBE_SET_3).length).toBeGreaterThanOrEqual(150);
    expect(loadProbe(PROBE_SET_4).length).toBeGreaterThanOrEqual(150);
    expect(probes().filter((row) => trained.has(looseText(row.text)))).toEqual([]);
  });

  it('written training sentences appear in no evaluation set', () => {
    const evaluation = new Set([...heldOut('polarity'), ...heldOut('polarity-multicite'), ...heldOut('polarity-scicite'), ...probes()].map((row) => looseText(row.text)));
    expect([...loadWrittenPolarity(), ...loadWrittenContentPolarity(), ...loadWrittenHardPolarity(), ...loadWrittenHardPolarity(WRITTEN_HARD_NOT_TRAINED)].filter((row) => evaluation.has(looseText(row.text)))).toEqual([]);
  });
});

describe('shipped weights', () => {
  it.each(['intent', 'polarity'])('%s.json stays within 500 KB', (task) => {
    expect(statSync(resolve(REPO_ROOT, 'lib/classify/weights', `${task}.json`)).size).toBeLessThanOrEqual(500_000);
  });
});
