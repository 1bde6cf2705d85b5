import { browser } from 'wxt/browser';
import type { Reply, Request, RequestType, ResponseMap, ErrorCode } from './protocol';

/** A refused or failed request, with the background's code and message (shown to the user as-is). */
export class RequestError extends Error {
  constructor(
    readonly code: ErrorCode | 'no-reply',
    message: string,
  ) {
    super(message);
    this.name = 'RequestError';
  }
}

/** Sends one typed request to the background and unwraps its reply. */
export async function request<T extends RequestType>(message: Extract<Request, { type: T }>): Promise<ResponseMap[T]> {
  let reply: Reply<ResponseMap[T]> | undefined;
  try {
    reply = (await browser.runtime.sendMessage(message)) as Reply<ResponseMap[T]> | undefined;
  } catch (error) {
    throw new RequestError('no-reply', `The extension's background did not answer (${String(error)}).`);
  }
  if (!reply || typeof reply !== 'object' || !('ok' in reply)) {
    throw new RequestError('no-reply', "The extension's background sent no usable reply.");
  }
  if (!reply.ok) throw new RequestError(reply.error.code, reply.error.message);
  return reply.result;
}
