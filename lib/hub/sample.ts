/**
 * The documented sample of citing papers whose references and TL;DRs the batch stage fetches.
 * Order of preference: influential citations, then the most cited citing papers, then the rest in the
 * order the source listed them. Pure and deterministic, so a resumed fetch picks the same sample.
 */
import type { Citation } from '../domain/citation';

/** Ids the batch endpoint can resolve: S2 paperIds (OpenAlex ids and blanks are left out). */
function isBatchableId(paperId: string): boolean {
  return paperId.length > 0 && !paperId.startsWith('openalex:');
}

export function chooseBatchSample(citations: readonly Citation[], sampleSize: number): string[] {
  const ranked = citations
    .map((citation, listedAt) => ({ citation, listedAt }))
    .filter(({ citation }) => isBatchableId(citation.citing.paperId))
    .sort((a, b) => {
      if (a.citation.isInfluential !== b.citation.isInfluential) return a.citation.isInfluential ? -1 : 1;
      const citedA = a.citation.citing.citationCount ?? -1;
      const citedB = b.citation.citing.citationCount ?? -1;
      if (citedA !== citedB) return citedB - citedA;
      return a.listedAt - b.listedAt;
    });
  const sample: string[] = [];
  const seen = new Set<string>();
  for (const { citation } of ranked) {
    if (sample.length >= sampleSize) break;
    if (seen.has(citation.citing.paperId)) continue;
    seen.add(citation.citing.paperId);
    sample.push(citation.citing.paperId);
  }
  return sample;
}

export function chunk<T>(items: readonly T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let start = 0; start < items.length; start += size) chunks.push(items.slice(start, start + size));
  return chunks;
}
