import { describe, it, expect, vi } from 'vitest';
import { createRequestRouter, HandlerError, type Handlers } from '../../lib/messaging/router';
import { PRIVILEGED, RequestSchema } from '../../lib/messaging/protocol';

const ORIGIN = 'chrome-extension://abcdefghijklmnop/';
const EXTENSION_ID = 'abcdefghijklmnop';
const CONTENT_SCRIPT = { url: 'https://arxiv.org/abs/2112.11446', id: EXTENSION_ID };
const OPTIONS_PAGE = { url: `${ORIGIN}options.html`, id: EXTENSION_ID };
const OTHER_EXTENSION = { url: 'chrome-extension://zzzz/options.html', id: 'zzzz' };

function fakeHandlers(): Handlers {
  const ok = vi.fn(async () => 'handled');
  return new Proxy({} as Handlers, { get: () => ok });
}

const paper = { paperId: 'p1', title: 'A paper', authors: ['A. Author'] };

describe('request router', () => {
  it('rejects messages that are not in the protocol, naming the problem', async () => {
    const route = createRequestRouter(fakeHandlers(), ORIGIN, EXTENSION_ID);
    for (const bad of [null, 42, 'library/save', { type: 'library/nuke' }, { type: 'library/save' }, { type: 'library/save', paper: { title: 1 } }]) {
      const reply = await route(bad, OPTIONS_PAGE);
      expect(reply.ok).toBe(false);
      if (!reply.ok) expect(reply.error.code).toBe('invalid-message');
    }
  });

  it('lets content scripts read, save and unsave', async () => {
    const route = createRequestRouter(fakeHandlers(), ORIGIN, EXTENSION_ID);
    for (const message of [
      { type: 'library/save', paper },
      { type: 'library/unsave', id: 's2:p1' },
      { type: 'library/savedIds', ids: ['s2:p1'] },
      { type: 'settings/get' },
    ]) {
      expect(await route(message, CONTENT_SCRIPT)).toEqual({ ok: true, result: 'handled' });
    }
  });

  it.each([
    { type: 'library/remove', ids: ['s2:p1'] },
    { type: 'library/import', content: '{}' },
    { type: 'library/update', id: 's2:p1', notes: 'x' },
    { type: 'library/restore', entries: [] },
    { type: 'settings/set', patch: { autoOpen: false } },
    { type: 'cache/clear' },
  ])('refuses $type from a content script and from other extensions', async (message) => {
    const handlers = fakeHandlers();
    const route = createRequestRouter(handlers, ORIGIN, EXTENSION_ID);
    for (const sender of [CONTENT_SCRIPT, OTHER_EXTENSION, {}]) {
      const reply = await route(message, sender);
      expect(reply).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    expect(await route(message, OPTIONS_PAGE)).toEqual({ ok: true, result: 'handled' });
  });

  it('marks every mutating library, settings and cache message as privileged', () => {
    const types = RequestSchema.options.map((option) => option.shape.type.value);
    const mutating = types.filter((type) => /^(library\/(update|remove|restore|import)|settings\/set|cache\/clear)$/.test(type));
    for (const type of mutating) expect(PRIVILEGED.has(type)).toBe(true);
    expect(PRIVILEGED.has('library/save')).toBe(false);
  });

  it('passes a handler error code and message through, and wraps unexpected errors', async () => {
    const handlers = {
      'library/unsave': async () => {
        throw new HandlerError('not-found', 'gone');
      },
      'library/save': async () => {
        throw new Error('disk on fire');
      },
    } as unknown as Handlers;
    const route = createRequestRouter(handlers, ORIGIN, EXTENSION_ID);
    expect(await route({ type: 'library/unsave', id: 'x' }, CONTENT_SCRIPT)).toEqual({ ok: false, error: { code: 'not-found', message: 'gone' } });
    expect(await route({ type: 'library/save', paper }, CONTENT_SCRIPT)).toEqual({ ok: false, error: { code: 'internal', message: 'disk on fire' } });
  });

  it('tells the handler whether the caller is privileged', async () => {
    const seen: boolean[] = [];
    const handlers = { 'settings/get': async (_m: unknown, caller: { privileged: boolean }) => seen.push(caller.privileged) } as unknown as Handlers;
    const route = createRequestRouter(handlers, ORIGIN, EXTENSION_ID);
    await route({ type: 'settings/get' }, CONTENT_SCRIPT);
    await route({ type: 'settings/get' }, OPTIONS_PAGE);
    expect(seen).toEqual([false, true]);
  });
});
