/**
 * Citations over time: the listed citing papers per publication year, split by role, with the
 * influential ones counted. Years run without gaps from the first to the last year seen (a year
 * nobody cited the paper in is a bar of 0, not a missing bar). Papers without a year are counted
 * apart, so the bars plus `undated` always add up to the papers listed.
 */
import type { Citation } from '../domain/citation';
import type { RoleBucket, TimelineView, TimelineYear, YearCount } from '../domain/view';
import { emptyRoleCounts, type PaperRole } from './roles';

/** A chart spanning more years than this keeps the most recent ones (the rest are counted as `earlier`). */
export const TIMELINE_MAX_YEARS = 40;

export function buildTimeline(
  citations: readonly Citation[],
  paperRoles: readonly PaperRole[],
  allCitations: readonly YearCount[] | null,
  citationsReported: number,
): TimelineView {
  const byYear = new Map<number, TimelineYear>();
  let undated = 0;
  citations.forEach((citation, index) => {
    const year = citation.citing.year;
    if (year === undefined) {
      undated += 1;
      return;
    }
    let entry = byYear.get(year);
    if (!entry) {
      entry = { year, total: 0, perRole: emptyRoleCounts(), influential: 0 };
      byYear.set(year, entry);
    }
    const role: RoleBucket = paperRoles[index]?.role ?? 'unclassified';
    entry.total += 1;
    entry.perRole[role] += 1;
    if (citation.isInfluential) entry.influential += 1;
  });
  const seen = [...byYear.keys()];
  const years: TimelineYear[] = [];
  let earlier = 0;
  if (seen.length > 0) {
    const last = Math.max(...seen);
    const first = Math.max(Math.min(...seen), last - TIMELINE_MAX_YEARS + 1);
    for (const [year, entry] of byYear) if (year < first) earlier += entry.total;
    for (let year = first; year <= last; year += 1) years.push(byYear.get(year) ?? { year, total: 0, perRole: emptyRoleCounts(), influential: 0 });
  }
  return {
    years,
    undated,
    earlier,
    listed: citations.length,
    reported: citationsReported,
    allCitations: allCitations ? [...allCitations].sort((a, b) => a.year - b.year) : null,
  };
}
