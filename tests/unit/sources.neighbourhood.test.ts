import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createScheduler } from '../../lib/sources/scheduler';
import { createOpenAlexClient, YEAR_COUNTS_SELECT } from '../../lib/sources/openAlex/client';
import { createSemanticScholarClient } from '../../lib/sources/semanticScholar/client';
import { createResponderFetch, createSemanticScholarResponder, type SemanticScholarDataset } from '../../lib/sources/semanticScholar/sampleServer';
import { createFakeFetch, type FakeAnswer, type RecordedRequest } from '../../lib/sources/testing/fakeFetch';
import { createVirtualClock } from '../../lib/sources/testing/virtualClock';
import { SourceError } from '../../lib/sources/types';
import { REPO_ROOT } from '../paths';

const sample = JSON.parse(readFileSync(resolve(REPO_ROOT, 'tests', 'fixtures', 'sample', 's2-dataset.json'), 'utf8')) as SemanticScholarDataset;
const GOPHER = sample.arxivToPaperId['2112.11446']!;

function s2Over(dataset: SemanticScholarDataset) {
  let now = 0;
  const scheduler = createScheduler({ now: () => now, sleep: async (ms) => void (now += ms) });
  const urls: string[] = [];
  const responderFetch = createResponderFetch(createSemanticScholarResponder(dataset));
  return { client: createSemanticScholarClient({ fetch: (url, init) => (urls.push(url), responderFetch(url, init)), scheduler }), urls };
}

describe('Semantic Scholar references through the sample server', () => {
  it("lists Gopher's references with contexts and intents, keeping unresolved entries by title", async () => {
    const { client, urls } = s2Over(sample);
    const page = await client.getReferencesPage(GOPHER, 0, 1_000);
    const edges = sample.referenceEdgesOf![GOPHER]!;
    expect(urls).toHaveLength(1);
    expect(urls[0]).toMatch(/\/paper\/[0-9a-f]{40}\/references\?fields=contexts,intents,contextsWithIntent,isInfluential,paperId,title,/);
    expect(page.next).toBeNull();
    expect(page.dropped).toBe(0);
    expect(page.references).toHaveLength(edges.length);
    expect(page.references.filter((reference) => reference.cited === null).map((reference) => reference.title)).toEqual(['Perspective API', 'Common Crawl']);
    const withSentences = page.references.find((reference) => reference.sentences.length > 0)!;
    const edge = edges.find((candidate) => candidate.citedPaper.paperId === withSentences.cited?.paperId)!;
    expect(withSentences.sentences.map((sentence) => sentence.text)).toEqual(edge.contexts);
    expect(withSentences.isInfluential).toBe(edge.isInfluential);
    expect(withSentences.cited?.title).toBe(sample.papers[edge.citedPaper.paperId!]!.title);
  });

  it('pages references like citations: next offsets until the end', async () => {
    const { client } = s2Over(sample);
    const first = await client.getReferencesPage(GOPHER, 0, 10);
    const second = await client.getReferencesPage(GOPHER, first.next!, 10);
    expect(first.references).toHaveLength(10);
    expect(first.next).toBe(10);
    expect(second.next).toBeNull();
    expect(first.references.length + second.references.length).toBe(sample.referenceEdgesOf![GOPHER]!.length);
  });

  it('drops a row that is neither a resolved paper nor a titled entry, and keeps the rest', async () => {
    const broken: SemanticScholarDataset = {
      ...sample,
      referenceEdgesOf: { [GOPHER]: [...sample.referenceEdgesOf![GOPHER]!.slice(0, 3), { contexts: [], intents: [], contextsWithIntent: [], isInfluential: false, citedPaper: { paperId: null, title: '' } }] },
    };
    const page = await s2Over(broken).client.getReferencesPage(GOPHER, 0, 100);
    expect(page.references).toHaveLength(3);
    expect(page.dropped).toBe(1);
  });
});

describe('OpenAlex citations per year', () => {
  function openAlex(handler: (request: RecordedRequest) => FakeAnswer) {
    const clock = createVirtualClock();
    const scheduler = createScheduler({ now: clock.now, sleep: clock.sleep, random: () => 0.5 });
    const fetch = createFakeFetch(handler);
    return { client: createOpenAlexClient({ fetch, scheduler }), fetch };
  }

  it('reads counts_by_year from the free singleton lookup, oldest year first, skipping bad rows', async () => {
    const { client, fetch } = openAlex(() => ({
      status: 200,
      body: { id: 'https://openalex.org/W1', counts_by_year: [{ year: 2024, cited_by_count: 900 }, { year: 2023, cited_by_count: 400 }, { year: 'x', cited_by_count: 3 }, { year: 2022, cited_by_count: -1 }] },
    }));
    expect(await client.getCountsByYear('2001.08361v5')).toEqual([{ year: 2023, count: 400 }, { year: 2024, count: 900 }]);
    expect(fetch.requests).toHaveLength(1);
    expect(fetch.requests[0]!.url).toBe(`https://api.openalex.org/works/doi:10.48550/arxiv.2001.08361?select=${YEAR_COUNTS_SELECT.join(',')}`);
  });

  it('answers an empty list when OpenAlex has the work but no counts, and not-found when it has no work', async () => {
    expect(await openAlex(() => ({ status: 200, body: { id: 'https://openalex.org/W1' } })).client.getCountsByYear('2001.08361')).toEqual([]);
    const error = await openAlex(() => ({ status: 404, body: { error: 'Not Found' } })).client.getCountsByYear('2001.08361').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(SourceError);
    expect((error as SourceError).kind).toBe('not-found');
  });
});
