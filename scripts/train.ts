/**
 * Trains the shipped citation classifiers from the shared datasets, deterministically.
 *   npx tsx scripts/train.ts           writes lib/classify/weights/{intent,polarity}.json and
 *                                      tests/fixtures/heldout/{intent,polarity}.jsonl
 *   npx tsx scripts/train.ts --check   retrains in memory and exits 1 unless every file above
 *                                      is byte-identical to what is committed
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { REPO_ROOT } from '../tests/paths';
import type { PackedWeights } from '../lib/classify/packedWeights';
import { loadIntentRows, loadMultiCiteStance, loadPolarityRows, loadSciCiteStance, loadWrittenContentPolarity, loadWrittenHardPolarity, loadWrittenPolarity, toJsonl, type LabelledSentence } from './train/datasets';
import type { Metrics } from './train/metrics';
import { splitIntent, splitByDatasetSplit, splitPolarity } from './train/splits';
import { INTENT_TASK, POLARITY_TASK } from './train/tasks';
import { loadProbe, measurePolarity, PROBE_SET_2, PROBE_SET_3, PROBE_SET_4 } from './train/measure';
import { trainTask, type TaskDefinition } from './train/trainTask';

/** Hard limit per weights file: the extension ships both inside its service worker bundle. */
const MAX_WEIGHTS_BYTES = 500_000;

const WEIGHTS_DIR = resolve(REPO_ROOT, 'lib/classify/weights');
const HELD_OUT_DIR = resolve(REPO_ROOT, 'tests/fixtures/heldout');

/** One top-level key per line: compact, yet a retrain shows up as a readable diff. */
function serialiseWeights(weights: PackedWeights): string {
  const lines = Object.entries(weights).map(([key, value]) => `  ${JSON.stringify(key)}: ${JSON.stringify(value)}`);
  return `{\n${lines.join(',\n')}\n}\n`;
}

function describe(metrics: Metrics): string {
  const recalls = Object.entries(metrics.recall).map(([label, value]) => `${label} ${(value as number).toFixed(3)}`);
  return `macro-F1 ${metrics.macroF1.toFixed(4)}, accuracy ${metrics.accuracy.toFixed(4)}, recall ${recalls.join(' / ')}`;
}

function main(): void {
  const check = process.argv.includes('--check');
  const started = performance.now();
  const log = (line: string) => console.log(`[${((performance.now() - started) / 1000).toFixed(1)}s] ${line}`);

  const intent = splitIntent(loadIntentRows());
  const athar = splitPolarity(loadPolarityRows());
  const multiCite = splitByDatasetSplit(loadMultiCiteStance('train'), loadMultiCiteStance('dev'));
  const sciCite = splitByDatasetSplit(loadSciCiteStance('train'), loadSciCiteStance('dev'));
  const written = loadWrittenPolarity();
  const writtenContent = loadWrittenContentPolarity();
  const writtenHard = loadWrittenHardPolarity();
  // Athar is evaluation only: its "positive" is praise of ACL systems, and in grouped cross-validation
  // its rows cut MultiCite's supporting precision from 0.49 to 0.13 (README, "Polarity data").
  // In the order the source ablation trains them (scripts/train/sourceAblation.ts), so its figures are the shipped ones.
  const sciCiteResults = sciCite.train.filter((row) => row.source === 'scicite');
  const sciCiteBackground = sciCite.train.filter((row) => row.source === 'scicite-background');
  const polarityTrain = [...multiCite.train, ...sciCiteResults, ...sciCiteBackground, ...written, ...writtenContent, ...writtenHard];
  log(`intent: ${intent.train.length} training rows, ${intent.heldOut.length} held out`);
  log(`polarity: ${polarityTrain.length} training rows (MultiCite ${multiCite.train.length}, SciCite results ${sciCiteResults.length}, SciCite background and method ${sciCiteBackground.length}, written ${written.length}, written with stance carried by content ${writtenContent.length}, written with hedged, distant or outcome-only stance ${writtenHard.length}); held out: Athar ${athar.heldOut.length}, MultiCite ${multiCite.heldOut.length}, SciCite ${sciCite.heldOut.length}`);

  const outputs = new Map<string, string>();
  outputs.set(resolve(HELD_OUT_DIR, 'intent.jsonl'), toJsonl(intent.heldOut));
  outputs.set(resolve(HELD_OUT_DIR, 'polarity.jsonl'), toJsonl(athar.heldOut));
  outputs.set(resolve(HELD_OUT_DIR, 'polarity-multicite.jsonl'), toJsonl(multiCite.heldOut));
  outputs.set(resolve(HELD_OUT_DIR, 'polarity-scicite.jsonl'), toJsonl(sciCite.heldOut));

  const train = <L extends string, R extends LabelledSentence<L> & Record<string, unknown>>(definition: TaskDefinition<L>, rows: readonly R[]) => {
    const { weights, crossValidation } = trainTask(definition, rows, log);
    const text = serialiseWeights(weights);
    const bytes = Buffer.byteLength(text);
    if (bytes > MAX_WEIGHTS_BYTES) throw new Error(`${definition.task} weights are ${bytes} bytes, over the ${MAX_WEIGHTS_BYTES} limit`);
    log(`${definition.task}: ${weights.version}, ${weights.bucketCount} buckets, ${(bytes / 1024).toFixed(1)} KiB`);
    log(`${definition.task}: cross-validated on training rows: ${describe(crossValidation)}`);
    outputs.set(resolve(WEIGHTS_DIR, `${definition.task}.json`), text);
    return weights;
  };
  train(INTENT_TASK, intent.train);
  const polarityWeights = train(POLARITY_TASK, polarityTrain);

  // What the panel says about the labels it shows: measured after training, on sentences it never saw.
  const measured = measurePolarity(polarityWeights, {
    athar: athar.heldOut,
    multicite: multiCite.heldOut,
    scicite: sciCite.heldOut,
    probe: loadProbe(),
    probe2: loadProbe(PROBE_SET_2),
    probe3: loadProbe(PROBE_SET_3),
    probe4: loadProbe(PROBE_SET_4),
  });
  outputs.set(resolve(WEIGHTS_DIR, 'polarity-measured.json'), `${JSON.stringify(measured, null, 2)}\n`);
  for (const [name, figures] of Object.entries(measured.evaluations)) log(`polarity on ${name} (held out): ${JSON.stringify(figures)}`);

  if (check) {
    const mismatched = [...outputs].filter(([path, text]) => !existsSync(path) || readFileSync(path, 'utf8') !== text);
    for (const [path] of mismatched) console.error(`differs from a fresh training run: ${relative(REPO_ROOT, path)}`);
    log(mismatched.length === 0 ? 'check passed: committed weights and held-out files are reproducible' : 'check FAILED');
    process.exit(mismatched.length === 0 ? 0 : 1);
  }
  for (const [path, text] of outputs) {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text);
    log(`wrote ${relative(REPO_ROOT, path)}`);
  }
}

main();
