/**
 * The hub tier badge and the "Canonical reference" label, as a rule users can read.
 *
 * Citing papers = max(citationCount the source reports, citing papers actually listed): the
 * listing is capped (~9,999) and lags, the reported count can be stale; the larger is the
 * better lower bound.
 *   hub        >= 50 citing papers
 *   super hub  >= 1,000 citing papers
 *   Canonical reference: a hub (or super hub) where >= 75 % of the citing papers with a role
 *   use it as background, measured over at least 20 role-classified papers (fewer make the
 *   share too noisy: 3 of 4 is 75 %).
 */
import type { HubData } from '../domain/hub';
import type { RoleSummary, Tier, TierName } from '../domain/view';
import { formatCount, formatPercent } from './format';

export const HUB_MIN_CITING_PAPERS = 50;
export const SUPER_HUB_MIN_CITING_PAPERS = 1_000;
export const CANONICAL_MIN_BACKGROUND_SHARE = 0.75;
export const CANONICAL_MIN_CLASSIFIED_PAPERS = 20;

export function citingPaperCount(data: Pick<HubData, 'paper' | 'citations' | 'provenance'>): number {
  return Math.max(
    data.provenance.citationsReported,
    data.paper?.citationCount ?? 0,
    data.provenance.citationsListed,
    data.citations.length,
  );
}

export function computeTier(citingPapers: number, roles: Pick<RoleSummary, 'perPaper'>): Tier {
  const tier: TierName =
    citingPapers >= SUPER_HUB_MIN_CITING_PAPERS ? 'super-hub' : citingPapers >= HUB_MIN_CITING_PAPERS ? 'hub' : 'none';

  const { background, methodology, result } = roles.perPaper;
  const classified = background + methodology + result;
  const backgroundShare = classified > 0 ? background / classified : null;
  // Integer comparison: 15 of 20 is exactly 75 %, whatever floating point makes of 15 / 20.
  const canonical =
    tier !== 'none' &&
    classified >= CANONICAL_MIN_CLASSIFIED_PAPERS &&
    background * 100 >= CANONICAL_MIN_BACKGROUND_SHARE * 100 * classified;

  const count = `(${formatCount(citingPapers)})`;
  const tierRule =
    tier === 'super-hub'
      ? `super hub: ≥ ${formatCount(SUPER_HUB_MIN_CITING_PAPERS)} citing papers ${count}`
      : tier === 'hub'
        ? `hub: ≥ ${formatCount(HUB_MIN_CITING_PAPERS)} citing papers ${count}`
        : `no tier: fewer than ${formatCount(HUB_MIN_CITING_PAPERS)} citing papers ${count}`;
  const canonicalRule = canonical
    ? `; Canonical reference: ${formatPercent(backgroundShare ?? 0)} of ${formatCount(classified)} role-classified citing papers use it as background (≥ ${formatPercent(CANONICAL_MIN_BACKGROUND_SHARE)}, at least ${formatCount(CANONICAL_MIN_CLASSIFIED_PAPERS)} classified)`
    : '';

  return { tier, canonical, rule: tierRule + canonicalRule, citingPapers, backgroundShare };
}
