import { RequestSchema, PRIVILEGED, type Reply, type Request, type RequestType, type ResponseMap, type ErrorCode } from './protocol';

export interface SenderInfo {
  /** URL of the sending document; extension pages have the extension's own origin. */
  url?: string;
  id?: string;
}

export interface Caller {
  /** True for extension pages (options, popup, side panel); false for content scripts. */
  privileged: boolean;
}

export type Handlers = {
  [T in RequestType]: (message: Extract<Request, { type: T }>, caller: Caller) => Promise<ResponseMap[T]>;
};

/** An error a handler throws on purpose, with a code the UI can act on. */
export class HandlerError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Validates every incoming message and checks the sender before any handler runs.
 * Content-script messages are untrusted: a page can drive its content script.
 */
export function createRequestRouter(handlers: Handlers, extensionOrigin: string, extensionId: string) {
  return async function route(message: unknown, sender: SenderInfo): Promise<Reply<unknown>> {
    const parsed = RequestSchema.safeParse(message);
    if (!parsed.success) {
      const first = parsed.error.issues[0];
      const where = first?.path.length ? `${first.path.join('.')}: ` : '';
      return { ok: false, error: { code: 'invalid-message', message: `Rejected message: ${where}${first?.message ?? 'invalid'}` } };
    }
    const privileged = sender.id === extensionId && typeof sender.url === 'string' && sender.url.startsWith(extensionOrigin);
    const request = parsed.data;
    if (PRIVILEGED.has(request.type) && !privileged) {
      return { ok: false, error: { code: 'forbidden', message: `"${request.type}" is only accepted from the extension's own pages.` } };
    }
    try {
      const handler = handlers[request.type] as (m: Request, c: Caller) => Promise<unknown>;
      return { ok: true, result: await handler(request, { privileged }) };
    } catch (error) {
      if (error instanceof HandlerError) return { ok: false, error: { code: error.code, message: error.message } };
      return { ok: false, error: { code: 'internal', message: error instanceof Error ? error.message : String(error) } };
    }
  };
}
