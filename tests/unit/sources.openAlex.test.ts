import { readFileSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createScheduler } from '../../lib/sources/scheduler';
import { createOpenAlexClient, parseBudgetHeaders, WORK_SELECT, type OpenAlexClient } from '../../lib/sources/openAlex/client';
import { abstractFromInvertedIndex, arxivIdOfWork, openAlexWorkKey } from '../../lib/sources/openAlex/mapping';
import { SourceError } from '../../lib/sources/types';
import { createFakeFetch, toResponse, type FakeAnswer, type FakeFetch, type RecordedRequest, type StoredInteraction } from '../../lib/sources/testing/fakeFetch';
import { createVirtualClock, type VirtualClock } from '../../lib/sources/testing/virtualClock';
import { REPO_ROOT } from '../paths';

const FIXTURES = resolve(REPO_ROOT, 'tests', 'fixtures', 'openalex');

function interactions(name: string): StoredInteraction[] {
  return (JSON.parse(readFileSync(resolve(FIXTURES, name), 'utf8')) as { interactions: StoredInteraction[] }).interactions;
}

/** Serves a fixture's interactions by path (query ignored, so the api_key does not matter). */
function servingFixture(name: string): (request: RecordedRequest) => FakeAnswer {
  const byPath = new Map(interactions(name).map((interaction) => [pathOf(interaction.request.url), interaction.response]));
  return (request) => byPath.get(pathOf(request.url)) ?? { status: 404, body: { error: 'Not Found' } };
}

function pathOf(url: string): string {
  const parsed = new URL(url);
  const filter = parsed.searchParams.get('filter');
  return `${parsed.pathname}${filter ? `?filter=${filter}` : ''}`;
}

function setup(handler: (request: RecordedRequest, index: number) => FakeAnswer, key?: string): { client: OpenAlexClient; fetch: FakeFetch; clock: VirtualClock } {
  const clock = createVirtualClock();
  const scheduler = createScheduler({ now: clock.now, sleep: clock.sleep, random: () => 0.5 });
  const fetch = createFakeFetch(handler);
  return { client: createOpenAlexClient({ fetch, scheduler, apiKey: () => key }), fetch, clock };
}

async function sourceErrorOf(promise: Promise<unknown>): Promise<SourceError> {
  const outcome = await promise.then(
    () => null,
    (error: unknown) => error,
  );
  if (!(outcome instanceof SourceError)) throw new Error(`expected a SourceError, got ${String(outcome)}`);
  return outcome;
}

describe('OpenAlex fixtures', () => {
  it('each says it was constructed, not recorded', () => {
    for (const name of readdirSync(FIXTURES)) {
      const file = JSON.parse(readFileSync(resolve(FIXTURES, name), 'utf8')) as { _note?: string };
      expect(file._note, name).toBe('constructed from shared/docs/data-sources.md, not recorded');
    }
  });
});

describe('OpenAlex fallback: paper by arXiv id', () => {
  it('looks the preprint up by its lower-cased arXiv DOI and maps it', async () => {
    const { client, fetch, clock } = setup(servingFixture('work-preprint.json'));
    const paper = await clock.run(client.getPaperByArxivId('2112.11446v3'));
    const url = new URL(fetch.requests[0]?.url ?? '');
    expect(url.pathname).toBe('/works/doi:10.48550/arxiv.2112.11446');
    expect(url.searchParams.get('select')?.split(',')).toEqual([...WORK_SELECT]);
    expect(url.searchParams.has('api_key')).toBe(false);
    expect(paper).toEqual({
      paperId: 'openalex:W4226399820',
      title: 'Scaling Language Models: Methods, Analysis & Insights from Training Gopher',
      authors: ['Jack W. Rae', 'Sebastian Borgeaud', 'Geoffrey Irving'],
      url: 'https://openalex.org/W4226399820',
      arxivId: '2112.11446',
      doi: '10.48550/arxiv.2112.11446',
      year: 2021,
      publicationDate: '2021-12-08',
      venue: 'arXiv (Cornell University)',
      abstract:
        'Language modelling provides a step towards intelligent communication systems by harnessing large repositories of written human knowledge',
      citationCount: 612,
      referenceCount: 0,
      openAccessPdfUrl: 'https://arxiv.org/pdf/2112.11446',
    });
    expect(client.getBudget()).toEqual({ limitUsd: 1, remainingUsd: 0.9846, costUsd: 0 });
  });

  it('adds the api_key parameter when the user configured a key, and keeps it out of error messages', async () => {
    const { client, fetch, clock } = setup(servingFixture('not-found.json'), 'oa-key-42');
    const error = await sourceErrorOf(clock.run(client.getPaperByArxivId('2601.99999')));
    expect(new URL(fetch.requests[0]?.url ?? '').searchParams.get('api_key')).toBe('oa-key-42');
    expect(error.kind).toBe('not-found');
    expect(error.message).not.toContain('oa-key-42');
  });

  it('finds a merged preprint through the journal DOI when the arXiv DOI 404s', async () => {
    const { client, fetch, clock } = setup(servingFixture('work-merged.json'));
    const paper = await clock.run(client.getPaperByArxivId('1810.04805', { doi: 'https://doi.org/10.18653/V1/N19-1423' }));
    expect(fetch.requests.map((request) => new URL(request.url).pathname)).toEqual(['/works/doi:10.48550/arxiv.1810.04805', '/works/doi:10.18653/v1/n19-1423']);
    expect(paper).toMatchObject({
      paperId: 'openalex:W2896457183',
      title: 'BERT: Pre-training of Deep Bidirectional Transformers for Language Understanding',
      arxivId: '1810.04805',
      doi: '10.18653/v1/n19-1423',
      citationCount: 32474,
      referenceCount: 42,
      authors: ['Jacob Devlin', 'Ming-Wei Chang', 'Kenton Lee', 'Kristina Toutanova'],
    });
    expect(paper.abstract).toBeUndefined();
  });

  it('reports not-found for a merged preprint when no journal DOI is known', async () => {
    const { client, fetch, clock } = setup(servingFixture('work-merged.json'));
    expect((await sourceErrorOf(clock.run(client.getPaperByArxivId('1810.04805')))).kind).toBe('not-found');
    expect(fetch.requests).toHaveLength(1);
  });

  it('rejects a work without an id as malformed', async () => {
    const { client, clock } = setup(() => ({ status: 200, body: { display_name: 'no id' } }));
    expect((await sourceErrorOf(clock.run(client.getPaperByArxivId('2112.11446')))).kind).toBe('malformed');
  });
});

describe('OpenAlex co-citation groups', () => {
  it('needs a key and sends nothing without one', async () => {
    const { client, fetch, clock } = setup(servingFixture('group-by-cites.json'));
    expect((await sourceErrorOf(clock.run(client.getCoCitedGroups('W4226399820')))).kind).toBe('forbidden');
    expect(fetch.requests).toHaveLength(0);
  });

  it('ranks co-cited works, leaving out the target itself and broken rows', async () => {
    const { client, fetch, clock } = setup(servingFixture('group-by-cites.json'), 'k');
    const groups = await clock.run(client.getCoCitedGroups('openalex:W4226399820'));
    const url = new URL(fetch.requests[0]?.url ?? '');
    expect([url.searchParams.get('filter'), url.searchParams.get('group_by')]).toEqual(['cites:W4226399820', 'cites']);
    expect(groups).toEqual([
      { paperId: 'openalex:W2896457183', title: 'BERT: Pre-training of Deep Bidirectional Transformers for Language Understanding', count: 301 },
      { paperId: 'openalex:W3030163527', title: 'Language Models are Few-Shot Learners', count: 288 },
      { paperId: 'openalex:W2963403868', title: 'Attention Is All You Need', count: 240 },
      { paperId: 'openalex:W3001279689', title: 'Scaling Laws for Neural Language Models', count: 197 },
      { paperId: 'openalex:W4225591000', title: '', count: 55 },
    ]);
    expect(client.getBudget()?.costUsd).toBe(0.0001);
  });

  it('waits out a 32 s Retry-After on a spent budget, then succeeds', async () => {
    const limited = interactions('rate-limited-budget.json')[0]?.response;
    const groups = interactions('group-by-cites.json')[0]?.response;
    if (!limited || !groups) throw new Error('fixtures missing');
    const starts: number[] = [];
    const { client, clock } = setup(() => (starts.push(clock.now()), starts.length === 1 ? limited : groups), 'k');
    const result = await clock.run(client.getCoCitedGroups('W4226399820'));
    expect(result).toHaveLength(5);
    expect((starts[1] as number) - (starts[0] as number)).toBeGreaterThanOrEqual(32_000);
  });

  it('gives up at once when the budget resets hours later, saying when', async () => {
    const { client, fetch, clock } = setup(servingFixture('rate-limited-budget-long.json'), 'k');
    const t0 = clock.now();
    const error = await sourceErrorOf(clock.run(client.getCoCitedGroups('W4226399820')));
    expect(error.kind).toBe('rate-limited');
    expect(error.retryAt).toBe(t0 + 30_000_000);
    expect(fetch.requests).toHaveLength(1);
  });

  it('rejects something that is not a work id', async () => {
    const { client, clock } = setup(servingFixture('group-by-cites.json'), 'k');
    expect((await sourceErrorOf(clock.run(client.getCoCitedGroups('A123')))).kind).toBe('bad-request');
  });
});

describe('OpenAlex mapping helpers', () => {
  it('rebuilds an abstract from the inverted index in position order', () => {
    expect(abstractFromInvertedIndex({ world: [1], Hello: [0], again: [3], hello: [2] })).toBe('Hello world hello again');
    expect(abstractFromInvertedIndex({})).toBeUndefined();
    expect(abstractFromInvertedIndex(null)).toBeUndefined();
    expect(abstractFromInvertedIndex({ big: [1e9], ok: [0] })).toBe('ok');
  });

  it('normalises work ids', () => {
    expect(['https://openalex.org/W123', 'openalex:w123', 'W123', 'A123', 'W12x'].map(openAlexWorkKey)).toEqual(['W123', 'W123', 'W123', null, null]);
  });

  it('finds the arXiv id in a DOI, a landing page or an OAI location id', () => {
    const base = { id: 'https://openalex.org/W1' };
    expect(arxivIdOfWork({ ...base, doi: 'https://doi.org/10.48550/arxiv.2301.00001' })).toBe('2301.00001');
    expect(arxivIdOfWork({ ...base, locations: [{ landing_page_url: 'https://arxiv.org/abs/hep-th/9901001v2' }] })).toBe('hep-th/9901001');
    expect(arxivIdOfWork({ ...base, locations: [{ id: 'pmh:oai:arXiv.org:2205.01234' }] })).toBe('2205.01234');
    expect(arxivIdOfWork({ ...base, doi: 'https://doi.org/10.1/x' })).toBeUndefined();
  });

  it('reads both the USD and the older credit budget headers', () => {
    const old = toResponse({ status: 200, headers: { 'X-RateLimit-Limit': '100000', 'X-RateLimit-Remaining': '99990', 'X-RateLimit-Credits-Used': '10', 'X-RateLimit-Reset': '3600' } });
    expect(parseBudgetHeaders(old.headers)).toEqual({ limit: 100000, remaining: 99990, creditsUsed: 10, resetSeconds: 3600 });
    expect(parseBudgetHeaders(toResponse({ status: 200 }).headers)).toBeNull();
  });
});
