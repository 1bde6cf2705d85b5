/**
 * The paper's own references ("What it cites"): how it uses each one (the same role rules as for
 * citing papers, lib/analytics/roles), in the order the panel lists them, and how complete the list is.
 */
import type { Reference } from '../domain/citation';
import type { ReferenceRow, ReferencesView } from '../domain/view';
import { citationRole, summarizeRoles } from './roles';

function citationCountOf(reference: Reference): number {
  return reference.cited?.citationCount ?? -1;
}

/** Influential first, then most cited, then by title (references without a count or an id last within their group). */
export function compareReferences(a: Reference, b: Reference): number {
  if (a.isInfluential !== b.isInfluential) return a.isInfluential ? -1 : 1;
  const byCount = citationCountOf(b) - citationCountOf(a);
  if (byCount !== 0) return byCount;
  return a.title < b.title ? -1 : a.title > b.title ? 1 : 0;
}

/**
 * `reported` is the reference count the source gives for the paper (null when unknown); `listed`
 * counts every entry the source listed, resolved or not, so "lists 41 of 43 references" reads true.
 */
export function buildReferences(references: readonly Reference[], reported: number | null | undefined): ReferencesView {
  const sorted = [...references].sort(compareReferences);
  const paperRoles = sorted.map(citationRole);
  const rows: ReferenceRow[] = sorted.map((reference, index) => ({ reference, role: paperRoles[index]!.role, roleOrigin: paperRoles[index]!.origin }));
  return {
    rows,
    roles: summarizeRoles(sorted, paperRoles),
    listed: sorted.length,
    reported: reported ?? null,
    unresolved: sorted.filter((reference) => reference.cited === null).length,
  };
}

/** Rows whose title, authors, venue or sentences hold every whitespace-separated term of `text` (case-insensitive). */
export function filterReferences(rows: readonly ReferenceRow[], text: string): ReferenceRow[] {
  const terms = text.toLowerCase().split(/\s+/).filter(Boolean);
  if (terms.length === 0) return [...rows];
  return rows.filter(({ reference }) => {
    const haystack = [reference.title, ...(reference.cited?.authors ?? []), reference.cited?.venue ?? '', ...reference.sentences.map((sentence) => sentence.text)]
      .join('\n')
      .toLowerCase();
    return terms.every((term) => haystack.includes(term));
  });
}
