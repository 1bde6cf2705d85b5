/**
 * What each polarity training source does to each evaluation set (README, "Polarity data").
 *   npx tsx scripts/train/sourceAblation.ts [mixture … | prefix* …] [--calibrate=source,…] [--fold-seeds=a,b,c] [--weight=source:w] [--feature=setting:value] [--hard-files=6a,…] [--cv-only]
 * Trains the shipped recipe on each mixture (thresholds calibrated as in training: out-of-fold rows
 * of MultiCite when it is in the mixture, else of every real row) and prints, per evaluation set,
 * macro-F1 and the shown supporting / contrasting precision of the labels as the panel would show
 * them. Reporting only: the shipped mixture was chosen on grouped cross-validation of training rows.
 */
import { createPolarityClassifier } from '../../lib/classify/polarity';
import { POLARITIES, type Polarity } from '../../lib/domain/labels';
import { atharAsStanceRows, loadMultiCiteStance, loadPolarityRows, loadSciCiteStance, loadWrittenContentPolarity, loadWrittenHardPolarity, loadWrittenPolarity, type PolaritySource, type StanceRow, WRITTEN_HARD_NOT_TRAINED, WRITTEN_HARD_POLARITY } from './datasets';
import { loadProbe, PROBE_SET_2, PROBE_SET_3, PROBE_SET_4 } from './measure';
import { computeMetrics } from './metrics';
import { splitByDatasetSplit, splitPolarity } from './splits';
import { POLARITY_TASK } from './tasks';
import { trainTask, type TaskDefinition } from './trainTask';

const MIXTURES: Record<string, readonly PolaritySource[]> = {
  athar: ['athar'],
  'athar+multicite': ['athar', 'multicite'],
  'athar+multicite+written': ['athar', 'multicite', 'written'],
  multicite: ['multicite'],
  'multicite+written': ['multicite', 'written'],
  'multicite+scicite+written': ['multicite', 'scicite', 'written'],
  'multicite+scicite+scicite-background+written': ['multicite', 'scicite', 'scicite-background', 'written'],
  'multicite+scicite+scicite-background+written+written-content': ['multicite', 'scicite', 'scicite-background', 'written', 'written-content'],
  'multicite+scicite+scicite-background+written+written-content+written-hard (shipped)': ['multicite', 'scicite', 'scicite-background', 'written', 'written-content', 'written-hard'],
};

const hardFilesFlag = process.argv.find((arg) => arg.startsWith('--hard-files='));
const hardFiles = hardFilesFlag ? [...WRITTEN_HARD_POLARITY, ...WRITTEN_HARD_NOT_TRAINED].filter((path) => hardFilesFlag.slice('--hard-files='.length).split(',').some((batch) => path.endsWith(`-${batch}.jsonl`))) : WRITTEN_HARD_POLARITY;
const athar = splitPolarity(loadPolarityRows());
const multiCite = splitByDatasetSplit(loadMultiCiteStance('train'), loadMultiCiteStance('dev'));
const sciCite = splitByDatasetSplit(loadSciCiteStance('train'), loadSciCiteStance('dev'));
// Loaded only for the mixtures asked for.
const bySource: Record<PolaritySource, () => StanceRow[]> = {
  athar: () => atharAsStanceRows(athar.train),
  multicite: () => multiCite.train,
  scicite: () => sciCite.train.filter((row) => row.source === 'scicite'),
  'scicite-background': () => sciCite.train.filter((row) => row.source === 'scicite-background'),
  written: () => loadWrittenPolarity(),
  'written-content': () => loadWrittenContentPolarity(),
  // `--hard-files=6a,6d` trains on those files of batch 6 instead of the shipped three (6d is not shipped).
  'written-hard': () => loadWrittenHardPolarity(hardFiles),
};
const evaluations = { 'Athar held out': athar.heldOut, 'MultiCite held out': multiCite.heldOut, 'SciCite held out': sciCite.heldOut, probe: loadProbe(), 'probe 2': loadProbe(PROBE_SET_2), 'probe 3': loadProbe(PROBE_SET_3), 'probe 4': loadProbe(PROBE_SET_4) };

// `--calibrate=multicite,scicite` calibrates on those sources' out-of-fold rows instead.
const calibrateFlag = process.argv.find((arg) => arg.startsWith('--calibrate='));
// `--fold-seeds=17,19,23` cuts the cross-validation folds other ways: how much of a difference is the cut's.
const foldSeedsFlag = process.argv.find((arg) => arg.startsWith('--fold-seeds='));
const [foldSeed, ...moreFoldSeeds] = foldSeedsFlag
  ? foldSeedsFlag.slice('--fold-seeds='.length).split(',').map(Number)
  : [POLARITY_TASK.foldSeed, ...(POLARITY_TASK.moreFoldSeeds ?? [])];
// `--weight=scicite-background:0.5` scales C for that source's rows (a softer say than dropping them).
const sourceWeights = new Map(
  process.argv
    .filter((arg) => arg.startsWith('--weight='))
    .map((arg) => arg.slice('--weight='.length).split(':'))
    .map(([source, weight]) => [source!, Number(weight)] as const),
);
// `--cv-only` prints no evaluation set: for choices made before anyone looks at held-out figures.
const cvOnly = process.argv.includes('--cv-only');
// `--feature=measuredValuesBlockWeight:0.5` overrides one numeric feature setting: feature variants on the same rows.
const featureOverrides = Object.fromEntries(
  process.argv
    .filter((arg) => arg.startsWith('--feature='))
    .map((arg) => arg.slice('--feature='.length).split(':'))
    .map(([key, value]) => [key!, Number(value)] as const),
);
const wanted = process.argv.slice(2).filter((arg) => !arg.startsWith('--'));
for (const [name, sources] of Object.entries(MIXTURES)) {
  if (wanted.length > 0 && !wanted.some((w) => (w.endsWith('*') ? name.startsWith(w.slice(0, -1)) : name === w))) continue;
  const rows = sources.flatMap((source) => bySource[source]());
  const calibrate: string[] = calibrateFlag ? calibrateFlag.slice('--calibrate='.length).split(',') : [sources.includes('multicite') ? 'multicite' : 'athar'];
  const definition: TaskDefinition<Polarity> = {
    ...POLARITY_TASK,
    features: { ...POLARITY_TASK.features, ...featureOverrides },
    foldSeed: foldSeed!,
    moreFoldSeeds,
    ...(sourceWeights.size > 0 ? { exampleWeight: (row) => sourceWeights.get(String(row.source)) ?? 1 } : {}),
    abstention: { ...POLARITY_TASK.abstention!, calibrateOn: (row) => calibrate.includes(String(row.source)) },
  };
  const { weights, crossValidation, outOfFoldShown } = trainTask(definition, rows);
  const classifier = createPolarityClassifier(weights);
  // Grouped CV per source: mixtures differ in rows, so compare them on the rows they share.
  const perSourceCv = sources.map((source) => {
    const indices = rows.flatMap((row, i) => (row.source === source ? [i] : []));
    const m = computeMetrics(POLARITIES, indices.map((i) => rows[i]!.label), indices.map((i) => outOfFoldShown[i]!));
    return `${source} ${m.macroF1.toFixed(3)} (shown supporting ${(m.precision.supporting ?? 0).toFixed(2)} of ${m.predicted.supporting}, contrasting ${(m.precision.contrasting ?? 0).toFixed(2)} of ${m.predicted.contrasting})`;
  });
  const cells = Object.entries(cvOnly ? {} : evaluations).map(([set, evalRows]) => {
    const m = computeMetrics(POLARITIES, evalRows.map((row) => row.label), evalRows.map((row) => classifier.classify(row.text).label));
    return `${set}: macro-F1 ${m.macroF1.toFixed(3)}, supporting ${(m.precision.supporting ?? 0).toFixed(2)} of ${m.predicted.supporting}, contrasting ${(m.precision.contrasting ?? 0).toFixed(2)} of ${m.predicted.contrasting}`;
  });
  console.log(`${name} (${rows.length} rows; grouped CV ${crossValidation.macroF1.toFixed(3)}; abstain below ${JSON.stringify(weights.abstention?.below)})\n  grouped CV by source: ${perSourceCv.join('; ')}\n  ${cells.join('\n  ')}`);
}
