import { describe, expect, it, vi } from 'vitest';
import { AskUnavailableError } from '../../lib/ask/service';
import { createRequestHandlers, type HandlerDeps } from '../../lib/background/requestHandlers';
import { openDatabase } from '../../lib/db/database';
import { createRequestRouter } from '../../lib/messaging/router';

const ORIGIN = 'chrome-extension://abcdefghijklmnop/';
const EXTENSION_ID = 'abcdefghijklmnop';
const ARXIV_PAGE = { url: 'https://arxiv.org/abs/1706.03762', id: EXTENSION_ID };
const OPTIONS_PAGE = { url: `${ORIGIN}options.html`, id: EXTENSION_ID };

function routerWith(ask: HandlerDeps['ask']) {
  const handlers = createRequestHandlers({ db: openDatabase('messaging-ask-unused'), now: () => 0, ask } as unknown as HandlerDeps);
  return createRequestRouter(handlers, ORIGIN, EXTENSION_ID);
}

describe('ask messages', () => {
  it('lets the panel on an arXiv page ask, with the question trimmed', async () => {
    const ask = { ask: vi.fn(async () => ({ answer: 'A' }) as never), test: vi.fn() };
    const reply = await routerWith(ask)({ type: 'glance/ask', arxivId: '1706.03762', question: '  Why?  ' }, ARXIV_PAGE);
    expect(reply).toEqual({ ok: true, result: { answer: 'A' } });
    expect(ask.ask).toHaveBeenCalledWith('1706.03762', 'Why?');
  });

  it.each([
    ['an empty question', { arxivId: '1706.03762', question: '   ' }],
    ['a question over 1,000 characters', { arxivId: '1706.03762', question: 'x'.repeat(1_001) }],
    ['an id that is not a canonical arXiv id', { arxivId: '1706.03762v2', question: 'Why?' }],
    ['an id smuggling a path', { arxivId: '../../settings', question: 'Why?' }],
  ])('rejects %s before anything is sent', async (_name, fields) => {
    const ask = { ask: vi.fn(), test: vi.fn() };
    const reply = await routerWith(ask)({ type: 'glance/ask', ...fields }, ARXIV_PAGE);
    expect(reply).toMatchObject({ ok: false, error: { code: 'invalid-message' } });
    expect(ask.ask).not.toHaveBeenCalled();
  });

  it('keeps the connection test to the extension’s own pages', async () => {
    const ask = { ask: vi.fn(), test: vi.fn(async () => ({ model: 'm', host: 'h', latencyMs: 5 })) };
    expect(await routerWith(ask)({ type: 'ask/test' }, ARXIV_PAGE)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await routerWith(ask)({ type: 'ask/test' }, OPTIONS_PAGE)).toEqual({ ok: true, result: { model: 'm', host: 'h', latencyMs: 5 } });
    expect(ask.test).toHaveBeenCalledTimes(1);
  });

  it('passes an expected failure to the panel in words, with its own code', async () => {
    const ask = { ask: vi.fn(async () => Promise.reject(new AskUnavailableError('The ask box is off: set a model endpoint in the options.'))), test: vi.fn() };
    const reply = await routerWith(ask)({ type: 'glance/ask', arxivId: '1706.03762', question: 'Why?' }, ARXIV_PAGE);
    expect(reply).toEqual({ ok: false, error: { code: 'ask-unavailable', message: 'The ask box is off: set a model endpoint in the options.' } });
  });
});
