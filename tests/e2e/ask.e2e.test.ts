import AxeBuilder from '@axe-core/playwright';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Route } from 'playwright-core';
import { REPO_ROOT } from '../paths';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveSample } from './fixtures';
import { launchExtension, type ExtensionSession } from './harness';
import { forgetPanelPrefs, openExtensionPage } from './pages/extensionContext';
import { PanelPage } from './pages/panelPage';

/*
 * The optional ask box in real Chromium with the built extension: off by default (no box, no
 * request), then configured for a local OpenAI-compatible endpoint that the test plays through
 * request interception, CORS preflight included — the way a local Ollama would answer.
 */

const ENDPOINT = 'http://localhost:11434/v1';
const GOPHER_URL = 'https://arxiv.org/abs/2112.11446';
const HOSTILE_ANSWER = 'Its main limitation is compute.<img src=x onerror="window.__askPwned=1">\n\nSecond paragraph.';

type EndpointAnswer = { status: number; headers?: Record<string, string>; body: unknown } | 'unreachable';

let session: ExtensionSession;
const asked: Array<{ model: string; messages: Array<{ role: string; content: string }> }> = [];
const askedHeaders: Array<Record<string, string>> = [];
let nextAnswer: EndpointAnswer = { status: 200, body: {} };

const CORS = {
  'access-control-allow-origin': '*',
  'access-control-allow-headers': 'authorization, content-type, accept',
  'access-control-allow-methods': 'POST, OPTIONS',
};

async function playEndpoint(route: Route): Promise<void> {
  const request = route.request();
  if (request.method() === 'OPTIONS') return route.fulfill({ status: 204, headers: CORS });
  asked.push(JSON.parse(request.postData() ?? '{}'));
  askedHeaders.push(await request.allHeaders());
  if (nextAnswer === 'unreachable') return route.abort('connectionrefused');
  const { status, headers, body } = nextAnswer;
  return route.fulfill({ status, headers: { 'content-type': 'application/json', ...CORS, ...headers }, body: JSON.stringify(body) });
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
  session = await launchExtension();
  serveSample(session);
  // Registered after the harness's catch-all abort, so it answers first for this host.
  await session.context.route('http://localhost:11434/**', playEndpoint);
  await forgetPanelPrefs(session);
}, 90_000);
afterAll(async () => session?.close());

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
      await configureAsk({ askEndpoint: ENDPOINT, askModel: 'llama3.1', askApiKey: 'sk-e2e-secret' });
      panel = await openPanel();
    }, 90_000);
    afterAll(async () => panel?.page.close());

    const box = () => panel.section('glance').getByRole('group', { name: 'Ask about this paper' });

    it('says where questions go before anything is asked', async () => {
      await expect.poll(() => box().count()).toBe(1);
      expect(await box().textContent()).toContain('Answers come from llama3.1 at localhost:11434');
      expect(asked).toHaveLength(0);
    });

    it('keeps the endpoint and key where content scripts cannot read them', async () => {
      expect(await storageContentScriptsCanRead()).not.toMatch(/sk-e2e-secret|localhost:11434/);
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
      const context = asked[0]!.messages.map((message) => message.content).join('\n');
      expect(context).toContain('Scaling Language Models: Methods, Analysis & Insights from Training Gopher');
      expect(context).toContain('Question: What are its limitations?');
      expect(context).toMatch(/<citing_sentences count="\d+"/);

      expect(await answer.locator('p').allTextContents()).toEqual(['Its main limitation is compute.<img src=x onerror="window.__askPwned=1">', 'Second paragraph.']);
      expect(await answer.locator('img').count()).toBe(0);
      expect(await panel.page.evaluate(() => (window as unknown as { __askPwned?: number }).__askPwned)).toBeUndefined();
      expect(await box().locator('.ch-ask-exchange .ch-muted').textContent()).toMatch(/^llama3\.1:8b via localhost:11434 · \d\d:\d\d · sent title, abstract, TL;DR, \d+ citation sentences$/);
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

    it('explains an endpoint that cannot be reached', async () => {
      nextAnswer = 'unreachable';
      await box().getByLabel('Your question').fill('Is it reproducible?');
      await box().getByRole('button', { name: 'Ask', exact: true }).click();
      await expect.poll(() => box().getByRole('alert').textContent(), { timeout: 15_000 }).toContain('Could not reach the endpoint at localhost:11434');
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
