/**
 * Evaluates the SHIPPED weights (lib/classify/weights) on any JSONL file of {"text","label"} rows.
 *   npx tsx scripts/eval.ts --task intent|polarity --data <file.jsonl>
 * The last lines are always `accuracy: …`, `macro-F1: …`, then `recall <label>: …` per class.
 */
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { readJsonl } from './train/datasets';
import { evaluateShipped, formatMetrics, TASKS, type TaskName } from './train/evaluate';
import { INTENT_MODEL_VERSION, POLARITY_MODEL_VERSION } from '../lib/classify';

const USAGE = 'usage: npx tsx scripts/eval.ts --task intent|polarity --data <file.jsonl>';

function fail(message: string): never {
  console.error(`error: ${message}\n${USAGE}`);
  process.exit(2);
}

function main(): void {
  let values: { task?: string; data?: string };
  try {
    ({ values } = parseArgs({ options: { task: { type: 'string' }, data: { type: 'string' } }, strict: true }));
  } catch (error) {
    fail((error as Error).message);
  }
  const task = values.task;
  if (!task || !(TASKS as readonly string[]).includes(task)) fail(`--task must be one of ${TASKS.join(', ')}`);
  if (!values.data) fail('--data <file.jsonl> is required');
  if (!existsSync(values.data)) fail(`no such file: ${values.data}`);

  let rows;
  try {
    rows = readJsonl(values.data, z.object({ text: z.string(), label: z.string() }));
  } catch (error) {
    fail((error as Error).message);
  }
  if (rows.length === 0) fail(`${values.data} has no rows`);

  let metrics;
  try {
    metrics = evaluateShipped(task as TaskName, rows);
  } catch (error) {
    fail(`${values.data}: ${(error as Error).message}`);
  }
  const version = task === 'intent' ? INTENT_MODEL_VERSION : POLARITY_MODEL_VERSION;
  console.log(`model: ${version}`);
  console.log(`rows: ${rows.length}`);
  for (const line of formatMetrics(task as TaskName, metrics)) console.log(line);
}

main();
