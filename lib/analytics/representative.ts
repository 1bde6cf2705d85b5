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

/**
 * A citing paper up for a pick, with the fields the picks compare copied out of its citation:
 * every pick scans every candidate, and reading them here rather than through
 * citation.citing.* keeps the scans on one object per candidate.
 */
interface Candidate {
  citation: Citation;
  role: RoleBucket;
  paperId: string;
  year: number | undefined;
  hasTldr: boolean;
  /** citationCount, -1 when unknown. */
  citationCount: number;
  isInfluential: boolean;
  /** Its paper is in the list already (through this or another citation of the same paper). */
  taken: boolean;
}

interface Picked {
  roles: Set<RoleBucket>;
  years: Set<number>;
}

function addsRole(candidate: Candidate, picked: Picked): boolean {
  return candidate.role !== 'unclassified' && !picked.roles.has(candidate.role);
}

function addsYear(candidate: Candidate, picked: Picked): boolean {
  return candidate.year !== undefined && !picked.years.has(candidate.year);
}

/**
 * Whether `a` beats `b` at this pick, given what each would add (computed once per candidate
 * and pick by the caller: this runs for every candidate at every pick).
 */
function isBetter(a: Candidate, aAddsRole: boolean, aAddsYear: boolean, b: Candidate, bAddsRole: boolean, bAddsYear: boolean): boolean {
  if (aAddsRole !== bAddsRole) return aAddsRole;
  if (aAddsYear !== bAddsYear) return aAddsYear;
  if (a.hasTldr !== b.hasTldr) return a.hasTldr;
  if (a.citationCount !== b.citationCount) return a.citationCount > b.citationCount;
  return a.paperId < b.paperId;
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
  const remaining: Candidate[] = citations.map((citation, index) => ({
    citation,
    role: roles[index] ?? 'unclassified',
    paperId: citation.citing.paperId,
    year: citation.citing.year,
    hasTldr: Boolean(citation.citing.tldr),
    citationCount: citation.citing.citationCount ?? -1,
    isInfluential: citation.isInfluential,
    taken: false,
  }));
  const picked: Picked = { roles: new Set(), years: new Set() };
  const result: RepresentativePaper[] = [];

  const pickFrom = (eligible: (candidate: Candidate) => boolean, slots: number, influentialPhase: boolean): void => {
    for (let slot = 0; slot < slots && result.length < max; slot += 1) {
      let best: Candidate | null = null;
      let bestAddsRole = false;
      let bestAddsYear = false;
      for (const candidate of remaining) {
        if (candidate.taken || !eligible(candidate)) continue;
        const candidateAddsRole = addsRole(candidate, picked);
        const candidateAddsYear = addsYear(candidate, picked);
        if (best && !isBetter(candidate, candidateAddsRole, candidateAddsYear, best, bestAddsRole, bestAddsYear)) continue;
        best = candidate;
        bestAddsRole = candidateAddsRole;
        bestAddsYear = candidateAddsYear;
      }
      if (!best) return;
      result.push({ citation: best.citation, role: best.role, reason: reasonFor(best, picked, influentialPhase) });
      for (const candidate of remaining) if (candidate.paperId === best.paperId) candidate.taken = true;
      picked.roles.add(best.role);
      if (best.year !== undefined) picked.years.add(best.year);
    }
  };

  pickFrom((candidate) => candidate.isInfluential, INFLUENTIAL_SLOTS, true);
  pickFrom(() => true, max, false);
  return result;
}
