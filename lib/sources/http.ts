import { SourceError, type SourceErrorKind } from './types';

/** The part of a fetch Response this layer reads; a real `Response` satisfies it. */
export interface FetchResponseLike {
  status: number;
  headers: { get(name: string): string | null };
  text(): Promise<string>;
}

export interface FetchInitLike {
  method?: string;
  headers?: Record<string, string>;
  body?: string;
  signal?: AbortSignal;
}

/** `globalThis.fetch` or a test double. */
export type FetchLike = (url: string, init: FetchInitLike) => Promise<FetchResponseLike>;

export interface JsonRequest {
  method?: 'GET' | 'POST';
  url: string;
  /** Serialised as JSON with `content-type: application/json`. */
  body?: unknown;
  headers?: Record<string, string>;
}

export interface JsonResponse {
  status: number;
  data: unknown;
  headers: FetchResponseLike['headers'];
}

/**
 * Never thrown: every outcome of one HTTP exchange as a value, so the scheduler can decide
 * whether to wait and retry. `retryAfterMs` comes from `Retry-After` (or a JSON `retryAfter`).
 */
export type HttpResult =
  | { ok: true; value: JsonResponse }
  | { ok: false; error: SourceError; retryAfterMs: number | null };

export interface FetchJsonOptions {
  /** Default 30 s. A timeout counts as `server` (see below). */
  timeoutMs?: number;
  /** The caller's own cancellation; its abort rejects with the signal's reason instead of a SourceError. */
  signal?: AbortSignal;
  /** For HTTP-date `Retry-After` values. */
  now?: () => number;
}

export const DEFAULT_TIMEOUT_MS = 30_000;

/**
 * One JSON exchange, classified into the SourceError kinds the hub states are built on.
 *
 * Choices worth knowing:
 * - A timeout is `server`, not `offline`: the browser reached the network (a dead network makes
 *   fetch throw at once, which is `offline`), so a hang means the API is overloaded — S2 answers
 *   504 in the same situation — and the scheduler retries it with backoff like a 5xx.
 * - A 429 is recognised by status alone: API-gateway 429s may lack CORS headers and carry HTML.
 * - A 2xx body that is HTML, not JSON, or only `{"error": …}` is `malformed`.
 * - Error messages name the host and path only, never query strings (an OpenAlex key travels there).
 */
export async function fetchJson(fetchImpl: FetchLike, request: JsonRequest, options: FetchJsonOptions = {}): Promise<HttpResult> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const now = options.now ?? Date.now;
  const where = describeUrl(request.url);
  const timeout = new AbortController();
  const timer = setTimeout(() => timeout.abort(), timeoutMs);
  const detachCaller = linkAbort(options.signal, timeout);
  const headers: Record<string, string> = { accept: 'application/json', ...request.headers };
  let body: string | undefined;
  if (request.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(request.body);
  }

  try {
    let response: FetchResponseLike;
    try {
      response = await fetchImpl(request.url, { method: request.method ?? 'GET', headers, body, signal: timeout.signal });
    } catch (cause) {
      return failure(abortedOrNetwork(cause, options.signal, timeout.signal, timeoutMs, where, 'request'));
    }

    let text: string;
    try {
      text = await response.text();
    } catch (cause) {
      return failure(abortedOrNetwork(cause, options.signal, timeout.signal, timeoutMs, where, 'body'));
    }
    return classifyResponse(response.status, response.headers, text, where, now());
  } finally {
    clearTimeout(timer);
    detachCaller();
  }
}

/** Turns a received status + body into a result. Exported for tests of the classification table. */
export function classifyResponse(status: number, headers: FetchResponseLike['headers'], text: string, where: string, nowMs: number): HttpResult {
  const parsed = parseJsonBody(text, headers.get('content-type'));
  const detail = parsed.ok ? errorMessageOf(parsed.value) : null;

  if (status >= 200 && status < 300) {
    if (!parsed.ok) return failure(new SourceError('malformed', `${where}: ${parsed.reason}`, status));
    if (isOnlyAnError(parsed.value)) {
      return failure(new SourceError('malformed', `${where}: 200 carrying only an error: ${detail ?? 'unknown'}`, status));
    }
    return { ok: true, value: { status, data: parsed.value, headers } };
  }

  const retryAfterMs = parseRetryAfter(headers.get('retry-after'), nowMs) ?? (parsed.ok ? retryAfterFromBody(parsed.value) : null);
  const kind = kindForStatus(status);
  const message = `${where}: HTTP ${status}${detail ? ` — ${detail}` : ''}`;
  return { ok: false, error: new SourceError(kind, message, status), retryAfterMs };
}

export function kindForStatus(status: number): SourceErrorKind {
  if (status === 429) return 'rate-limited';
  if (status === 404 || status === 410) return 'not-found';
  if (status === 401 || status === 403) return 'forbidden';
  // 408 is the server giving up on a slow exchange: the same situation as a timeout.
  if (status === 408 || status >= 500) return 'server';
  if (status >= 400) return 'bad-request';
  // 1xx/3xx reaching us means redirects were not followed or something odd sat in between.
  return 'malformed';
}

/**
 * `Retry-After` as milliseconds from now: delta-seconds (`"32"`, tolerated `"1.5"`) or an HTTP date.
 * Null when absent or unparseable; never negative.
 */
export function parseRetryAfter(value: string | null | undefined, nowMs: number): number | null {
  if (value === null || value === undefined) return null;
  const trimmed = value.trim();
  if (trimmed === '') return null;
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  // A date needs letters (weekday/month names); this keeps "-5" or "12abc" from parsing as one.
  if (!/[a-z]/i.test(trimmed)) return null;
  const at = Date.parse(trimmed);
  if (Number.isNaN(at)) return null;
  return Math.max(0, at - nowMs);
}

function retryAfterFromBody(body: unknown): number | null {
  // OpenAlex puts `retryAfter` (seconds) in its 429 body as well as the header.
  if (isRecord(body) && typeof body.retryAfter === 'number' && Number.isFinite(body.retryAfter) && body.retryAfter >= 0) {
    return Math.round(body.retryAfter * 1000);
  }
  return null;
}

type ParsedBody = { ok: true; value: unknown } | { ok: false; reason: string };

function parseJsonBody(text: string, contentType: string | null): ParsedBody {
  const start = text.trimStart();
  if (/html/i.test(contentType ?? '') || start.startsWith('<')) return { ok: false, reason: 'an HTML page instead of JSON' };
  if (start === '') return { ok: false, reason: 'an empty body' };
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false, reason: 'truncated or invalid JSON' };
  }
}

function isOnlyAnError(value: unknown): boolean {
  if (!isRecord(value) || !('error' in value)) return false;
  return Object.keys(value).every((key) => key === 'error' || key === 'message' || key === 'code');
}

function errorMessageOf(value: unknown): string | null {
  if (!isRecord(value)) return null;
  // OpenAI-style servers nest it: {"error": {"message": "…", "type": "…"}}.
  const nested = isRecord(value.error) && typeof value.error.message === 'string' ? value.error.message : null;
  const text = typeof value.error === 'string' ? value.error : typeof value.message === 'string' ? value.message : nested;
  return text === null ? null : text.slice(0, 300);
}

function abortedOrNetwork(
  cause: unknown,
  callerSignal: AbortSignal | undefined,
  timeoutSignal: AbortSignal,
  timeoutMs: number,
  where: string,
  phase: 'request' | 'body',
): SourceError {
  if (callerSignal?.aborted) throw callerSignal.reason ?? cause;
  if (timeoutSignal.aborted) return new SourceError('server', `${where}: no answer within ${Math.round(timeoutMs / 1000)} s`);
  const reason = cause instanceof Error ? cause.message : String(cause);
  return new SourceError('offline', `${where}: network error${phase === 'body' ? ' while reading the body' : ''} (${reason})`);
}

function failure(error: SourceError): HttpResult {
  return { ok: false, error, retryAfterMs: null };
}

/** Aborts `target` when `source` aborts; returns the detach function. */
function linkAbort(source: AbortSignal | undefined, target: AbortController): () => void {
  if (!source) return () => {};
  if (source.aborted) {
    target.abort();
    return () => {};
  }
  const onAbort = () => target.abort();
  source.addEventListener('abort', onAbort, { once: true });
  return () => source.removeEventListener('abort', onAbort);
}

/** Host + path, without the query string (which may hold an API key). */
export function describeUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.host}${parsed.pathname}`;
  } catch {
    return url.split('?')[0] ?? url;
  }
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
