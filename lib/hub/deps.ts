import type { CitedWork } from '../classify/citedClause';
/**
 * What the hub service needs from the rest of the extension. Everything is injected so that
 * lib/hub never imports the sources, analytics or classifier modules (nor any browser API):
 * the background entrypoint wires the real ones, tests pass small fakes.
 */
import type { CitationHubDb } from '../db/database';
import { DEFAULT_CACHE_CAP_BYTES, DEFAULT_CACHE_LIFETIME_MS } from '../db/cache';
import type { CitationSource, FallbackSource, SchedulerState, YearCountsSource } from '../sources/types';
import type { Intent, IntentLabel, PolarityLabel } from '../domain/labels';

/** Labels one citation sentence. May be synchronous or return a promise (a model still loading). */
export interface SentenceLabeler {
  /** Version of the local models; cached sentences labelled by another version are relabelled on open. */
  readonly modelVersion: string;
  /** `cited`: the cited paper's first author and year, so author–year mentions of other works can be told apart. */
  labelSentence(text: string, sourceIntents: Intent[], cited?: CitedWork): SentenceLabels | Promise<SentenceLabels>;
}

export interface SentenceLabels {
  intent: IntentLabel;
  polarity: PolarityLabel;
  modelVersion: string;
}

/** Ranks the works most often cited together with the target (lib/analytics provides the real one). */
export type TopCoCitedIds = (referencesByCiting: Record<string, string[]>, targetPaperId: string, n: number) => string[];

export interface HubSettings {
  /** A complete cached hub younger than this opens without any request. */
  cacheLifetimeMs: number;
  /** Total size of cached hubs before the least recently opened ones are evicted. */
  cacheCapBytes: number;
  /** Citing papers whose references and TL;DRs the batch stage fetches (the co-citation sample). */
  sampleSize: number;
}

export const DEFAULT_HUB_SETTINGS: HubSettings = {
  cacheLifetimeMs: DEFAULT_CACHE_LIFETIME_MS,
  cacheCapBytes: DEFAULT_CACHE_CAP_BYTES,
  sampleSize: 2_000,
};

/** Schedules `fn` after `ms`; returns a function that cancels it. */
export type SetTimer = (fn: () => void, ms: number) => () => void;

export interface HubServiceDeps {
  db: CitationHubDb;
  source: CitationSource;
  fallback?: FallbackSource;
  /** OpenAlex's citations per year, for the timeline when the source lists fewer citing papers than it reports. */
  yearCounts?: YearCountsSource;
  labeler: SentenceLabeler;
  topCoCitedIds: TopCoCitedIds;
  now: () => number;
  /** Read at every open, so a changed setting applies to the next hub opened. Missing fields take defaults. */
  settings: () => Partial<HubSettings>;
  /** The request scheduler's rate-limit state, for the retry time shown while a 429 is waited out. */
  schedulerState?: () => SchedulerState | null;
  /**
   * Timer for automatic retries (rate-limited, offline). The background may back it with alarms;
   * defaults to setTimeout. Snapshot throttling always uses setTimeout (it is sub-second).
   */
  setTimer?: SetTimer;
  /** Minimum gap between two progress snapshots of one paper (default 250 ms; 0 emits every step). */
  emitIntervalMs?: number;
  /** How often schedulerState is read while a request is out (default 1,000 ms). */
  schedulerPollMs?: number;
}

export function resolveSettings(partial: Partial<HubSettings>): HubSettings {
  return {
    cacheLifetimeMs: partial.cacheLifetimeMs ?? DEFAULT_HUB_SETTINGS.cacheLifetimeMs,
    cacheCapBytes: partial.cacheCapBytes ?? DEFAULT_HUB_SETTINGS.cacheCapBytes,
    sampleSize: partial.sampleSize ?? DEFAULT_HUB_SETTINGS.sampleSize,
  };
}

export const defaultSetTimer: SetTimer = (fn, ms) => {
  const handle = setTimeout(fn, Math.max(0, ms));
  return () => clearTimeout(handle);
};
