/**
 * Similar papers: the source's recommendations minus what the panel already shows elsewhere
 * (the target, its citing papers, the co-cited works) and minus repeats. Source order is kept:
 * it is the recommender's ranking.
 */
import type { Paper } from '../domain/paper';

export function dedupeSimilar(
  recommendations: readonly Paper[],
  exclude: { target: Paper | null; citingIds: Iterable<string>; coCitedIds: Iterable<string> },
): Paper[] {
  const seen = new Set<string>([...exclude.citingIds, ...exclude.coCitedIds]);
  if (exclude.target) seen.add(exclude.target.paperId);
  const targetArxivId = exclude.target?.arxivId;
  const result: Paper[] = [];
  for (const paper of recommendations) {
    if (seen.has(paper.paperId) || (targetArxivId !== undefined && paper.arxivId === targetArxivId)) continue;
    seen.add(paper.paperId);
    result.push(paper);
  }
  return result;
}
