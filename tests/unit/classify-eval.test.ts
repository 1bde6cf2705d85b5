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
  it('ends with accuracy, macro-F1 and one recall line per class', () => {
    const rows = [
      { text: 'RNA was extracted using the protocol described previously (Smith et al., 2010).', label: 'methodology' },
      { text: 'Malaria remains one of the leading causes of death in children worldwide [1, 2].', label: 'background' },
      { text: 'Our results are consistent with previous findings (Lee et al., 2012).', label: 'result' },
    ];
    const data = tempFile('intent.jsonl', rows.map((row) => JSON.stringify(row)).join('\n'));
    const { status, stdout } = runEval('--task', 'intent', '--data', data);
    expect(status).toBe(0);
    const lastLines = stdout.trim().split('\n').slice(-5);
    expect(lastLines[0]).toMatch(/^accuracy: (0|1)\.\d+$/);
    expect(lastLines[1]).toMatch(/^macro-F1: (0|1)\.\d+$/);
    expect(lastLines.slice(2).map((line) => line.replace(/: .*/, ''))).toEqual(['recall background', 'recall methodology', 'recall result']);
    for (const line of lastLines) {
      const value = Number(line.split(': ')[1]);
      expect(value).toBeGreaterThanOrEqual(0);
      expect(value).toBeLessThanOrEqual(1);
    }
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
