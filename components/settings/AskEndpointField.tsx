import { useEffect, useRef, useState } from 'preact/hooks';
import { parseAskEndpoint } from '../../lib/ask/endpoint';
import type { ResponseMap } from '../../lib/messaging/protocol';
import type { SettingsPatch } from '../../lib/settings/schema';
import { errorMessage } from '../library/errors';
import { formatCount } from '../shared/format';
import { ApiKeyField } from './ApiKeyField';
import { validateAskEndpoint } from './validation';

type AskPatch = Pick<SettingsPatch, 'askEndpoint' | 'askModel' | 'askApiKey'>;

interface AskEndpointFieldProps {
  /** The stored values. */
  endpoint: string;
  model: string;
  apiKey: string;
  /** Resolves true once stored; false leaves the typed value in place (the view shows why). */
  onSave(patch: AskPatch, what: string): Promise<boolean>;
  /** Sends one short question to the stored endpoint (the background's `ask/test`). */
  onTest(): Promise<ResponseMap['ask/test']>;
}

type TestState = { phase: 'idle' } | { phase: 'testing' } | { phase: 'answered'; text: string } | { phase: 'failed'; message: string };

/** A text setting saved when the user leaves the box, keeping what they typed while a save is refused. */
function useDraft(stored: string) {
  const [text, setText] = useState(stored);
  const edited = useRef(false);
  useEffect(() => {
    if (!edited.current) setText(stored);
  }, [stored]);
  return {
    text,
    type(next: string) {
      edited.current = true;
      setText(next);
    },
    settled(value: string) {
      edited.current = false;
      setText(value);
    },
  };
}

/**
 * The optional ask box's model endpoint: where questions go, which model answers, an optional key,
 * and a test that sends one question so the user learns at once whether CORS, the model name and
 * the key work, rather than on their first real question.
 */
export function AskEndpointField({ endpoint, model, apiKey, onSave, onTest }: AskEndpointFieldProps) {
  const endpointDraft = useDraft(endpoint);
  const modelDraft = useDraft(model);
  const [endpointError, setEndpointError] = useState<string | null>(null);
  const [test, setTest] = useState<TestState>({ phase: 'idle' });
  const endpointInput = useRef<HTMLInputElement>(null);
  // Leaving a box for the test button starts its save; the test waits for it so it tries what was typed.
  const savesInFlight = useRef(new Set<Promise<boolean>>());

  const save = (patch: AskPatch, what: string): Promise<boolean> => {
    const saving = onSave(patch, what).then((saved) => {
      if (saved) setTest({ phase: 'idle' });
      return saved;
    });
    savesInFlight.current.add(saving);
    void saving.finally(() => savesInFlight.current.delete(saving));
    return saving;
  };

  const commitEndpoint = async () => {
    const result = validateAskEndpoint(endpointDraft.text);
    if (!result.ok) {
      setEndpointError(result.message);
      return;
    }
    setEndpointError(null);
    const what = result.value === '' ? 'ask endpoint (the ask box is off)' : 'ask endpoint';
    if (result.value === endpoint || (await save({ askEndpoint: result.value }, what))) endpointDraft.settled(result.value);
  };

  const commitModel = async () => {
    const value = modelDraft.text.trim();
    if (value === model || (await save({ askModel: value }, 'ask model'))) modelDraft.settled(value);
  };

  const runTest = async () => {
    if (test.phase === 'testing') return;
    await Promise.all([...savesInFlight.current]);
    const checked = validateAskEndpoint(endpointDraft.text);
    if (!checked.ok) {
      setEndpointError(checked.message);
      endpointInput.current?.focus();
      return;
    }
    if (checked.value === '') {
      setTest({ phase: 'failed', message: 'Set an endpoint first: the ask box is off without one.' });
      return;
    }
    setTest({ phase: 'testing' });
    try {
      const result = await onTest();
      setTest({ phase: 'answered', text: `Answered by ${result.model} at ${result.host} in ${formatCount(result.latencyMs)} ms.` });
    } catch (failure) {
      setTest({ phase: 'failed', message: errorMessage(failure) });
    }
  };

  const parsed = endpointError ? null : parseAskEndpoint(endpointDraft.text);
  const endpointHint =
    parsed?.ok === true
      ? `Questions go to ${parsed.url}.`
      : 'For example http://localhost:11434/v1 (Ollama), http://localhost:1234/v1 (LM Studio) or https://api.openai.com/v1. Plain http is accepted only for this machine.';

  return (
    <section class="panel" aria-labelledby="ask-heading">
      <h2 id="ask-heading">Ask box (your own model)</h2>
      <p class="hint">
        An optional box under “At a glance” in the panel that answers questions about the paper with a model you choose. It is off
        until an endpoint is set, and clearing the endpoint turns it off again. Nothing is sent until you ask a question; then the
        question goes to this endpoint with the paper's title, authors, abstract, TL;DR and up to 20 citation sentences.
      </p>
      <p class="hint">
        Works with any OpenAI-compatible chat-completions endpoint: Ollama, LM Studio, llama.cpp server, OpenAI. The endpoint must
        accept requests from browser extensions (CORS); for Ollama, start it with{' '}
        <code>OLLAMA_ORIGINS=chrome-extension://*,moz-extension://*</code>; LM Studio has an “Enable CORS” switch.
      </p>

      <div class="field">
        <label for="setting-askEndpoint">Endpoint URL</label>
        <input
          ref={endpointInput}
          id="setting-askEndpoint"
          type="text"
          inputMode="url"
          autocomplete="off"
          spellcheck={false}
          placeholder="http://localhost:11434/v1"
          value={endpointDraft.text}
          aria-invalid={endpointError ? true : undefined}
          aria-describedby={endpointError ? 'setting-askEndpoint-hint setting-askEndpoint-error' : 'setting-askEndpoint-hint'}
          onInput={(event) => {
            endpointDraft.type(event.currentTarget.value);
            // Once a message shows, it follows the typing so it disappears as soon as the URL is fixed.
            if (endpointError) {
              const result = validateAskEndpoint(event.currentTarget.value);
              setEndpointError(result.ok ? null : result.message);
            }
          }}
          onChange={() => void commitEndpoint()}
        />
        <p id="setting-askEndpoint-hint" class="hint">
          {endpointHint}
        </p>
        {endpointError && (
          <p id="setting-askEndpoint-error" class="field-error" role="alert">
            {endpointError}
          </p>
        )}
      </div>

      <div class="field">
        <label for="setting-askModel">Model</label>
        <input
          id="setting-askModel"
          type="text"
          autocomplete="off"
          spellcheck={false}
          maxLength={200}
          placeholder="llama3.1"
          value={modelDraft.text}
          aria-describedby="setting-askModel-hint"
          onInput={(event) => modelDraft.type(event.currentTarget.value)}
          onChange={() => void commitModel()}
        />
        <p id="setting-askModel-hint" class="hint">
          The model's name as the endpoint knows it, e.g. llama3.1 for Ollama or gpt-4o-mini for OpenAI.
        </p>
      </div>

      <ApiKeyField
        id="setting-askApiKey"
        label="Ask endpoint API key"
        value={apiKey}
        hint="Optional: local servers need none. Sent only to the endpoint above, as a bearer token, and only when you ask or test."
        onSave={(askApiKey) => save({ askApiKey }, 'ask endpoint API key')}
      />

      <div class="field">
        <div class="button-row">
          {/* aria-disabled, not disabled: a disabled button drops the keyboard focus that pressed it. */}
          <button type="button" aria-disabled={test.phase === 'testing' ? 'true' : undefined} onClick={() => void runTest()}>
            Test connection
          </button>
        </div>
        <p role="status" class="hint">
          {test.phase === 'testing' ? 'Sending a test question…' : test.phase === 'answered' ? test.text : ''}
        </p>
        <div role="alert">{test.phase === 'failed' && <p class="field-error">{test.message}</p>}</div>
      </div>
    </section>
  );
}
