import { useId, useRef, useState } from 'preact/hooks';
import { ASK_QUESTION_MAX_CHARS, type AskAnswer } from '../../lib/ask/types';
import type { AskControls } from './askControls';

export type { AskControls } from './askControls';

const SUGGESTIONS = ['What problem does it solve?', 'What are its limitations?', 'How do citing papers criticise it?'] as const;

interface Exchange {
  question: string;
  answer: AskAnswer;
}

/**
 * Threads outlive the box: collapsing the panel (or hiding "At a glance") unmounts it, and the
 * answers, which cost the user compute or money, must be there when it comes back. The controls
 * object lives as long as the panel shows one paper with one endpoint.
 */
const threads = new WeakMap<AskControls, Exchange[]>();

function twoDigits(value: number): string {
  return String(value).padStart(2, '0');
}

/** "llama3.1 via localhost:11434 · 14:05 · sent title, abstract, 12 citation sentences". */
function provenanceOf({ model, host, answeredAt, context, truncated }: AskAnswer): string {
  const time = new Date(answeredAt);
  const sent = [context.title && 'title', context.abstract && 'abstract', context.tldr && 'TL;DR'].filter(Boolean);
  if (context.citationSentences > 0) {
    sent.push(`${context.citationSentences} citation ${context.citationSentences === 1 ? 'sentence' : 'sentences'}`);
  }
  const parts = [
    `${model} via ${host}`,
    `${twoDigits(time.getHours())}:${twoDigits(time.getMinutes())}`,
    sent.length > 0 ? `sent ${sent.join(', ')}` : 'sent the question only',
  ];
  if (truncated) parts.push("cut short by the endpoint's length limit");
  return parts.join(' · ');
}

/** The model's reply as plain text: blank lines separate paragraphs; single line breaks are kept by CSS. */
function AnswerText({ text }: { text: string }) {
  const paragraphs = text
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.trim())
    .filter((paragraph) => paragraph !== '');
  if (paragraphs.length === 0) return <p class="ch-muted">The model sent an empty answer.</p>;
  return (
    <>
      {paragraphs.map((paragraph, index) => (
        <p key={index} dir="auto">
          {paragraph}
        </p>
      ))}
    </>
  );
}

/**
 * Questions about the paper, answered by the model endpoint the user configured. The answer is text
 * from a model, so it is only ever rendered as text, and every answer says where it came from and
 * what was sent with the question.
 */
export function AskBox({ controls }: { controls: AskControls }) {
  const [draft, setDraft] = useState('');
  const [pending, setPending] = useState(false);
  const [failure, setFailure] = useState<{ question: string; message: string } | null>(null);
  const [thread, setThread] = useState<Exchange[]>(() => threads.get(controls) ?? []);
  // Two Enter presses can land before the re-render that disables the button.
  const inFlight = useRef(false);
  const draftNow = useRef(draft);
  draftNow.current = draft;
  const field = useRef<HTMLTextAreaElement>(null);
  const id = useId();
  const model = controls.model || 'the model';

  const ask = async (rawQuestion: string) => {
    const question = rawQuestion.trim();
    if (question === '' || inFlight.current) return;
    inFlight.current = true;
    setPending(true);
    setFailure(null);
    // The button pressed may become disabled or vanish; the box is where the next question goes.
    field.current?.focus();
    try {
      const answer = await controls.ask(question);
      setThread((previous) => {
        const next = [...previous, { question, answer }];
        threads.set(controls, next);
        return next;
      });
      if (draftNow.current.trim() === question) setDraft('');
    } catch (error) {
      setFailure({ question, message: error instanceof Error ? error.message : String(error) });
    } finally {
      inFlight.current = false;
      setPending(false);
    }
  };

  return (
    <div class="ch-ask" role="group" aria-labelledby={`${id}-heading`}>
      <h4 id={`${id}-heading`} class="ch-ask-heading">
        Ask about this paper
      </h4>
      <p id={`${id}-about`} class="ch-note">
        Answers come from {model} at {controls.host}, which receives the title, authors, abstract, TL;DR and up to 20 citation sentences.
        Answers may be wrong: check them against the paper.
      </p>
      {/* Present from the start: a live region added together with its first entry is not announced. */}
      <div role="log" aria-label="Answers">
        {thread.length > 0 ? (
          <ol class="ch-ask-thread">
            {thread.map(({ question, answer }, index) => (
              <li key={index} class="ch-ask-exchange">
                <p class="ch-ask-question" dir="auto">
                  <span class="ch-sr">You asked: </span>
                  {question}
                </p>
                <div class="ch-ask-answer">
                  <span class="ch-sr">Answer: </span>
                  <AnswerText text={answer.answer} />
                </div>
                <p class="ch-muted">{provenanceOf(answer)}</p>
              </li>
            ))}
          </ol>
        ) : null}
      </div>
      <form
        class="ch-ask-form"
        onSubmit={(event) => {
          event.preventDefault();
          void ask(draft);
        }}
      >
        <label for={`${id}-question`}>Your question</label>
        <textarea
          ref={field}
          id={`${id}-question`}
          rows={2}
          maxLength={ASK_QUESTION_MAX_CHARS}
          value={draft}
          aria-describedby={`${id}-keys ${id}-about`}
          onInput={(event) => setDraft(event.currentTarget.value)}
          onKeyDown={(event) => {
            // Enter while an input method composes a word confirms the word, not the question.
            if (event.key !== 'Enter' || event.shiftKey || event.isComposing) return;
            event.preventDefault();
            void ask(event.currentTarget.value);
          }}
        />
        <p id={`${id}-keys`} class="ch-muted">
          Enter asks; Shift+Enter starts a new line.
        </p>
        <div class="ch-ask-actions">
          <button type="submit" class="ch-button" disabled={pending}>
            Ask
          </button>
          <ul class="ch-ask-suggestions" aria-label="Suggested questions">
            {SUGGESTIONS.map((suggestion) => (
              <li key={suggestion}>
                <button type="button" class="ch-ask-suggestion" aria-disabled={pending ? 'true' : undefined} onClick={() => void ask(suggestion)}>
                  {suggestion}
                </button>
              </li>
            ))}
          </ul>
        </div>
      </form>
      <p class="ch-section-status" role="status">
        {pending ? `Asking ${model}…` : ''}
      </p>
      <div role="alert">
        {failure ? (
          <div class="ch-section-failure">
            <p dir="auto">{failure.message}</p>
            <button type="button" class="ch-button" onClick={() => void ask(failure.question)}>
              Try again
            </button>
          </div>
        ) : null}
      </div>
    </div>
  );
}
