import type { FetchInitLike, FetchLike, FetchResponseLike } from '../http';

/*
 * Test doubles for the network: a fetch that answers from a handler and records what was asked.
 * Responses are plain objects (no undici streams), so they settle in microtasks and work with a
 * virtual clock. Used by the unit tests; handy for the demo and e2e harnesses too.
 */

export interface RecordedRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: unknown;
}

/** A response as the fixture files store it: headers as arrays or strings, body as JSON or raw text. */
export interface StoredResponse {
  status: number;
  headers?: Record<string, string[] | string>;
  body?: unknown;
}

export interface StoredInteraction {
  request: { method: string; url: string; body: unknown };
  response: StoredResponse;
}

/** What a handler may answer: a response, or `'network-error'` to make fetch reject like a dead network. */
export type FakeAnswer = StoredResponse | 'network-error' | 'hang';

export interface FakeFetch extends FetchLike {
  requests: RecordedRequest[];
}

export function createFakeFetch(handler: (request: RecordedRequest, index: number) => FakeAnswer | Promise<FakeAnswer>): FakeFetch {
  const requests: RecordedRequest[] = [];
  const fake = (async (url: string, init: FetchInitLike) => {
    const request: RecordedRequest = {
      method: init.method ?? 'GET',
      url,
      headers: { ...init.headers },
      body: typeof init.body === 'string' ? JSON.parse(init.body) : (init.body ?? null),
    };
    requests.push(request);
    const answer = await handler(request, requests.length - 1);
    if (answer === 'network-error') throw new TypeError('Failed to fetch');
    if (answer === 'hang') return hangUntilAborted(init.signal);
    return toResponse(answer);
  }) as FakeFetch;
  fake.requests = requests;
  return fake;
}

/** Serves `answers` in order (the last one repeats). */
export function createSequenceFetch(answers: FakeAnswer[]): FakeFetch {
  return createFakeFetch((_request, index) => {
    const answer = answers[Math.min(index, answers.length - 1)];
    if (answer === undefined) throw new Error('createSequenceFetch needs at least one answer');
    return answer;
  });
}

export function toResponse(stored: StoredResponse): FetchResponseLike {
  const headers = new Map<string, string>();
  for (const [name, value] of Object.entries(stored.headers ?? {})) {
    headers.set(name.toLowerCase(), Array.isArray(value) ? value.join(', ') : value);
  }
  const text = typeof stored.body === 'string' ? stored.body : stored.body === undefined ? '' : JSON.stringify(stored.body);
  return {
    status: stored.status,
    headers: { get: (name: string) => headers.get(name.toLowerCase()) ?? null },
    text: async () => text,
  };
}

function hangUntilAborted(signal: AbortSignal | undefined): Promise<FetchResponseLike> {
  return new Promise((_resolve, reject) => {
    const abort = () => reject(signal?.reason ?? new Error('aborted'));
    if (signal?.aborted) abort();
    else signal?.addEventListener('abort', abort, { once: true });
  });
}
