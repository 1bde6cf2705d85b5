import { describe, expect, it } from 'vitest';
import { HubDataSchema, STAGES } from '../../lib/domain/hub';
import { createFakeSource, generateCorpus } from '../../lib/hub/fakeSource';
import { SourceError } from '../../lib/sources/types';
import { createHarness, openAndSettle } from './hub-harness';

describe('hub pipeline: a cold 5,000-citation hub', () => {
  it('takes 13 requests: paper, 5 citation pages, 4 batches of 500, co-cited metadata, recommendations, references', async () => {
    const corpus = generateCorpus({ citationCount: 5_000 });
    const harness = createHarness({ corpus });
    const final = await openAndSettle(harness);

    expect(harness.source.log).toEqual([
      'paper 1706.03762',
      'citations 0',
      'citations 1000',
      'citations 2000',
      'citations 3000',
      'citations 4000',
      expect.stringMatching(/^batch .*\+500$/),
      expect.stringMatching(/^batch .*\+500$/),
      expect.stringMatching(/^batch .*\+500$/),
      expect.stringMatching(/^batch .*\+500$/),
      'papers 30',
      'recommendations recent',
      'references 0',
    ]);
    expect(harness.source.log.length).toBeLessThanOrEqual(13);

    expect(final.status.state).toBe('ready');
    const data = final.data!;
    expect(data.citations).toHaveLength(5_000);
    expect(data.provenance).toMatchObject({ citationsListed: 5_000, citationsReported: 5_000, batchSampled: 2_000, fallback: false, sources: ['semanticscholar'] });
    expect(Object.keys(data.referencesByCiting)).toHaveLength(2_000);
    expect(Object.keys(data.coCitedPapers)).toHaveLength(30);
    expect(data.recommendations).toHaveLength(20);
    // Every citing paper S2 reports is listed, so OpenAlex's per-year counts are not asked for.
    for (const stage of STAGES) expect(data.stages[stage].status, stage).toBe(stage === 'yearCounts' ? 'skipped' : 'done');
    expect(data.yearCounts).toBeNull();
    // The target's own references: 39 listed (2 of them unresolved, kept by title), in source order.
    expect(data.references).toHaveLength(39);
    expect(data.references.filter((reference) => reference.cited === null).map((reference) => reference.title)).toEqual(['An unpublished technical report', 'Personal communication']);
    expect(data.references.every((reference) => reference.sentences.every((sentence) => sentence.intent !== undefined && sentence.polarity !== undefined))).toBe(true);
    expect(HubDataSchema.safeParse(data).success).toBe(true);
  });

  it('samples influential citing papers first, then the most cited', async () => {
    const corpus = generateCorpus({ citationCount: 3_000, seed: 7 });
    const harness = createHarness({ corpus, settings: { sampleSize: 600 } });
    const { data } = await openAndSettle(harness);

    const sampled = new Set(Object.keys(data!.referencesByCiting));
    expect(sampled.size).toBe(600);
    const influential = corpus.citations.filter((citation) => citation.isInfluential);
    expect(influential.length).toBeGreaterThan(100);
    expect(influential.length).toBeLessThan(600);
    for (const citation of influential) expect(sampled.has(citation.citing.paperId)).toBe(true);
    // Among the others, every sampled paper is cited at least as often as every paper left out.
    const others = corpus.citations.filter((citation) => !citation.isInfluential);
    const lowestSampled = Math.min(...others.filter((c) => sampled.has(c.citing.paperId)).map((c) => c.citing.citationCount!));
    const highestLeftOut = Math.max(...others.filter((c) => !sampled.has(c.citing.paperId)).map((c) => c.citing.citationCount!));
    expect(lowestSampled).toBeGreaterThanOrEqual(highestLeftOut);
  });

  it('puts TL;DRs from the batch on the sampled citing papers', async () => {
    const corpus = generateCorpus({ citationCount: 800 });
    const harness = createHarness({ corpus });
    const { data } = await openAndSettle(harness);
    const withTldr = data!.citations.filter((citation) => citation.citing.tldr !== undefined);
    expect(withTldr.length).toBe(Object.keys(corpus.tldrs).length);
    const sample = data!.citations.find((citation) => corpus.tldrs[citation.citing.paperId]);
    expect(sample!.citing.tldr).toBe(corpus.tldrs[sample!.citing.paperId]);
  });

  it('labels every sentence as it arrives: source intent when present, local otherwise, polarity always', async () => {
    const harness = createHarness();
    const { data } = await openAndSettle(harness);
    const sentences = data!.citations.flatMap((citation) => citation.sentences);
    expect(sentences.length).toBeGreaterThan(500);
    for (const sentence of sentences) {
      expect(sentence.modelVersion).toBe('keywords-1');
      expect(sentence.polarity).toBeDefined();
      if (sentence.sourceIntents.length > 0) expect(sentence.intent).toEqual({ label: sentence.sourceIntents[0], origin: 'source', confidence: 1 });
      else expect(sentence.intent?.origin).toBe('local');
    }
    const unlike = sentences.find((sentence) => sentence.text.startsWith('Unlike'));
    expect(unlike?.polarity?.label).toBe('contrasting');
    expect(unlike?.intent?.label).toBe('background');
    const following = sentences.find((sentence) => sentence.text.startsWith('Following'));
    expect(following?.intent).toMatchObject({ label: 'methodology', origin: 'local' });
    expect(data!.stages.classify).toMatchObject({ status: 'done', done: sentences.length, total: sentences.length });
  });

  it("falls back to the 'all-cs' pool when 'recent' has no recommendations", async () => {
    const corpus = generateCorpus({ citationCount: 300, recentRecommendations: 0 });
    const harness = createHarness({ corpus });
    const { data } = await openAndSettle(harness);
    expect(harness.source.log.slice(-3)).toEqual(['recommendations recent', 'recommendations all-cs', 'references 0']);
    expect(data!.recommendations).toHaveLength(20);
    expect(data!.recommendations[0]!.title).toMatch(/^Similar paper e/);
  });
});

describe('hub pipeline: paging guards', () => {
  it('continues past one empty page that still has a next (S2 #117)', async () => {
    const corpus = generateCorpus({ citationCount: 3_000 });
    const source = createFakeSource(corpus, { emptyPageOffsets: [1_000] });
    const harness = createHarness({ corpus, source });
    const { data } = await openAndSettle(harness);
    expect(source.log.filter((line) => line.startsWith('citations'))).toEqual(['citations 0', 'citations 1000', 'citations 2000']);
    expect(data!.provenance.citationsListed).toBe(2_000);
    expect(data!.stages.citations.status).toBe('done');
  });

  it('stops after two empty pages in a row and says so', async () => {
    const corpus = generateCorpus({ citationCount: 5_000 });
    const source = createFakeSource(corpus, { emptyPageOffsets: [1_000, 2_000] });
    const harness = createHarness({ corpus, source });
    const { data, status } = await openAndSettle(harness);
    expect(source.log.filter((line) => line.startsWith('citations'))).toEqual(['citations 0', 'citations 1000', 'citations 2000']);
    expect(status.state).toBe('ready');
    expect(data!.provenance).toMatchObject({ citationsListed: 1_000, citationsReported: 5_000 });
    expect(data!.stages.citations.message).toMatch(/empty pages.*1,000 of 5,000/);
  });

  it('stops at the ~9,999 ceiling and records listed vs reported', async () => {
    const corpus = generateCorpus({ citationCount: 12_000 });
    const harness = createHarness({ corpus, settings: { sampleSize: 500 } });
    const { data } = await openAndSettle(harness);
    const pages = harness.source.calls.filter((call) => call.method === 'getCitationsPage');
    expect(pages.map((call) => call.offset)).toEqual([0, 1000, 2000, 3000, 4000, 5000, 6000, 7000, 8000, 9000]);
    expect(pages.at(-1)).toMatchObject({ offset: 9_000, limit: 999 });
    expect(data!.provenance).toMatchObject({ citationsListed: 9_999, citationsReported: 12_000 });
    expect(data!.stages.citations.message).toBe('Semantic Scholar lists at most 9,999 citing papers: 9,999 of 12,000 listed.');
  });
});

describe('hub pipeline: optional stages', () => {
  it('a failed optional stage leaves a usable, ready hub with that stage marked failed', async () => {
    const corpus = generateCorpus({ citationCount: 900 });
    const source = createFakeSource(corpus, {
      intercept: (call) => {
        if (call.method === 'getPapers') throw new SourceError('server', 'HTTP 502', 502);
      },
    });
    const harness = createHarness({ corpus, source });
    const { data, status } = await openAndSettle(harness);
    expect(status.state).toBe('ready');
    expect(data!.stages.cocitedMeta).toMatchObject({ status: 'failed', message: 'Semantic Scholar is having problems (HTTP 502).' });
    expect(data!.coCitedPapers).toEqual({});
    expect(data!.stages.recommendations.status).toBe('done');
    expect(data!.recommendations).toHaveLength(20);
    const row = await harness.db.hubs.get(corpus.arxivId);
    expect(row?.complete).toBe(true);
  });

  it('a failed batch skips the co-cited ranking with a reason', async () => {
    const corpus = generateCorpus({ citationCount: 900 });
    const source = createFakeSource(corpus, {
      intercept: (call) => {
        if (call.method === 'getCitingBatch') throw new SourceError('bad-request', 'Response would exceed maximum size', 400);
      },
    });
    const harness = createHarness({ corpus, source });
    const { data, status } = await openAndSettle(harness);
    expect(status.state).toBe('ready');
    expect(data!.stages.batch.status).toBe('failed');
    expect(data!.stages.batch.message).toContain('Response would exceed maximum size');
    expect(data!.stages.cocitedMeta.status).toBe('skipped');
    expect(source.log.some((line) => line.startsWith('papers'))).toBe(false);
  });
});
