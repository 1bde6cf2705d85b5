import { describe, expect, it } from 'vitest';
import { createAskService, type AskSettings } from '../../lib/ask/service';
import type { HubData } from '../../lib/domain/hub';
import { emptyHubData } from '../../lib/hub/hubData';
import { createChatCompletionsClient } from '../../lib/sources/chatCompletions/client';
import { createFakeFetch, type FakeAnswer } from '../../lib/sources/testing/fakeFetch';

const CONFIGURED: AskSettings = { askEndpoint: 'http://localhost:11434/v1', askModel: 'llama3.1', askApiKey: '' };
const DATA: HubData = {
  ...emptyHubData('1706.03762', 0),
  paper: { paperId: 'p', title: 'Attention Is All You Need', authors: [], abstract: 'We propose the Transformer.' },
  citations: [{ citing: { paperId: 'c', title: 'A critic', authors: [] }, isInfluential: false, intents: [], sentences: [{ text: 'It is costly.', sourceIntents: [], polarity: { label: 'contrasting', confidence: 0.8 } }] }],
};
const ANSWER: FakeAnswer = { status: 200, body: { model: 'llama3.1:8b', choices: [{ message: { content: 'Quadratic attention cost.' }, finish_reason: 'stop' }] } };

function setup(options: { settings?: AskSettings; data?: HubData | null; answer?: (index: number) => FakeAnswer | Promise<FakeAnswer>; perMinute?: number } = {}) {
  let clock = 5_000;
  const fetch = createFakeFetch((_request, index) => (options.answer ? options.answer(index) : ANSWER));
  const service = createAskService({
    client: createChatCompletionsClient({ fetch, now: () => clock }),
    settings: () => options.settings ?? CONFIGURED,
    hubData: async () => (options.data === undefined ? DATA : options.data),
    now: () => clock,
    perMinute: options.perMinute,
  });
  return { service, fetch, advance: (ms: number) => (clock += ms) };
}

describe('asking the user’s own model', () => {
  it('sends the paper with the question to the configured endpoint and says what it sent', async () => {
    const { service, fetch } = setup();
    const answer = await service.ask('1706.03762', 'What are its limitations?');
    expect(answer).toEqual({
      answer: 'Quadratic attention cost.',
      model: 'llama3.1:8b',
      host: 'localhost:11434',
      answeredAt: 5_000,
      context: { title: true, abstract: true, tldr: false, citationSentences: 1 },
      truncated: false,
    });
    expect(fetch.requests).toHaveLength(1);
    expect(fetch.requests[0]!.url).toBe('http://localhost:11434/v1/chat/completions');
    const user = (fetch.requests[0]!.body as { messages: Array<{ content: string }> }).messages[1]!.content;
    expect(user).toContain('Attention Is All You Need');
    expect(user).toContain('[contrasting] A critic: "It is costly."');
    expect(user).toContain('Question: What are its limitations?');
  });

  it.each<[string, AskSettings, RegExp]>([
    ['no endpoint', { ...CONFIGURED, askEndpoint: '' }, /ask box is off/],
    ['a remote plain-http endpoint', { ...CONFIGURED, askEndpoint: 'http://llm.example.org/v1' }, /unusable: Plain http/],
    ['no model', { ...CONFIGURED, askModel: '  ' }, /Set the model name/],
  ])('sends nothing with %s, and says why', async (_name, settings, message) => {
    const { service, fetch } = setup({ settings });
    await expect(service.ask('1706.03762', 'Why?')).rejects.toThrow(message);
    expect(fetch.requests).toHaveLength(0);
  });

  it('sends nothing before the paper has loaded', async () => {
    const { service, fetch } = setup({ data: null });
    await expect(service.ask('1706.03762', 'Why?')).rejects.toThrow(/has not loaded yet/);
    expect(fetch.requests).toHaveLength(0);
  });

  it('answers one question at a time', async () => {
    let release!: (answer: FakeAnswer) => void;
    const { service, fetch } = setup({ answer: (index) => (index === 0 ? new Promise<FakeAnswer>((resolve) => (release = resolve)) : ANSWER) });
    const first = service.ask('1706.03762', 'First?');
    await new Promise((resolve) => setTimeout(resolve, 0));
    await expect(service.ask('1706.03762', 'Second?')).rejects.toThrow(/still being answered/);
    release(ANSWER);
    await expect(first).resolves.toMatchObject({ answer: 'Quadratic attention cost.' });
    await expect(service.ask('1706.03762', 'Third?')).resolves.toMatchObject({ answer: 'Quadratic attention cost.' });
    expect(fetch.requests).toHaveLength(2);
  });

  it('limits how many questions a page can send per minute', async () => {
    const { service, fetch, advance } = setup({ perMinute: 3 });
    for (let i = 0; i < 3; i++) await service.ask('1706.03762', `Q${i}?`);
    advance(20_000);
    await expect(service.ask('1706.03762', 'Q3?')).rejects.toThrow('That is 3 questions in a minute; ask again in 40 s.');
    advance(40_000);
    await expect(service.ask('1706.03762', 'Q4?')).resolves.toBeTruthy();
    expect(fetch.requests).toHaveLength(4);
  });

  it('frees the slot after a failure, and passes the endpoint’s own explanation on', async () => {
    const { service } = setup({ answer: (index) => (index === 0 ? { status: 401, body: { error: { message: 'bad key' } } } : ANSWER) });
    await expect(service.ask('1706.03762', 'Q?')).rejects.toThrow(/HTTP 401\) \(bad key\): check the API key/);
    await expect(service.ask('1706.03762', 'Q?')).resolves.toMatchObject({ host: 'localhost:11434' });
  });

  it('keeps the background alive while the endpoint thinks', async () => {
    const kept: Array<Promise<unknown>> = [];
    const fetch = createFakeFetch(() => ANSWER);
    const service = createAskService({
      client: createChatCompletionsClient({ fetch, now: () => 0 }),
      settings: () => CONFIGURED,
      hubData: async () => DATA,
      now: () => 0,
      keepAlive: (work) => {
        kept.push(work);
        return work;
      },
    });
    await service.ask('1706.03762', 'Why?');
    await service.test();
    expect(kept).toHaveLength(2);
  });

  it('tests the connection with a tiny request', async () => {
    const { service, fetch } = setup();
    await expect(service.test()).resolves.toEqual({ model: 'llama3.1:8b', host: 'localhost:11434', latencyMs: 0 });
    expect(fetch.requests[0]!.body).toMatchObject({ max_tokens: 16 });
  });
});
