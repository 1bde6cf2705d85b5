import { parseArxivId } from '../arxiv/id';

/**
 * The bare, version-less arXiv id the sources know (`2106.15928`, `hep-th/9901001`).
 * S2 answers 404 for `ARXIV:1706.03762v1`, so a version never reaches a request.
 * Unknown shapes are only stripped of a prefix and a trailing `vN`, so a new id style still gets a try.
 */
export function toBareArxivId(raw: string): string {
  const parsed = parseArxivId(raw);
  if (parsed) return parsed.id;
  return raw.trim().replace(/^arxiv:/i, '').replace(/v\d+$/, '');
}
