import { parseArxivId, type ArxivId } from './id';

/** The page forms the extension acts on. */
export type ArxivPageKind = 'abs' | 'html' | 'pdf';

export interface ArxivPage extends ArxivId {
  kind: ArxivPageKind;
}

const ARXIV_HOSTS = new Set(['arxiv.org', 'www.arxiv.org', 'export.arxiv.org']);

export function isArxivHost(hostname: string): boolean {
  return ARXIV_HOSTS.has(hostname.toLowerCase());
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** Legacy query forms: `/abs?id=…`, `/abs?archive=hep-th&papernum=9901001`, `/abs?hep-th/9901001`. */
function idFromLegacyQuery(search: string): ArxivId | null {
  const params = new URLSearchParams(search);
  const id = params.get('id');
  if (id) return parseArxivId(id);
  const archive = params.get('archive');
  const papernum = params.get('papernum');
  if (archive && papernum) return parseArxivId(`${archive}/${papernum}`);
  const bare = safeDecode(search.replace(/^\?/, '').split('&')[0] ?? '');
  return bare.includes('=') ? null : parseArxivId(bare);
}

/** The URL when it is well formed and on an arXiv host; null otherwise. */
export function parseArxivHostUrl(url: string): URL | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  return isArxivHost(parsed.hostname) ? parsed : null;
}

/** Reads an arXiv page URL. Listing, search and other pages give null. */
export function parseArxivUrl(url: string): ArxivPage | null {
  const parsed = parseArxivHostUrl(url);
  if (!parsed) return null;
  const match = /^\/(abs|html|pdf)(?:\/(.*))?$/.exec(parsed.pathname);
  if (!match) return null;
  const kind = match[1] as ArxivPageKind;
  const rest = safeDecode(match[2] ?? '').replace(/\/+$/, '');
  if (!rest) {
    if (kind !== 'abs') return null;
    const legacy = idFromLegacyQuery(parsed.search);
    return legacy ? { ...legacy, kind } : null;
  }
  return idFromPath(rest, kind);
}

function idFromPath(rest: string, kind: ArxivPageKind): ArxivPage | null {
  const cleaned = kind === 'pdf' ? rest.replace(/\.pdf$/i, '') : rest;
  const segments = cleaned.split('/');
  // New ids are one segment; old ids two (`hep-th/9901001`). HTML pages may add a file after the id.
  const candidates = [segments.slice(0, 2).join('/'), segments[0] ?? ''];
  for (const candidate of candidates) {
    const id = parseArxivId(candidate);
    if (id) return { ...id, kind };
  }
  return null;
}

/**
 * What the content script acts on: `<meta name="citation_arxiv_id">` first (unversioned, the most
 * robust), the URL for the page kind and version, and the URL alone when the meta is absent.
 */
export function detectArxivPage(url: string, metaArxivId: string | null | undefined): ArxivPage | null {
  const fromUrl = parseArxivUrl(url);
  if (!fromUrl) return null;
  const fromMeta = metaArxivId ? parseArxivId(metaArxivId) : null;
  if (!fromMeta) return fromUrl;
  const version = fromMeta.id === fromUrl.id ? fromUrl.version : fromMeta.version;
  return { id: fromMeta.id, version, kind: fromUrl.kind };
}
