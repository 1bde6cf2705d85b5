import { describe, expect, it } from 'vitest';
import type { HubData } from '../../lib/domain/hub';
import type { RoleBucket } from '../../lib/domain/view';
import { citingPaperCount, computeTier } from '../../lib/analytics/tier';

function roles(counts: Partial<Record<RoleBucket, number>>): { perPaper: Record<RoleBucket, number> } {
  return { perPaper: { background: 0, methodology: 0, result: 0, unclassified: 0, ...counts } };
}

describe('tier boundaries', () => {
  it.each([
    [49, 'none'],
    [50, 'hub'],
    [999, 'hub'],
    [1_000, 'super-hub'],
  ] as const)('%i citing papers -> %s', (count, tier) => {
    expect(computeTier(count, roles({})).tier).toBe(tier);
  });

  it('explains the rule with thousands separators', () => {
    expect(computeTier(1_800, roles({})).rule).toBe('super hub: ≥ 1,000 citing papers (1,800)');
    expect(computeTier(412, roles({})).rule).toBe('hub: ≥ 50 citing papers (412)');
    expect(computeTier(12, roles({})).rule).toBe('no tier: fewer than 50 citing papers (12)');
  });
});

describe('citing paper count', () => {
  const base = { paper: null, citations: [] } as Pick<HubData, 'paper' | 'citations'>;
  const provenance = (reported: number, listed: number) =>
    ({ sources: [], fetchedAt: 0, fallback: false, droppedRows: 0, citationsReported: reported, citationsListed: listed, batchSampled: 0 });

  it('takes the larger of the reported count and the papers listed', () => {
    expect(citingPaperCount({ ...base, provenance: provenance(12_000, 9_999) })).toBe(12_000);
    expect(citingPaperCount({ ...base, provenance: provenance(40, 60) })).toBe(60);
  });
});

describe('Canonical reference', () => {
  it('needs 75 % background among role-classified papers: 74 of 100 is not, 75 of 100 is', () => {
    expect(computeTier(500, roles({ background: 74, methodology: 26 })).canonical).toBe(false);
    const canonical = computeTier(500, roles({ background: 75, methodology: 20, result: 5 }));
    expect(canonical.canonical).toBe(true);
    expect(canonical.backgroundShare).toBe(0.75);
    expect(canonical.rule).toBe(
      'hub: ≥ 50 citing papers (500); Canonical reference: 75 % of 100 role-classified citing papers use it as background (≥ 75 %, at least 20 classified)',
    );
  });

  it('ignores unclassified papers in the share', () => {
    const tier = computeTier(2_000, roles({ background: 15, result: 5, unclassified: 1_980 }));
    expect(tier.backgroundShare).toBe(0.75);
    expect(tier.canonical).toBe(true);
  });

  it('needs at least 20 classified papers', () => {
    expect(computeTier(500, roles({ background: 19 })).canonical).toBe(false);
    expect(computeTier(500, roles({ background: 15, methodology: 5 })).canonical).toBe(true);
  });

  it('is only given to hubs', () => {
    expect(computeTier(49, roles({ background: 30 })).canonical).toBe(false);
  });

  it('has no share when nothing is classified', () => {
    expect(computeTier(80, roles({ unclassified: 80 })).backgroundShare).toBeNull();
  });
});
