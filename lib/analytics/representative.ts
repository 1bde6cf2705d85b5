/**
 * A short, diverse list of citing papers to read first.
 *
 * Greedy and deterministic. Up to REPRESENTATIVE_MAX papers; the first half of the slots go to
 * influential citations (when there are any), the rest to anyone. At each pick the candidate with
 * the best key wins, compared in order:
 *   1. adds a role not yet in the list (classified roles only),
 *   2. adds a publication year not yet in the list,
 *   3. has a TL;DR (the list shows it as the one-line summary),
 *   4. more citations,
 *   5. paperId (ascending), so ties never depend on input order.
 * Each pick's `reason` names the first of influential / new role / new year / citations that applied.
 */
import type { Citation } from '../domain/citation';
import type { RepresentativePaper, RoleBucket } from '../domain/view';
import { formatCount } from './format';

export const REPRESENTATIVE_MAX = 8;
const INFLUENTIAL_SLOTS = Math.ceil(REPRESENTATIVE_MAX / 2);

interface Candidate {
  citation: Citation;
  role: RoleBucket;
  index: number;
}

interface Picked {
  roles: Set<RoleBucket>;
  years: Set<number>;
}

function addsRole(candidate: Candidate, picked: Picked): boolean {
  return candidate.role !== 'unclassified' && !picked.roles.has(candidate.role);
}

function addsYear(candidate: Candidate, picked: Picked): boolean {
  const year = candidate.citation.citing.year;
  return year !== undefined && !picked.years.has(year);
}

function isBetter(a: Candidate, b: Candidate, picked: Picked): boolean {
  const keysA = [addsRole(a, picked), addsYear(a, picked), Boolean(a.citation.citing.tldr)];
  const keysB = [addsRole(b, picked), addsYear(b, picked), Boolean(b.citation.citing.tldr)];
  for (let key = 0; key < keysA.length; key += 1) if (keysA[key] !== keysB[key]) return keysA[key]!;
  const citationsA = a.citation.citing.citationCount ?? -1;
  const citationsB = b.citation.citing.citationCount ?? -1;
  if (citationsA !== citationsB) return citationsA > citationsB;
  return a.citation.citing.paperId < b.citation.citing.paperId;
}

function reasonFor(candidate: Candidate, picked: Picked, influentialPhase: boolean): string {
  const parts: string[] = [];
  if (influentialPhase) parts.push('influential citation');
  if (addsRole(candidate, picked)) parts.push(`cites it for ${candidate.role}`);
  if (addsYear(candidate, picked)) parts.push(`adds a ${candidate.citation.citing.year} citing paper`);
  if (parts.length === 0) {
    const citations = candidate.citation.citing.citationCount;
    parts.push(citations !== undefined ? `highly cited (${formatCount(citations)} citations)` : 'completes the list');
  }
  const text = parts.join('; ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export function pickRepresentative(
  citations: readonly Citation[],
  roles: readonly RoleBucket[],
  max: number = REPRESENTATIVE_MAX,
): RepresentativePaper[] {
  const remaining: Candidate[] = citations.map((citation, index) => ({ citation, role: roles[index] ?? 'unclassified', index }));
  const picked: Picked = { roles: new Set(), years: new Set() };
  const result: RepresentativePaper[] = [];
  const taken = new Set<string>();

  const pickFrom = (eligible: (candidate: Candidate) => boolean, slots: number, influentialPhase: boolean): void => {
    for (let slot = 0; slot < slots && result.length < max; slot += 1) {
      let best: Candidate | null = null;
      for (const candidate of remaining) {
        if (taken.has(candidate.citation.citing.paperId) || !eligible(candidate)) continue;
        if (!best || isBetter(candidate, best, picked)) best = candidate;
      }
      if (!best) return;
      result.push({ citation: best.citation, role: best.role, reason: reasonFor(best, picked, influentialPhase) });
      taken.add(best.citation.citing.paperId);
      picked.roles.add(best.role);
      if (best.citation.citing.year !== undefined) picked.years.add(best.citation.citing.year);
    }
  };

  pickFrom((candidate) => candidate.citation.isInfluential, INFLUENTIAL_SLOTS, true);
  pickFrom(() => true, max, false);
  return result;
}
