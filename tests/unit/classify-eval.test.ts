import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../paths';

function runEval(...args: string[]) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/eval.ts', ...args], { cwd: REPO_ROOT, encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function tempFile(name: string, content: string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'classify-eval-')), name);
  writeFileSync(path, content);
  return path;
}

describe('scripts/eval.ts', () => {
  it('ends with accuracy, macro-F1, then one recall and one precision line per class', () => {
    const rows = [
      { text: 'RNA was extracted using the protocol described previously (Smith et al., 2010).', label: 'methodology' },
      { text: 'Malaria remains one of the leading causes of death in children worldwide [1, 2].', label: 'background' },
      { text: 'Our results are consistent with previous findings (Lee et al., 2012).', label: 'result' },
    ];
    const data = tempFile('intent.jsonl', rows.map((row) => JSON.stringify(row)).join('\n'));
    const { status, stdout } = runEval('--task', 'intent', '--data', data);
    expect(status).toBe(0);
    const lastLines = stdout.trim().split('\n').slice(-8);
    expect(lastLines[0]).toMatch(/^accuracy: (0|1)\.\d{4}$/);
    expect(lastLines[1]).toMatch(/^macro-F1: (0|1)\.\d{4}$/);
    expect(lastLines.slice(2).map((line) => line.replace(/: .*/, ''))).toEqual([
      'recall background', 'recall methodology', 'recall result', 'precision background', 'precision methodology', 'precision result',
    ]);
    for (const line of lastLines) {
      const value = Number(line.split(': ')[1]);
      expect(value).toBeGreaterThanOrEqual(0);
      expect(value).toBeLessThanOrEqual(1);
    }
  });

  it('polarity: scores the labels as shown and says how many supporting and contrasting labels were shown', () => {
    const rows = [
      { text: 'Our measurements confirm the findings of [3] and agree closely with their reported values.', label: 'supporting' },
      { text: 'We could not reproduce the gains reported in [5]; the method fails on every benchmark we tried.', label: 'contrasting' },
      { text: 'We use the tokenizer of [14] for all experiments.', label: 'neutral' },
    ];
    const { status, stdout } = runEval('--task', 'polarity', '--data', tempFile('polarity.jsonl', rows.map((row) => JSON.stringify(row)).join('\n')));
    expect(status).toBe(0);
    const lines = stdout.trim().split('\n');
    const at = lines.findIndex((line) => line.startsWith('accuracy: '));
    expect(lines.slice(at).map((line) => line.replace(/: .*/, ''))).toEqual([
      'accuracy', 'macro-F1', 'recall supporting', 'recall contrasting', 'recall neutral',
      'precision supporting', 'precision contrasting', 'precision neutral', 'shown supporting', 'shown contrasting',
    ]);
    for (const line of lines.slice(at, at + 8)) expect(line).toMatch(/: (0|1)\.\d{4}$/);
    for (const line of lines.slice(at + 8)) expect(line).toMatch(/^shown (supporting|contrasting): precision (0|1)\.\d{4} of \d+$/);
  });

  it('explains and exits non-zero on bad arguments, a missing file or a malformed row', () => {
    const unknownTask = runEval('--task', 'sentiment', '--data', 'x.jsonl');
    expect(unknownTask.status).not.toBe(0);
    expect(unknownTask.stderr).toMatch(/--task must be one of intent, polarity/);

    const missing = runEval('--task', 'polarity', '--data', join(tmpdir(), 'no-such-file-here.jsonl'));
    expect(missing.status).not.toBe(0);
    expect(missing.stderr).toMatch(/no such file/);

    const malformed = tempFile('bad.jsonl', '{"text":"fine","label":"neutral"}\n{"text": broken\n');
    const bad = runEval('--task', 'polarity', '--data', malformed);
    expect(bad.status).not.toBe(0);
    expect(bad.stderr).toMatch(/:2: not valid JSON/);

    const wrongLabel = tempFile('label.jsonl', '{"text":"fine","label":"positive"}\n');
    const unknownLabel = runEval('--task', 'polarity', '--data', wrongLabel);
    expect(unknownLabel.status).not.toBe(0);
    expect(unknownLabel.stderr).toMatch(/label "positive" is not one of supporting, contrasting, neutral/);
  });
});
