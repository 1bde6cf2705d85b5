import { describe, expect, it } from 'vitest';
import { createScheduler } from '../../lib/sources/scheduler';
import { createSemanticScholarClient } from '../../lib/sources/semanticScholar/client';
import {
  createResponderFetch,
  createSemanticScholarResponder,
  generateLargeDataset,
  type SemanticScholarDataset,
} from '../../lib/sources/semanticScholar/sampleServer';
import { SourceError, type CitationSource } from '../../lib/sources/types';
import type { Citation } from '../../lib/domain/citation';

const ARXIV_ID = '2106.15928';
const large = generateLargeDataset({ arxivId: ARXIV_ID, citations: 5_000, seed: 11 });
const targetId = large.arxivToPaperId[ARXIV_ID] as string;

function clientOver(dataset: SemanticScholarDataset): { client: CitationSource; urls: string[] } {
  let now = 0;
  const scheduler = createScheduler({ now: () => now, sleep: async (ms) => void (now += ms) });
  const responderFetch = createResponderFetch(createSemanticScholarResponder(dataset));
  const urls: string[] = [];
  const fetch: typeof responderFetch = (url, init) => (urls.push(url), responderFetch(url, init));
  return { client: createSemanticScholarClient({ fetch, scheduler }), urls };
}

async function allCitations(client: CitationSource, paperId: string, limit = 1_000): Promise<{ citations: Citation[]; dropped: number; pages: number }> {
  const citations: Citation[] = [];
  let dropped = 0;
  let pages = 0;
  for (let offset: number | null = 0; offset !== null; pages++) {
    const page = await client.getCitationsPage(paperId, offset, limit);
    citations.push(...page.citations);
    dropped += page.dropped;
    offset = page.next;
  }
  return { citations, dropped, pages };
}

describe('generateLargeDataset', () => {
  it('is deterministic for a seed and different across seeds', () => {
    const small = (seed: number) => JSON.stringify(generateLargeDataset({ arxivId: ARXIV_ID, citations: 800, seed }));
    expect(small(11)).toBe(small(11));
    expect(small(12)).not.toBe(small(11));
    // The large one too, checked cheaply: same ids in the same order.
    const again = generateLargeDataset({ arxivId: ARXIV_ID, citations: 5_000, seed: 11 });
    const ids = (dataset: SemanticScholarDataset) => (dataset.citationsOf[dataset.arxivToPaperId[ARXIV_ID] as string] ?? []).map((edge) => edge.citingPaper.paperId);
    expect(ids(again)).toEqual(ids(large));
  });

  it('looks like a real citation neighbourhood', () => {
    const edges = large.citationsOf[targetId] ?? [];
    expect(edges).toHaveLength(5_000);
    expect(new Set(edges.map((edge) => edge.citingPaper.paperId)).size).toBe(5_000);
    const withContexts = edges.filter((edge) => (edge.contexts ?? []).length > 0).length / edges.length;
    expect(withContexts).toBeGreaterThan(0.6);
    expect(withContexts).toBeLessThan(0.75);
    const intents = new Set(edges.flatMap((edge) => edge.intents ?? []));
    expect([...intents].sort()).toEqual(['background', 'methodology', 'result']);
    const influential = edges.filter((edge) => edge.isInfluential).length / edges.length;
    expect(influential).toBeGreaterThan(0.03);
    expect(influential).toBeLessThan(0.25);
    // Every citing paper references the target, plus works from the shared pool.
    for (const edge of edges.slice(0, 200)) expect(large.referencesOf[edge.citingPaper.paperId]?.[0]).toBe(targetId);
    // Newest first, as S2 lists them.
    const years = edges.map((edge) => edge.citingPaper.year ?? 0);
    expect(years).toEqual([...years].sort((a, b) => b - a));
    expect(Math.min(...years)).toBeGreaterThanOrEqual(2021);
  });
});

describe('client ↔ sample responder round trip', () => {
  it('serves the 5,000-citation paper through the real client', async () => {
    const { client, urls } = clientOver(large);
    const paper = await client.getPaper(`${ARXIV_ID}v2`);
    expect(paper.paperId).toBe(targetId);
    expect(paper.citationCount).toBe(5_000);
    expect(paper.arxivId).toBe(ARXIV_ID);
    expect(paper.tldr).toBeTruthy();

    const { citations, dropped, pages } = await allCitations(client, targetId);
    expect([citations.length, dropped, pages]).toEqual([5_000, 0, 5]);
    const source = large.citationsOf[targetId] ?? [];
    expect(citations.map((citation) => citation.citing.paperId)).toEqual(source.map((edge) => edge.citingPaper.paperId));
    // Sentences keep the per-sentence intents the dataset gave them.
    const sample = source.find((edge) => (edge.contextsWithIntent ?? []).length > 1);
    const mapped = citations.find((citation) => citation.citing.paperId === sample?.citingPaper.paperId);
    expect(mapped?.sentences.map((sentence) => sentence.text)).toEqual(sample?.contextsWithIntent?.map((entry) => entry.context));
    // TL;DR is not served on edges (the client never asks for it there).
    expect(citations.every((citation) => citation.citing.tldr === undefined)).toBe(true);
    expect(urls.some((url) => url.includes('/citations') && url.includes('tldr'))).toBe(false);
  });

  it('serves the citing-paper batch with TL;DRs and reference lists, and co-cited metadata', async () => {
    const { client } = clientOver(large);
    const ids = (large.citationsOf[targetId] ?? []).slice(0, 700).map((edge) => edge.citingPaper.paperId);
    const records = await client.getCitingBatch([...ids, 'unknown-id']);
    expect(records).toHaveLength(701);
    expect(records[700]).toBeNull();
    expect(records.slice(0, 700).every((record) => record?.referenceIds.includes(targetId))).toBe(true);
    const tldrShare = records.filter((record) => record?.paper.tldr).length / 700;
    expect(tldrShare).toBeGreaterThan(0.6);

    const coCited = [...new Set(records.flatMap((record) => record?.referenceIds ?? []).filter((id) => id !== targetId))].slice(0, 20);
    const papers = await client.getPapers(coCited);
    expect(papers.every((paper) => paper !== null && paper.title.length > 0)).toBe(true);
  });

  it('serves both recommendation pools, and an empty recent pool when the dataset says so', async () => {
    const { client } = clientOver(large);
    const all = await client.getRecommendations(targetId, 'all-cs', 100);
    const recent = await client.getRecommendations(targetId, 'recent', 100);
    expect(all).toHaveLength(40);
    expect(recent.length).toBeLessThan(all.length);
    expect(recent.every((paper) => (paper.year ?? 0) >= 2024)).toBe(true);

    const emptyRecent = clientOver({ ...large, recentRecommendationsOf: { [targetId]: [] } });
    expect(await emptyRecent.client.getRecommendations(targetId, 'recent', 100)).toEqual([]);
  });

  it('lists at most 9,999 citations of a bigger paper, as S2 does', async () => {
    const huge = generateLargeDataset({ arxivId: '1706.03762', citations: 10_400, seed: 3, coCitedPool: 20, recommendations: 0 });
    const { client, urls } = clientOver(huge);
    const { citations, pages } = await allCitations(client, huge.arxivToPaperId['1706.03762'] as string);
    expect(citations).toHaveLength(9_999);
    // 10 requests (the last asks for 999); the 11th "page" is answered locally.
    expect(pages).toBe(11);
    expect(urls).toHaveLength(10);
  });
});

describe('sample responder refuses what S2 refuses', () => {
  const respond = createSemanticScholarResponder(large);
  const graph = 'https://api.semanticscholar.org/graph/v1';

  it.each([
    ['a versioned arXiv id', 'GET', `${graph}/paper/ARXIV:${ARXIV_ID}v1?fields=title`, 404],
    ['tldr on citations', 'GET', `${graph}/paper/${targetId}/citations?fields=title,tldr`, 400],
    ['a limit over 1,000', 'GET', `${graph}/paper/${targetId}/citations?fields=title&limit=1001`, 400],
    ['a window past 10,000', 'GET', `${graph}/paper/${targetId}/citations?fields=title&offset=9500&limit=500`, 400],
    ['an unknown field', 'GET', `${graph}/paper/${targetId}?fields=title,bogus`, 400],
    ['tldr on recommendations', 'GET', `https://api.semanticscholar.org/recommendations/v1/papers/forpaper/${targetId}?fields=title,tldr`, 400],
    ['an unknown paper', 'GET', `${graph}/paper/ffffffffffffffffffffffffffffffffffffffff?fields=title`, 404],
  ])('%s → %i', (_label, method, url, status) => {
    expect(respond(method, url).status).toBe(status);
  });

  it('refuses batches over 500 ids and keeps null slots for unknown ids', () => {
    const tooMany = respond('POST', `${graph}/paper/batch?fields=title`, JSON.stringify({ ids: Array.from({ length: 501 }, () => targetId) }));
    expect(tooMany.status).toBe(400);
    const mixed = respond('POST', `${graph}/paper/batch?fields=title`, { ids: ['nope', targetId] });
    const body = JSON.parse(mixed.body) as unknown[];
    expect(body[0]).toBeNull();
    expect(body[1]).toMatchObject({ paperId: targetId });
  });

  it('omits `next` on the last page and projects only the requested fields', () => {
    const last = JSON.parse(respond('GET', `${graph}/paper/${targetId}/citations?fields=title,isInfluential&offset=4900&limit=100`).body) as {
      offset: number;
      next?: number;
      data: Record<string, unknown>[];
    };
    expect(last.next).toBeUndefined();
    expect(last.data).toHaveLength(100);
    expect(Object.keys(last.data[0] ?? {}).sort()).toEqual(['citingPaper', 'isInfluential']);
    expect(Object.keys((last.data[0]?.citingPaper ?? {}) as object).sort()).toEqual(['paperId', 'title']);
  });

  it('is usable through the client for error kinds too', async () => {
    const { client } = clientOver(large);
    const error = await client.getPaper('2601.00001').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SourceError);
    expect((error as SourceError).kind).toBe('not-found');
  });
});
