/** One record read from a bibliography file, before it becomes a library entry. */
export interface BibRecord {
  /** 1-based line where the record starts. */
  line: number;
  /** The BibTeX citation key; RIS records have none. */
  key?: string;
  /** Entry type as written (`article`, `misc`; RIS `JOUR`, `UNPB`). */
  type: string;
  title?: string;
  authors: string[];
  year?: number;
  /** YYYY, YYYY-MM or YYYY-MM-DD when the record gives more than the year. */
  date?: string;
  venue?: string;
  doi?: string;
  urls: string[];
  /** Identifier candidates: `eprint` (with its archive prefix), journal/note text that may name an arXiv id. */
  eprint?: { id: string; archive?: string };
  arxivHints: string[];
  abstract?: string;
  keywords: string[];
  notes: string[];
}

/** Why a record (or a stretch of the file) could not be read. */
export interface BibProblem {
  line: number;
  key?: string;
  reason: string;
}

export interface BibParse {
  records: BibRecord[];
  problems: BibProblem[];
}

export function emptyRecord(line: number, type: string, key?: string): BibRecord {
  return { line, ...(key !== undefined && { key }), type, authors: [], urls: [], arxivHints: [], keywords: [], notes: [] };
}
