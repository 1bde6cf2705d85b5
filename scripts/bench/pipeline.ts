/**
 * Hub pipeline benchmark, through the real service, the real Semantic Scholar client and the
 * in-memory S2 responder (so requests are real URLs and the bytes are real JSON bodies):
 *   - requests and downloaded bytes for a cold hub of a paper with 5,000 citing papers, its own references included (goal ≤ 13 requests);
 *   - time to open a cached 1,800-citation hub in a fresh service (IndexedDB read + validation), median of 5.
 * IndexedDB is fake-indexeddb (in memory), so the cached-open time excludes disk I/O.
 * Run alone with `npx tsx scripts/bench/pipeline.ts`.
 */
import 'fake-indexeddb/auto';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { topCoCitedIds } from '../../lib/analytics';
import { openDatabase, type CitationHubDb } from '../../lib/db/database';
import { createKeywordLabeler } from '../../lib/hub/fakeSource';
import { createHubService } from '../../lib/hub/service';
import type { FetchLike } from '../../lib/sources/http';
import { createScheduler, SEMANTIC_SCHOLAR_HOST } from '../../lib/sources/scheduler';
import { createSemanticScholarClient } from '../../lib/sources/semanticScholar/client';
import { createSemanticScholarResponder, generateLargeDataset, toFetchResponse } from '../../lib/sources/semanticScholar/sampleServer';
import { formatFigure, type Figure } from './figure';

const CACHED_OPEN_RUNS = 5;

interface Traffic {
  requests: number;
  bytes: number;
}

/** A fetch over the responder that counts requests and the UTF-8 bytes of every response body. */
function countingFetch(arxivId: string, citations: number): { fetch: FetchLike; traffic: Traffic } {
  const responder = createSemanticScholarResponder(generateLargeDataset({ arxivId, citations, seed: 7 }));
  const traffic: Traffic = { requests: 0, bytes: 0 };
  const fetch: FetchLike = async (url, init) => {
    const answer = responder(init.method ?? 'GET', url, init.body ?? null);
    traffic.requests += 1;
    traffic.bytes += Buffer.byteLength(answer.body, 'utf8');
    return toFetchResponse(answer);
  };
  return { fetch, traffic };
}

function createService(db: CitationHubDb, fetch: FetchLike) {
  // No spacing between requests: the benchmark counts requests and bytes, not the 1 RPS wait.
  const scheduler = createScheduler({ minIntervalMs: { [SEMANTIC_SCHOLAR_HOST]: 0 } });
  return createHubService({
    db,
    source: createSemanticScholarClient({ fetch, scheduler }),
    labeler: createKeywordLabeler(),
    topCoCitedIds,
    now: Date.now,
    settings: () => ({}),
    emitIntervalMs: 0,
  });
}

async function coldHub(arxivId: string, citations: number, db: CitationHubDb): Promise<Traffic> {
  const { fetch, traffic } = countingFetch(arxivId, citations);
  const service = createService(db, fetch);
  await service.open(arxivId);
  const final = await service.whenSettled(arxivId);
  service.dispose();
  if (final?.status.state !== 'ready') throw new Error(`cold hub ended ${final?.status.state}: ${final?.status.message ?? ''}`);
  return traffic;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

export async function run(): Promise<Figure[]> {
  const stamp = Date.now();
  const coldDb = openDatabase(`bench-pipeline-cold-${stamp}`);
  const cold = await coldHub('2106.09685', 5_000, coldDb);
  coldDb.close();

  const cachedDb = openDatabase(`bench-pipeline-cached-${stamp}`);
  const cachedId = '2005.14165';
  await coldHub(cachedId, 1_800, cachedDb);
  const times: number[] = [];
  for (let i = 0; i < CACHED_OPEN_RUNS; i += 1) {
    const { fetch, traffic } = countingFetch(cachedId, 1_800);
    const service = createService(cachedDb, fetch);
    const started = performance.now();
    const snapshot = await service.open(cachedId);
    times.push(performance.now() - started);
    service.dispose();
    if (snapshot.status.state !== 'ready' || traffic.requests !== 0) throw new Error('cached open was not served from the cache');
    // Let the background "last opened" write finish, as it would between two page visits.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
  }
  cachedDb.close();

  return [
    { name: 'cold hub requests (5,000 citations, references included)', value: cold.requests, unit: 'requests' },
    { name: 'cold hub bytes (5,000 citations)', value: cold.bytes, unit: 'bytes' },
    { name: 'cached open (service, 1,800 citations)', value: Math.round(median(times) * 100) / 100, unit: 'ms' },
  ];
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  for (const figure of await run()) console.log(formatFigure(figure));
}
