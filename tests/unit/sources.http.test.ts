import { readFileSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fetchJson, parseRetryAfter, type HttpResult } from '../../lib/sources/http';
import { SourceError } from '../../lib/sources/types';
import { createFakeFetch, createSequenceFetch, type StoredInteraction } from '../../lib/sources/testing/fakeFetch';
import { REPO_ROOT, S2_FIXTURES } from '../paths';

const CONSTRUCTED = resolve(REPO_ROOT, 'tests', 'fixtures', 's2-constructed');

function interaction(dir: string, name: string, index = 0): StoredInteraction {
  const file = JSON.parse(readFileSync(resolve(dir, name), 'utf8')) as { interactions: StoredInteraction[] };
  const found = file.interactions[index];
  if (!found) throw new Error(`${name} has no interaction ${index}`);
  return found;
}

async function classify(dir: string, name: string): Promise<HttpResult> {
  const recorded = interaction(dir, name);
  return fetchJson(createSequenceFetch([recorded.response]), { url: recorded.request.url });
}

function failureOf(result: HttpResult) {
  if (result.ok) throw new Error(`expected a failure, got HTTP ${result.value.status}`);
  return result;
}

describe('fetchJson classification', () => {
  it('passes a recorded 200 through with its JSON body', async () => {
    const result = await classify(S2_FIXTURES, 'test_get_paper.json');
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.value.data).toEqual({ paperId: '2d5673caa9e6af3a7b82a43f19ee920992db07ad', title: 'Computing Machinery and Intelligence' });
  });

  it.each([
    [S2_FIXTURES, 'test_not_found.json', 'not-found', 404],
    [S2_FIXTURES, 'test_bad_query_parameters.json', 'bad-request', 400],
    [CONSTRUCTED, '400-too-large.json', 'bad-request', 400],
    [CONSTRUCTED, '403.json', 'forbidden', 403],
    [CONSTRUCTED, '429-retry-after.json', 'rate-limited', 429],
    [CONSTRUCTED, '429-no-headers.json', 'rate-limited', 429],
    [CONSTRUCTED, '429-html.json', 'rate-limited', 429],
    [CONSTRUCTED, '500.json', 'server', 500],
    [CONSTRUCTED, '504.json', 'server', 504],
    [CONSTRUCTED, '502-html.json', 'server', 502],
    [CONSTRUCTED, '200-html.json', 'malformed', 200],
    [CONSTRUCTED, '200-only-error.json', 'malformed', 200],
  ])('%s/%s → %s', async (dir, name, kind, status) => {
    const failure = failureOf(await classify(dir, name));
    expect(failure.error).toBeInstanceOf(SourceError);
    expect(failure.error.kind).toBe(kind);
    expect(failure.error.status).toBe(status);
  });

  it('keeps the server explanation in the message (400 size limit, 404 id)', async () => {
    expect(failureOf(await classify(CONSTRUCTED, '400-too-large.json')).error.message).toMatch(/exceed maximum size/);
    expect(failureOf(await classify(S2_FIXTURES, 'test_not_found.json')).error.message).toMatch(/Paper with id 0 not found/);
  });

  it('reads Retry-After in seconds, and none when the 429 has no headers', async () => {
    expect(failureOf(await classify(CONSTRUCTED, '429-retry-after.json')).retryAfterMs).toBe(3_000);
    expect(failureOf(await classify(CONSTRUCTED, '429-no-headers.json')).retryAfterMs).toBeNull();
    expect(failureOf(await classify(CONSTRUCTED, '429-html.json')).retryAfterMs).toBeNull();
  });

  it('reads Retry-After as an HTTP date relative to now', async () => {
    const recorded = interaction(CONSTRUCTED, '429-retry-after-date.json');
    const now = Date.parse('Wed, 21 Oct 2026 07:27:50 GMT');
    const result = failureOf(await fetchJson(createSequenceFetch([recorded.response]), { url: recorded.request.url }, { now: () => now }));
    expect(result.retryAfterMs).toBe(10_000);
  });

  it('takes OpenAlex-style retryAfter from a 429 body when the header is missing', async () => {
    const fetch = createSequenceFetch([{ status: 429, body: { error: 'Rate limit exceeded', retryAfter: 32 } }]);
    expect(failureOf(await fetchJson(fetch, { url: 'https://api.openalex.org/works' })).retryAfterMs).toBe(32_000);
  });

  it('treats a truncated JSON body and an empty 200 as malformed', async () => {
    const whole = JSON.stringify(interaction(S2_FIXTURES, 'test_get_paper.json').response.body);
    const truncated = createSequenceFetch([{ status: 200, headers: { 'content-type': 'application/json' }, body: whole.slice(0, whole.length - 7) }]);
    expect(failureOf(await fetchJson(truncated, { url: 'https://api.semanticscholar.org/graph/v1/paper/x' })).error.kind).toBe('malformed');
    const empty = createSequenceFetch([{ status: 200, body: '' }]);
    expect(failureOf(await fetchJson(empty, { url: 'https://api.semanticscholar.org/graph/v1/paper/x' })).error.kind).toBe('malformed');
  });

  it('reports a thrown fetch (dead network) as offline', async () => {
    const result = failureOf(await fetchJson(createSequenceFetch(['network-error']), { url: 'https://api.semanticscholar.org/graph/v1/paper/x' }));
    expect(result.error.kind).toBe('offline');
  });

  it('reports a body that fails mid-read as offline', async () => {
    const fetch = async () => ({ status: 200, headers: { get: () => null }, text: () => Promise.reject(new TypeError('terminated')) });
    expect(failureOf(await fetchJson(fetch, { url: 'https://api.semanticscholar.org/x' })).error.kind).toBe('offline');
  });

  it('gives up on a hanging request after the timeout, as a retryable server failure', async () => {
    const result = failureOf(await fetchJson(createSequenceFetch(['hang']), { url: 'https://api.semanticscholar.org/graph/v1/paper/x' }, { timeoutMs: 20 }));
    expect(result.error.kind).toBe('server');
    expect(result.error.message).toMatch(/no answer within/);
  });

  it("rejects with the caller's abort reason rather than inventing a SourceError", async () => {
    const controller = new AbortController();
    const pending = fetchJson(createSequenceFetch(['hang']), { url: 'https://api.semanticscholar.org/x' }, { signal: controller.signal });
    controller.abort(new Error('user left the page'));
    await expect(pending).rejects.toThrow('user left the page');
  });

  it('works with a real Response object', async () => {
    const fetch = async () => new Response('{"recommendedPapers":[]}', { status: 200, headers: { 'Content-Type': 'application/json' } });
    const result = await fetchJson(fetch, { url: 'https://api.semanticscholar.org/recommendations/v1/papers/forpaper/x' });
    expect(result.ok && result.value.data).toEqual({ recommendedPapers: [] });
    const throttled = async () => new Response('<html>slow down</html>', { status: 429, headers: { 'retry-after': '7' } });
    const limited = failureOf(await fetchJson(throttled, { url: 'https://api.semanticscholar.org/x' }));
    expect([limited.error.kind, limited.retryAfterMs]).toEqual(['rate-limited', 7_000]);
  });

  it('sends JSON bodies with a content type, and never puts the query string in messages', async () => {
    const fetch = createFakeFetch(() => ({ status: 500, body: { message: 'boom' } }));
    const result = failureOf(await fetchJson(fetch, { method: 'POST', url: 'https://api.openalex.org/works?api_key=SECRET123', body: { ids: ['a'] } }));
    expect(fetch.requests[0]?.headers['content-type']).toBe('application/json');
    expect(fetch.requests[0]?.body).toEqual({ ids: ['a'] });
    expect(result.error.message).not.toContain('SECRET123');
    expect(result.error.message).toContain('api.openalex.org/works');
  });
});

describe('constructed S2 fixtures', () => {
  it('each says it was constructed, not recorded', () => {
    for (const name of readdirSync(CONSTRUCTED)) {
      const file = JSON.parse(readFileSync(resolve(CONSTRUCTED, name), 'utf8')) as { _note?: string };
      expect(file._note, name).toBe('constructed from shared/docs/data-sources.md, not recorded');
    }
  });
});

describe('parseRetryAfter', () => {
  const now = Date.parse('2026-03-01T12:00:00Z');
  it.each([
    ['120', 120_000],
    [' 2 ', 2_000],
    ['1.5', 1_500],
    ['Sun, 01 Mar 2026 12:00:30 GMT', 30_000],
    ['Sun, 01 Mar 2026 11:00:00 GMT', 0],
    ['', null],
    ['-5', null],
    ['soon', null],
    [null, null],
  ])('%j → %j ms', (value, expected) => {
    expect(parseRetryAfter(value, now)).toBe(expected);
  });
});
