// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { RequestError } from '../../lib/messaging/client';
import type { Request, RequestType, ResponseMap } from '../../lib/messaging/protocol';
import { DEFAULT_SETTINGS, SettingsPatchSchema, type Settings } from '../../lib/settings/schema';
import type { OptionsApi, RequestFn } from '../../components/library/api';
import { OptionsApp } from '../../components/library/OptionsApp';

afterEach(() => {
  cleanup();
  location.hash = '';
});

type TestReply = (stored: Settings) => ResponseMap['ask/test'];

/** Saves take `saveDelayMs`, as storage writes do, so a test that does not wait for them sees the old settings. */
function fakeBackground(initial: Partial<Settings>, testReply: TestReply, saveDelayMs = 0) {
  let settings: Settings = { ...DEFAULT_SETTINGS, ...initial };
  const calls: Request[] = [];
  const request = (async (message: Request) => {
    calls.push(structuredClone(message));
    switch (message.type) {
      case 'settings/get':
        return settings;
      case 'settings/set': {
        // The real background validates the same way; a patch the form should never send fails here.
        const patch = SettingsPatchSchema.parse(message.patch);
        if (saveDelayMs > 0) await new Promise((resolve) => setTimeout(resolve, saveDelayMs));
        return (settings = { ...settings, ...patch });
      }
      case 'ask/test':
        return testReply(settings);
      case 'cache/stats':
        return { hubs: 0, bytes: 0, libraryEntries: 0, quota: null, usage: null };
      default:
        throw new RequestError('internal', `not handled: ${message.type}`);
    }
  }) as RequestFn;
  const api: OptionsApi = { request, onLibraryChanged: () => () => undefined, persistStorage: async () => null };
  return {
    api,
    calls,
    callsOf: <T extends RequestType>(type: T) => calls.filter((call): call is Extract<Request, { type: T }> => call.type === type),
    settings: () => settings,
  };
}

const ANSWERED = { model: 'llama3.1:8b', host: 'localhost:11434', latencyMs: 1234 };

async function renderAskSettings(initial: Partial<Settings> = {}, testReply: TestReply = () => ANSWERED, saveDelayMs = 0) {
  location.hash = '#settings';
  const background = fakeBackground(initial, testReply, saveDelayMs);
  render(<OptionsApp api={background.api} />);
  const section = await waitFor(() => screen.getByRole('region', { name: 'Ask box (your own model)' }));
  const endpoint = within(section).getByLabelText('Endpoint URL') as HTMLInputElement;
  const model = within(section).getByLabelText('Model') as HTMLInputElement;
  const enter = (input: HTMLInputElement, value: string) => {
    fireEvent.input(input, { target: { value } });
    fireEvent.change(input);
  };
  return { ...background, section, endpoint, model, enter };
}

const describedBy = (element: Element) =>
  (element.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .map((id) => document.getElementById(id)?.textContent ?? '')
    .join(' ');

describe('options page: ask box endpoint', () => {
  it('explains that it is off until set, what is sent when, and how to allow the extension in Ollama', async () => {
    const { section, endpoint, model } = await renderAskSettings();
    const explanation = section.textContent ?? '';
    expect(explanation).toContain('off until an endpoint is set');
    expect(explanation).toContain('Nothing is sent until you ask a question');
    expect(explanation).toContain("title, authors, abstract, TL;DR and up to 20 citation sentences");
    expect(explanation).toMatch(/Ollama, LM Studio, llama\.cpp server, OpenAI/);
    expect(within(section).getByText('OLLAMA_ORIGINS=chrome-extension://*,moz-extension://*').tagName).toBe('CODE');
    expect(endpoint.placeholder).toBe('http://localhost:11434/v1');
    expect(model.placeholder).toBe('llama3.1');
    const key = within(section).getByLabelText('Ask endpoint API key') as HTMLInputElement;
    expect(key.type).toBe('password');
    expect(describedBy(key)).toContain('Stored only in this browser.');
  });

  it('refuses an endpoint the background would refuse, with its reason, and saves nothing', async () => {
    const { endpoint, enter, callsOf } = await renderAskSettings();
    enter(endpoint, 'http://example.org/v1');
    const reason = 'Plain http is only accepted for this machine (localhost); use https for a remote endpoint.';
    expect(screen.getByText(reason).getAttribute('role')).toBe('alert');
    expect(endpoint.getAttribute('aria-invalid')).toBe('true');
    expect(describedBy(endpoint)).toContain(reason);

    enter(endpoint, 'localhost:11434');
    expect(screen.getByText('The endpoint must be an http(s) URL.')).toBeTruthy();
    expect(callsOf('settings/set')).toHaveLength(0);
    expect(endpoint.value).toBe('localhost:11434');
  });

  it('saves a valid endpoint and the model, and shows where questions will go', async () => {
    const { endpoint, model, enter, callsOf, settings } = await renderAskSettings();
    enter(endpoint, '  http://localhost:11434/v1 ');
    await waitFor(() => expect(screen.getByText('Saved: ask endpoint.')).toBeTruthy());
    expect(callsOf('settings/set')).toEqual([{ type: 'settings/set', patch: { askEndpoint: 'http://localhost:11434/v1' } }]);
    expect(endpoint.value).toBe('http://localhost:11434/v1');
    expect(endpoint.getAttribute('aria-invalid')).toBeNull();
    expect(describedBy(endpoint)).toBe('Questions go to http://localhost:11434/v1/chat/completions.');

    enter(model, 'llama3.1 ');
    await waitFor(() => expect(settings().askModel).toBe('llama3.1'));
    expect(screen.getByText('Saved: ask model.')).toBeTruthy();
  });

  it('a typed mistake clears its message once fixed; clearing the endpoint turns the box off', async () => {
    const { endpoint, enter, settings } = await renderAskSettings({ askEndpoint: 'http://localhost:11434/v1', askModel: 'llama3.1' });
    expect(endpoint.value).toBe('http://localhost:11434/v1');
    enter(endpoint, 'ftp://localhost/v1');
    expect(screen.getByText('The endpoint must be an http(s) URL.')).toBeTruthy();
    fireEvent.input(endpoint, { target: { value: '' } });
    expect(screen.queryByText('The endpoint must be an http(s) URL.')).toBeNull();
    fireEvent.change(endpoint);
    await waitFor(() => expect(settings().askEndpoint).toBe(''));
    expect(screen.getByText('Saved: ask endpoint (the ask box is off).')).toBeTruthy();
  });

  it('Test connection reports the model, host and time of a successful answer', async () => {
    const { section, callsOf } = await renderAskSettings({ askEndpoint: 'http://localhost:11434/v1', askModel: 'llama3.1' });
    fireEvent.click(within(section).getByRole('button', { name: 'Test connection' }));
    await waitFor(() => expect(within(section).getByText('Answered by llama3.1:8b at localhost:11434 in 1,234 ms.').getAttribute('role')).toBe('status'));
    expect(callsOf('ask/test')).toHaveLength(1);
  });

  it("Test connection shows the endpoint's failure as an alert", async () => {
    const failure = 'The endpoint at localhost:11434 refused the request from the extension (CORS). Set OLLAMA_ORIGINS.';
    const { section } = await renderAskSettings({ askEndpoint: 'http://localhost:11434/v1' }, () => {
      throw new RequestError('ask-unavailable', failure);
    });
    fireEvent.click(within(section).getByRole('button', { name: 'Test connection' }));
    await waitFor(() => expect(within(section).getByText(failure)).toBeTruthy());
    expect(within(section).getByText(failure).closest('[role="alert"]')).not.toBeNull();
    expect(within(section).queryByText(/Answered by/)).toBeNull();
  });

  it('Test connection right after typing an endpoint waits for it to be saved and tests it; without an endpoint it asks for one', async () => {
    const testStored: TestReply = (stored) => {
      if (stored.askEndpoint === '') throw new RequestError('ask-unavailable', 'No endpoint is set.');
      return { model: 'gpt-4o-mini', host: new URL(stored.askEndpoint).host, latencyMs: 87 };
    };
    const { section, endpoint, enter, callsOf } = await renderAskSettings({}, testStored, 30);
    fireEvent.click(within(section).getByRole('button', { name: 'Test connection' }));
    await waitFor(() => expect(within(section).getByText('Set an endpoint first: the ask box is off without one.')).toBeTruthy());
    expect(callsOf('ask/test')).toHaveLength(0);

    // Leaving the box for the button starts the save; the test must not overtake it.
    enter(endpoint, 'https://api.openai.com/v1');
    fireEvent.click(within(section).getByRole('button', { name: 'Test connection' }));
    await waitFor(() => expect(within(section).getByText('Answered by gpt-4o-mini at api.openai.com in 87 ms.')).toBeTruthy());
    expect(callsOf('settings/set')).toEqual([{ type: 'settings/set', patch: { askEndpoint: 'https://api.openai.com/v1' } }]);
  });
});
