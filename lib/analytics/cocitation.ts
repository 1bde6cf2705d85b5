/**
 * Co-citation: works that the target's citing papers also cite.
 *
 * Sample: `referencesByCiting` (citing paperId -> referenced paperIds) from the batch stage.
 * Within one citing paper references are de-duplicated; the target itself, the citing paper
 * itself and null/empty ids are dropped.
 *   basis  = citing papers whose reference list holds at least one valid id (coCitedBasis)
 *   count  = citing papers in the sample that cite the work (and, being citing papers, the target)
 *   strength (Salton cosine) = count / sqrt(basis × citesWithinSample)
 * With only the sample known, citesWithinSample (sample papers citing the work) equals count,
 * so strength = sqrt(count / basis): 1 when every sampled citing paper cites the work too.
 * When the work's own citation count is known (co-cited metadata) and the target's too, the
 * whole-graph cosine is estimated instead, so a work everyone cites weighs less than one cited
 * mostly alongside the target: scaled = count × targetCitations / basis (sample scaled up),
 * strength = min(1, scaled / sqrt(targetCitations × workCitations)).
 * Ranking: count desc, strength desc, paperId asc (stable whatever order the input came in).
 * Works cited by a single citing paper are not "cited together" by the field, only by that paper:
 * a work needs count >= MIN_CO_CITATION_COUNT.
 */
import type { Paper } from '../domain/paper';
import type { CoCitedWork } from '../domain/view';
import { isBlank } from './blank';
import { firstSorted } from './firstSorted';

export const CO_CITED_LIMIT = 30;
export const MIN_CO_CITATION_COUNT = 2;
export const UNKNOWN_TITLE = 'Unknown title';

export interface CoCitationCounts {
  basis: number;
  counts: Map<string, number>;
}

function isValidId(id: unknown): id is string {
  return typeof id === 'string' && !isBlank(id);
}

export function countCoCitations(
  referencesByCiting: Readonly<Record<string, readonly (string | null | undefined)[]>>,
  targetPaperId: string | null | undefined,
): CoCitationCounts {
  const tally = tallyCoCitations(referencesByCiting, targetPaperId);
  return { basis: tally.basis, counts: new Map(tally.ids.map((id, slot) => [id, tally.counts[slot]!])) };
}

/** Co-citation counts as parallel arrays, works in order of first appearance. */
interface CoCitationTally {
  basis: number;
  ids: string[];
  counts: number[];
}

/**
 * One Map lookup per reference (~50,000 in a large hub), no Set per citing paper: a work is
 * counted once per paper by remembering the last paper that counted it.
 */
function tallyCoCitations(
  referencesByCiting: Readonly<Record<string, readonly (string | null | undefined)[]>>,
  targetPaperId: string | null | undefined,
): CoCitationTally {
  const slotOf = new Map<string, number>();
  const ids: string[] = [];
  const counts: number[] = [];
  const lastCountedBy: number[] = [];
  let basis = 0;
  let paper = 0;
  for (const [citingId, references] of Object.entries(referencesByCiting)) {
    if (citingId === targetPaperId || !Array.isArray(references)) continue;
    paper += 1;
    let hasValidReference = false;
    for (const id of references) {
      if (!isValidId(id)) continue;
      hasValidReference = true;
      if (id === targetPaperId || id === citingId) continue;
      let slot = slotOf.get(id);
      if (slot === undefined) {
        slot = ids.length;
        slotOf.set(id, slot);
        ids.push(id);
        counts.push(0);
        lastCountedBy.push(0);
      }
      if (lastCountedBy[slot] !== paper) {
        lastCountedBy[slot] = paper;
        counts[slot]! += 1;
      }
    }
    if (hasValidReference) basis += 1;
  }
  return { basis, ids, counts };
}

export function saltonStrength(count: number, basis: number, citesWithinSample: number = count): number {
  return basis > 0 && citesWithinSample > 0 ? count / Math.sqrt(basis * citesWithinSample) : 0;
}

/** Whole-graph Salton cosine estimated from the sample (see the header comment). */
export function globalSaltonStrength(count: number, basis: number, targetCitations: number, workCitations: number): number {
  if (basis <= 0 || targetCitations <= 0 || workCitations <= 0) return saltonStrength(count, basis);
  const scaled = (count * targetCitations) / basis;
  return Math.min(1, scaled / Math.sqrt(targetCitations * workCitations));
}

interface RankedId {
  paperId: string;
  count: number;
  strength: number;
}

function compareRanked(a: RankedId, b: RankedId): number {
  return b.count - a.count || b.strength - a.strength || (a.paperId < b.paperId ? -1 : a.paperId > b.paperId ? 1 : 0);
}

function rank(tally: CoCitationTally, limit: number, minCount: number): RankedId[] {
  const ranked: RankedId[] = [];
  tally.counts.forEach((count, slot) => {
    if (count >= minCount) ranked.push({ paperId: tally.ids[slot]!, count, strength: saltonStrength(count, tally.basis) });
  });
  return firstSorted(ranked, compareRanked, Math.max(0, limit));
}

/** The ids the pipeline should fetch metadata for: the same ranking `buildCoCited` shows. */
export function topCoCitedIds(
  referencesByCiting: Readonly<Record<string, readonly (string | null | undefined)[]>>,
  targetPaperId: string | null | undefined,
  n: number = CO_CITED_LIMIT,
  minCount: number = MIN_CO_CITATION_COUNT,
): string[] {
  return rank(tallyCoCitations(referencesByCiting, targetPaperId), n, minCount).map((entry) => entry.paperId);
}

/**
 * Top co-cited works with metadata. Works whose metadata did not arrive are still listed, titled
 * "Unknown title": hiding them would silently change the ranking the counts describe.
 */
export function buildCoCited(
  referencesByCiting: Readonly<Record<string, readonly (string | null | undefined)[]>>,
  targetPaperId: string | null | undefined,
  coCitedPapers: Readonly<Record<string, Paper>>,
  limit: number = CO_CITED_LIMIT,
  targetCitations: number = 0,
): { coCited: CoCitedWork[]; basis: number } {
  const tally = tallyCoCitations(referencesByCiting, targetPaperId);
  const coCited = rank(tally, limit, MIN_CO_CITATION_COUNT)
    .map(({ paperId, count, strength }) => {
      const paper = coCitedPapers[paperId];
      const workCitations = paper?.citationCount ?? 0;
      return {
        paper: paper ?? { paperId, title: UNKNOWN_TITLE, authors: [] },
        count,
        strength: workCitations > 0 ? globalSaltonStrength(count, tally.basis, targetCitations, workCitations) : strength,
      };
    })
    // Same count: the more specific co-citation (higher whole-graph strength) first; then id for stability.
    .sort((a, b) => b.count - a.count || b.strength - a.strength || (a.paper.paperId < b.paper.paperId ? -1 : a.paper.paperId > b.paper.paperId ? 1 : 0));
  return { coCited, basis: tally.basis };
}
