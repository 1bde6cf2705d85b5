/**
 * Answers "ask" questions with the user's own model endpoint. Off unless an endpoint and a model
 * are configured. Content scripts may ask (the panel lives there), so the service bounds what a
 * compromised page could make it do: one question at a time, a few per minute, the question and
 * context length-limited, and only to the endpoint the user chose.
 */
import type { HubData } from '../domain/hub';
import { ChatEndpointError, type ChatCompletionsClient } from '../sources/chatCompletions/client';
import { parseAskEndpoint } from './endpoint';
import { ASK_MAX_ANSWER_TOKENS, buildAskPrompt } from './prompt';
import type { AskAnswer } from './types';

export interface AskSettings {
  askEndpoint: string;
  askModel: string;
  askApiKey: string;
}

/** Why a question could not be answered, worded for the panel. */
export class AskUnavailableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AskUnavailableError';
  }
}

export interface AskServiceDeps {
  client: ChatCompletionsClient;
  settings: () => AskSettings | Promise<AskSettings>;
  /** The paper's hub data (cached or being fetched); null when there is none. */
  hubData: (arxivId: string) => Promise<HubData | null>;
  now: () => number;
  /** Questions accepted per rolling minute (default 10). */
  perMinute?: number;
  /** Keeps the background alive while an answer is awaited (lib/background/keepAlive.ts); default: nothing. */
  keepAlive?: <T>(work: Promise<T>) => Promise<T>;
}

const WINDOW_MS = 60_000;

export function createAskService(deps: AskServiceDeps) {
  const perMinute = deps.perMinute ?? 10;
  const recentStarts: number[] = [];
  let inFlight = false;

  async function endpointOrThrow() {
    const settings = await deps.settings();
    if (settings.askEndpoint.trim() === '') throw new AskUnavailableError('The ask box is off: set a model endpoint in the options.');
    const endpoint = parseAskEndpoint(settings.askEndpoint);
    if (!endpoint.ok) throw new AskUnavailableError(`The ask endpoint in the options is unusable: ${endpoint.reason}`);
    const model = settings.askModel.trim();
    if (model === '') throw new AskUnavailableError('Set the model name for the ask endpoint in the options (e.g. llama3.1).');
    return { ...endpoint, model, apiKey: settings.askApiKey.trim() };
  }

  /** One question at a time, `perMinute` per minute: each costs the user compute or money. */
  function admit(): () => void {
    const now = deps.now();
    while (recentStarts.length > 0 && now - recentStarts[0]! >= WINDOW_MS) recentStarts.shift();
    if (inFlight) throw new AskUnavailableError('Another question is still being answered; ask again when it is done.');
    if (recentStarts.length >= perMinute) {
      const waitS = Math.ceil((recentStarts[0]! + WINDOW_MS - now) / 1000);
      throw new AskUnavailableError(`That is ${perMinute} questions in a minute; ask again in ${waitS} s.`);
    }
    recentStarts.push(now);
    inFlight = true;
    return () => {
      inFlight = false;
    };
  }

  const keepAlive = deps.keepAlive ?? (<T>(work: Promise<T>) => work);

  async function complete(...args: Parameters<ChatCompletionsClient['complete']>) {
    try {
      return await keepAlive(deps.client.complete(...args));
    } catch (error) {
      if (error instanceof ChatEndpointError) throw new AskUnavailableError(error.message);
      throw error;
    }
  }

  return {
    async ask(arxivId: string, question: string): Promise<AskAnswer> {
      const endpoint = await endpointOrThrow();
      const data = await deps.hubData(arxivId);
      const prompt = data ? buildAskPrompt(data, question) : null;
      if (!prompt) throw new AskUnavailableError("This paper's data has not loaded yet; ask again once the panel shows it.");
      const release = admit();
      try {
        const reply = await complete({ url: endpoint.url, host: endpoint.host, model: endpoint.model, apiKey: endpoint.apiKey, messages: prompt.messages, maxTokens: ASK_MAX_ANSWER_TOKENS });
        return { answer: reply.text, model: reply.model, host: endpoint.host, answeredAt: deps.now(), context: prompt.context, truncated: reply.truncated };
      } finally {
        release();
      }
    },

    /** A one-line request that proves the URL, model and key work together. */
    async test(): Promise<{ model: string; host: string; latencyMs: number }> {
      const endpoint = await endpointOrThrow();
      const release = admit();
      try {
        const reply = await complete({
          url: endpoint.url,
          host: endpoint.host,
          model: endpoint.model,
          apiKey: endpoint.apiKey,
          messages: [{ role: 'user', content: 'Reply with the single word: ready' }],
          maxTokens: 16,
        });
        return { model: reply.model, host: endpoint.host, latencyMs: reply.latencyMs };
      } finally {
        release();
      }
    },
  };
}
export type AskService = ReturnType<typeof createAskService>;
