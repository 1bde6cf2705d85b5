/** Shared set-up for the hub service tests: a fresh database, a fake clock, manual retry timers. */
import { openDatabase, type CitationHubDb } from '../../lib/db/database';
import type { HubData } from '../../lib/domain/hub';
import type { HubServiceDeps, HubSettings, SentenceLabeler } from '../../lib/hub/deps';
import { countCoCitedIds, createFakeSource, createKeywordLabeler, generateCorpus, type FakeCorpus, type FakeSource } from '../../lib/hub/fakeSource';
import { createHubService, type HubService, type HubSnapshot } from '../../lib/hub/service';
import type { FallbackSource, SchedulerState, YearCountsSource } from '../../lib/sources/types';

let dbCounter = 0;
export function uniqueDb(): CitationHubDb {
  dbCounter += 1;
  return openDatabase(`hub-test-${dbCounter}-${Math.random().toString(36).slice(2)}`);
}

export const T0 = 1_700_000_000_000;
export const HOUR = 60 * 60 * 1000;

export interface Clock {
  now: () => number;
  advance(ms: number): void;
  set(time: number): void;
}

export function fakeClock(start = T0): Clock {
  let time = start;
  return {
    now: () => time,
    advance: (ms) => {
      time += ms;
    },
    set: (value) => {
      time = value;
    },
  };
}

export interface ManualTimers {
  setTimer: (fn: () => void, ms: number) => () => void;
  pending(): Array<{ ms: number }>;
  /** Fires every pending timer (as if their time had come). */
  fireAll(): void;
}

export function manualTimers(): ManualTimers {
  let timers: Array<{ fn: () => void; ms: number; cancelled: boolean }> = [];
  return {
    setTimer(fn, ms) {
      const timer = { fn, ms, cancelled: false };
      timers.push(timer);
      return () => {
        timer.cancelled = true;
      };
    },
    pending: () => timers.filter((timer) => !timer.cancelled).map(({ ms }) => ({ ms })),
    fireAll() {
      const due = timers.filter((timer) => !timer.cancelled);
      timers = [];
      for (const timer of due) timer.fn();
    },
  };
}

export interface HarnessOptions {
  db?: CitationHubDb;
  corpus?: FakeCorpus;
  source?: FakeSource;
  fallback?: FallbackSource;
  yearCounts?: YearCountsSource;
  labeler?: SentenceLabeler;
  clock?: Clock;
  settings?: Partial<HubSettings>;
  schedulerState?: () => SchedulerState | null;
  emitIntervalMs?: number;
  schedulerPollMs?: number;
}

export interface Harness {
  service: HubService;
  db: CitationHubDb;
  source: FakeSource;
  corpus: FakeCorpus;
  clock: Clock;
  timers: ManualTimers;
  /** Every snapshot delivered to a subscriber of the corpus paper, in order. */
  snapshots: HubSnapshot[];
}

export function createHarness(options: HarnessOptions = {}): Harness {
  const corpus = options.corpus ?? generateCorpus({ citationCount: 1_200 });
  const source = options.source ?? createFakeSource(corpus);
  const db = options.db ?? uniqueDb();
  const clock = options.clock ?? fakeClock();
  const timers = manualTimers();
  const deps: HubServiceDeps = {
    db,
    source,
    labeler: options.labeler ?? createKeywordLabeler(),
    topCoCitedIds: countCoCitedIds,
    now: clock.now,
    settings: () => options.settings ?? {},
    setTimer: timers.setTimer,
    emitIntervalMs: options.emitIntervalMs ?? 0,
    ...(options.fallback ? { fallback: options.fallback } : {}),
    ...(options.yearCounts ? { yearCounts: options.yearCounts } : {}),
    ...(options.schedulerState ? { schedulerState: options.schedulerState } : {}),
    ...(options.schedulerPollMs !== undefined ? { schedulerPollMs: options.schedulerPollMs } : {}),
  };
  const service = createHubService(deps);
  const snapshots: HubSnapshot[] = [];
  service.subscribe(corpus.arxivId, (snapshot) => snapshots.push(snapshot));
  return { service, db, source, corpus, clock, timers, snapshots };
}

/** Opens the paper and waits until its work stops. */
export async function openAndSettle(harness: Harness, options: { force?: boolean } = {}): Promise<HubSnapshot> {
  await harness.service.open(harness.corpus.arxivId, options);
  const settled = await harness.service.whenSettled(harness.corpus.arxivId);
  if (!settled) throw new Error('no snapshot');
  return settled;
}

/** Hub data with the completion time blanked, for comparing two fetches of the same corpus. */
export function withoutTimestamps(data: HubData | null): unknown {
  if (!data) return data;
  return { ...data, provenance: { ...data.provenance, fetchedAt: 0 } };
}

export async function waitFor(condition: () => boolean, timeoutMs = 5_000): Promise<void> {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > timeoutMs) throw new Error('timed out waiting for condition');
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
}
