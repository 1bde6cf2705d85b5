/**
 * Citation roles (background / methodology / result) per sentence and per citing paper.
 *
 * A sentence's label: the source's label when it has one, else the local classifier's.
 * A paper's role: the majority of its labelled sentences. Ties go methodology > result >
 * background: using a paper's method is the stronger, rarer signal, and a paper then only
 * counts as "background" (which drives the Canonical reference badge) when background truly
 * dominates. A paper with no labelled sentence falls back on the edge-level intents the source
 * reports (a union without counts, so the same precedence picks one); nothing at all -> unclassified.
 */
import type { Citation, CitationSentence } from '../domain/citation';
import type { Intent, LabelOrigin } from '../domain/labels';
import type { RoleBucket, RoleSummary } from '../domain/view';

/** Tie-break order, strongest first. */
export const ROLE_PRECEDENCE: readonly Intent[] = ['methodology', 'result', 'background'];

export interface ResolvedLabel<L> {
  label: L;
  origin: LabelOrigin;
}

export interface PaperRole {
  role: RoleBucket;
  /** 'local' when a vote for the winning role came from our classifier; null for unclassified. */
  origin: LabelOrigin | null;
}

function strongestOf(intents: readonly Intent[]): Intent | null {
  if (intents.length === 0) return null; // most sentences have none, and this runs twice per sentence
  for (const intent of ROLE_PRECEDENCE) if (intents.includes(intent)) return intent;
  return null;
}

export function sentenceRole(sentence: CitationSentence): ResolvedLabel<Intent> | null {
  const label = sentenceRoleLabel(sentence);
  return label === null ? null : { label, origin: isLocalRole(sentence) ? 'local' : 'source' };
}

/**
 * sentenceRole's label, without allocating its result: the roles are resolved for every
 * sentence of a hub, twice (per paper and in the summary).
 */
function sentenceRoleLabel(sentence: CitationSentence): Intent | null {
  if (sentence.intent?.origin === 'source') return sentence.intent.label;
  // A sentence can carry several source intents; the precedence picks one, as for paper ties.
  return strongestOf(sentence.sourceIntents) ?? sentence.intent?.label ?? null;
}

/** Whether sentenceRoleLabel's label is the local classifier's (no source label of any kind). */
function isLocalRole(sentence: CitationSentence): boolean {
  return sentence.intent?.origin === 'local' && strongestOf(sentence.sourceIntents) === null;
}

/** What the role rules read of an edge: its sentences and the source's edge-level intents. */
export type RoleInput = Pick<Citation, 'sentences' | 'intents'>;

export function citationRole(citation: RoleInput): PaperRole {
  const votes: Record<Intent, number> = { background: 0, methodology: 0, result: 0 };
  const localVotes: Record<Intent, number> = { background: 0, methodology: 0, result: 0 };
  let labelled = 0;
  for (const sentence of citation.sentences) {
    const label = sentenceRoleLabel(sentence);
    if (label === null) continue;
    labelled += 1;
    votes[label] += 1;
    if (isLocalRole(sentence)) localVotes[label] += 1;
  }
  if (labelled > 0) {
    let winner: Intent = ROLE_PRECEDENCE[0]!;
    for (const intent of ROLE_PRECEDENCE) if (votes[intent] > votes[winner]) winner = intent;
    return { role: winner, origin: localVotes[winner] > 0 ? 'local' : 'source' };
  }
  const fromEdge = strongestOf(citation.intents);
  return fromEdge ? { role: fromEdge, origin: 'source' } : { role: 'unclassified', origin: null };
}

export function emptyRoleCounts(): Record<RoleBucket, number> {
  return { background: 0, methodology: 0, result: 0, unclassified: 0 };
}

/**
 * `perPaper` sums to `totalPapers` (= citations). `perSentence` sums to `totalSentences`, which
 * counts sentences that have a role label; sentences still waiting for the local classifier are
 * not in it (the pending count is coverage.sentences - totalSentences).
 */
export function summarizeRoles(citations: readonly RoleInput[], paperRoles?: readonly PaperRole[]): RoleSummary {
  const perPaper = emptyRoleCounts();
  const perSentence: Record<Intent, number> = { background: 0, methodology: 0, result: 0 };
  let totalSentences = 0;
  let locallyClassifiedSentences = 0;
  citations.forEach((citation, index) => {
    perPaper[(paperRoles?.[index] ?? citationRole(citation)).role] += 1;
    for (const sentence of citation.sentences) {
      const label = sentenceRoleLabel(sentence);
      if (label === null) continue;
      perSentence[label] += 1;
      totalSentences += 1;
      if (isLocalRole(sentence)) locallyClassifiedSentences += 1;
    }
  });
  return { perPaper, perSentence, totalPapers: citations.length, totalSentences, locallyClassifiedSentences };
}
