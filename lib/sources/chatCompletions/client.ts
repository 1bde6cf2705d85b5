/**
 * Adapter for the user's own OpenAI-compatible chat-completions endpoint (the optional ask box):
 * HTTP through lib/sources/http, the reply zod-parsed, failures turned into sentences a user can act on.
 * Not paced by the scheduler: it is the user's server, asked only when they press "Ask".
 */
import { fetchJson, type FetchLike } from '../http';
import { SourceError } from '../types';
import { ChatCompletionSchema, type ChatMessage } from './schemas';

export interface ChatRequest {
  /** Full chat-completions URL (lib/ask/endpoint.ts builds it). */
  url: string;
  host: string;
  model: string;
  /** Sent as a bearer token when non-empty. */
  apiKey: string;
  messages: ChatMessage[];
  maxTokens: number;
}

export interface ChatReply {
  text: string;
  /** As the endpoint reported it, else the model asked for. */
  model: string;
  /** The endpoint stopped at its length limit. */
  truncated: boolean;
  latencyMs: number;
}

/** A failure already worded for the user (it names the endpoint's host, never the key or query). */
export class ChatEndpointError extends Error {
  constructor(
    message: string,
    readonly retryAfterMs: number | null = null,
  ) {
    super(message);
    this.name = 'ChatEndpointError';
  }
}

export interface ChatCompletionsClientDeps {
  fetch: FetchLike;
  now: () => number;
  /** Local models can take a while on a laptop; default 120 s. */
  timeoutMs?: number;
}

export const DEFAULT_ASK_TIMEOUT_MS = 120_000;

/** Some local models (e.g. DeepSeek-R1 via Ollama) put their reasoning inline; the reader wants the answer. */
export function stripReasoning(text: string): string {
  return text.replace(/<think>[\s\S]*?<\/think>/gi, '').replace(/^[\s\S]*<\/think>/i, '').trim();
}

function describeFailure(error: SourceError, host: string, retryAfterMs: number | null, timeoutMs: number): string {
  // fetchJson appends the server's own explanation after " — " (e.g. "model 'x' not found"); it is worth showing.
  const detail = error.message.includes(' — ') ? ` (${error.message.slice(error.message.indexOf(' — ') + 3)})` : '';
  switch (error.kind) {
    case 'offline':
      return `Could not reach the endpoint at ${host}. Is the server running, and does it accept requests from browser extensions (CORS)? For Ollama, set OLLAMA_ORIGINS to allow chrome-extension://* and moz-extension://*.`;
    case 'rate-limited':
      return `The endpoint at ${host} is rate-limiting requests; ${retryAfterMs !== null ? `try again in ${Math.max(1, Math.ceil(retryAfterMs / 1000))} s` : 'try again in a minute'}.`;
    case 'forbidden':
      return `The endpoint at ${host} refused the request (HTTP ${error.status ?? 401})${detail}: check the API key in the options.`;
    case 'not-found':
      return `The endpoint at ${host} answered HTTP ${error.status ?? 404}${detail}: check the endpoint URL (it usually ends in /v1) and the model name.`;
    case 'bad-request':
      return `The endpoint at ${host} rejected the request (HTTP ${error.status ?? 400})${detail}. Check the model name in the options.`;
    case 'server':
      return error.status === undefined
        ? `The endpoint at ${host} did not answer within ${Math.round(timeoutMs / 1000)} s.`
        : `The endpoint at ${host} failed (HTTP ${error.status})${detail}. Try again later.`;
    case 'malformed':
      return `The endpoint at ${host} sent a reply that is not an OpenAI-style chat completion; check that the URL points at a chat-completions API.`;
  }
}

export function createChatCompletionsClient(deps: ChatCompletionsClientDeps) {
  const timeoutMs = deps.timeoutMs ?? DEFAULT_ASK_TIMEOUT_MS;
  return {
    async complete(request: ChatRequest, signal?: AbortSignal): Promise<ChatReply> {
      const started = deps.now();
      const headers: Record<string, string> = {};
      if (request.apiKey !== '') headers.authorization = `Bearer ${request.apiKey}`;
      const result = await fetchJson(
        deps.fetch,
        {
          method: 'POST',
          url: request.url,
          headers,
          body: { model: request.model, messages: request.messages, max_tokens: request.maxTokens, temperature: 0.2, stream: false },
        },
        { timeoutMs, signal, now: deps.now },
      );
      if (!result.ok) throw new ChatEndpointError(describeFailure(result.error, request.host, result.retryAfterMs, timeoutMs), result.retryAfterMs);
      const parsed = ChatCompletionSchema.safeParse(result.value.data);
      if (!parsed.success) throw new ChatEndpointError(describeFailure(new SourceError('malformed', 'shape'), request.host, null, timeoutMs));
      const [choice] = parsed.data.choices;
      const text = stripReasoning(choice?.message.content ?? '');
      if (text === '') throw new ChatEndpointError(`The model at ${request.host} returned an empty answer; try rephrasing the question or another model.`);
      return {
        text,
        model: parsed.data.model?.trim() || request.model,
        truncated: choice?.finish_reason === 'length',
        latencyMs: deps.now() - started,
      };
    },
  };
}
export type ChatCompletionsClient = ReturnType<typeof createChatCompletionsClient>;
