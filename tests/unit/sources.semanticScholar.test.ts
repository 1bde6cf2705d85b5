import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createScheduler } from '../../lib/sources/scheduler';
import {
  CITATION_FIELDS,
  CITING_BATCH_FIELDS,
  PAPER_FIELDS,
  RECOMMENDATION_FIELDS,
  createSemanticScholarClient,
} from '../../lib/sources/semanticScholar/client';
import { SourceError, type CitationSource } from '../../lib/sources/types';
import { createFakeFetch, type FakeAnswer, type FakeFetch, type RecordedRequest, type StoredInteraction, type StoredResponse } from '../../lib/sources/testing/fakeFetch';
import { REPO_ROOT, S2_FIXTURES } from '../paths';
import { CitationSchema } from '../../lib/domain/citation';
import { PaperSchema } from '../../lib/domain/paper';

const CONSTRUCTED = resolve(REPO_ROOT, 'tests', 'fixtures', 's2-constructed');

function readJson(path: string): unknown {
  return JSON.parse(readFileSync(path, 'utf8'));
}
function interactions(dir: string, name: string): StoredInteraction[] {
  return (readJson(resolve(dir, name)) as { interactions: StoredInteraction[] }).interactions;
}
function firstResponse(dir: string, name: string): StoredResponse {
  const first = interactions(dir, name)[0];
  if (!first) throw new Error(`${name} is empty`);
  return first.response;
}
const ok = (body: unknown): StoredResponse => ({ status: 200, headers: { 'content-type': 'application/json' }, body });

const FULL_PAPER = readJson(resolve(S2_FIXTURES, 'Paper.json')) as Record<string, unknown>;
const NULL_PAPER = readJson(resolve(S2_FIXTURES, 'PaperWithNullValues.json'));
const CITATION_EDGE = readJson(resolve(S2_FIXTURES, 'Citation.json')) as Record<string, unknown>;
const CITATION_PAGES = interactions(S2_FIXTURES, 'test_get_paper_citations.json');

/** A client whose waits cost nothing: the clock jumps forward on every sleep. */
function clientFor(handler: (request: RecordedRequest, index: number) => FakeAnswer, apiKey?: () => string | undefined): { client: CitationSource; fetch: FakeFetch } {
  let now = 0;
  const scheduler = createScheduler({ now: () => now, sleep: async (ms) => void (now += ms), random: () => 0.5 });
  const fetch = createFakeFetch(handler);
  return { client: createSemanticScholarClient({ fetch, scheduler, apiKey }), fetch };
}

function params(request: RecordedRequest | undefined): URLSearchParams {
  if (!request) throw new Error('no request was made');
  return new URL(request.url).searchParams;
}

async function sourceErrorOf(promise: Promise<unknown>): Promise<SourceError> {
  const outcome = await promise.then(
    () => null,
    (error: unknown) => error,
  );
  if (!(outcome instanceof SourceError)) throw new Error(`expected a SourceError, got ${String(outcome)}`);
  return outcome;
}

describe('Semantic Scholar client: target paper', () => {
  it('asks for the bare arXiv id with the full field list, whatever version or prefix it is given', async () => {
    const { client, fetch } = clientFor(() => ok(FULL_PAPER));
    await client.getPaper('2106.15928v3');
    await client.getPaper('arXiv:2106.15928');
    await client.getPaper('math.GT/0309136v2');
    const paths = fetch.requests.map((request) => new URL(request.url).pathname);
    expect(paths).toEqual([
      '/graph/v1/paper/ARXIV:2106.15928',
      '/graph/v1/paper/ARXIV:2106.15928',
      '/graph/v1/paper/ARXIV:math/0309136',
    ]);
    expect(params(fetch.requests[0]).get('fields')?.split(',')).toEqual([...PAPER_FIELDS]);
  });

  it('maps the recorded full paper to the domain paper', async () => {
    const { client } = clientFor(() => ok(FULL_PAPER));
    const paper = await client.getPaper('2106.15928');
    expect(paper).toMatchObject({
      paperId: '2d5673caa9e6af3a7b82a43f19ee920992db07ad',
      title: 'Computing Machinery and Intelligence',
      authors: ['A. Turing'],
      doi: '10.1093/MIND/LIX.236.433',
      corpusId: 14636783,
      year: 1950,
      venue: 'The Philosophy of Artificial Intelligence',
      publicationDate: '1950-10-01',
      citationCount: 10059,
      influentialCitationCount: 530,
      referenceCount: 14,
      url: 'https://www.semanticscholar.org/paper/2d5673caa9e6af3a7b82a43f19ee920992db07ad',
    });
    expect(PaperSchema.safeParse(paper).success).toBe(true);
    expect(paper.tldr).toMatch(/^If the meaning of the words “machine” and “think”/);
    expect(paper.abstract).toMatch(/^I propose to consider the question/);
    // openAccessPdf is null and there is no ArXiv external id in this record.
    expect(paper.openAccessPdfUrl).toBeUndefined();
    expect(paper.arxivId).toBeUndefined();
  });

  it('takes the arXiv id and the open-access PDF from the record when present', async () => {
    const record = { ...FULL_PAPER, externalIds: { ArXiv: '2106.15928', DOI: '10.1/x' }, openAccessPdf: { url: 'https://arxiv.org/pdf/2106.15928', status: null } };
    const { client } = clientFor(() => ok(record));
    const paper = await client.getPaper('2106.15928');
    expect([paper.arxivId, paper.doi, paper.openAccessPdfUrl]).toEqual(['2106.15928', '10.1/x', 'https://arxiv.org/pdf/2106.15928']);
  });

  it('accepts the recorded paper whose optional fields are all null', async () => {
    const { client } = clientFor(() => ok(NULL_PAPER));
    expect(await client.getPaper('2106.15928')).toEqual({ paperId: '2d5673caa9e6af3a7b82a43f19ee920992db07ad', title: '', authors: [] });
  });

  it('reports the recorded 404 as not-found and a paper without paperId as malformed', async () => {
    const notFound = clientFor(() => firstResponse(S2_FIXTURES, 'test_not_found.json'));
    expect((await sourceErrorOf(notFound.client.getPaper('2601.00001'))).kind).toBe('not-found');
    const noId = clientFor(() => ok({ title: 'no id' }));
    expect((await sourceErrorOf(noId.client.getPaper('2601.00001'))).kind).toBe('malformed');
    const wrongType = clientFor(() => ok({ ...FULL_PAPER, year: '1950' }));
    expect((await sourceErrorOf(wrongType.client.getPaper('2601.00001'))).kind).toBe('malformed');
  });

  it('sends x-api-key only when the user set one, and reads it at request time', async () => {
    let key: string | undefined;
    const { client, fetch } = clientFor(() => ok(FULL_PAPER), () => key);
    await client.getPaper('2106.15928');
    key = '  ';
    await client.getPaper('2106.15928');
    key = 'user-key-1';
    await client.getPaper('2106.15928');
    expect(fetch.requests.map((request) => request.headers['x-api-key'])).toEqual([undefined, undefined, 'user-key-1']);
    expect(fetch.requests.every((request) => !request.url.includes('user-key-1'))).toBe(true);
  });
});

describe('Semantic Scholar client: error responses end in the right SourceError', () => {
  it.each([
    ['403.json', 'forbidden', 1],
    ['200-html.json', 'malformed', 1],
    ['200-only-error.json', 'malformed', 1],
    ['400-tldr-on-citations.json', 'bad-request', 1],
    ['500.json', 'server', 4],
    ['502-html.json', 'server', 4],
    ['429-no-headers.json', 'rate-limited', 8],
    ['429-html.json', 'rate-limited', 8],
  ])('%s → %s after %i attempt(s)', async (name, kind, attempts) => {
    const { client, fetch } = clientFor(() => firstResponse(CONSTRUCTED, name));
    const error = await sourceErrorOf(client.getCitationsPage('abc', 0, 100));
    expect(error.kind).toBe(kind);
    expect(fetch.requests).toHaveLength(attempts);
    if (kind === 'rate-limited') expect(error.retryAt).toEqual(expect.any(Number));
  });

  it('reports a dead network as offline without retrying', async () => {
    const { client, fetch } = clientFor(() => 'network-error');
    expect((await sourceErrorOf(client.getRecommendations('abc', 'recent', 10))).kind).toBe('offline');
    expect(fetch.requests).toHaveLength(1);
  });
});

describe('Semantic Scholar client: citation pages', () => {
  it('pages through the 19 recorded pages and stops where `next` is missing', async () => {
    const byOffset = new Map(CITATION_PAGES.map((page) => [new URL(page.request.url).searchParams.get('offset'), page.response]));
    const { client, fetch } = clientFor((request) => byOffset.get(params(request).get('offset')) ?? { status: 404, body: { error: 'no such page' } });
    let offset: number | null = 0;
    let kept = 0;
    let dropped = 0;
    let pages = 0;
    while (offset !== null) {
      const page = await client.getCitationsPage('CorpusID:14514057', offset, 100);
      kept += page.citations.length;
      dropped += page.dropped;
      offset = page.next;
      pages++;
    }
    expect(pages).toBe(19);
    expect(kept + dropped).toBe(18 * 100 + 81);
    // The recording has 8 citing papers S2 could not resolve (`citingPaper.paperId: null`).
    expect(dropped).toBe(8);
    for (const request of fetch.requests) {
      expect(request.url).not.toMatch(/tldr/);
      expect(Number(params(request).get('limit'))).toBeLessThanOrEqual(1_000);
      expect(params(request).get('fields')?.split(',')).toEqual([...CITATION_FIELDS]);
    }
  });

  it('turns the recorded citation edge into sentences with their own intents', async () => {
    const { client } = clientFor(() => ok({ offset: 0, data: [CITATION_EDGE] }));
    const page = await client.getCitationsPage('abc', 0, 100);
    const [citation] = page.citations;
    expect(citation?.isInfluential).toBe(true);
    expect(citation?.intents).toEqual(['background', 'methodology', 'result']);
    expect(citation?.sentences.map((sentence) => sentence.sourceIntents)).toEqual([['methodology'], ['methodology'], ['result'], ['background']]);
    expect(citation?.sentences[0]?.text).toBe('RP is implemented by fixing the release position at a fixed angle of 45◦ as in [4].');
    expect(citation?.citing).toMatchObject({
      paperId: 'bdcbc589c8d1e4dd0c6572630f8511557406ad2f',
      title: 'Learning to Throw With a Handful of Samples Using Decision Transformers',
      doi: '10.1109/LRA.2022.3229266',
      authors: ['M. Monastirsky', 'Osher Azulay', 'A. Sintov'],
      year: 2023,
    });
  });

  it('falls back to plain contexts (no intents) and rebuilds edge intents when S2 left them out', async () => {
    const contextsOnly = { contexts: ['First use [3].', 'First use [3].', 'Second use [3].'], intents: ['methodology'], citingPaper: { paperId: 'p1' } };
    const noEdgeIntents = { contextsWithIntent: [{ context: 'We build on [3].', intents: ['methodology', 'method'] }], citingPaper: { paperId: 'p2' } };
    const noContexts = { contexts: [], intents: [], contextsWithIntent: [], isInfluential: false, citingPaper: { paperId: 'p3', title: 'T' } };
    const { client } = clientFor(() => ok({ offset: 0, data: [contextsOnly, noEdgeIntents, noContexts] }));
    const [first, second, third] = (await client.getCitationsPage('abc', 0, 100)).citations;
    expect(first?.sentences).toEqual([
      { text: 'First use [3].', sourceIntents: [] },
      { text: 'Second use [3].', sourceIntents: [] },
    ]);
    expect(first?.intents).toEqual(['methodology']);
    // "method" is not an S2 label and is ignored.
    expect(second?.intents).toEqual(['methodology']);
    expect(second?.isInfluential).toBe(false);
    expect(third?.sentences).toEqual([]);
  });

  it('drops and counts bad rows without losing the page', async () => {
    const rows = [
      CITATION_EDGE,
      { citingPaper: null },
      {},
      { citingPaper: { paperId: 5 } },
      { contexts: 'not a list', citingPaper: { paperId: 'x' } },
      { isInfluential: 'yes', citingPaper: { paperId: 'y' } },
      { citingPaper: { paperId: null, title: 'unresolved' } },
      'garbage',
      null,
      { citingPaper: { paperId: 'ok-2', title: null, authors: null } },
    ];
    const { client } = clientFor(() => ok({ offset: 0, next: 100, data: rows }));
    const page = await client.getCitationsPage('abc', 0, 100);
    expect(page.citations.map((citation) => citation.citing.paperId)).toEqual(['bdcbc589c8d1e4dd0c6572630f8511557406ad2f', 'ok-2']);
    expect(page.dropped).toBe(8);
    expect(page.next).toBe(100);
  });

  it('keeps going past an early empty page that still has `next` (s2-folks#117)', async () => {
    const { client } = clientFor(() => ok({ offset: 200, next: 300, data: [] }));
    expect(await client.getCitationsPage('abc', 200, 100)).toEqual({ offset: 200, next: 300, citations: [], dropped: 0 });
  });

  it('treats a page without data or next as the empty end, and a non-advancing next as the end', async () => {
    const empty = clientFor(() => firstResponse(S2_FIXTURES, 'test_empty_paginated_results.json'));
    expect(await empty.client.getCitationsPage('abc', 0, 100)).toEqual({ offset: 0, next: null, citations: [], dropped: 0 });
    const stuck = clientFor(() => ok({ offset: 100, next: 100, data: [] }));
    expect((await stuck.client.getCitationsPage('abc', 100, 100)).next).toBeNull();
  });

  it('clamps limit to 1,000 and keeps offset + limit within the 9,999 ceiling', async () => {
    const { client, fetch } = clientFor(() => ok({ offset: 0, data: [] }));
    await client.getCitationsPage('abc', 0, 5_000);
    await client.getCitationsPage('abc', 9_500, 1_000);
    await client.getCitationsPage('abc', 0, 0);
    expect(fetch.requests.map((request) => [params(request).get('offset'), params(request).get('limit')])).toEqual([
      ['0', '1000'],
      ['9500', '499'],
      ['0', '1'],
    ]);
    // At the ceiling nothing more can be listed: an empty last page, no request.
    expect(await client.getCitationsPage('abc', 9_999, 100)).toEqual({ offset: 9_999, next: null, citations: [], dropped: 0 });
    expect(fetch.requests).toHaveLength(3);
  });

  it.each([
    ['a JSON array', ok([])],
    ['data that is not a list', ok({ offset: 0, data: { a: 1 } })],
    ['a string next', ok({ offset: 0, next: '100', data: [] })],
    ['truncated JSON', { status: 200, body: '{"offset":0,"next":100,"data":[{"citingPaper":{"paperId":"a' }],
    ['an HTML page', { status: 200, headers: { 'content-type': 'text/html' }, body: '<html>maintenance</html>' }],
  ] as [string, StoredResponse][])('rejects %s as malformed', async (_label, response) => {
    const { client } = clientFor(() => response);
    expect((await sourceErrorOf(client.getCitationsPage('abc', 0, 100))).kind).toBe('malformed');
  });
});

describe('Semantic Scholar client: batch', () => {
  it('keeps the recorded null slot in place and asks for full metadata with TL;DR for co-cited works', async () => {
    const recorded = interactions(S2_FIXTURES, 'test_get_papers_return_not_found.json')[0] as StoredInteraction;
    const ids = (recorded.request.body as { ids: string[] }).ids;
    const { client, fetch } = clientFor(() => recorded.response);
    const papers = await client.getPapers(ids);
    expect(papers).toHaveLength(4);
    expect(papers[0]).toBeNull();
    expect(papers[1]?.title).toBe('How Much Should We Trust Differences-in-Differences Estimates?');
    expect(papers[1]?.authors).toEqual(['Marianne Bertrand', 'E. Duflo', 'S. Mullainathan']);
    const request = fetch.requests[0];
    expect(request?.method).toBe('POST');
    expect(request?.body).toEqual({ ids });
    expect(params(request).get('fields')?.split(',')).toEqual([...PAPER_FIELDS]);
  });

  it('returns TL;DR and resolved, de-duplicated reference ids for citing papers', async () => {
    const record = {
      paperId: 'c1',
      title: 'A citing paper',
      tldr: { model: 'tldr@v2.0.0', text: 'It cites things.' },
      references: [{ paperId: 'r1' }, { paperId: null }, { paperId: 'r1' }, { paperId: 'r2' }, null],
    };
    const { client, fetch } = clientFor(() => ok([record, null, { title: 'no id' }]));
    const records = await client.getCitingBatch(['c1', 'unknown', 'broken']);
    expect(records[0]?.paper.tldr).toBe('It cites things.');
    expect(records[0]?.referenceIds).toEqual(['r1', 'r2']);
    expect(records.slice(1)).toEqual([null, null]);
    expect(params(fetch.requests[0]).get('fields')?.split(',')).toEqual([...CITING_BATCH_FIELDS]);
  });

  it('never posts more than 500 ids, and keeps the order across chunks', async () => {
    const ids = Array.from({ length: 1_203 }, (_, index) => `p${index}`);
    const { client, fetch } = clientFor((request) => ok((request.body as { ids: string[] }).ids.map((paperId) => ({ paperId, title: paperId }))));
    const papers = await client.getPapers(ids);
    expect(fetch.requests.map((request) => (request.body as { ids: string[] }).ids.length)).toEqual([500, 500, 203]);
    expect(papers.map((paper) => paper?.paperId)).toEqual(ids);
  });

  it('splits a batch S2 refuses as too large until it fits', async () => {
    const tooLarge = firstResponse(CONSTRUCTED, '400-too-large.json');
    const ids = Array.from({ length: 40 }, (_, index) => `p${index}`);
    const { client, fetch } = clientFor((request) => {
      const asked = (request.body as { ids: string[] }).ids;
      return asked.length > 10 ? tooLarge : ok(asked.map((paperId) => ({ paperId, references: [{ paperId: 'target' }] })));
    });
    const records = await client.getCitingBatch(ids);
    expect(records.map((record) => record?.paper.paperId)).toEqual(ids);
    expect(records.every((record) => record?.referenceIds[0] === 'target')).toBe(true);
    // Size errors are not retried as such: 40 → 20+20 → 10×4, i.e. 1 + 2 + 4 requests.
    expect(fetch.requests).toHaveLength(7);
  });

  it('rejects a response that does not line up with the ids', async () => {
    const { client } = clientFor(() => ok([{ paperId: 'a' }]));
    expect((await sourceErrorOf(client.getPapers(['a', 'b']))).kind).toBe('malformed');
  });

  it('makes no request for an empty list', async () => {
    const { client, fetch } = clientFor(() => ok([]));
    expect(await client.getCitingBatch([])).toEqual([]);
    expect(fetch.requests).toHaveLength(0);
  });
});

describe('Semantic Scholar client: recommendations', () => {
  it('maps the recorded recommendations for both pools, without asking for tldr', async () => {
    const recent = firstResponse(S2_FIXTURES, 'test_get_recommended_papers.json');
    const allCs = firstResponse(S2_FIXTURES, 'test_get_recommended_papers_pool_from.json');
    const { client, fetch } = clientFor((request) => (params(request).get('from') === 'all-cs' ? allCs : recent));
    const fromRecent = await client.getRecommendations('abc', 'recent', 100);
    const fromAll = await client.getRecommendations('abc', 'all-cs', 900);
    expect(fromRecent).toHaveLength((recent.body as { recommendedPapers: unknown[] }).recommendedPapers.length);
    expect(fromRecent[0]?.title).toBe('Report shows slight improvement on grantmaker diversity, but compensation lagging behind inflation');
    expect(fromAll[1]?.title).toBe('Resenhas');
    expect(fetch.requests.map((request) => new URL(request.url).pathname)).toEqual(['/recommendations/v1/papers/forpaper/abc', '/recommendations/v1/papers/forpaper/abc']);
    expect(params(fetch.requests[1]).get('limit')).toBe('500');
    for (const request of fetch.requests) {
      expect(request.url).not.toMatch(/tldr/);
      expect(params(request).get('fields')?.split(',')).toEqual([...RECOMMENDATION_FIELDS]);
    }
  });

  it('returns an empty list for an empty pool, and skips invalid rows', async () => {
    const { client } = clientFor((_request, index) => (index === 0 ? ok({ recommendedPapers: [] }) : ok({ recommendedPapers: [{ paperId: 'a', title: 'A' }, { title: 'no id' }, 7] })));
    expect(await client.getRecommendations('abc', 'recent', 10)).toEqual([]);
    expect((await client.getRecommendations('abc', 'all-cs', 10)).map((paper) => paper.paperId)).toEqual(['a']);
  });
});

describe('Semantic Scholar client: mutated responses never escape as anything but a value or a SourceError', () => {
  // Mutations of the recorded edge: a key removed, set to null, or given a value of another type.
  const replacement = fc.oneof(fc.constant(undefined), fc.constant(null), fc.integer(), fc.string(), fc.boolean(), fc.constant([]), fc.constant({}), fc.constant([7]));
  const paths = [
    ['contexts'], ['intents'], ['contextsWithIntent'], ['isInfluential'], ['citingPaper'],
    ['citingPaper', 'paperId'], ['citingPaper', 'title'], ['citingPaper', 'year'], ['citingPaper', 'authors'],
    ['citingPaper', 'externalIds'], ['citingPaper', 'externalIds', 'DOI'], ['citingPaper', 'openAccessPdf'],
  ];
  const mutation = fc.record({ path: fc.constantFrom(...paths), value: replacement });

  function mutate(edge: unknown, path: string[], value: unknown): unknown {
    const copy = structuredClone(edge) as Record<string, unknown>;
    let target: Record<string, unknown> = copy;
    for (const key of path.slice(0, -1)) {
      const next = target[key];
      if (typeof next !== 'object' || next === null) return copy;
      target = next as Record<string, unknown>;
    }
    const last = path[path.length - 1] as string;
    if (value === undefined) delete target[last];
    else target[last] = value;
    return copy;
  }

  it('accounts for every row of a mutated page as a citation or a dropped row', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.array(mutation, { maxLength: 3 }), { minLength: 1, maxLength: 8 }), async (rowMutations) => {
        const rows = rowMutations.map((mutations) => mutations.reduce((edge, { path, value }) => mutate(edge, path, value), CITATION_EDGE as unknown));
        const { client } = clientFor(() => ok({ offset: 0, next: 10, data: rows }));
        const page = await client.getCitationsPage('abc', 0, 10);
        expect(page.citations.length + page.dropped).toBe(rows.length);
        // Whatever survives is a valid domain citation (what the cache and the panel rely on).
        for (const citation of page.citations) expect(CitationSchema.safeParse(citation).success).toBe(true);
      }),
      { numRuns: 150 },
    );
  });

  it('answers any JSON or text body with a value or a SourceError on every endpoint', async () => {
    const body = fc.oneof(fc.jsonValue(), fc.string(), fc.constant('<html></html>'));
    const status = fc.constantFrom(200, 200, 200, 400, 403, 404, 429, 500, 503);
    await fc.assert(
      fc.asyncProperty(body, status, fc.constantFrom(0, 1, 2, 3, 4), async (responseBody, responseStatus, endpoint) => {
        const { client } = clientFor(() => ({ status: responseStatus, body: responseBody }));
        const calls = [
          () => client.getPaper('2106.15928'),
          () => client.getCitationsPage('abc', 0, 100),
          () => client.getCitingBatch(['a', 'b']),
          () => client.getPapers(['a']),
          () => client.getRecommendations('abc', 'recent', 20),
        ];
        const call = calls[endpoint] as () => Promise<unknown>;
        await call().catch((error: unknown) => {
          expect(error).toBeInstanceOf(SourceError);
        });
      }),
      { numRuns: 200 },
    );
  });
});
