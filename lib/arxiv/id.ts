/**
 * arXiv identifier grammar, after arXiv's own regexes (arxiv-browse `identifier.py`).
 * Pure: no DOM, no browser APIs.
 */

/** A canonical, version-less arXiv id plus the version the page showed, if any. */
export interface ArxivId {
  /** Canonical bare id: `2112.11446`, `hep-th/9901001` (subject class dropped: `math/0309136`). */
  id: string;
  version: number | null;
}

// New style: YYMM.NNNN (to 1412) or YYMM.NNNNN (from 1501).
const NEW_STYLE = /^(\d{2})(\d{2})\.(\d{4,5})(?:v([1-9]\d*))?$/;
// Old style: archive[-subarchive][.SUBJ]/YYMMNNN. `v` inside a subject class (math.CV) is not a version.
const OLD_STYLE = /^([a-z]+(?:-[a-z]{2,})?)(?:\.[A-Za-z-]{2,})?\/(\d{7})(?:v([1-9]\d*))?$/;

/** Parses a bare id (optionally `arXiv:`-prefixed, optionally versioned). Returns null for anything else. */
export function parseArxivId(raw: string): ArxivId | null {
  const text = raw.trim().replace(/^arxiv:/i, '');
  const modern = NEW_STYLE.exec(text);
  if (modern) {
    const [, yy, mm, number, version] = modern as unknown as [string, string, string, string, string | undefined];
    const month = Number(mm);
    if (month < 1 || month > 12) return null;
    const yymm = Number(yy + mm);
    // 4-digit numbers end with 1412; 5-digit numbers begin with 1501.
    if (number.length === 4 && yymm >= 1501) return null;
    if (number.length === 5 && yymm < 1501) return null;
    return { id: `${yy}${mm}.${number}`, version: version ? Number(version) : null };
  }
  const legacy = OLD_STYLE.exec(text);
  if (legacy) {
    const [, archive, number, version] = legacy as unknown as [string, string, string, string | undefined];
    const month = Number(number.slice(2, 4));
    if (month < 1 || month > 12) return null;
    return { id: `${archive}/${number}`, version: version ? Number(version) : null };
  }
  return null;
}

/** `2112.11446` + 3 → `2112.11446v3`; without a version the bare id. */
export function formatArxivId({ id, version }: ArxivId): string {
  return version === null ? id : `${id}v${version}`;
}
