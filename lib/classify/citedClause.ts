/**
 * A citing sentence often cites several works, and its stance may be about another one. With
 * author–year citations ("Vaswani et al., 2017") the mention of the cited work can be found, so the
 * stance is judged on the clause that holds it. Numbered citations ("[12]") carry no name: there the
 * whole sentence is judged (the panel's help says so).
 */

export interface CitedWork {
  /** Family name of the cited paper's first author. */
  surname: string;
  year?: number;
}

const NAME = String.raw`\p{Lu}[\p{L}'’-]+`;
// "Smith (2019)", "Smith et al. (2019)", "Smith and Jones, 2019", "(Smith & Jones 2019a; …)".
const AUTHOR_YEAR = new RegExp(String.raw`(${NAME})(?:\s+(?:et\s+al\.?|(?:and|&)\s+${NAME}))?(?:'s)?,?\s*\(?((?:19|20)\d\d)[a-z]?\b`, 'gu');
// Where one clause ends and another, often about a different work, begins.
const CLAUSE_BREAK = /;|,?\s+\b(?:but|whereas|while|however|although|though|yet|unlike|in contrast to|contrary to)\b/giu;

interface Mention {
  start: number;
  surname: string;
  year: number;
}

function fold(name: string): string {
  return name.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}

function mentions(text: string): Mention[] {
  return [...text.matchAll(AUTHOR_YEAR)].map((match) => ({ start: match.index, surname: fold(match[1]!), year: Number(match[2]) }));
}

/**
 * The part of `text` about `cited` when the sentence cites other works by author and year too and
 * its clauses can be told apart; null when the whole sentence should be judged.
 */
export function clauseAboutCitedWork(text: string, cited: CitedWork | undefined): string | null {
  if (!cited?.surname || text.length > 2000) return null;
  const found = mentions(text);
  const surname = fold(cited.surname);
  const isCited = (mention: Mention) => mention.surname === surname && (cited.year === undefined || mention.year === cited.year);
  if (found.length < 2 || !found.some(isCited) || found.every(isCited)) return null;

  const breaks = [0, ...[...text.matchAll(CLAUSE_BREAK)].map((match) => match.index), text.length];
  const clauses = breaks.slice(0, -1).map((start, i) => ({ start, end: breaks[i + 1]! }));
  if (clauses.length < 2) return null;
  const holding = clauses.filter((clause) => found.some((mention) => isCited(mention) && mention.start >= clause.start && mention.start < clause.end));
  // The cited work's clauses only, if they leave out some other work's mention; else the sentence stays whole.
  const others = found.filter((mention) => !isCited(mention));
  const leavesOut = others.some((mention) => !holding.some((clause) => mention.start >= clause.start && mention.start < clause.end));
  if (holding.length === 0 || !leavesOut) return null;
  return holding.map((clause) => text.slice(clause.start, clause.end).replace(/^[;,\s]+/, '')).join(' … ').trim() || null;
}
