/**
 * The hub pipeline: the stages that fill a HubData, one request at a time.
 *
 * Stage plan (the request budget for a cold 5,000-citation hub is 13 Semantic Scholar requests):
 *   paper            1 request   getPaper(bare arXiv id): header counts first.
 *   citations        5 requests  getCitationsPage(paperId, offset, 1,000) until `next` is null.
 *                                An empty page with a `next` is S2 bug #117: keep going, but stop after
 *                                2 empty pages in a row. S2 lists at most ~9,999 citing papers, so the
 *                                listing stops there and coverage records listed vs reported.
 *   yearCounts       0 or 1 OpenAlex request: the work's citations per year, only when S2 lists fewer
 *                                citing papers than it reports (its own host queue; never an S2 request).
 *   batch            4 requests  getCitingBatch in chunks of 500 over a documented sample of at most
 *                                `sampleSize` (2,000) citing papers: influential first, then the most cited,
 *                                then the rest as listed. Gives their references (co-citation) and TL;DRs.
 *   cocitedMeta      1 request   getPapers for the top 30 co-cited works (ranked by the injected topCoCitedIds).
 *   recommendations  1 request   getRecommendations(paperId, 'recent', 50); a second one from 'all-cs'
 *                                only when fewer than 5 of them are new to the hub (older papers get an
 *                                empty 'recent' pool; famous ones get mostly their own citing papers).
 *   references       1 request   getReferencesPage(paperId, offset, 1,000) until `next` is null: the paper's own
 *                                references with contexts, intents and influence (more pages only past 1,000).
 *   classify         0 requests  sentences are labelled as their page arrives; done when the listing is.
 *
 * Every step is committed (persisted, then published) before the next request is sent, so a worker
 * killed at any point resumes without asking for a page or batch it already stored.
 *
 * Failures: paper and citations are required. Rate limits and network failures abort the run at once
 * (the service waits and resumes). Other failures of optional stages (batch, cocitedMeta,
 * recommendations, references; yearCounts for any failure, since OpenAlex never holds up the hub) mark the stage failed and the hub stays usable; during a refresh, the section from
 * the previous good fetch is kept instead, so a bad response never replaces good cached data.
 */
import type { Citation } from '../domain/citation';
import type { HubData, StageName } from '../domain/hub';
import type { Paper } from '../domain/paper';
import { SourceError, type CitationSource, type FallbackSource, type YearCountsSource } from '../sources/types';
import type { SentenceLabeler, TopCoCitedIds } from './deps';
import type { PipelineWork } from './cursor';
import { allStagesFinished, fallbackHubData, isStageFinished, withStage } from './hubData';
import { citedWorkOf, countSentences, labelCitations, needsLabelling } from './labelling';
import { chooseBatchSample, chunk } from './sample';

export const CITATION_PAGE_SIZE = 1_000;
/** S2 serves offset + limit up to about 9,999 citations per paper, and no further (s2-folks #27). */
export const CITATION_CEILING = 9_999;
export const MAX_EMPTY_PAGES_IN_A_ROW = 2;
export const BATCH_CHUNK_SIZE = 500;
export const COCITED_TOP_N = 30;
export const REFERENCE_PAGE_SIZE = 1_000;
export const RECOMMENDATION_LIMIT = 50;
/** Fewer recommendations than this that are new to the hub trigger the 'all-cs' pool. */
export const MIN_NEW_RECOMMENDATIONS = 5;

function countNewRecommendations(recommendations: readonly Paper[], data: HubData): number {
  const known = new Set<string>([...data.citations.map((citation) => citation.citing.paperId), ...Object.keys(data.coCitedPapers)]);
  if (data.paper) known.add(data.paper.paperId);
  return recommendations.filter((paper) => !known.has(paper.paperId)).length;
}

/** A failure that ends the run, with the stage it happened in. */
export class StageError extends Error {
  constructor(
    readonly stage: StageName,
    readonly error: unknown,
    /** For a paper-stage failure: whether a fallback source was tried and failed too. */
    readonly fallbackTried = false,
  ) {
    super(error instanceof Error ? error.message : String(error));
    this.name = 'StageError';
  }
}

/** The run was abandoned (service disposed, or a newer run took over); nothing more may be written. */
export class RunCancelled extends Error {
  constructor() {
    super('run cancelled');
    this.name = 'RunCancelled';
  }
}

export interface PipelineContext {
  source: CitationSource;
  fallback?: FallbackSource;
  /** OpenAlex's per-year counts, drawn when S2 lists fewer citing papers than it reports; absent: not asked. */
  yearCounts?: YearCountsSource;
  labeler: SentenceLabeler;
  topCoCitedIds: TopCoCitedIds;
  sampleSize: number;
  now: () => number;
  /** For a refresh: the good cached data, whose sections survive a failed optional stage. */
  previous: HubData | null;
  /** Persists the work (data and progress together), then publishes it. */
  commit(work: PipelineWork): Promise<void>;
  /** Sends one request (the service watches the scheduler meanwhile). */
  request<T>(send: () => Promise<T>): Promise<T>;
  isCancelled(): boolean;
}

export type PipelineOutcome = { kind: 'complete' | 'fallback'; data: HubData };

/** Transient failures abort the run instead of failing a stage: the service retries later. */
export function isTransient(error: unknown): boolean {
  return error instanceof RunCancelled || (error instanceof SourceError && (error.kind === 'rate-limited' || error.kind === 'offline'));
}

export function describeFailure(error: unknown): string {
  if (error instanceof SourceError) {
    switch (error.kind) {
      case 'not-found':
        return 'Semantic Scholar does not know this paper yet.';
      case 'rate-limited':
        return 'Semantic Scholar is limiting requests (HTTP 429).';
      case 'offline':
        return 'The network is unreachable.';
      case 'server':
        return `Semantic Scholar is having problems${error.status ? ` (HTTP ${error.status})` : ''}.`;
      case 'malformed':
        return 'Semantic Scholar sent a response that could not be read.';
      case 'bad-request':
        return `Semantic Scholar rejected the request: ${error.message}`;
      case 'forbidden':
        return 'Semantic Scholar refused the request (HTTP 403); it blocks some networks and regions.';
    }
  }
  return `Unexpected error: ${error instanceof Error ? error.message : String(error)}`;
}

export async function runPipeline(start: PipelineWork, ctx: PipelineContext): Promise<PipelineOutcome> {
  let work = start;

  const commit = async (next: PipelineWork): Promise<void> => {
    work = { ...next, data: markNextStageRunning(next.data) };
    checkCancelled(ctx);
    await ctx.commit(work);
    checkCancelled(ctx);
  };

  const send = async <T>(stage: StageName, call: () => Promise<T>): Promise<T> => {
    checkCancelled(ctx);
    try {
      const result = await ctx.request(call);
      checkCancelled(ctx);
      return result;
    } catch (error) {
      if (error instanceof RunCancelled) throw error;
      throw new StageError(stage, error);
    }
  };

  /** Optional stage failed for good: mark it failed (or keep the previous section during a refresh). */
  const failOptional = (data: HubData, stage: StageName, failure: unknown): HubData => {
    if (failure instanceof RunCancelled) throw failure;
    const cause = failure instanceof StageError ? failure.error : failure;
    if (isTransient(cause)) throw failure;
    const previous = ctx.previous;
    if (previous && previous.stages[stage].status === 'done') {
      return keepPreviousSection(data, previous, stage, describeFailure(cause));
    }
    return withStage(data, stage, { status: 'failed', message: describeFailure(cause) });
  };

  // --- paper ---------------------------------------------------------------------------------------
  if (!isStageFinished(work.data.stages.paper)) {
    let paper: Paper;
    try {
      paper = await send('paper', () => ctx.source.getPaper(work.arxivId));
    } catch (error) {
      const fallback = await tryFallback(error, work, ctx);
      if (fallback) return { kind: 'fallback', data: fallback };
      throw error;
    }
    const reported = paper.citationCount ?? 0;
    let data: HubData = {
      ...work.data,
      paper,
      provenance: { ...work.data.provenance, citationsReported: reported },
    };
    data = withStage(data, 'paper', { status: 'done', done: 1, total: 1 });
    data = withStage(data, 'citations', { status: 'running', total: Math.min(reported, CITATION_CEILING) });
    data = withStage(data, 'classify', { status: 'running', total: 0 });
    await commit({ ...work, data, cursor: { ...work.cursor, paperId: paper.paperId } });
  }
  const paperId = work.cursor.paperId ?? work.data.paper?.paperId;
  if (!paperId) throw new StageError('paper', new SourceError('malformed', 'The paper has no Semantic Scholar id.'));

  // --- citations (and classify, page by page) ------------------------------------------------------
  while (work.cursor.nextOffset !== null) {
    const offset = work.cursor.nextOffset;
    const limit = Math.min(CITATION_PAGE_SIZE, CITATION_CEILING - offset);
    const page = await send('citations', () => ctx.source.getCitationsPage(paperId, offset, limit));
    const known = new Set(work.data.citations.map((citation) => citation.citing.paperId));
    const fresh = uniqueNewCitations(page.citations, known);
    const labelled = await labelCitations(fresh, ctx.labeler, citedWorkOf(work.data.paper));
    checkCancelled(ctx);

    const emptyPagesInARow = page.citations.length === 0 ? work.cursor.emptyPagesInARow + 1 : 0;
    let next = page.next;
    let endNote: string | undefined;
    if (next !== null && next <= offset) next = null; // a cursor that does not advance would loop forever
    if (next !== null && emptyPagesInARow >= MAX_EMPTY_PAGES_IN_A_ROW) {
      next = null;
      endNote = 'Semantic Scholar returned empty pages before the end of the list';
    }
    if (next !== null && next >= CITATION_CEILING) {
      next = null;
      endNote = `Semantic Scholar lists at most ${CITATION_CEILING.toLocaleString('en-US')} citing papers`;
    }

    const citations = [...work.data.citations, ...labelled];
    const sentences = countSentences(citations);
    let data: HubData = {
      ...work.data,
      citations,
      provenance: {
        ...work.data.provenance,
        droppedRows: work.data.provenance.droppedRows + page.dropped,
        citationsListed: citations.length,
      },
    };
    data = withStage(data, 'citations', { done: citations.length });
    data = withStage(data, 'classify', { done: sentences.labelled, total: sentences.total });
    if (next === null) {
      const reported = data.provenance.citationsReported;
      const message = endNote ? `${endNote}: ${citations.length.toLocaleString('en-US')} of ${reported.toLocaleString('en-US')} listed.` : undefined;
      data = withStage(data, 'citations', { status: 'done', total: citations.length, ...(message ? { message } : {}) });
      data = withStage(data, 'classify', { status: 'done' });
    }
    await commit({
      ...work,
      data,
      cursor: { ...work.cursor, nextOffset: next, emptyPagesInARow },
      citationOffsets: [...work.citationOffsets, offset],
    });
  }
  if (!isStageFinished(work.data.stages.citations)) {
    await commit({ ...work, data: withStage(work.data, 'citations', { status: 'done', total: work.data.citations.length }) });
  }

  // --- yearCounts: OpenAlex's citations per year when the list is short of the reported count -----
  if (!isStageFinished(work.data.stages.yearCounts)) {
    const { citationsListed, citationsReported } = work.data.provenance;
    const yearCounts = ctx.yearCounts;
    let data: HubData;
    if (citationsListed >= citationsReported) {
      data = withStage({ ...work.data, yearCounts: null }, 'yearCounts', { status: 'skipped', done: 0, total: 0, message: 'Every citing paper Semantic Scholar reports is listed.' });
    } else if (!yearCounts) {
      data = withStage({ ...work.data, yearCounts: null }, 'yearCounts', { status: 'skipped', done: 0, total: 0, message: 'No per-year source configured.' });
    } else {
      try {
        const doi = work.data.paper?.doi;
        const counts = await ctx.request(() => yearCounts.getCountsByYear(work.arxivId, doi ? { doi } : {}));
        checkCancelled(ctx);
        data = withStage({ ...work.data, yearCounts: counts }, 'yearCounts', { status: 'done', done: counts.length, total: counts.length });
      } catch (error) {
        if (error instanceof RunCancelled) throw error;
        // OpenAlex is a nicety here: whatever went wrong (its 429 included), the hub goes on without the curve.
        const previous = ctx.previous;
        data =
          previous && previous.stages.yearCounts.status === 'done'
            ? keepPreviousSection(work.data, previous, 'yearCounts', describeOpenAlexFailure(error))
            : withStage(work.data, 'yearCounts', { status: 'failed', message: describeOpenAlexFailure(error) });
      }
    }
    await commit({ ...work, data });
  }

  // --- batch: references and TL;DRs of the sample --------------------------------------------------
  if (!isStageFinished(work.data.stages.batch)) {
    const sample = work.cursor.sample ?? chooseBatchSample(work.data.citations, ctx.sampleSize);
    const chunks = chunk(sample, BATCH_CHUNK_SIZE);
    work = {
      ...work,
      cursor: { ...work.cursor, sample },
      data: withStage(work.data, 'batch', { status: 'running', total: sample.length }),
    };
    if (chunks.length === 0) await commit({ ...work, data: withStage(work.data, 'batch', { status: 'done', done: 0 }) });
    for (const [index, ids] of chunks.entries()) {
      if (work.batchesDone.includes(index)) continue;
      let records;
      try {
        records = await send('batch', () => ctx.source.getCitingBatch(ids));
      } catch (error) {
        await commit({ ...work, data: failOptional(work.data, 'batch', error) });
        break;
      }
      const batchesDone = [...work.batchesDone, index];
      let data = mergeBatch(work.data, ids, records);
      const processed = chunks.reduce((sum, chunkIds, i) => sum + (batchesDone.includes(i) ? chunkIds.length : 0), 0);
      data = withStage(data, 'batch', { done: processed });
      if (batchesDone.length === chunks.length) data = withStage(data, 'batch', { status: 'done' });
      await commit({ ...work, data, batchesDone });
    }
  }

  // --- co-cited works' metadata --------------------------------------------------------------------
  if (!isStageFinished(work.data.stages.cocitedMeta)) {
    const ids = ctx.topCoCitedIds(work.data.referencesByCiting, paperId, COCITED_TOP_N);
    let data: HubData;
    if (ids.length === 0) {
      data =
        work.data.stages.batch.status === 'failed'
          ? withStage(work.data, 'cocitedMeta', { status: 'skipped', done: 0, total: 0, message: 'No reference sample to rank co-cited works (the batch stage failed).' })
          : withStage(work.data, 'cocitedMeta', { status: 'done', done: 0, total: 0 });
    } else {
      try {
        const papers = await send('cocitedMeta', () => ctx.source.getPapers(ids));
        const coCitedPapers: Record<string, Paper> = {};
        ids.forEach((id, index) => {
          const paper = papers[index];
          if (paper) coCitedPapers[id] = paper;
        });
        data = withStage({ ...work.data, coCitedPapers }, 'cocitedMeta', { status: 'done', done: Object.keys(coCitedPapers).length, total: ids.length });
      } catch (error) {
        data = failOptional(work.data, 'cocitedMeta', error);
      }
    }
    await commit({ ...work, data });
  }

  // --- recommendations -----------------------------------------------------------------------------
  if (!isStageFinished(work.data.stages.recommendations)) {
    let data: HubData;
    try {
      let recommendations = await send('recommendations', () => ctx.source.getRecommendations(paperId, 'recent', RECOMMENDATION_LIMIT));
      // The panel shows only papers not already listed as citing or co-cited: when 'recent' leaves
      // too few of those, the 'all-cs' pool is asked too and merged behind it.
      if (countNewRecommendations(recommendations, work.data) < MIN_NEW_RECOMMENDATIONS) {
        const more = await send('recommendations', () => ctx.source.getRecommendations(paperId, 'all-cs', RECOMMENDATION_LIMIT));
        const seen = new Set(recommendations.map((paper) => paper.paperId));
        recommendations = [...recommendations, ...more.filter((paper) => !seen.has(paper.paperId))];
      }
      data = withStage({ ...work.data, recommendations }, 'recommendations', { status: 'done', done: recommendations.length, total: recommendations.length });
    } catch (error) {
      data = failOptional(work.data, 'recommendations', error);
    }
    await commit({ ...work, data });
  }

  // --- references: the paper's own reference list, paged like the citations ----------------------
  if (!isStageFinished(work.data.stages.references)) {
    if (work.data.stages.references.status !== 'running') {
      work = { ...work, data: withStage(work.data, 'references', { status: 'running', total: work.data.paper?.referenceCount ?? null }) };
    }
    while (work.cursor.referencesNextOffset !== null) {
      const offset = work.cursor.referencesNextOffset;
      let page;
      try {
        page = await send('references', () => ctx.source.getReferencesPage(paperId, offset, Math.min(REFERENCE_PAGE_SIZE, CITATION_CEILING - offset)));
      } catch (error) {
        await commit({ ...work, data: failOptional(work.data, 'references', error), cursor: { ...work.cursor, referencesNextOffset: null } });
        break;
      }
      const labelled = await labelCitations(page.references, ctx.labeler);
      checkCancelled(ctx);
      let next = page.next !== null && page.next > offset && page.next < CITATION_CEILING ? page.next : null;
      if (page.references.length === 0) next = null;
      const references = [...work.data.references, ...labelled];
      let data: HubData = {
        ...work.data,
        references,
        provenance: { ...work.data.provenance, droppedRows: work.data.provenance.droppedRows + page.dropped },
      };
      data = withStage(data, 'references', next === null ? { status: 'done', done: references.length, total: references.length } : { done: references.length });
      await commit({ ...work, data, cursor: { ...work.cursor, referencesNextOffset: next } });
    }
    if (!isStageFinished(work.data.stages.references)) {
      await commit({ ...work, data: withStage(work.data, 'references', { status: 'done', total: work.data.references.length }) });
    }
  }

  // --- classify: everything is labelled by now unless the model changed mid-fetch -----------------
  const modelVersion = ctx.labeler.modelVersion;
  if (!isStageFinished(work.data.stages.classify) || needsLabelling(work.data.citations, modelVersion) || needsLabelling(work.data.references, modelVersion)) {
    const citations = await labelCitations(work.data.citations, ctx.labeler, citedWorkOf(work.data.paper));
    // A reference's sentences are this paper's, about that reference: no single cited work to focus on.
    const references = await labelCitations(work.data.references, ctx.labeler);
    const sentences = countSentences(citations);
    await commit({
      ...work,
      data: withStage({ ...work.data, citations, references }, 'classify', { status: 'done', done: sentences.labelled, total: sentences.total }),
    });
  }

  if (!allStagesFinished(work.data)) throw new StageError('classify', new Error('pipeline ended with unfinished stages'));
  const data: HubData = { ...work.data, provenance: { ...work.data.provenance, fetchedAt: ctx.now() } };
  return { kind: 'complete', data };
}

function describeOpenAlexFailure(error: unknown): string {
  const cause = error instanceof StageError ? error.error : error;
  if (cause instanceof SourceError && cause.kind === 'not-found') return 'OpenAlex does not know this paper.';
  return describeFailure(cause).replace('Semantic Scholar', 'OpenAlex');
}

function checkCancelled(ctx: PipelineContext): void {
  if (ctx.isCancelled()) throw new RunCancelled();
}

/** S2 404 or repeated 5xx (never 429) on the paper itself: counts and metadata from OpenAlex instead. */
async function tryFallback(error: unknown, work: PipelineWork, ctx: PipelineContext): Promise<HubData | null> {
  if (!(error instanceof StageError) || !(error.error instanceof SourceError)) return null;
  const kind = error.error.kind;
  // During a refresh the cached S2 hub is better than an OpenAlex header; keep it.
  if ((kind !== 'not-found' && kind !== 'server') || work.mode === 'refresh') return null;
  if (!ctx.fallback) return null;
  const fallback = ctx.fallback;
  try {
    const paper = await ctx.request(() => fallback.getPaperByArxivId(work.arxivId));
    checkCancelled(ctx);
    return fallbackHubData(work.arxivId, paper, ctx.now());
  } catch (fallbackError) {
    if (fallbackError instanceof RunCancelled) throw fallbackError;
    throw new StageError('paper', error.error, true);
  }
}

/** The page's citations that are not listed yet (S2 pages can overlap), in page order. */
function uniqueNewCitations(citations: readonly Citation[], known: ReadonlySet<string>): Citation[] {
  const seen = new Set(known);
  const result: Citation[] = [];
  for (const citation of citations) {
    if (seen.has(citation.citing.paperId)) continue;
    seen.add(citation.citing.paperId);
    result.push(citation);
  }
  return result;
}

function mergeBatch(data: HubData, ids: readonly string[], records: ReadonlyArray<{ paper: Paper; referenceIds: string[] } | null>): HubData {
  const referencesByCiting = { ...data.referencesByCiting };
  const tldrs = new Map<string, string>();
  ids.forEach((id, index) => {
    const record = records[index];
    if (!record) return; // the batch endpoint answers null for ids it has no record of
    referencesByCiting[id] = record.referenceIds;
    if (record.paper.tldr) tldrs.set(id, record.paper.tldr);
  });
  const citations = tldrs.size === 0 ? data.citations : withTldrs(data.citations, tldrs);
  return {
    ...data,
    citations,
    referencesByCiting,
    provenance: { ...data.provenance, batchSampled: Object.keys(referencesByCiting).length },
  };
}

function withTldrs(citations: readonly Citation[], tldrs: ReadonlyMap<string, string>): Citation[] {
  return citations.map((citation) => {
    const tldr = tldrs.get(citation.citing.paperId);
    return tldr === undefined || citation.citing.tldr === tldr ? citation : { ...citation, citing: { ...citation.citing, tldr } };
  });
}

/** During a refresh, a failed optional stage keeps what the previous fetch had for that section. */
function keepPreviousSection(data: HubData, previous: HubData, stage: StageName, reason: string): HubData {
  const message = `Kept from the previous fetch: ${reason}`;
  const progress = { ...previous.stages[stage], status: 'done' as const, message };
  let next: HubData;
  switch (stage) {
    case 'batch': {
      const listed = new Set(data.citations.map((citation) => citation.citing.paperId));
      const referencesByCiting = { ...data.referencesByCiting };
      for (const [id, references] of Object.entries(previous.referencesByCiting)) {
        if (listed.has(id) && !(id in referencesByCiting)) referencesByCiting[id] = references;
      }
      const previousTldrs = new Map<string, string>();
      for (const citation of previous.citations) if (citation.citing.tldr) previousTldrs.set(citation.citing.paperId, citation.citing.tldr);
      const citations = data.citations.map((citation) => {
        const tldr = previousTldrs.get(citation.citing.paperId);
        return citation.citing.tldr || tldr === undefined ? citation : { ...citation, citing: { ...citation.citing, tldr } };
      });
      next = { ...data, citations, referencesByCiting, provenance: { ...data.provenance, batchSampled: Object.keys(referencesByCiting).length } };
      break;
    }
    case 'cocitedMeta':
      next = { ...data, coCitedPapers: previous.coCitedPapers };
      break;
    case 'recommendations':
      next = { ...data, recommendations: previous.recommendations };
      break;
    case 'references':
      next = { ...data, references: previous.references };
      break;
    case 'yearCounts':
      next = { ...data, yearCounts: previous.yearCounts };
      break;
    default:
      next = data;
  }
  return { ...next, stages: { ...next.stages, [stage]: progress } };
}

const SEQUENTIAL_STAGES: readonly StageName[] = ['paper', 'citations', 'yearCounts', 'batch', 'cocitedMeta', 'recommendations', 'references'];

/** The panel shows which stage is under way: the first queued one once the one before it has finished. */
function markNextStageRunning(data: HubData): HubData {
  if (SEQUENTIAL_STAGES.some((stage) => data.stages[stage].status === 'running')) return data;
  const next = SEQUENTIAL_STAGES.find((stage) => data.stages[stage].status === 'queued');
  return next ? withStage(data, next, { status: 'running' }) : data;
}
