/**
 * Links between co-cited works for the co-citation map: how many sampled citing papers cite both
 * works of a pair (from the same reference lists the co-cited ranking counts), normalised like the
 * list's strength within the sample — Salton's cosine, pair / √(count A × count B), 1 when every
 * sampled paper citing one also cites the other — and thinned so the picture stays readable: a
 * link needs at least MIN_LINK_COUNT co-citing papers and must be among the MAX_LINKS_PER_NODE
 * strongest links of at least one of its two works.
 */
import type { CoCitationLink, CoCitedWork } from '../domain/view';

export const MIN_LINK_COUNT = 2;
export const MAX_LINKS_PER_NODE = 2;

/** Every pair of `works` cited together by at least `minCount` sampled citing papers, strongest first. */
export function countPairCoCitations(
  referencesByCiting: Readonly<Record<string, readonly (string | null | undefined)[]>>,
  works: readonly Pick<CoCitedWork, 'paper' | 'count'>[],
  minCount: number = MIN_LINK_COUNT,
): CoCitationLink[] {
  const slotOf = new Map<string, number>();
  works.forEach((work, slot) => slotOf.set(work.paper.paperId, slot));
  const n = works.length;
  const pairs = new Uint32Array(n * n);
  // Each citing paper's distinct slots among the works, then every pair of them once.
  const present = new Int32Array(n).fill(-1);
  let paper = 0;
  for (const references of Object.values(referencesByCiting)) {
    if (!Array.isArray(references)) continue;
    paper += 1;
    const slots: number[] = [];
    for (const id of references) {
      if (typeof id !== 'string') continue;
      const slot = slotOf.get(id);
      if (slot === undefined || present[slot] === paper) continue;
      present[slot] = paper;
      slots.push(slot);
    }
    for (let i = 0; i < slots.length; i += 1) {
      for (let j = i + 1; j < slots.length; j += 1) {
        const a = Math.min(slots[i]!, slots[j]!);
        const b = Math.max(slots[i]!, slots[j]!);
        pairs[a * n + b]! += 1;
      }
    }
  }
  const links: CoCitationLink[] = [];
  for (let a = 0; a < n; a += 1) {
    for (let b = a + 1; b < n; b += 1) {
      const count = pairs[a * n + b]!;
      if (count < minCount) continue;
      const countA = works[a]!.count;
      const countB = works[b]!.count;
      const strength = countA > 0 && countB > 0 ? Math.min(1, count / Math.sqrt(countA * countB)) : 0;
      links.push({ source: works[a]!.paper.paperId, target: works[b]!.paper.paperId, count, strength });
    }
  }
  return links.sort(compareLinks);
}

function compareLinks(a: CoCitationLink, b: CoCitationLink): number {
  return b.strength - a.strength || b.count - a.count || (a.source + a.target < b.source + b.target ? -1 : 1);
}

/** Keeps the links that are among the `perNode` strongest of at least one of their works. */
export function thinLinks(links: readonly CoCitationLink[], perNode: number = MAX_LINKS_PER_NODE): CoCitationLink[] {
  const kept = new Set<CoCitationLink>();
  const taken = new Map<string, number>();
  for (const link of [...links].sort(compareLinks)) {
    const a = taken.get(link.source) ?? 0;
    const b = taken.get(link.target) ?? 0;
    if (a >= perNode && b >= perNode) continue;
    kept.add(link);
    taken.set(link.source, a + 1);
    taken.set(link.target, b + 1);
  }
  return links.filter((link) => kept.has(link));
}

export function buildCoCitationLinks(
  referencesByCiting: Readonly<Record<string, readonly (string | null | undefined)[]>>,
  works: readonly Pick<CoCitedWork, 'paper' | 'count'>[],
): CoCitationLink[] {
  return thinLinks(countPairCoCitations(referencesByCiting, works));
}
