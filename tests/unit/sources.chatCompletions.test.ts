import { describe, expect, it } from 'vitest';
import { createChatCompletionsClient, stripReasoning, type ChatRequest } from '../../lib/sources/chatCompletions/client';
import { createFakeFetch, type FakeAnswer } from '../../lib/sources/testing/fakeFetch';

const REQUEST: ChatRequest = {
  url: 'http://localhost:11434/v1/chat/completions',
  host: 'localhost:11434',
  model: 'llama3.1',
  apiKey: '',
  messages: [{ role: 'user', content: 'Hi' }],
  maxTokens: 100,
};

const completion = (content: unknown, extra: Record<string, unknown> = {}) => ({
  status: 200,
  headers: { 'content-type': 'application/json' },
  body: { id: 'c1', object: 'chat.completion', model: 'llama3.1:8b', choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: 'stop' }], ...extra },
});

function clientAnswering(answer: FakeAnswer, timeoutMs?: number) {
  const fetch = createFakeFetch(() => answer);
  return { fetch, client: createChatCompletionsClient({ fetch, now: () => 1_000, timeoutMs }) };
}

describe('the chat-completions adapter', () => {
  it('posts an OpenAI-style request and returns the answer with the model the endpoint reports', async () => {
    const { fetch, client } = clientAnswering(completion('  It proposes the Transformer.  '));
    const reply = await client.complete({ ...REQUEST, apiKey: 'sk-1' });
    expect(reply).toEqual({ text: 'It proposes the Transformer.', model: 'llama3.1:8b', truncated: false, latencyMs: 0 });
    expect(fetch.requests[0]).toMatchObject({
      method: 'POST',
      url: REQUEST.url,
      headers: { authorization: 'Bearer sk-1', 'content-type': 'application/json' },
      body: { model: 'llama3.1', messages: REQUEST.messages, max_tokens: 100, stream: false },
    });
  });

  it('sends no authorization header without a key', async () => {
    const { fetch, client } = clientAnswering(completion('ok'));
    await client.complete(REQUEST);
    expect(fetch.requests[0]!.headers).not.toHaveProperty('authorization');
  });

  it('marks an answer cut at the length limit and falls back to the configured model name', async () => {
    const { client } = clientAnswering({ status: 200, body: { choices: [{ message: { content: 'Partial' }, finish_reason: 'length' }] } });
    expect(await client.complete(REQUEST)).toMatchObject({ text: 'Partial', model: 'llama3.1', truncated: true });
  });

  it('drops inline reasoning some local models emit', () => {
    expect(stripReasoning('<think>long musing</think>\n\nThe answer.')).toBe('The answer.');
    expect(stripReasoning('musing without an opening tag</think> The answer.')).toBe('The answer.');
  });

  it.each<[string, FakeAnswer, RegExp]>([
    ['a dead server or CORS refusal', 'network-error', /Could not reach the endpoint at localhost:11434.*CORS.*OLLAMA_ORIGINS/],
    ['a wrong key', { status: 401, body: { error: { message: 'Incorrect API key provided', type: 'invalid_request_error' } } }, /refused the request \(HTTP 401\) \(Incorrect API key provided\): check the API key/],
    ['an unknown model', { status: 404, body: { error: { message: "model 'llama9' not found" } } }, /HTTP 404 \(model 'llama9' not found\).*model name/],
    ['a 429 with Retry-After', { status: 429, headers: { 'retry-after': '30' }, body: { error: { message: 'slow down' } } }, /rate-limiting requests; try again in 30 s/],
    ['a 429 without Retry-After (and without CORS headers)', { status: 429, body: '<html>Too Many Requests</html>' }, /rate-limiting requests; try again in a minute/],
    ['a server error', { status: 500, body: { error: 'out of memory' } }, /failed \(HTTP 500\) \(out of memory\)/],
    ['an HTML page', { status: 200, headers: { 'content-type': 'text/html' }, body: '<html>login</html>' }, /not an OpenAI-style chat completion/],
    ['JSON of another shape', { status: 200, body: { response: 'Ollama native API' } }, /not an OpenAI-style chat completion/],
    ['no choices', { status: 200, body: { choices: [] } }, /not an OpenAI-style chat completion/],
    ['truncated JSON', { status: 200, body: '{"choices": [{"mess' }, /not an OpenAI-style chat completion/],
    ['an empty answer', completion(null), /returned an empty answer/],
    ['an answer that was only reasoning', completion('<think>hmm</think>'), /returned an empty answer/],
  ])('explains %s in words', async (_name, answer, message) => {
    const { client } = clientAnswering(answer);
    await expect(client.complete(REQUEST)).rejects.toThrow(message);
  });

  it('gives up on an endpoint that never answers', async () => {
    const { client } = clientAnswering('hang', 20);
    await expect(client.complete(REQUEST)).rejects.toThrow(/localhost:11434 did not answer within/);
  });

  it('never puts the key or a query string in its messages', async () => {
    const { client } = clientAnswering({ status: 500, body: {} });
    const error = await client.complete({ ...REQUEST, url: 'https://llm.example.org/v1/chat/completions?token=q', host: 'llm.example.org', apiKey: 'sk-secret' }).catch((e: Error) => e);
    expect(String(error)).not.toMatch(/sk-secret|token=q/);
  });
});
