import type { Route } from 'playwright-core';
import { createSemanticScholarResponder, type SemanticScholarDataset } from '../../../lib/sources/semanticScholar/sampleServer';
import type { ExtensionSession } from '../harness';

/** Chromium network error codes `route.abort` accepts that the tests use. */
export type NetworkFailure = 'timedout' | 'internetdisconnected' | 'connectionreset' | 'connectionrefused' | 'failed';

/**
 * One answer of the fake API. Unlike the base harness, nothing is added to the headers: a reply
 * without `access-control-allow-origin` really lacks it (API-gateway 429s do).
 */
export type FaultReply = { status: number; headers?: Record<string, string>; body: string } | { abort: NetworkFailure };

export interface ApiCall {
  /** 0-based, in arrival order across both API hosts. */
  index: number;
  method: string;
  url: string;
  body: string | null;
  startedAt: number;
  /** Set once answered: the status sent, or the network failure simulated. */
  answer?: { status: number } | { abort: NetworkFailure };
}

export type FaultResponder = (call: ApiCall) => FaultReply | Promise<FaultReply>;

export interface FaultyApi {
  /** Every request that reached Semantic Scholar or OpenAlex, in arrival order. */
  calls: ApiCall[];
  setResponder(responder: FaultResponder): void;
  /** Calls to one host (e.g. `api.semanticscholar.org`). */
  callsTo(host: string): ApiCall[];
}

/**
 * Takes over the fake Semantic Scholar and OpenAlex of a harness session with a responder that
 * can also fail at the network level. Routes registered later win in Playwright, so the harness's
 * own API routes stay installed but are never reached; its `apiRequests` still gets every call.
 */
export async function installFaultyApi(session: ExtensionSession, responder: FaultResponder): Promise<FaultyApi> {
  const calls: ApiCall[] = [];
  let current = responder;

  const answer = async (route: Route) => {
    const request = route.request();
    const call: ApiCall = { index: calls.length, method: request.method(), url: request.url(), body: request.postData(), startedAt: Date.now() };
    calls.push(call);
    session.apiRequests.push({ method: call.method, url: call.url, startedAt: call.startedAt });
    let reply: FaultReply;
    try {
      reply = await current(call);
    } catch (error) {
      reply = { status: 599, headers: { 'content-type': 'text/plain' }, body: `test responder threw: ${String(error)}` };
    }
    try {
      if ('abort' in reply) {
        call.answer = { abort: reply.abort };
        await route.abort(reply.abort);
      } else {
        call.answer = { status: reply.status };
        await route.fulfill({ status: reply.status, headers: reply.headers ?? {}, body: reply.body });
      }
    } catch {
      // The requester went away (service worker stopped, page closed): nothing left to answer.
    }
  };

  await session.context.route('https://api.semanticscholar.org/**', answer);
  await session.context.route('https://api.openalex.org/**', answer);
  return {
    calls,
    setResponder(next) {
      current = next;
    },
    callsTo(host) {
      return calls.filter((call) => new URL(call.url).host === host);
    },
  };
}

/** The sample Semantic Scholar over a dataset; OpenAlex answers 404 (it knows nothing). */
export function datasetResponder(dataset: SemanticScholarDataset): FaultResponder {
  const s2 = createSemanticScholarResponder(dataset);
  return (call) => {
    if (new URL(call.url).host === 'api.openalex.org') return jsonReply(404, { error: 'Not found' });
    const answer = s2(call.method, call.url, call.body ? (JSON.parse(call.body) as unknown) : undefined);
    return { status: answer.status, headers: answer.headers, body: answer.body };
  };
}

export function jsonReply(status: number, value: unknown, extraHeaders: Record<string, string> = {}): FaultReply {
  return { status, headers: { 'content-type': 'application/json', 'access-control-allow-origin': '*', ...extraHeaders }, body: JSON.stringify(value) };
}

/** Requests grouped by what they ask for (method, URL and body). */
export function requestKey(call: Pick<ApiCall, 'method' | 'url' | 'body'>): string {
  return `${call.method} ${call.url} ${call.body ?? ''}`;
}

/**
 * Requests asked again although an earlier identical one was answered with a success: re-asking
 * is only fine after a failure (an error status, a network failure, or `interrupted`: a request
 * the test cut off, e.g. by stopping the worker while it was in flight).
 */
export function repeatedAfterSuccess(calls: readonly ApiCall[], interrupted: ReadonlySet<number> = new Set()): string[] {
  const answered = new Set<string>();
  const repeated: string[] = [];
  for (const call of calls) {
    const key = requestKey(call);
    if (answered.has(key)) repeated.push(key);
    const ok = call.answer !== undefined && 'status' in call.answer && call.answer.status >= 200 && call.answer.status < 300;
    if (ok && !interrupted.has(call.index)) answered.add(key);
  }
  return repeated;
}

/** Gaps (ms) between consecutive request starts. */
export function startGaps(calls: readonly ApiCall[]): number[] {
  return calls.slice(1).map((call, index) => call.startedAt - calls[index]!.startedAt);
}
