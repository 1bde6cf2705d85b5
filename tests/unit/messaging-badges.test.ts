import { describe, expect, it, vi } from 'vitest';
import { createRequestHandlers, type HandlerDeps } from '../../lib/background/requestHandlers';
import type { BadgeCounts } from '../../lib/badges/types';
import { openDatabase } from '../../lib/db/database';
import { PRIVILEGED, RequestSchema } from '../../lib/messaging/protocol';
import { createRequestRouter, type Handlers } from '../../lib/messaging/router';

const ORIGIN = 'chrome-extension://abcdefghijklmnop/';
const EXTENSION_ID = 'abcdefghijklmnop';
const LISTING_PAGE = { url: 'https://arxiv.org/list/cs.LG/new', id: EXTENSION_ID };

const valid = (ids: unknown) => RequestSchema.safeParse({ type: 'badges/counts', ids }).success;

describe('badges/counts in the protocol', () => {
  it('accepts canonical new- and old-style ids, up to 500', () => {
    expect(valid(['2411.09876', '0704.0001', 'hep-th/9901001', 'math/0309136'])).toBe(true);
    expect(valid(Array.from({ length: 500 }, (_, index) => `2411.${String(10_000 + index)}`))).toBe(true);
  });

  it.each([
    ['a versioned id', '2411.09876v2'],
    ['a prefixed id', 'arXiv:2411.09876'],
    ['a subject class', 'math.GT/0309136'],
    ['surrounding whitespace', ' 2411.09876'],
    ['an impossible month', '2413.00001'],
    ['a 4-digit number after 2015', '2411.0987'],
    ['a URL', 'https://arxiv.org/abs/2411.09876'],
    ['a DOI', '10.48550/arXiv.2411.09876'],
    ['an S2 id prefix', 'CorpusId:215416146'],
    ['a query string smuggled in', '2411.09876?fields=title,authors'],
    ['markup', '<img src=x onerror=alert(1)>'],
    ['a prototype key', '__proto__'],
    ['an empty string', ''],
    ['a number', 2411.09876],
  ])('rejects %s', (_name, id) => {
    expect(valid([id])).toBe(false);
    // One bad id spoils the message: nothing of it reaches the handler or the source.
    expect(valid(['2411.09876', id])).toBe(false);
  });

  it('rejects an empty list, more than 500 ids, and a missing list', () => {
    expect(valid([])).toBe(false);
    expect(valid(Array.from({ length: 501 }, (_, index) => `2411.${String(10_000 + index)}`))).toBe(false);
    expect(RequestSchema.safeParse({ type: 'badges/counts' }).success).toBe(false);
  });

  it('is answered for content scripts (not privileged), and a bad message never reaches the handler', async () => {
    expect(PRIVILEGED.has('badges/counts')).toBe(false);
    const handler = vi.fn(async () => ({ status: 'ok', source: 'Semantic Scholar', counts: {} }) satisfies BadgeCounts);
    const route = createRequestRouter({ 'badges/counts': handler } as unknown as Handlers, ORIGIN, EXTENSION_ID);
    expect(await route({ type: 'badges/counts', ids: ['2411.09876'] }, LISTING_PAGE)).toEqual({ ok: true, result: { status: 'ok', source: 'Semantic Scholar', counts: {} } });
    const rejected = await route({ type: 'badges/counts', ids: ['2411.09876', 'ARXIV:1706.03762 OR 1=1'] }, LISTING_PAGE);
    expect(rejected).toMatchObject({ ok: false, error: { code: 'invalid-message' } });
    expect(handler).toHaveBeenCalledTimes(1);
  });

  it('the background handler hands the validated ids to the count service', async () => {
    const citationCounts = vi.fn(async (): Promise<BadgeCounts> => ({ status: 'unavailable', reason: 'offline', retryAt: null, message: 'down' }));
    const handlers = createRequestHandlers({ db: openDatabase('messaging-badges-unused'), now: () => 0, citationCounts } as unknown as HandlerDeps);
    const reply = await handlers['badges/counts']({ type: 'badges/counts', ids: ['1706.03762', 'hep-th/9711200'] }, { privileged: false });
    expect(citationCounts).toHaveBeenCalledWith(['1706.03762', 'hep-th/9711200']);
    expect(reply).toEqual({ status: 'unavailable', reason: 'offline', retryAt: null, message: 'down' });
  });
});
