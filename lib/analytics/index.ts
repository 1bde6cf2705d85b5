/**
 * HubData -> HubView: everything the panel shows, derived purely from what the pipeline cached.
 * No browser APIs, no I/O; the same data always gives the same view, whatever order citations
 * and reference lists arrived in.
 */
import type { HubData } from '../domain/hub';
import type { HubView } from '../domain/view';
import { buildClaims } from './claims';
import { buildCoCited } from './cocitation';
import { buildCoCitationLinks } from './cocitationMap';
import { computeCoverage } from './coverage';
import { applyPolarityCorrections, type PolarityCorrections } from './corrections';
import { buildExplorerRows, sortExplorer } from './explorer';
import { citationPolarity, summarizePolarity } from './polarity';
import { buildReferences } from './references';
import { pickRepresentative } from './representative';
import { citationRole, summarizeRoles } from './roles';
import { dedupeSimilar } from './similar';
import { citingPaperCount, computeTier } from './tier';
import { buildTimeline } from './timeline';

function byPaperId(a: { citing: { paperId: string } }, b: { citing: { paperId: string } }): number {
  return a.citing.paperId < b.citing.paperId ? -1 : a.citing.paperId > b.citing.paperId ? 1 : 0;
}

/** `corrections`: the reader's own polarity labels for this hub, laid over the model's (see ./corrections). */
export function buildHubView(data: HubData, corrections?: PolarityCorrections): HubView {
  // A canonical order first, so ties everywhere below resolve the same way for any input order.
  const citations = [...applyPolarityCorrections(data.citations, corrections)].sort(byPaperId);
  // Each paper's role and polarity, computed once and shared by the sections below.
  const paperRoles = citations.map(citationRole);
  const paperPolarities = citations.map((citation) => citationPolarity(citation));
  // Each citing sentence lower-cased once, for the explorer's search text and the claims ledger.
  const lowerCaseSentences = citations.map((citation) => citation.sentences.map((sentence) => sentence.text.toLowerCase()));

  const roles = summarizeRoles(citations, paperRoles);
  const polarity = summarizePolarity(citations, paperPolarities);
  const tier = computeTier(citingPaperCount(data), roles);
  const { coCited, basis } = buildCoCited(data.referencesByCiting, data.paper?.paperId, data.coCitedPapers, undefined, citingPaperCount(data));
  const representative = pickRepresentative(citations, paperRoles.map((role) => role.role));
  // Default explorer order: most cited first (ties by paperId); the panel re-sorts on demand.
  const explorer = sortExplorer(buildExplorerRows(citations, paperRoles, paperPolarities, lowerCaseSentences), { key: 'citations', direction: 'desc' });
  const similar = dedupeSimilar(data.recommendations, {
    target: data.paper,
    citingIds: citations.map((citation) => citation.citing.paperId),
    coCitedIds: coCited.map((work) => work.paper.paperId),
  });

  return {
    arxivId: data.arxivId,
    paper: data.paper,
    tier,
    roles,
    polarity,
    claims: buildClaims(data.paper, citations, lowerCaseSentences),
    coCited,
    coCitedBasis: basis,
    coCitationLinks: buildCoCitationLinks(data.referencesByCiting, coCited),
    timeline: buildTimeline(citations, paperRoles, data.yearCounts, data.provenance.citationsReported),
    references: buildReferences(data.references, data.paper?.referenceCount),
    representative,
    explorer,
    similar,
    coverage: computeCoverage(data),
    provenance: data.provenance,
    stages: data.stages,
  };
}

export { ECHO_SIMILARITY_THRESHOLD, MAX_ECHOES_PER_CLAIM, buildClaims, classifyClaim, echoSimilarities, extractClaimSentences } from './claims';
export { CO_CITED_LIMIT, MIN_CO_CITATION_COUNT, UNKNOWN_TITLE, buildCoCited, countCoCitations, globalSaltonStrength, saltonStrength, topCoCitedIds } from './cocitation';
export { MAX_LINKS_PER_NODE, MIN_LINK_COUNT, buildCoCitationLinks, countPairCoCitations, thinLinks } from './cocitationMap';
export { computeCoverage } from './coverage';
export { applyPolarityCorrections, correctionKey, type PolarityCorrections } from './corrections';
export { buildReferences, compareReferences, filterReferences } from './references';
export { TIMELINE_MAX_YEARS, buildTimeline } from './timeline';
export { buildExplorerRows, filterExplorer, sortExplorer, type ExplorerFilters, type ExplorerSort, type ExplorerSortKey } from './explorer';
export { POLARITY_EXAMPLES_PER_LABEL, citationPolarity, summarizePolarity } from './polarity';
export { REPRESENTATIVE_MAX, pickRepresentative } from './representative';
export { ROLE_PRECEDENCE, citationRole, sentenceRole, summarizeRoles, type PaperRole } from './roles';
export { splitSentences } from './sentences';
export { dedupeSimilar } from './similar';
export {
  CANONICAL_MIN_BACKGROUND_SHARE,
  CANONICAL_MIN_CLASSIFIED_PAPERS,
  HUB_MIN_CITING_PAPERS,
  SUPER_HUB_MIN_CITING_PAPERS,
  citingPaperCount,
  computeTier,
} from './tier';
