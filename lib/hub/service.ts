/**
 * The hub service: one pipeline per paper however many tabs ask (single flight), served from the
 * cache when fresh, refreshed in the background when stale, resumed after the worker was stopped,
 * and retried by itself after rate limits and network failures.
 *
 * Panel states (HubStatus.state):
 *   loading       nothing known yet (the paper request is out)
 *   partial       some stages still queued or running; the data so far is shown
 *   ready         every stage finished (done, failed or skipped)
 *   stale         cached data older than the lifetime, shown while a refresh runs (or after it failed)
 *   rate-limited  a 429 is being waited out (data, if any, still shown); retries at nextRetryAt
 *   offline       the network failed; cached data shown with its age, retried with backoff
 *   error         malformed or failing responses and nothing usable; open(id, {force: true}) retries
 *   not-found     S2 does not know the paper and OpenAlex could not stand in
 *
 * No extension APIs here: the background wires timers, messaging and the `online` event.
 */
import type { CachedHub } from '../db/database';
import { CacheFullError, isFresh, readCachedHub, saveCachedHub, saveProgressOnly, touchCachedHub } from '../db/cache';
import { deleteProgress, readProgress } from '../db/progress';
import type { HubData, HubStatus } from '../domain/hub';
import { parseArxivId } from '../arxiv/id';
import { SourceError } from '../sources/types';
import { defaultSetTimer, resolveSettings, type HubServiceDeps, type HubSettings } from './deps';
import { initialCursor, readCursor, toFetchProgress, type FetchMode, type PipelineWork } from './cursor';
import { emptyHubData, withStage } from './hubData';
import { citedWorkOf, countSentences, labelCitations, needsLabelling } from './labelling';
import { RunCancelled, StageError, describeFailure, runPipeline, type PipelineContext } from './pipeline';

export interface HubSnapshot {
  data: HubData | null;
  status: HubStatus;
}

export type HubListener = (snapshot: HubSnapshot) => void;

export interface OpenOptions {
  /** Refetch even when the cache is fresh, or retry now after an error or while waiting to retry. */
  force?: boolean;
}

export interface HubService {
  /** The paper's current snapshot; starts its fetch, or joins the one already running. */
  open(arxivId: string, options?: OpenOptions): Promise<HubSnapshot>;
  /** Every snapshot of the paper from now on (the current one at once, if any). Returns the unsubscribe. */
  subscribe(arxivId: string, listener: HubListener): () => void;
  /** Retries every hub waiting out a network failure now (call it on the browser's `online` event). */
  retryOfflineNow(): Promise<void>;
  /** Resolves when the paper's work stops (ready, failed, or waiting to retry). For tests and benchmarks. */
  whenSettled(arxivId: string): Promise<HubSnapshot | null>;
  /** Stops timers and abandons running fetches (their progress stays stored and resumes later). */
  dispose(): void;
}

/** Waits before retrying after a network failure: 15 s, 30 s, 1 min, 2 min, then every 5 min. */
export const OFFLINE_RETRY_DELAYS_MS = [15_000, 30_000, 60_000, 120_000, 300_000] as const;
/** When neither the error nor the scheduler says when a rate limit ends. */
export const DEFAULT_RATE_LIMIT_WAIT_MS = 60_000;
const DEFAULT_SCHEDULER_POLL_MS = 1_000;
const DEFAULT_EMIT_INTERVAL_MS = 250;

type Phase = 'idle' | 'starting' | 'running' | 'waiting' | 'failed';

interface Flight {
  arxivId: string;
  phase: Phase;
  listeners: Set<HubListener>;
  snapshot: HubSnapshot | null;
  starting: Promise<HubSnapshot> | null;
  /** Bumped by every new run (and dispose): a run whose token is outdated writes nothing more. */
  runToken: number;
  force: boolean;
  settings: HubSettings;
  work: PipelineWork | null;
  /** During a refresh: the good cached hub that stays on screen. */
  previous: CachedHub | null;
  waitingFor: 'rate-limited' | 'offline' | null;
  cancelRetry: (() => void) | null;
  offlineAttempts: number;
  /** Set while the scheduler itself waits out a 429 for the request in flight. */
  schedulerWaitUntil: number | null;
  persistMessage: string | undefined;
  settledWaiters: Array<(snapshot: HubSnapshot | null) => void>;
  delivered: HubSnapshot | null;
  deliveredAt: number;
  deliveryTimer: ReturnType<typeof setTimeout> | null;
}

export function createHubService(deps: HubServiceDeps): HubService {
  const { db, labeler } = deps;
  const setTimer = deps.setTimer ?? defaultSetTimer;
  const emitIntervalMs = deps.emitIntervalMs ?? DEFAULT_EMIT_INTERVAL_MS;
  const flights = new Map<string, Flight>();
  let disposed = false;

  function flightFor(arxivId: string): Flight {
    let flight = flights.get(arxivId);
    if (!flight) {
      flight = {
        arxivId,
        phase: 'idle',
        listeners: new Set(),
        snapshot: null,
        starting: null,
        runToken: 0,
        force: false,
        settings: resolveSettings(deps.settings()),
        work: null,
        previous: null,
        waitingFor: null,
        cancelRetry: null,
        offlineAttempts: 0,
        schedulerWaitUntil: null,
        persistMessage: undefined,
        settledWaiters: [],
        delivered: null,
        deliveredAt: 0,
        deliveryTimer: null,
      };
      flights.set(arxivId, flight);
    }
    return flight;
  }

  /** Hubs that eviction must leave alone: the ones being fetched or waiting to resume. */
  function activeIds(): string[] {
    return [...flights.values()].filter((flight) => flight.phase !== 'idle' && flight.phase !== 'failed').map((flight) => flight.arxivId);
  }

  // --- snapshots -----------------------------------------------------------------------------------

  function publish(flight: Flight, snapshot: HubSnapshot, urgent = false): void {
    const current = flight.snapshot;
    // A refresh step changes nothing on screen (the stale data stays until it completes): say nothing.
    if (current && current.data === snapshot.data && sameStatus(current.status, snapshot.status)) return;
    flight.snapshot = snapshot;
    if (disposed) return;
    const elapsed = Date.now() - flight.deliveredAt;
    const stateChanged = snapshot.status.state !== flight.delivered?.status.state;
    if (urgent || stateChanged || emitIntervalMs <= 0 || elapsed >= emitIntervalMs) {
      deliver(flight);
    } else if (!flight.deliveryTimer) {
      flight.deliveryTimer = setTimeout(() => deliver(flight), emitIntervalMs - elapsed);
    }
  }

  function deliver(flight: Flight): void {
    if (flight.deliveryTimer) clearTimeout(flight.deliveryTimer);
    flight.deliveryTimer = null;
    const snapshot = flight.snapshot;
    if (!snapshot || snapshot === flight.delivered) return;
    flight.delivered = snapshot;
    flight.deliveredAt = Date.now();
    for (const listener of [...flight.listeners]) {
      try {
        listener(snapshot);
      } catch {
        // A closed tab's listener must not stop the others (nor the fetch).
      }
    }
  }

  function settle(flight: Flight, phase: Phase, snapshot: HubSnapshot): void {
    flight.phase = phase;
    publish(flight, snapshot, true);
    const waiters = flight.settledWaiters.splice(0);
    for (const resolve of waiters) resolve(snapshot);
    releaseIfUnused(flight);
  }

  function releaseIfUnused(flight: Flight): void {
    if (flight.listeners.size > 0 || (flight.phase !== 'idle' && flight.phase !== 'failed')) return;
    if (flights.get(flight.arxivId) === flight) flights.delete(flight.arxivId);
  }

  function withPersistMessage(flight: Flight, status: HubStatus): HubStatus {
    return flight.persistMessage && status.message === undefined ? { ...status, message: flight.persistMessage } : status;
  }

  function runningSnapshot(flight: Flight): HubSnapshot {
    const work = flight.work;
    const previous = flight.previous;
    const data = work?.mode === 'refresh' ? (previous?.data ?? null) : work?.data.paper ? work.data : null;
    if (flight.schedulerWaitUntil !== null) {
      return {
        data,
        status: {
          state: 'rate-limited',
          message: 'Semantic Scholar is limiting requests (HTTP 429); waiting before the next try.',
          nextRetryAt: flight.schedulerWaitUntil,
          ...(data ? { dataFetchedAt: data.provenance.fetchedAt } : {}),
        },
      };
    }
    if (work?.mode === 'refresh' && previous) {
      return { data, status: withPersistMessage(flight, { state: 'stale', dataFetchedAt: previous.fetchedAt }) };
    }
    if (!data) return { data: null, status: { state: 'loading' } };
    return { data, status: withPersistMessage(flight, { state: 'partial' }) };
  }

  // --- starting a run ------------------------------------------------------------------------------

  async function start(flight: Flight): Promise<HubSnapshot> {
    const token = ++flight.runToken;
    flight.phase = 'starting';
    flight.waitingFor = null;
    flight.persistMessage = undefined;
    const now = deps.now();
    const settings = resolveSettings(deps.settings());
    flight.settings = settings;
    try {
      const cached = await readCachedHub(db, flight.arxivId);
      const progress = await readProgress(db, flight.arxivId);
      if (token !== flight.runToken || disposed) return flight.snapshot ?? { data: null, status: { state: 'loading' } };

      let work: PipelineWork;
      if (cached?.complete) {
        const current = await withCurrentLabels(flight, cached, now);
        if (!flight.force && isFresh(current, now, settings.cacheLifetimeMs)) {
          if (progress) await deleteProgress(db, flight.arxivId); // an interrupted refresh that is moot now
          flight.work = null;
          flight.previous = null;
          settle(flight, 'idle', { data: current.data, status: withPersistMessage(flight, { state: 'ready' }) });
          return flight.snapshot!;
        }
        flight.previous = current;
        const resumed = readCursor(progress, 'refresh');
        // A refresh interrupted long ago would mix old and new pages; start it again instead.
        const recent = progress !== undefined && now - progress.startedAt < settings.cacheLifetimeMs;
        work =
          resumed?.refreshData && progress && recent
            ? resumedWork(flight.arxivId, 'refresh', progress.startedAt, resumed.refreshData, resumed.cursor, progress)
            : newWork(flight.arxivId, 'refresh', now);
      } else {
        flight.previous = null;
        const resumed = cached ? readCursor(progress, 'cold') : null;
        work =
          cached && resumed && progress
            ? resumedWork(flight.arxivId, 'cold', progress.startedAt, cached.data, resumed.cursor, progress)
            : newWork(flight.arxivId, 'cold', now);
      }
      if (needsLabelling(work.data.citations, labeler.modelVersion)) {
        work = { ...work, data: { ...work.data, citations: await labelCitations(work.data.citations, labeler, citedWorkOf(work.data.paper)) } };
      }
      if (token !== flight.runToken || disposed) return flight.snapshot ?? { data: null, status: { state: 'loading' } };
      flight.work = work;
      flight.phase = 'running';
      publish(flight, runningSnapshot(flight), true);
      void execute(flight, token);
      return flight.snapshot!;
    } catch (error) {
      settle(flight, 'failed', {
        data: flight.snapshot?.data ?? null,
        status: { state: 'error', message: `Could not read the local cache: ${error instanceof Error ? error.message : String(error)}` },
      });
      return flight.snapshot!;
    } finally {
      flight.starting = null;
    }
  }

  /** A cached hub labelled by an older model is relabelled from its stored sentences, without any request. */
  async function withCurrentLabels(flight: Flight, cached: CachedHub, now: number): Promise<CachedHub> {
    if (!needsLabelling(cached.data.citations, labeler.modelVersion)) {
      // Not awaited: rewriting the row costs as much as reading it, and only the eviction order needs it.
      touchCachedHub(db, flight.arxivId, now).catch(() => {});
      return { ...cached, lastAccessedAt: now };
    }
    const citations = await labelCitations(cached.data.citations, labeler, citedWorkOf(cached.data.paper));
    const sentences = countSentences(citations);
    const data = withStage({ ...cached.data, citations }, 'classify', { done: sentences.labelled, total: sentences.total });
    const relabelled: CachedHub = { ...cached, data, lastAccessedAt: now };
    try {
      await saveCachedHub(db, relabelled, { capBytes: flight.settings.cacheCapBytes, keep: activeIds() });
    } catch (error) {
      flight.persistMessage = persistFailureMessage(error);
    }
    return relabelled;
  }

  // --- running -------------------------------------------------------------------------------------

  async function execute(flight: Flight, token: number): Promise<void> {
    const isCancelled = () => disposed || token !== flight.runToken;
    const work = flight.work;
    if (!work) return;
    const ctx: PipelineContext = {
      source: deps.source,
      ...(deps.fallback ? { fallback: deps.fallback } : {}),
      ...(deps.yearCounts ? { yearCounts: deps.yearCounts } : {}),
      labeler,
      topCoCitedIds: deps.topCoCitedIds,
      sampleSize: flight.settings.sampleSize,
      now: deps.now,
      previous: flight.previous?.data ?? null,
      commit: async (next) => {
        flight.work = next;
        await persistStep(flight, next);
        if (!isCancelled()) publish(flight, runningSnapshot(flight));
      },
      request: (send) => watchScheduler(flight, send, isCancelled),
      isCancelled,
    };
    try {
      const outcome = await runPipeline(work, ctx);
      if (isCancelled()) return;
      try {
        await saveCachedHub(
          db,
          { arxivId: flight.arxivId, data: outcome.data, fetchedAt: outcome.data.provenance.fetchedAt, lastAccessedAt: deps.now(), complete: true },
          { capBytes: flight.settings.cacheCapBytes, keep: activeIds(), progress: 'delete' },
        );
      } catch (error) {
        flight.persistMessage = persistFailureMessage(error);
      }
      if (isCancelled()) return;
      flight.offlineAttempts = 0;
      flight.force = false;
      flight.work = null;
      flight.previous = null;
      settle(flight, 'idle', { data: outcome.data, status: withPersistMessage(flight, { state: 'ready' }) });
    } catch (error) {
      if (isCancelled() || error instanceof RunCancelled) return;
      fail(flight, error);
    }
  }

  async function persistStep(flight: Flight, work: PipelineWork): Promise<void> {
    const now = deps.now();
    const progress = toFetchProgress(work, now);
    try {
      if (work.mode === 'refresh') {
        await saveProgressOnly(db, progress, activeIds());
      } else {
        await saveCachedHub(
          db,
          { arxivId: work.arxivId, data: work.data, fetchedAt: work.startedAt, lastAccessedAt: now, complete: false },
          { capBytes: flight.settings.cacheCapBytes, keep: activeIds(), progress },
        );
      }
    } catch (error) {
      // The fetch goes on in memory; it just cannot resume after a restart.
      flight.persistMessage = persistFailureMessage(error);
    }
  }

  async function watchScheduler<T>(flight: Flight, send: () => Promise<T>, isCancelled: () => boolean): Promise<T> {
    const readState = deps.schedulerState;
    if (!readState) return send();
    const check = () => {
      if (isCancelled()) return;
      const state = readState();
      const until = state?.rateLimited && state.nextRetryAt !== null ? state.nextRetryAt : null;
      if (until === flight.schedulerWaitUntil) return;
      flight.schedulerWaitUntil = until;
      publish(flight, runningSnapshot(flight), true);
    };
    const poll = setInterval(check, deps.schedulerPollMs ?? DEFAULT_SCHEDULER_POLL_MS);
    (poll as { unref?: () => void }).unref?.();
    try {
      return await send();
    } finally {
      clearInterval(poll);
      flight.schedulerWaitUntil = null;
    }
  }

  // --- failures ------------------------------------------------------------------------------------

  function fail(flight: Flight, error: unknown): void {
    const stageError = error instanceof StageError ? error : null;
    const cause = stageError ? stageError.error : error;
    const now = deps.now();
    const work = flight.work;
    const previous = work?.mode === 'refresh' ? flight.previous : null;
    const shown = previous ? previous.data : work?.data.paper ? work.data : null;
    const dataFetchedAt = shown ? { dataFetchedAt: previous ? previous.fetchedAt : shown.provenance.fetchedAt } : {};

    if (cause instanceof SourceError && cause.kind === 'rate-limited') {
      const nextRetryAt = rateLimitRetryAt(cause, now);
      waitThenRetry(flight, 'rate-limited', nextRetryAt - now, {
        data: shown,
        status: {
          state: 'rate-limited',
          message: 'Semantic Scholar is limiting requests (HTTP 429). The fetch continues by itself when the wait is over.',
          nextRetryAt,
          ...dataFetchedAt,
        },
      });
      return;
    }
    if (cause instanceof SourceError && cause.kind === 'offline') {
      const delay = OFFLINE_RETRY_DELAYS_MS[Math.min(flight.offlineAttempts, OFFLINE_RETRY_DELAYS_MS.length - 1)]!;
      flight.offlineAttempts += 1;
      waitThenRetry(flight, 'offline', delay, {
        data: shown,
        status: {
          state: 'offline',
          message: shown
            ? 'You are offline; showing the copy saved earlier. It updates by itself when the connection is back.'
            : 'You are offline and this paper has not been cached yet. It loads by itself when the connection is back.',
          nextRetryAt: now + delay,
          ...dataFetchedAt,
        },
      });
      return;
    }
    if (previous) {
      const state = isFresh(previous, now, flight.settings.cacheLifetimeMs) ? 'ready' : 'stale';
      settle(flight, 'failed', {
        data: previous.data,
        status: { state, message: `Could not refresh: ${describeFailure(cause)} Showing the copy saved earlier.`, dataFetchedAt: previous.fetchedAt },
      });
      return;
    }
    if (stageError?.stage === 'paper' && cause instanceof SourceError && cause.kind === 'not-found') {
      settle(flight, 'failed', {
        data: null,
        status: {
          state: 'not-found',
          message: stageError.fallbackTried
            ? 'Not indexed yet: neither Semantic Scholar nor OpenAlex knows this paper (new papers appear after a few days).'
            : 'Not indexed yet: Semantic Scholar does not know this paper (new papers appear after a few days).',
        },
      });
      return;
    }
    const message = describeFailure(cause);
    const data = shown && stageError ? withStage(shown, stageError.stage, { status: 'failed', message }) : shown;
    settle(flight, 'failed', { data, status: { state: 'error', message: `${message} Try again.` } });
  }

  function rateLimitRetryAt(error: SourceError, now: number): number {
    const fromScheduler = deps.schedulerState?.()?.nextRetryAt ?? null;
    const at = error.retryAt ?? fromScheduler ?? now + DEFAULT_RATE_LIMIT_WAIT_MS;
    return at > now ? at : now + 1_000;
  }

  function waitThenRetry(flight: Flight, reason: 'rate-limited' | 'offline', delayMs: number, snapshot: HubSnapshot): void {
    flight.waitingFor = reason;
    flight.cancelRetry?.();
    flight.cancelRetry = setTimer(() => {
      flight.cancelRetry = null;
      if (disposed || flight.phase !== 'waiting') return;
      flight.starting = start(flight);
    }, Math.max(0, delayMs));
    settle(flight, 'waiting', snapshot);
  }

  // --- public API ----------------------------------------------------------------------------------

  function canonical(arxivId: string): string | null {
    return parseArxivId(arxivId)?.id ?? null;
  }

  return {
    async open(arxivId, options = {}) {
      const id = canonical(arxivId);
      if (!id) return { data: null, status: { state: 'error', message: `"${arxivId}" is not an arXiv identifier.` } };
      const flight = flightFor(id);
      if (flight.phase === 'starting' && flight.starting) return flight.starting;
      if (flight.phase === 'running') return flight.snapshot!;
      if ((flight.phase === 'waiting' || flight.phase === 'failed') && !options.force && flight.snapshot) return flight.snapshot;
      flight.cancelRetry?.();
      flight.cancelRetry = null;
      flight.force = options.force === true;
      flight.starting = start(flight);
      return flight.starting;
    },

    subscribe(arxivId, listener) {
      const id = canonical(arxivId);
      if (!id) return () => {};
      const flight = flightFor(id);
      flight.listeners.add(listener);
      if (flight.snapshot) {
        try {
          listener(flight.snapshot);
        } catch {
          // see deliver()
        }
      }
      return () => {
        flight.listeners.delete(listener);
        releaseIfUnused(flight);
      };
    },

    async retryOfflineNow() {
      const waiting = [...flights.values()].filter((flight) => flight.phase === 'waiting' && flight.waitingFor === 'offline');
      await Promise.all(
        waiting.map((flight) => {
          flight.cancelRetry?.();
          flight.cancelRetry = null;
          flight.offlineAttempts = 0; // the browser says the network is back: start the backoff afresh
          flight.starting = start(flight);
          return flight.starting;
        }),
      );
    },

    whenSettled(arxivId) {
      const id = canonical(arxivId);
      const flight = id ? flights.get(id) : undefined;
      if (!flight) return Promise.resolve(null);
      if (flight.phase !== 'starting' && flight.phase !== 'running') return Promise.resolve(flight.snapshot);
      return new Promise((resolve) => flight.settledWaiters.push(resolve));
    },

    dispose() {
      disposed = true;
      for (const flight of flights.values()) {
        flight.runToken += 1;
        flight.cancelRetry?.();
        flight.cancelRetry = null;
        if (flight.deliveryTimer) clearTimeout(flight.deliveryTimer);
        flight.deliveryTimer = null;
        for (const resolve of flight.settledWaiters.splice(0)) resolve(flight.snapshot);
      }
    },
  };
}

function newWork(arxivId: string, mode: FetchMode, now: number): PipelineWork {
  return { arxivId, mode, startedAt: now, data: emptyHubData(arxivId, now), cursor: initialCursor(), citationOffsets: [], batchesDone: [] };
}

function resumedWork(
  arxivId: string,
  mode: FetchMode,
  startedAt: number,
  data: HubData,
  cursor: PipelineWork['cursor'],
  progress: { citationOffsets: number[]; batchesDone: number[] },
): PipelineWork {
  return { arxivId, mode, startedAt, data, cursor, citationOffsets: [...progress.citationOffsets], batchesDone: [...progress.batchesDone] };
}

function sameStatus(a: HubStatus, b: HubStatus): boolean {
  return a.state === b.state && a.message === b.message && a.nextRetryAt === b.nextRetryAt && a.dataFetchedAt === b.dataFetchedAt;
}

function persistFailureMessage(error: unknown): string {
  if (error instanceof CacheFullError) return error.message;
  return `Could not save this hub for offline use: ${error instanceof Error ? error.message : String(error)}`;
}
