import type { LibraryEntry } from '../db/database';
import type { Paper } from '../domain/paper';
import { parseArxivId } from '../arxiv/id';

/**
 * The library key for a paper: `arxiv:<id>` (version-less) when the arXiv id is known, else `s2:<paperId>`,
 * else `doi:<doi>` (lowercased: DOIs are case-insensitive). A paper known only through OpenAlex keeps its
 * `openalex:W…` paperId as the key when it has no DOI, since an OpenAlex id is not a Semantic Scholar one.
 */
export function libraryIdFor<T extends Pick<Paper, 'paperId' | 'arxivId' | 'doi'>>(paper: T): string {
  if (paper.arxivId && paper.arxivId.trim() !== '') {
    const parsed = parseArxivId(paper.arxivId);
    return `arxiv:${parsed ? parsed.id : paper.arxivId.trim()}`;
  }
  const fromOpenAlex = paper.paperId.startsWith('openalex:');
  if (!fromOpenAlex) return `s2:${paper.paperId}`;
  if (paper.doi && paper.doi.trim() !== '') return `doi:${paper.doi.trim().toLowerCase()}`;
  return paper.paperId;
}

/**
 * What the library keeps of a paper: identity and citation metadata, not the counts (they go stale and the hub
 * refetches them). Absent fields stay absent, so a snapshot survives a JSON round trip unchanged.
 */
export function snapshotPaper(paper: Paper): Paper {
  const snapshot: Paper = { paperId: paper.paperId, title: paper.title, authors: [...paper.authors] };
  const optional = ['arxivId', 'doi', 'year', 'venue', 'publicationDate', 'abstract', 'tldr', 'url'] as const;
  for (const field of optional) {
    const value = paper[field];
    if (value !== undefined) (snapshot as Record<string, unknown>)[field] = value;
  }
  return snapshot;
}

export function newEntry(paper: Paper, now: number): LibraryEntry {
  return {
    id: libraryIdFor(paper),
    paper: snapshotPaper(paper),
    savedAt: now,
    updatedAt: now,
    tags: [],
    notes: '',
    read: false,
  };
}

/** Trimmed, without empties or repeats (case-insensitive, first spelling wins), in the order given. */
export function normalizeTags(tags: readonly string[]): string[] {
  const seen = new Set<string>();
  const result: string[] = [];
  for (const raw of tags) {
    const tag = raw.replace(/\s+/g, ' ').trim();
    const folded = tag.toLocaleLowerCase();
    if (tag === '' || seen.has(folded)) continue;
    seen.add(folded);
    result.push(tag);
  }
  return result;
}
