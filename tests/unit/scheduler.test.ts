import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createScheduler, type AttemptResult, type SchedulerOptions } from '../../lib/sources/scheduler';
import { createSemanticScholarClient } from '../../lib/sources/semanticScholar/client';
import { SourceError, type SchedulerState } from '../../lib/sources/types';
import { createFakeFetch, type StoredInteraction, type StoredResponse } from '../../lib/sources/testing/fakeFetch';
import { createVirtualClock } from '../../lib/sources/testing/virtualClock';
import { REPO_ROOT, S2_FIXTURES } from '../paths';

const CONSTRUCTED = resolve(REPO_ROOT, 'tests', 'fixtures', 's2-constructed');
const S2_HOST = 'api.semanticscholar.org';
const S2_URL = 'https://api.semanticscholar.org/graph/v1/paper/x';

function storedResponse(dir: string, name: string): StoredResponse {
  const file = JSON.parse(readFileSync(resolve(dir, name), 'utf8')) as { interactions: StoredInteraction[] };
  const first = file.interactions[0];
  if (!first) throw new Error(`${name} is empty`);
  return first.response;
}

const TOO_MANY = storedResponse(CONSTRUCTED, '429-no-headers.json');
const TOO_MANY_HTML = storedResponse(CONSTRUCTED, '429-html.json');
const TOO_MANY_WAIT_3S = storedResponse(CONSTRUCTED, '429-retry-after.json');
const SERVER_ERROR = storedResponse(CONSTRUCTED, '500.json');
const PAPER = storedResponse(S2_FIXTURES, 'test_get_paper.json');

function setup(options: SchedulerOptions = {}) {
  const clock = createVirtualClock();
  const scheduler = createScheduler({ now: clock.now, sleep: clock.sleep, random: () => 0.5, ...options });
  const states: SchedulerState[] = [];
  scheduler.subscribe((state) => states.push(state));
  return { clock, scheduler, states };
}

/** An attempt that records its start time and returns the scripted outcomes in order. */
function scripted<T>(clock: { now(): number }, outcomes: AttemptResult<T>[]) {
  const starts: number[] = [];
  const attempt = async (): Promise<AttemptResult<T>> => {
    starts.push(clock.now());
    const outcome = outcomes[Math.min(starts.length - 1, outcomes.length - 1)];
    if (!outcome) throw new Error('no outcome scripted');
    return outcome;
  };
  return { attempt, starts };
}

const ok = <T>(value: T): AttemptResult<T> => ({ ok: true, value });
const limited = (retryAfterMs: number | null = null): AttemptResult<never> => ({
  ok: false,
  error: new SourceError('rate-limited', 'HTTP 429', 429),
  retryAfterMs,
});

function gaps(starts: number[]): number[] {
  return starts.slice(1).map((start, index) => start - (starts[index] as number));
}

describe('request scheduler', () => {
  it('starts Semantic Scholar requests at least 1 s apart, in the order they were queued', async () => {
    const { clock, scheduler } = setup();
    const starts: [string, number][] = [];
    const job = (name: string) => scheduler.schedule(S2_URL, async () => (starts.push([name, clock.now()]), ok(name)));
    const results = await clock.run(Promise.all(['a', 'b', 'c', 'd'].map(job)));
    expect(results).toEqual(['a', 'b', 'c', 'd']);
    expect(starts.map(([name]) => name)).toEqual(['a', 'b', 'c', 'd']);
    expect(gaps(starts.map(([, at]) => at))).toEqual([1_000, 1_000, 1_000]);
  });

  it('does not hold one host back for another', async () => {
    const { clock, scheduler } = setup();
    const forever = scripted(clock, [limited(60_000), ok('s2')]);
    const openAlex = scripted(clock, [ok('oa')]);
    const t0 = clock.now();
    const s2 = scheduler.schedule(S2_URL, forever.attempt);
    const oa = scheduler.schedule('https://api.openalex.org/works/W1', openAlex.attempt);
    expect(await clock.run(oa)).toBe('oa');
    expect(openAlex.starts).toEqual([t0]);
    expect(await clock.run(s2)).toBe('s2');
    expect(forever.starts).toEqual([t0, t0 + 60_000]);
  });

  it('backs off with full jitter: each wait is random·min(60 s, 1 s·2^(n−1)), never under the 1 s spacing', async () => {
    const { clock, scheduler } = setup({ random: () => 0.99 });
    const script = scripted(clock, [limited(), limited(), limited(), limited(), limited(), ok('done')]);
    expect(await clock.run(scheduler.schedule(S2_URL, script.attempt))).toBe('done');
    // 0.99·1000 = 990 is below the 1 s spacing, which wins; then 1980, 3960, 7920, 15840.
    expect(gaps(script.starts)).toEqual([1_000, 1_980, 3_960, 7_920, 15_840]);
  });

  it('lets a longer Retry-After win over the backoff, and a longer backoff win over Retry-After', async () => {
    const { clock, scheduler } = setup({ random: () => 0.99, maxDelayMs: 60_000 });
    // Attempt 5's backoff ceiling is 16 s → 15,840 ms, longer than the 2 s Retry-After.
    const script = scripted(clock, [limited(7_000), limited(), limited(), limited(), limited(2_000), ok('done')]);
    await clock.run(scheduler.schedule(S2_URL, script.attempt));
    expect(gaps(script.starts)).toEqual([7_000, 1_980, 3_960, 7_920, 15_840]);
  });

  it('survives a 429 storm (no CORS headers, HTML bodies, then Retry-After) and recovers, through the S2 client', async () => {
    const { clock, scheduler, states } = setup({ random: () => 0.3 });
    const storm = [TOO_MANY, TOO_MANY_HTML, TOO_MANY, TOO_MANY_WAIT_3S, TOO_MANY, PAPER];
    const starts: number[] = [];
    const fetch = createFakeFetch((request) => {
      starts.push(clock.now());
      const isPaper = request.url.includes('/paper/ARXIV:');
      return isPaper ? (storm[Math.min(starts.length - 1, storm.length - 1)] as StoredResponse) : { status: 200, body: { offset: 0, data: [] } };
    });
    const client = createSemanticScholarClient({ fetch, scheduler });
    // A second request queued behind the storm must wait for it too.
    const [paper, page] = await clock.run(Promise.all([client.getPaper('2106.15928'), client.getCitationsPage('abc', 0, 100)]));

    expect(paper.title).toBe('Computing Machinery and Intelligence');
    expect(page.citations).toEqual([]);
    expect(fetch.requests).toHaveLength(7);
    for (const gap of gaps(starts)) expect(gap).toBeGreaterThanOrEqual(1_000);
    // The 4th answer said Retry-After: 3 — the 5th attempt started no sooner than 3 s after the 4th.
    expect((starts[4] as number) - (starts[3] as number)).toBeGreaterThanOrEqual(3_000);
    // Every request was the same one: a 429 changes nothing but the timing.
    expect(new Set(fetch.requests.slice(0, 6).map((request) => request.url)).size).toBe(1);

    const waiting = states.filter((state) => state.rateLimited);
    // One announced retry time per 429, for the UI's "next try at …".
    expect(new Set(waiting.map((state) => state.nextRetryAt)).size).toBe(5);
    expect(waiting.every((state) => state.host === S2_HOST && state.nextRetryAt !== null)).toBe(true);
    expect(states.at(-1)).toEqual({ host: S2_HOST, rateLimited: false, nextRetryAt: null, attempts: 0 });
  });

  it('gives up after 8 attempts with a rate-limited error that says when it will try again', async () => {
    const { clock, scheduler } = setup();
    const script = scripted(clock, [limited()]);
    const failure = await clock.run(scheduler.schedule(S2_URL, script.attempt)).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(SourceError);
    const error = failure as SourceError;
    expect(error.kind).toBe('rate-limited');
    expect(script.starts).toHaveLength(8);
    const state = scheduler.getState(S2_HOST);
    expect(state.rateLimited).toBe(true);
    expect(state.nextRetryAt).toBe(error.retryAt);
    expect(error.retryAt).toBeGreaterThan(clock.now());

    // The next request to the host waits until then.
    const next = scripted(clock, [ok('later')]);
    expect(await clock.run(scheduler.schedule(S2_URL, next.attempt))).toBe('later');
    expect(next.starts[0]).toBeGreaterThanOrEqual(error.retryAt as number);
    expect(scheduler.getState(S2_HOST).rateLimited).toBe(false);
  });

  it('gives up at once when Retry-After is longer than it is willing to queue (a spent daily budget)', async () => {
    const { clock, scheduler } = setup();
    const t0 = clock.now();
    const script = scripted(clock, [limited(8 * 3_600_000)]);
    const error = (await clock.run(scheduler.schedule('https://api.openalex.org/works', script.attempt)).catch((e: unknown) => e)) as SourceError;
    expect(error.kind).toBe('rate-limited');
    expect(script.starts).toHaveLength(1);
    expect(error.retryAt).toBe(t0 + 8 * 3_600_000);
  });

  it('retries 5xx a few times, then reports server; never retries 404, 400 or a dead network', async () => {
    const { clock, scheduler } = setup();
    const serverDown = scripted(clock, [{ ok: false, error: new SourceError('server', 'HTTP 500', 500) }]);
    const error = (await clock.run(scheduler.schedule(S2_URL, serverDown.attempt)).catch((e: unknown) => e)) as SourceError;
    expect([error.kind, serverDown.starts.length]).toEqual(['server', 4]);
    expect(scheduler.getState(S2_HOST).rateLimited).toBe(false);

    for (const kind of ['not-found', 'bad-request', 'offline', 'forbidden', 'malformed'] as const) {
      const once = scripted(clock, [{ ok: false, error: new SourceError(kind, kind) }]);
      const failure = (await clock.run(scheduler.schedule(S2_URL, once.attempt)).catch((e: unknown) => e)) as SourceError;
      expect([failure.kind, once.starts.length]).toEqual([kind, 1]);
    }
  });

  it('retries a real 500 then succeeds through the S2 client', async () => {
    const { clock, scheduler } = setup();
    const fetch = createFakeFetch((_request, index) => (index < 2 ? SERVER_ERROR : PAPER));
    const client = createSemanticScholarClient({ fetch, scheduler });
    const paper = await clock.run(client.getPaper('2106.15928'));
    expect(paper.paperId).toBe('2d5673caa9e6af3a7b82a43f19ee920992db07ad');
    expect(fetch.requests).toHaveLength(3);
  });

  it('cancels a queued request without ever sending it', async () => {
    const { clock, scheduler } = setup();
    const first = scripted(clock, [ok(1)]);
    const second = scripted(clock, [ok(2)]);
    const controller = new AbortController();
    const a = scheduler.schedule(S2_URL, first.attempt);
    const b = scheduler.schedule(S2_URL, second.attempt, { signal: controller.signal });
    controller.abort(new Error('navigated away'));
    expect(await clock.run(a)).toBe(1);
    await expect(clock.run(b)).rejects.toThrow('navigated away');
    expect(second.starts).toEqual([]);
  });

  it('keeps working when a listener throws, and stops notifying after unsubscribe', async () => {
    const { clock, scheduler } = setup();
    scheduler.subscribe(() => {
      throw new Error('broken panel');
    });
    const seen: SchedulerState[] = [];
    const unsubscribe = scheduler.subscribe((state) => seen.push(state));
    await clock.run(scheduler.schedule(S2_URL, scripted(clock, [limited(), ok(1)]).attempt));
    const count = seen.length;
    expect(count).toBeGreaterThan(0);
    unsubscribe();
    await clock.run(scheduler.schedule(S2_URL, scripted(clock, [ok(2)]).attempt));
    expect(seen.length).toBe(count);
  });

  it('applies a changed interval to later requests', async () => {
    const { clock, scheduler } = setup();
    scheduler.setMinInterval(S2_HOST, 250);
    const starts: number[] = [];
    await clock.run(Promise.all([1, 2, 3].map(() => scheduler.schedule(S2_URL, async () => (starts.push(clock.now()), ok(0))))));
    expect(gaps(starts)).toEqual([250, 250]);
  });

  it('rejects a URL it cannot parse as bad-request', async () => {
    const { scheduler } = setup();
    await expect(scheduler.schedule('not a url', async () => ok(1))).rejects.toMatchObject({ kind: 'bad-request' });
  });
});

describe('pacing across a service-worker restart', () => {
  it('a restarted worker waits out the previous worker’s spacing and backoff', async () => {
    const saved = new Map<string, { lastStartAt: number; notBefore: number }>();
    const store = {
      load: async () => Object.fromEntries(saved),
      save: (host: string, pacing: { lastStartAt: number; notBefore: number }) => void saved.set(host, { ...pacing }),
    };
    const first = setup({ pacingStore: store });
    const t0 = first.clock.now();
    await first.clock.run(first.scheduler.schedule(S2_URL, async () => ok('before the restart')));
    expect(saved.get(S2_HOST)?.lastStartAt).toBe(t0);

    // A new worker 300 ms later: a fresh scheduler, same store, clock carried on.
    const clock = createVirtualClock(t0 + 300);
    const restarted = createScheduler({ now: clock.now, sleep: clock.sleep, random: () => 0.5, pacingStore: store });
    const script = scripted(clock, [ok('after the restart')]);
    expect(await clock.run(restarted.schedule(S2_URL, script.attempt))).toBe('after the restart');
    expect(script.starts).toEqual([t0 + 1_000]);
  });

  it('honours a Retry-After that the previous worker was waiting out', async () => {
    const store = {
      load: async () => ({ [S2_HOST]: { lastStartAt: 1_750_000_000_000, notBefore: 1_750_000_030_000 } }),
      save: () => {},
    };
    const clock = createVirtualClock(1_750_000_005_000);
    const scheduler = createScheduler({ now: clock.now, sleep: clock.sleep, random: () => 0.5, pacingStore: store });
    const script = scripted(clock, [ok('x')]);
    await clock.run(scheduler.schedule(S2_URL, script.attempt));
    expect(script.starts).toEqual([1_750_000_030_000]);
  });

  it('still runs requests when the store cannot be read', async () => {
    const store = { load: () => Promise.reject(new Error('storage gone')), save: () => {} };
    const clock = createVirtualClock();
    const scheduler = createScheduler({ now: clock.now, sleep: clock.sleep, pacingStore: store });
    expect(await clock.run(scheduler.schedule(S2_URL, async () => ok('fine')))).toBe('fine');
  });
});
