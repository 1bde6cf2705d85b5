import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSciCiteStance, textFingerprint, type StanceRow } from '../../scripts/train/datasets';
import { splitByDatasetSplit } from '../../scripts/train/splits';

const dir = mkdtempSync(join(tmpdir(), 'stance-sources-'));
function jsonl(name: string, rows: readonly object[]): string {
  const path = join(dir, name);
  writeFileSync(path, rows.map((row) => JSON.stringify(row)).join('\n') + '\n');
  return path;
}

const intentRows = [
  { text: 'Our estimates agree with those of [3].', label: 'result', split: 'train' },
  { text: 'Protein X binds Y (Smith et al., 2010).', label: 'background', split: 'train' },
  { text: 'We used the pipeline of [4].', label: 'methodology', split: 'train' },
  { text: 'Unlike [5] we find no effect, while [6] found one as we did.', label: 'result', split: 'train' },
  { text: 'In contrast to [7], the effect vanished.', label: 'result', split: 'dev' },
];
const label = (line: number, value: string) => ({ line, fingerprint: textFingerprint(intentRows[line - 1]!.text), label: value });

describe('SciCite rows read for stance', () => {
  it('keeps every labelled row with its stance and source, skips unread background rows, and leaves mixed rows out', () => {
    const dataset = jsonl('intent.jsonl', intentRows);
    const labels = jsonl('labels.jsonl', [label(1, 'supporting'), label(2, 'neutral'), label(4, 'mixed'), label(5, 'contrasting')]);
    const train = loadSciCiteStance('train', dataset, labels);
    expect(train.map(({ text, label: stance, source }) => ({ text, stance, source }))).toEqual([
      { text: intentRows[0]!.text, stance: 'supporting', source: 'scicite' },
      { text: intentRows[1]!.text, stance: 'neutral', source: 'scicite-background' },
    ]);
    expect(loadSciCiteStance('dev', dataset, labels).map((row) => row.label)).toEqual(['contrasting']);
  });

  it('stops training when a result row has no stance label, or a label no longer matches its text', () => {
    const dataset = jsonl('intent-2.jsonl', intentRows);
    const missing = jsonl('labels-missing.jsonl', [label(1, 'supporting'), label(5, 'contrasting')]);
    expect(() => loadSciCiteStance('train', dataset, missing)).toThrow(/no stance label for SciCite result line 4/);
    const stale = jsonl('labels-stale.jsonl', [{ ...label(1, 'supporting'), fingerprint: '00000000' }, label(4, 'neutral')]);
    expect(() => loadSciCiteStance('train', dataset, stale)).toThrow(/line 1 does not match/);
  });
});

describe('a stance source split by its own dev rows', () => {
  const row = (text: string, stance: StanceRow['label']): StanceRow => ({ text, label: stance, group: text, source: 'scicite' });

  it('drops a training sentence that repeats a held-out one with other numbers or punctuation', () => {
    const split = splitByDatasetSplit(
      [row('Consistent with [12], the rate fell (p < 0.05).', 'supporting'), row('We used the method of [3].', 'neutral')],
      [row('Consistent with [4], the rate fell (p<0.01)!', 'supporting')],
    );
    expect(split.train.map((r) => r.text)).toEqual(['We used the method of [3].']);
    expect(split.heldOut).toEqual([{ text: 'Consistent with [4], the rate fell (p<0.01)!', label: 'supporting' }]);
  });
});
