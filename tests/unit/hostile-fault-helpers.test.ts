import { describe, expect, it } from 'vitest';
import { repeatedAfterSuccess, requestKey, startGaps, type ApiCall } from '../e2e/support/faultyApi';
import { absPage } from '../e2e/support/absPage';

// The browser fault suite decides pass/fail with these helpers; a bug here would pass a product
// that re-asks pages after a worker restart, so they get their own checks.

function call(index: number, url: string, answer: ApiCall['answer'], startedAt = index * 1_000, body: string | null = null): ApiCall {
  return { index, method: body === null ? 'GET' : 'POST', url, body, startedAt, ...(answer ? { answer } : {}) };
}

const PAGE_0 = 'https://api.semanticscholar.org/graph/v1/paper/p/citations?offset=0&limit=1000';
const PAGE_1 = 'https://api.semanticscholar.org/graph/v1/paper/p/citations?offset=1000&limit=1000';
const BATCH = 'https://api.semanticscholar.org/graph/v1/paper/batch?fields=title';

describe('repeatedAfterSuccess', () => {
  it('accepts a request asked again after a 429, a 5xx or a network failure', () => {
    const calls = [
      call(0, PAGE_0, { status: 429 }),
      call(1, PAGE_0, { status: 503 }),
      call(2, PAGE_0, { abort: 'timedout' }),
      call(3, PAGE_0, { status: 200 }),
      call(4, PAGE_1, { status: 200 }),
    ];
    expect(repeatedAfterSuccess(calls)).toEqual([]);
  });

  it('flags a page asked again after it was answered with a success', () => {
    const calls = [call(0, PAGE_0, { status: 200 }), call(1, PAGE_1, { status: 200 }), call(2, PAGE_0, { status: 200 })];
    expect(repeatedAfterSuccess(calls)).toEqual([requestKey(calls[2]!)]);
  });

  it('accepts the retry of a request the test interrupted, but not a third ask', () => {
    const calls = [call(0, PAGE_0, { status: 200 }), call(1, PAGE_0, { status: 200 }), call(2, PAGE_0, { status: 200 })];
    expect(repeatedAfterSuccess(calls, new Set([0]))).toEqual([requestKey(calls[2]!)]);
  });

  it('tells batch POSTs apart by their body', () => {
    const calls = [call(0, BATCH, { status: 200 }, 0, '{"ids":["a"]}'), call(1, BATCH, { status: 200 }, 1_000, '{"ids":["b"]}')];
    expect(repeatedAfterSuccess(calls)).toEqual([]);
    expect(repeatedAfterSuccess([...calls, call(2, BATCH, { status: 200 }, 2_000, '{"ids":["a"]}')])).toHaveLength(1);
  });
});

describe('startGaps', () => {
  it('gives the time between consecutive request starts', () => {
    expect(startGaps([call(0, PAGE_0, undefined, 100), call(1, PAGE_0, undefined, 1_150), call(2, PAGE_1, undefined, 2_100)])).toEqual([1_050, 950]);
    expect(startGaps([call(0, PAGE_0, undefined)])).toEqual([]);
  });
});

describe('absPage', () => {
  it('carries the id the content script reads and escapes the title', () => {
    const { body } = absPage('2403.01001', 'A <b>bold</b> & "quoted" title');
    expect(body).toContain('<meta name="citation_arxiv_id" content="2403.01001">');
    expect(body).toContain('A &lt;b&gt;bold&lt;/b&gt; &amp; &quot;quoted&quot; title');
    expect(body).not.toContain('<b>bold</b>');
  });
});
