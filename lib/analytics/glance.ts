/**
 * "At a glance": a digest of the paper in the spirit of a paper Q&A page (TL;DR, problem,
 * contributions, method, results, limitations) plus how the field has received it. Everything is
 * extracted or counted, never generated: each statement is a sentence of the abstract or the
 * Semantic Scholar TL;DR, each reception figure comes from the hub's own counts.
 */
import { INTENTS, type Intent } from '../domain/labelNames';
import type { ClaimType, CoCitedWork, HubView, PolarityExample, RepresentativePaper } from '../domain/view';
import { splitAbstract } from './claims';

export type GlanceInput = Pick<HubView, 'paper' | 'claims' | 'roles' | 'polarity' | 'tier' | 'coCited' | 'representative'>;

export interface GlanceStatement {
  text: string;
  from: 'abstract' | 'tldr';
}

export interface GlanceReception {
  citingPapers: number;
  /** The role most citing papers give it, among papers with a role. */
  leadingRole: { role: Intent; papers: number; ofPapers: number } | null;
  /** Citing papers with a polarity label, and how many of them support or contrast it. */
  polarity: { supporting: number; contrasting: number; ofPapers: number } | null;
}

export interface Glance {
  tldr: GlanceStatement | null;
  /** The problem as the abstract frames it before the paper speaks of itself (its last sentences). */
  problem: string[];
  contributions: GlanceStatement[];
  method: GlanceStatement[];
  results: GlanceStatement[];
  limitations: GlanceStatement[];
  reception: GlanceReception | null;
  /** The citing sentences most confidently labelled contrasting: where the field pushes back. */
  questionedBy: PolarityExample[];
  citedAlongside: CoCitedWork[];
  /** Representative citing papers that use its method: where the work is being taken next. */
  buildingOn: RepresentativePaper[];
}

/** Enough to read in a few seconds; the full lists are in the sections below. */
export const GLANCE_LIMITS = {
  problem: 2,
  contributions: 3,
  method: 2,
  results: 3,
  limitations: 2,
  questionedBy: 2,
  citedAlongside: 3,
  buildingOn: 3,
} as const;

function statementsOfType(claims: GlanceInput['claims'], type: ClaimType, limit: number, shownAsTldr: GlanceStatement | null): GlanceStatement[] {
  // What the TL;DR line already says is not repeated below it: all TL;DR sentences, or the abstract sentence standing in for one.
  const repeatsTldr = (claim: GlanceInput['claims'][number]) =>
    shownAsTldr !== null && (shownAsTldr.from === 'tldr' ? claim.from === 'tldr' : claim.text === shownAsTldr.text);
  return claims
    .filter((claim) => claim.type === type && !repeatsTldr(claim))
    .slice(0, limit)
    .map((claim) => ({ text: claim.text, from: claim.from }));
}

function pickTldr(input: GlanceInput): GlanceStatement | null {
  const tldr = input.paper?.tldr?.trim();
  if (tldr) return { text: tldr, from: 'tldr' };
  const fromAbstract = input.claims.filter((claim) => claim.from === 'abstract');
  const first = fromAbstract.find((claim) => claim.type === 'contribution') ?? fromAbstract[0];
  return first ? { text: first.text, from: 'abstract' } : null;
}

function leadingRole(roles: GlanceInput['roles']): GlanceReception['leadingRole'] {
  const ofPapers = INTENTS.reduce((sum, role) => sum + (roles.perPaper[role] ?? 0), 0);
  if (ofPapers === 0) return null;
  const role = INTENTS.reduce<Intent>((best, next) => ((roles.perPaper[next] ?? 0) > (roles.perPaper[best] ?? 0) ? next : best), INTENTS[0]);
  return { role, papers: roles.perPaper[role] ?? 0, ofPapers };
}

function polarityReception(polarity: GlanceInput['polarity']): GlanceReception['polarity'] {
  const { supporting = 0, contrasting = 0, neutral = 0 } = polarity.perPaper;
  const ofPapers = supporting + contrasting + neutral;
  return ofPapers === 0 ? null : { supporting, contrasting, ofPapers };
}

export function buildGlance(input: GlanceInput): Glance {
  const tldr = pickTldr(input);
  const citingPapers = Math.max(input.tier.citingPapers, input.roles.totalPapers);
  return {
    tldr,
    problem: splitAbstract(input.paper?.abstract).motivation.slice(-GLANCE_LIMITS.problem),
    contributions: statementsOfType(input.claims, 'contribution', GLANCE_LIMITS.contributions, tldr),
    method: statementsOfType(input.claims, 'method', GLANCE_LIMITS.method, tldr),
    results: statementsOfType(input.claims, 'result', GLANCE_LIMITS.results, tldr),
    limitations: statementsOfType(input.claims, 'limitation', GLANCE_LIMITS.limitations, tldr),
    reception:
      citingPapers > 0 ? { citingPapers, leadingRole: leadingRole(input.roles), polarity: polarityReception(input.polarity) } : null,
    questionedBy: input.polarity.examples.contrasting.slice(0, GLANCE_LIMITS.questionedBy),
    citedAlongside: input.coCited.slice(0, GLANCE_LIMITS.citedAlongside),
    buildingOn: input.representative.filter((paper) => paper.role === 'methodology').slice(0, GLANCE_LIMITS.buildingOn),
  };
}

/** True when there is nothing to show (no paper details and no citing papers yet). */
export function isGlanceEmpty(glance: Glance): boolean {
  return (
    glance.tldr === null &&
    glance.problem.length === 0 &&
    glance.contributions.length + glance.method.length + glance.results.length + glance.limitations.length === 0 &&
    glance.reception === null
  );
}
