// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { askTargetOf, useAskControls, usePanelPrefs } from '../../components/app/usePanelPrefs';
import { AskBox } from '../../components/panel/AskBox';
import type { AskControls } from '../../components/panel/askControls';
import { AtAGlance } from '../../components/panel/AtAGlance';
import type { AskAnswer } from '../../lib/ask/types';
import { RequestError } from '../../lib/messaging/client';
import type { Request } from '../../lib/messaging/protocol';
import { DEFAULT_SETTINGS, toPublicSettings } from '../../lib/settings/schema';
import { createSettingsStore, type SecretValues } from '../../lib/settings/store';
import { makeSampleView } from '../fixtures/views/sampleView';
import { renderPanel } from '../fixtures/views/renderPanel';

afterEach(() => {
  cleanup();
  fakeBrowser.reset();
});

/** 09:05 local time, so the provenance line reads "09:05" wherever the tests run. */
const ANSWERED_AT = new Date(2025, 0, 2, 9, 5).getTime();

function answer(overrides: Partial<AskAnswer> = {}): AskAnswer {
  return {
    answer: 'It studies how language model performance changes with scale.',
    model: 'llama3.1:8b',
    host: 'localhost:11434',
    answeredAt: ANSWERED_AT,
    context: { title: true, abstract: true, tldr: true, citationSentences: 12 },
    truncated: false,
    ...overrides,
  };
}

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((resolvePromise, rejectPromise) => {
    resolve = resolvePromise;
    reject = rejectPromise;
  });
  return { promise, resolve, reject };
}

function renderBox(ask: AskControls['ask'] = vi.fn(async () => answer())) {
  const controls: AskControls = { host: 'localhost:11434', model: 'llama3.1', ask };
  render(<AskBox controls={controls} />);
  const box = screen.getByRole('group', { name: 'Ask about this paper' });
  const field = within(box).getByLabelText('Your question') as HTMLTextAreaElement;
  const submit = within(box).getByRole('button', { name: 'Ask' }) as HTMLButtonElement;
  const type = (text: string) => fireEvent.input(field, { target: { value: text } });
  const exchanges = () => [...box.querySelectorAll('li.ch-ask-exchange')] as HTMLElement[];
  return { box, field, submit, type, exchanges, ask };
}

const text = (element: Element) => (element.textContent ?? '').replace(/\s+/g, ' ').trim();

describe('ask box in At a glance', () => {
  it('is absent unless the user configured an endpoint, with no prompt to set one up', () => {
    const view = makeSampleView();
    const { container } = render(<AtAGlance view={view} status={{ phase: 'done' }} onRetry={() => {}} />);
    expect(container.querySelector('textarea')).toBeNull();
    expect(container.textContent).not.toMatch(/Ask about|endpoint/i);
    cleanup();

    const { section } = renderPanel({ ask: { host: 'localhost:11434', model: 'llama3.1', ask: vi.fn() } });
    const box = within(section('glance')).getByRole('group', { name: 'Ask about this paper' });
    expect(within(box).getByRole('heading', { name: 'Ask about this paper' })).toBeTruthy();
    expect(text(box)).toContain(
      'Answers come from llama3.1 at localhost:11434, which receives the title, authors, abstract, TL;DR and up to 20 citation sentences. Answers may be wrong: check them against the paper.',
    );
  });

  it('Enter asks once with the trimmed question, then shows the answer as paragraphs with its provenance', async () => {
    const ask = vi.fn(async () => answer({ answer: 'It measures scaling.\n\nIt trains six models,\nup to 280B parameters.' }));
    const { field, type, exchanges } = renderBox(ask);
    expect(field.maxLength).toBe(1_000);
    type('  What is the main result?  ');
    fireEvent.keyDown(field, { key: 'Enter' });
    await waitFor(() => expect(exchanges()).toHaveLength(1));
    expect(ask.mock.calls).toEqual([['What is the main result?']]);

    const [exchange] = exchanges();
    expect(text(exchange!.querySelector('.ch-ask-question')!)).toBe('You asked: What is the main result?');
    const paragraphs = [...exchange!.querySelectorAll('.ch-ask-answer p')];
    expect(paragraphs.map((paragraph) => paragraph.textContent)).toEqual(['It measures scaling.', 'It trains six models,\nup to 280B parameters.']);
    expect(paragraphs.every((paragraph) => paragraph.getAttribute('dir') === 'auto')).toBe(true);
    expect(within(exchange!).getByText('llama3.1:8b via localhost:11434 · 09:05 · sent title, abstract, TL;DR, 12 citation sentences')).toBeTruthy();
    // The question was answered, so the box is ready for the next one.
    expect(field.value).toBe('');
  });

  it('keeps earlier answers, oldest first', async () => {
    const ask = vi.fn(async (question: string) => answer({ answer: `Answer to: ${question}` }));
    const { type, submit, exchanges } = renderBox(ask);
    type('First?');
    fireEvent.click(submit);
    await waitFor(() => expect(exchanges()).toHaveLength(1));
    type('Second?');
    fireEvent.click(submit);
    await waitFor(() => expect(exchanges()).toHaveLength(2));
    expect(exchanges().map((exchange) => text(exchange.querySelector('.ch-ask-answer')!))).toEqual([
      'Answer: Answer to: First?',
      'Answer: Answer to: Second?',
    ]);
  });

  it('keeps the answers when the box is unmounted and shown again (panel collapsed and expanded), but not for another paper', async () => {
    const ask = vi.fn(async (question: string) => answer({ answer: `Answer to: ${question}` }));
    const controls: AskControls = { host: 'localhost:11434', model: 'llama3.1', ask };
    const shown = render(<AskBox controls={controls} />);
    fireEvent.click(screen.getByRole('button', { name: 'What are its limitations?' }));
    await waitFor(() => expect(document.querySelectorAll('li.ch-ask-exchange')).toHaveLength(1));
    shown.unmount();

    render(<AskBox controls={controls} />);
    expect([...document.querySelectorAll('.ch-ask-answer')].map(text)).toEqual(['Answer: Answer to: What are its limitations?']);
    cleanup();

    // Another paper (or endpoint) gets new controls and an empty thread.
    render(<AskBox controls={{ ...controls }} />);
    expect(document.querySelectorAll('li.ch-ask-exchange')).toHaveLength(0);
  });

  it('says only what was actually sent, and when the endpoint cut the answer short', async () => {
    const ask = vi
      .fn<AskControls['ask']>()
      .mockResolvedValueOnce(answer({ context: { title: true, abstract: false, tldr: false, citationSentences: 1 }, truncated: true }))
      .mockResolvedValueOnce(answer({ context: { title: false, abstract: false, tldr: false, citationSentences: 0 } }));
    const { type, submit, exchanges } = renderBox(ask);
    type('One?');
    fireEvent.click(submit);
    await waitFor(() => expect(exchanges()).toHaveLength(1));
    type('Two?');
    fireEvent.click(submit);
    await waitFor(() => expect(exchanges()).toHaveLength(2));
    const provenance = exchanges().map((exchange) => text(exchange.querySelector('p.ch-muted')!));
    expect(provenance).toEqual([
      "llama3.1:8b via localhost:11434 · 09:05 · sent title, 1 citation sentence · cut short by the endpoint's length limit",
      'llama3.1:8b via localhost:11434 · 09:05 · sent the question only',
    ]);
  });

  it('shows a hostile answer as text, never as markup', async () => {
    const hostile = '<img src=x onerror=alert(1)><script>alert(2)</script>';
    const { box, type, submit, exchanges } = renderBox(vi.fn(async () => answer({ answer: hostile })));
    type('Anything?');
    fireEvent.click(submit);
    await waitFor(() => expect(exchanges()).toHaveLength(1));
    expect(box.querySelector('img')).toBeNull();
    expect(box.querySelector('script')).toBeNull();
    expect(exchanges()[0]!.querySelector('.ch-ask-answer p')!.textContent).toBe(hostile);
  });

  it('while a question is pending: Ask is disabled, the wait is announced, and no second question goes out', async () => {
    const reply = deferred<AskAnswer>();
    const ask = vi.fn(() => reply.promise);
    const { box, field, submit, type, exchanges } = renderBox(ask);
    const status = within(box).getByRole('status');
    expect(status.textContent).toBe('');
    type('Is it reproducible?');
    fireEvent.keyDown(field, { key: 'Enter' });
    await waitFor(() => expect(submit.disabled).toBe(true));
    expect(status.textContent).toBe('Asking llama3.1…');
    fireEvent.keyDown(field, { key: 'Enter' });
    fireEvent.click(within(box).getByRole('button', { name: 'What are its limitations?' }));
    expect(ask).toHaveBeenCalledTimes(1);

    await act(async () => reply.resolve(answer()));
    await waitFor(() => expect(exchanges()).toHaveLength(1));
    expect(submit.disabled).toBe(false);
    expect(status.textContent).toBe('');
  });

  it('a failure shows the message as an alert, keeps the question, and Try again asks it again', async () => {
    const ask = vi
      .fn<AskControls['ask']>()
      .mockRejectedValueOnce(new RequestError('ask-unavailable', 'The endpoint at localhost:11434 did not answer. Is the server running?'))
      .mockResolvedValueOnce(answer({ answer: 'It is reproducible.' }));
    const { box, field, type, exchanges } = renderBox(ask);
    type('Is it reproducible?');
    fireEvent.keyDown(field, { key: 'Enter' });
    const alert = within(box).getByRole('alert');
    await waitFor(() => expect(text(alert)).toContain('The endpoint at localhost:11434 did not answer. Is the server running?'));
    expect(field.value).toBe('Is it reproducible?');
    expect(exchanges()).toHaveLength(0);

    fireEvent.click(within(alert).getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(exchanges()).toHaveLength(1));
    expect(ask.mock.calls).toEqual([['Is it reproducible?'], ['Is it reproducible?']]);
    expect(text(alert)).toBe('');
    expect(text(exchanges()[0]!.querySelector('.ch-ask-answer')!)).toBe('Answer: It is reproducible.');
  });

  it('a suggestion asks at once', async () => {
    const { box, exchanges, ask } = renderBox();
    expect(within(box).getAllByRole('button').map((button) => button.textContent)).toEqual([
      'Ask',
      'What problem does it solve?',
      'What are its limitations?',
      'How do citing papers criticise it?',
    ]);
    fireEvent.click(within(box).getByRole('button', { name: 'How do citing papers criticise it?' }));
    await waitFor(() => expect(exchanges()).toHaveLength(1));
    expect(ask).toHaveBeenCalledWith('How do citing papers criticise it?');
    expect(text(exchanges()[0]!.querySelector('.ch-ask-question')!)).toBe('You asked: How do citing papers criticise it?');
  });

  it('Shift+Enter, Enter inside an input-method composition and an empty box send nothing', () => {
    const { field, submit, type, ask } = renderBox();
    type('First line');
    expect(fireEvent.keyDown(field, { key: 'Enter', shiftKey: true })).toBe(true);
    fireEvent.keyDown(field, { key: 'Enter', isComposing: true });
    type('   ');
    fireEvent.keyDown(field, { key: 'Enter' });
    fireEvent.click(submit);
    expect(ask).not.toHaveBeenCalled();
  });
});

describe('ask box settings in the panel', () => {
  it('is on when the endpoint is usable, with the host the content script is given or read from the full settings', () => {
    expect(askTargetOf(toPublicSettings(DEFAULT_SETTINGS))).toBeNull();
    const configured = { ...DEFAULT_SETTINGS, askEndpoint: 'http://localhost:11434/v1', askModel: ' llama3.1 ', askApiKey: 'secret' };
    expect(askTargetOf(toPublicSettings(configured))).toEqual({ host: 'localhost:11434', model: 'llama3.1' });
    // The side panel is an extension page: it receives the full settings.
    expect(askTargetOf(configured)).toEqual({ host: 'localhost:11434', model: 'llama3.1' });
    expect(askTargetOf({ ...configured, askEndpoint: 'http://example.org/v1' })).toBeNull();
  });

  it('follows settings changed while the panel is open, and sends questions for its paper', async () => {
    const secrets: SecretValues = {};
    const { load: loadSettings, save: saveSettings } = createSettingsStore({ read: async () => ({ ...secrets }), write: async (values) => void Object.assign(secrets, values) });
    const requests: Request[] = [];
    fakeBrowser.runtime.onMessage.addListener(async (raw: unknown) => {
      const message = raw as Request;
      requests.push(message);
      if (message.type === 'settings/get') return { ok: true, result: toPublicSettings(await loadSettings()) };
      if (message.type === 'glance/ask') return { ok: true, result: answer() };
      return { ok: false, error: { code: 'internal', message: 'not handled' } };
    });
    function Harness() {
      const prefs = usePanelPrefs();
      const ask = useAskControls('2112.11446', prefs.ask);
      if (!prefs.loaded) return null;
      return (
        <div data-testid="harness" data-hidden={[...prefs.hiddenSections].join(',')}>
          {ask ? <AskBox controls={ask} /> : <p>ask box off</p>}
        </div>
      );
    }
    render(<Harness />);
    await waitFor(() => expect(screen.getByText('ask box off')).toBeTruthy());

    await act(async () => {
      await saveSettings({ askEndpoint: 'http://localhost:11434/v1', askModel: 'llama3.1', hiddenSections: ['claims'] });
    });
    const box = await waitFor(() => screen.getByRole('group', { name: 'Ask about this paper' }));
    expect(text(box)).toContain('Answers come from llama3.1 at localhost:11434');
    expect(screen.getByTestId('harness').dataset.hidden).toBe('claims');

    fireEvent.click(within(box).getByRole('button', { name: 'What problem does it solve?' }));
    await waitFor(() => expect(box.querySelectorAll('li.ch-ask-exchange')).toHaveLength(1));
    expect(requests.filter((message) => message.type === 'glance/ask')).toEqual([
      { type: 'glance/ask', arxivId: '2112.11446', question: 'What problem does it solve?' },
    ]);

    await act(async () => {
      await saveSettings({ askEndpoint: '' });
    });
    await waitFor(() => expect(screen.getByText('ask box off')).toBeTruthy());
  });
});
