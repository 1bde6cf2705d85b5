import AxeBuilder from '@axe-core/playwright';
import { mkdirSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { REPO_ROOT } from '../paths';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveSample } from './fixtures';
import { launchExtension, type ExtensionSession } from './harness';
import { forgetPanelPrefs, openExtensionPage } from './pages/extensionContext';
import { PanelPage } from './pages/panelPage';

/*
 * The optional ask box in real Chromium with the built extension: off by default (no box, no
 * request), then configured for a local OpenAI-compatible endpoint. The endpoint is a real HTTP
 * server on the loopback interface, so Chromium's own CORS and local-network rules apply to the
 * service worker's request exactly as they would with a local Ollama.
 */

const GOPHER_URL = 'https://arxiv.org/abs/2112.11446';
const HOSTILE_ANSWER = 'Its main limitation is compute.<img src=x onerror="window.__askPwned=1">\n\nSecond paragraph.';

/** What the endpoint does with the next question: answer (with or without CORS headers). */
type EndpointAnswer = { status: number; headers?: Record<string, string>; body: unknown; cors?: boolean };

let session: ExtensionSession;
let server: Server;
let endpointHost: string;
const asked: Array<{ model: string; messages: Array<{ role: string; content: string }> }> = [];
const askedHeaders: IncomingHttpHeaders[] = [];
let nextAnswer: EndpointAnswer = { status: 200, body: {} };

const CORS = {
  'access-control-allow-origin': '*',
  'access-control-allow-headers': 'authorization, content-type, accept',
  'access-control-allow-methods': 'POST, OPTIONS',
};

function startEndpoint(): Promise<Server> {
  const endpoint = createServer((request, response) => {
    if (request.method === 'OPTIONS') {
      response.writeHead(204, CORS).end();
      return;
    }
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    request.on('end', () => {
      asked.push(JSON.parse(body || '{}'));
      askedHeaders.push(request.headers);
      const { status, headers, body: reply, cors = true } = nextAnswer;
      response.writeHead(status, { 'content-type': 'application/json', ...(cors ? CORS : {}), ...headers }).end(JSON.stringify(reply));
    });
  });
  return new Promise((resolve) => endpoint.listen(0, '127.0.0.1', () => resolve(endpoint)));
}

function completion(content: string) {
  return { status: 200, body: { id: 'x', object: 'chat.completion', model: 'llama3.1:8b', choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: 'stop' }] } };
}

/** Saves settings the way the options page does: a privileged message to the background. */
async function configureAsk(patch: { askEndpoint: string; askModel: string; askApiKey?: string }): Promise<void> {
  const options = await openExtensionPage(session, 'options.html#settings');
  const reply = await options.evaluate(
    (settingsPatch) => (globalThis as unknown as { chrome: { runtime: { sendMessage(message: unknown): Promise<unknown> } } }).chrome.runtime.sendMessage({ type: 'settings/set', patch: settingsPatch }),
    patch,
  );
  expect(reply).toMatchObject({ ok: true });
  await options.close();
}

/** Everything in extension storage, which Chrome also hands to content scripts on arXiv pages. */
async function storageContentScriptsCanRead(): Promise<string> {
  return session.worker.evaluate(async () =>
    JSON.stringify(await (globalThis as unknown as { chrome: { storage: { local: { get(keys: null): Promise<unknown> } } } }).chrome.storage.local.get(null)),
  );
}

async function openPanel(): Promise<PanelPage> {
  const panel = new PanelPage(await session.newPage());
  panel.page.setDefaultTimeout(10_000);
  expect(await panel.open(GOPHER_URL)).toBe('ready');
  return panel;
}

beforeAll(async () => {
  server = await startEndpoint();
  endpointHost = `127.0.0.1:${(server.address() as AddressInfo).port}`;
  session = await launchExtension();
  serveSample(session);
  // The harness blocks every host it does not serve; this one is let through to the real server.
  await session.context.route(`http://${endpointHost}/**`, (route) => route.continue());
  await forgetPanelPrefs(session);
}, 90_000);
afterAll(async () => {
  await session?.close();
  server?.close();
});

describe('the ask box', () => {
  it('is absent, and nothing is sent, until an endpoint is configured', async () => {
    const panel = await openPanel();
    await expect.poll(() => panel.section('glance').locator('dd').count()).toBeGreaterThan(0);
    expect(await panel.section('glance').getByRole('group', { name: 'Ask about this paper' }).count()).toBe(0);
    expect(asked).toHaveLength(0);
    await panel.page.close();
  }, 90_000);

  describe('with a local endpoint configured', () => {
    let panel: PanelPage;
    beforeAll(async () => {
      await configureAsk({ askEndpoint: `http://${endpointHost}/v1`, askModel: 'llama3.1', askApiKey: 'sk-e2e-secret' });
      panel = await openPanel();
    }, 90_000);
    afterAll(async () => panel?.page.close());

    const box = () => panel.section('glance').getByRole('group', { name: 'Ask about this paper' });

    it('says where questions go before anything is asked', async () => {
      await expect.poll(() => box().count()).toBe(1);
      expect(await box().textContent()).toContain(`Answers come from llama3.1 at ${endpointHost}`);
      expect(asked).toHaveLength(0);
    });

    it('keeps the endpoint and key where content scripts cannot read them', async () => {
      const readable = await storageContentScriptsCanRead();
      expect(readable).not.toContain('sk-e2e-secret');
      expect(readable).not.toContain(endpointHost);
    });

    it('answers a typed question with the paper as context, shown as inert text with its provenance', async () => {
      nextAnswer = completion(HOSTILE_ANSWER);
      await box().getByLabel('Your question').fill('What are its limitations?');
      await box().getByLabel('Your question').press('Enter');
      const answer = box().locator('.ch-ask-answer');
      await expect.poll(() => answer.count(), { timeout: 15_000 }).toBe(1);

      expect(asked).toHaveLength(1);
      expect(asked[0]!.model).toBe('llama3.1');
      expect(askedHeaders[0]?.authorization).toBe('Bearer sk-e2e-secret');
      expect(askedHeaders[0]?.origin).toBe(`chrome-extension://${session.extensionId}`);
      const context = asked[0]!.messages.map((message) => message.content).join('\n');
      expect(context).toContain('Scaling Language Models: Methods, Analysis & Insights from Training Gopher');
      expect(context).toContain('Question: What are its limitations?');
      expect(context).toMatch(/<citing_sentences count="\d+"/);

      expect(await answer.locator('p').allTextContents()).toEqual(['Its main limitation is compute.<img src=x onerror="window.__askPwned=1">', 'Second paragraph.']);
      expect(await answer.locator('img').count()).toBe(0);
      expect(await panel.page.evaluate(() => (window as unknown as { __askPwned?: number }).__askPwned)).toBeUndefined();
      expect(await box().locator('.ch-ask-exchange .ch-muted').textContent()).toMatch(
        new RegExp(`^llama3\\.1:8b via ${endpointHost.replace(/\./g, '\\.')} · \\d\\d:\\d\\d · sent title, abstract, TL;DR, \\d+ citation sentences$`),
      );
      expect(await box().getByLabel('Your question').inputValue()).toBe('');
    }, 30_000);

    it('explains a refused key and keeps the question for another try', async () => {
      nextAnswer = { status: 401, body: { error: { message: 'Incorrect API key provided' } } };
      await box().getByRole('button', { name: 'How do citing papers criticise it?' }).click();
      const alert = box().getByRole('alert');
      await expect.poll(() => alert.textContent(), { timeout: 15_000 }).toContain('refused the request (HTTP 401) (Incorrect API key provided): check the API key');

      nextAnswer = completion('They say it is costly.');
      await alert.getByRole('button', { name: 'Try again' }).click();
      await expect.poll(() => box().locator('.ch-ask-answer').count(), { timeout: 15_000 }).toBe(2);
      expect(asked.at(-1)!.messages.at(-1)!.content).toContain('Question: How do citing papers criticise it?');
      expect(await alert.textContent()).toBe('');
    }, 30_000);

    it('explains an endpoint that does not allow requests from extensions (CORS), as Chromium enforces it', async () => {
      nextAnswer = { ...completion('never shown'), cors: false };
      await box().getByLabel('Your question').fill('Is it reproducible?');
      await box().getByRole('button', { name: 'Ask', exact: true }).click();
      await expect.poll(() => box().getByRole('alert').textContent(), { timeout: 15_000 }).toContain(`Could not reach the endpoint at ${endpointHost}`);
      expect(await box().getByRole('alert').textContent()).toContain('CORS');
      expect(await box().locator('.ch-ask-answer').count()).toBe(2);
      expect(await box().getByLabel('Your question').inputValue()).toBe('Is it reproducible?');
    }, 30_000);

    it.each(['light', 'dark'] as const)('with answers and an error shown, passes axe in the %s scheme', async (scheme) => {
      await panel.page.emulateMedia({ colorScheme: scheme });
      await box().scrollIntoViewIfNeeded();
      const dir = join(REPO_ROOT, 'test-results', 'screenshots');
      mkdirSync(dir, { recursive: true });
      await box().screenshot({ path: join(dir, `ask-box-${scheme}.png`) });
      const { violations } = await new AxeBuilder({ page: panel.page }).include('arxiv-citation-hub').analyze();
      const blocking = violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
      expect(blocking.map((violation) => `${violation.id}: ${violation.nodes.map((node) => JSON.stringify(node.target)).join(', ')}`)).toEqual([]);
    }, 60_000);
  });
});
