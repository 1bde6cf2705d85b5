import type { FetchLike, FetchResponseLike } from '../http';
import type { S2CitationEdgeJson, S2PaperJson, S2ReferenceEdgeJson } from './schemas';

export { generateLargeDataset, type LargeDatasetOptions } from './syntheticDataset';

/**
 * An in-memory Semantic Scholar: what the offline demo, the browser e2e tests (route interception)
 * and the large-paper benchmark serve instead of the real API. Pure: no I/O, no clock.
 */
export interface SemanticScholarDataset {
  papers: Record<string, S2PaperJson>;
  /** Target paperId → its citation edges, in the order the API lists them. */
  citationsOf: Record<string, S2CitationEdgeJson[]>;
  /** Paper → the paperIds it references (what `references.paperId` returns in a batch). */
  referencesOf: Record<string, string[]>;
  /** `from=all-cs` pool (and `from=recent` when `recentRecommendationsOf` has no entry). */
  recommendationsOf: Record<string, S2PaperJson[]>;
  /** Bare arXiv id → paperId. */
  arxivToPaperId: Record<string, string>;
  /** `from=recent` pool; an empty list reproduces S2's empty recent pool for older papers. */
  recentRecommendationsOf?: Record<string, S2PaperJson[]>;
  /**
   * Paper → its reference edges as `/paper/{id}/references` lists them (contexts, intents, influence;
   * `citedPaper.paperId` null for entries S2 could not resolve). Papers without an entry are served
   * from `referencesOf`, with empty contexts.
   */
  referenceEdgesOf?: Record<string, S2ReferenceEdgeJson[]>;
}

export interface SampleResponse {
  status: number;
  headers: Record<string, string>;
  /** JSON text, ready for `route.fulfill({ body })` or `new Response(body)`. */
  body: string;
}

export type SemanticScholarResponder = (method: string, url: string, body?: unknown) => SampleResponse;

const PAPER_FIELDS = new Set([
  'paperId', 'corpusId', 'externalIds', 'url', 'title', 'abstract', 'venue', 'publicationVenue', 'year', 'referenceCount',
  'citationCount', 'influentialCitationCount', 'isOpenAccess', 'openAccessPdf', 'fieldsOfStudy', 's2FieldsOfStudy',
  'publicationTypes', 'publicationDate', 'journal', 'authors', 'tldr', 'citations', 'references', 'embedding', 'citationStyles',
]);
const EDGE_FIELDS = new Set(['contexts', 'intents', 'contextsWithIntent', 'isInfluential']);
/** Refused by S2 on edges and recommendations ("Unrecognized or unsupported fields: [tldr]"). */
const NOT_ON_LISTS = new Set(['tldr', 'citations', 'references', 'embedding']);

const MAX_EDGE_LIMIT = 1_000;
const EDGE_WINDOW = 10_000;
const MAX_BATCH = 500;
const MAX_RECOMMENDATIONS = 500;
const MAX_RESPONSE_BYTES = 10 * 1024 * 1024;
const EMBEDDED_LIST_CAP = 1_000;

const JSON_HEADERS = { 'content-type': 'application/json', 'access-control-allow-origin': '*' };

/**
 * Answers S2-shaped requests the way the real API does, including its refusals: versioned arXiv ids
 * 404, `tldr` on edges 400s, `limit` over 1,000 and windows past 10,000 400, batches over 500 ids
 * 400, responses over 10 MB 400 — so a client bug shows up against the sample too.
 */
export function createSemanticScholarResponder(dataset: SemanticScholarDataset): SemanticScholarResponder {
  const byCorpusId = new Map<number, string>();
  for (const paper of Object.values(dataset.papers)) {
    if (typeof paper.corpusId === 'number') byCorpusId.set(paper.corpusId, paper.paperId);
  }

  function resolve(rawId: string): string | null {
    const id = rawId.trim();
    const prefixed = /^([A-Za-z]+):(.+)$/.exec(id);
    if (prefixed) {
      const [, scheme = '', value = ''] = prefixed;
      switch (scheme.toUpperCase()) {
        case 'ARXIV':
          // S2 only knows bare ids: `ARXIV:1706.03762v1` is a 404 (blazickjp/arxiv-mcp-server#211).
          return dataset.arxivToPaperId[value] ?? null;
        case 'CORPUSID':
          return byCorpusId.get(Number(value)) ?? null;
        default:
          return null;
      }
    }
    return dataset.papers[id] ? id : null;
  }

  function project(paperId: string, fields: string[], fallback?: S2PaperJson): Record<string, unknown> | null {
    const paper = dataset.papers[paperId] ?? fallback;
    if (!paper) return null;
    const out: Record<string, unknown> = { paperId };
    const nested = new Map<string, string[]>();
    for (const field of fields) {
      const [head = '', sub] = field.split('.', 2);
      if (head === 'citations' || head === 'references') {
        const list = nested.get(head) ?? [];
        if (sub) list.push(sub);
        nested.set(head, list);
        continue;
      }
      if (head === 'paperId') continue;
      out[head] = (paper as Record<string, unknown>)[head] ?? null;
    }
    for (const [head, subFields] of nested) {
      const ids =
        head === 'references'
          ? (dataset.referencesOf[paperId] ?? [])
          : (dataset.citationsOf[paperId] ?? []).map((edge) => edge.citingPaper.paperId);
      out[head] = ids.slice(0, EMBEDDED_LIST_CAP).map((id) => project(id, subFields.length ? subFields : ['title']) ?? { paperId: id, title: null });
    }
    return out;
  }

  function edges(targetId: string, direction: 'citations' | 'references', query: URLSearchParams): SampleResponse {
    const fields = splitFields(query.get('fields'));
    const unsupported = fields.filter((field) => {
      const bare = field.replace(/^(citingPaper|citedPaper)\./, '');
      return !EDGE_FIELDS.has(bare) && (!PAPER_FIELDS.has(bare) || NOT_ON_LISTS.has(bare));
    });
    if (unsupported.length) return error(400, `Unrecognized or unsupported fields: [${unsupported.join(', ')}]`);
    const offset = integerParam(query.get('offset'), 0);
    const limit = integerParam(query.get('limit'), 100);
    if (offset === null || limit === null || offset < 0 || limit < 0) return error(400, 'Unacceptable query params: [offset, limit]');
    if (limit > MAX_EDGE_LIMIT) return error(400, `Limit must be <= ${MAX_EDGE_LIMIT}`);
    if (offset + limit >= EDGE_WINDOW) return error(400, `offset + limit must be < ${EDGE_WINDOW}`);

    const edgeFields = fields.filter((field) => EDGE_FIELDS.has(field));
    const paperFields = fields.filter((field) => !EDGE_FIELDS.has(field)).map((field) => field.replace(/^(citingPaper|citedPaper)\./, ''));
    const nestedKey = direction === 'citations' ? 'citingPaper' : 'citedPaper';
    const referenceEdges = direction === 'references' ? dataset.referenceEdgesOf?.[targetId] : undefined;
    const all: { paperId: string | null; edge: Partial<S2CitationEdgeJson> | S2ReferenceEdgeJson; title?: string | null }[] =
      direction === 'citations'
        ? (dataset.citationsOf[targetId] ?? []).map((edge) => ({ paperId: edge.citingPaper.paperId, edge }))
        : referenceEdges
          ? referenceEdges.map((edge) => ({ paperId: edge.citedPaper.paperId ?? null, edge, title: edge.citedPaper.title ?? null }))
          : (dataset.referencesOf[targetId] ?? []).map((paperId) => ({ paperId, edge: {} }));
    const data = all.slice(offset, offset + limit).map(({ paperId, edge, title }) => {
      const row: Record<string, unknown> = {};
      for (const field of edgeFields) row[field] = (edge as Record<string, unknown>)[field] ?? (field === 'isInfluential' ? false : []);
      const fallback = 'citingPaper' in edge ? edge.citingPaper : undefined;
      // An unresolved reference comes back with paperId null and its title, as S2 sends it.
      const projected = paperId ? project(paperId, paperFields.length ? paperFields : ['title'], fallback) : null;
      row[nestedKey] = projected ?? { paperId: null, title: title ?? null };
      return row;
    });
    const page: Record<string, unknown> = { offset };
    if (offset + limit < all.length) page.next = offset + limit;
    page.data = data;
    return json(200, page);
  }

  function paper(rawId: string, query: URLSearchParams): SampleResponse {
    const fields = query.has('fields') ? splitFields(query.get('fields')) : ['title'];
    const unknown = fields.filter((field) => !PAPER_FIELDS.has(field.split('.')[0] ?? ''));
    if (unknown.length) return error(400, `Unrecognized or unsupported fields: [${unknown.join(', ')}]`);
    const paperId = resolve(rawId);
    const found = paperId ? project(paperId, fields) : null;
    return found ? json(200, found) : error(404, `Paper with id ${rawId} not found`);
  }

  function batch(query: URLSearchParams, body: unknown): SampleResponse {
    const fields = query.has('fields') ? splitFields(query.get('fields')) : ['title'];
    const unknown = fields.filter((field) => !PAPER_FIELDS.has(field.split('.')[0] ?? ''));
    if (unknown.length) return error(400, `Unrecognized or unsupported fields: [${unknown.join(', ')}]`);
    const parsed = typeof body === 'string' ? safeJson(body) : body;
    const ids = isRecord(parsed) && Array.isArray(parsed.ids) ? parsed.ids : null;
    if (!ids || !ids.every((id) => typeof id === 'string')) return error(400, 'Body must be {"ids": [string, …]}');
    if (ids.length > MAX_BATCH) return error(400, `Cannot process more than ${MAX_BATCH} ids`);
    return json(
      200,
      ids.map((id: string) => {
        const paperId = resolve(id);
        return paperId ? project(paperId, fields) : null;
      }),
    );
  }

  function recommendations(rawId: string, query: URLSearchParams): SampleResponse {
    const fields = query.has('fields') ? splitFields(query.get('fields')) : ['title'];
    const refused = fields.filter((field) => !PAPER_FIELDS.has(field) || NOT_ON_LISTS.has(field));
    if (refused.length) return error(400, `Unrecognized or unsupported fields: [${refused.join(', ')}]`);
    const limit = integerParam(query.get('limit'), 100);
    if (limit === null || limit < 0 || limit > MAX_RECOMMENDATIONS) return error(400, `Limit must be <= ${MAX_RECOMMENDATIONS}`);
    const pool = query.get('from') ?? 'recent';
    if (pool !== 'recent' && pool !== 'all-cs') return error(400, 'Unacceptable query params: [from]');
    const paperId = resolve(rawId);
    if (!paperId) return error(404, `Paper with id ${rawId} not found`);
    const list =
      pool === 'recent'
        ? (dataset.recentRecommendationsOf?.[paperId] ?? dataset.recommendationsOf[paperId] ?? [])
        : (dataset.recommendationsOf[paperId] ?? []);
    const recommendedPapers = list.slice(0, limit).map((paper) => project(paper.paperId, fields, paper));
    return json(200, { recommendedPapers });
  }

  return (method, url, body) => {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      return error(400, 'Bad URL');
    }
    const path = parsed.pathname;
    const verb = method.toUpperCase();
    if (path === '/graph/v1/paper/batch') {
      return verb === 'POST' ? batch(parsed.searchParams, body) : error(405, 'Method Not Allowed');
    }
    const forPaper = /^\/recommendations\/v1\/papers\/forpaper\/(.+)$/.exec(path);
    if (forPaper?.[1] && verb === 'GET') return recommendations(decodeURIComponent(forPaper[1]), parsed.searchParams);
    const edgeList = /^\/graph\/v1\/paper\/(.+)\/(citations|references)$/.exec(path);
    if (edgeList?.[1] && verb === 'GET') {
      const targetId = resolve(decodeURIComponent(edgeList[1]));
      if (!targetId) return error(404, `Paper with id ${decodeURIComponent(edgeList[1])} not found`);
      return edges(targetId, edgeList[2] === 'citations' ? 'citations' : 'references', parsed.searchParams);
    }
    const single = /^\/graph\/v1\/paper\/(.+)$/.exec(path);
    if (single?.[1] && verb === 'GET') return paper(decodeURIComponent(single[1]), parsed.searchParams);
    return error(404, 'Not Found');
  };
}

/** A FetchLike over a responder: the offline demo's and tests' stand-in for the network. */
export function createResponderFetch(responder: SemanticScholarResponder): FetchLike {
  return async (url, init) => {
    const answer = responder(init.method ?? 'GET', url, init.body ?? null);
    return toFetchResponse(answer);
  };
}

export function toFetchResponse(answer: SampleResponse): FetchResponseLike {
  const headers = new Map(Object.entries(answer.headers).map(([name, value]) => [name.toLowerCase(), value]));
  return {
    status: answer.status,
    headers: { get: (name: string) => headers.get(name.toLowerCase()) ?? null },
    text: async () => answer.body,
  };
}

function json(status: number, value: unknown): SampleResponse {
  const body = JSON.stringify(value);
  if (status === 200 && body.length > MAX_RESPONSE_BYTES) return error(400, 'Response would exceed maximum size of 10 MB');
  return { status, headers: { ...JSON_HEADERS }, body };
}

function error(status: number, message: string): SampleResponse {
  return { status, headers: { ...JSON_HEADERS }, body: JSON.stringify({ error: message }) };
}

function splitFields(value: string | null): string[] {
  return (value ?? '')
    .split(',')
    .map((field) => field.trim())
    .filter(Boolean);
}

function integerParam(value: string | null, fallback: number): number | null {
  if (value === null || value === '') return fallback;
  return /^\d+$/.test(value) ? Number(value) : null;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
