import { describe, expect, it } from 'vitest';
import type { Citation } from '../../lib/domain/citation';
import type { RoleBucket } from '../../lib/domain/view';
import { REPRESENTATIVE_MAX, pickRepresentative } from '../../lib/analytics/representative';

interface Spec {
  id: string;
  influential?: boolean;
  year?: number;
  citations?: number;
  tldr?: boolean;
  role: RoleBucket;
}
function build(specs: Spec[]): { citations: Citation[]; roles: RoleBucket[] } {
  return {
    citations: specs.map((spec) => ({
      citing: {
        paperId: spec.id,
        title: `Paper ${spec.id}`,
        authors: [],
        ...(spec.year !== undefined ? { year: spec.year } : {}),
        ...(spec.citations !== undefined ? { citationCount: spec.citations } : {}),
        ...(spec.tldr ? { tldr: `TL;DR of ${spec.id}` } : {}),
      },
      isInfluential: spec.influential ?? false,
      intents: [],
      sentences: [],
    })),
    roles: specs.map((spec) => spec.role),
  };
}

const specs: Spec[] = [
  { id: 'i1', influential: true, year: 2021, citations: 50, tldr: true, role: 'background' },
  { id: 'i2', influential: true, year: 2021, citations: 900, tldr: true, role: 'background' },
  { id: 'i3', influential: true, year: 2022, citations: 10, tldr: true, role: 'methodology' },
  { id: 'n1', year: 2019, citations: 5_000, tldr: true, role: 'background' },
  { id: 'n2', year: 2023, citations: 3, tldr: false, role: 'result' },
  { id: 'n3', year: 2023, citations: 4, tldr: true, role: 'result' },
  { id: 'n4', year: 2020, citations: 100, tldr: true, role: 'unclassified' },
  { id: 'n5', year: 2019, citations: 7, tldr: true, role: 'background' },
  { id: 'n6', year: 2019, citations: 8, tldr: true, role: 'background' },
  { id: 'n7', year: 2019, citations: 9, tldr: true, role: 'background' },
];

describe('representative citing papers', () => {
  const { citations, roles } = build(specs);
  const picked = pickRepresentative(citations, roles);
  const ids = picked.map((entry) => entry.citation.citing.paperId);

  it('lists influential citations first', () => {
    // All three influential papers fit in the influential half (4 slots).
    // i1 and i2 tie on role and year; i2 is more cited. i3 then adds methodology and 2022.
    expect(ids.slice(0, 3)).toEqual(['i2', 'i3', 'i1']);
    expect(picked[0]!.reason).toBe('Influential citation; cites it for background; adds a 2021 citing paper');
    expect(picked[2]!.reason).toBe('Influential citation');
  });

  it('then spreads over roles and years, preferring papers with a TL;DR', () => {
    // Next: a new role (result) — n3 has a TL;DR, n2 does not; then new years 2019 (n1, most cited), 2020.
    expect(ids.slice(3, 6)).toEqual(['n3', 'n1', 'n4']);
    expect(picked[3]!.reason).toBe('Cites it for result; adds a 2023 citing paper');
    expect(picked[4]!.reason).toBe('Adds a 2019 citing paper');
  });

  it('fills the rest by citations and stops at the maximum', () => {
    expect(ids).toHaveLength(REPRESENTATIVE_MAX);
    expect(ids.slice(6)).toEqual(['n7', 'n6']);
    expect(picked[6]!.reason).toBe('Highly cited (9 citations)');
  });

  it('does not depend on the input order', () => {
    const reversed = build([...specs].reverse());
    expect(pickRepresentative(reversed.citations, reversed.roles).map((entry) => entry.citation.citing.paperId)).toEqual(ids);
  });

  it('returns every paper when there are fewer than the maximum', () => {
    const few = build(specs.slice(3, 6));
    expect(pickRepresentative(few.citations, few.roles)).toHaveLength(3);
    expect(pickRepresentative([], [])).toEqual([]);
  });
});
