import { createContext } from 'preact';
import { useContext, useId, useState } from 'preact/hooks';
import type { Polarity } from '../../lib/domain/labels';
import { POLARITIES_ONLY, POLARITY_LABELS } from './labels';

/** Stores (or, with null, withdraws) the reader's own polarity for one citing sentence. */
export type CorrectPolarity = (citingPaperId: string, text: string, label: Polarity | null) => Promise<void>;

/** Provided by the panel's container; absent where corrections cannot be stored (then no control is shown). */
export const PolarityCorrectionContext = createContext<CorrectPolarity | null>(null);

export interface PolarityLabelLike {
  label: Polarity;
  confidence: number;
  leaning?: { label: Polarity; confidence: number };
  correctedFrom?: Polarity;
  focused?: boolean;
}

const percent = (value: number) => `${Math.floor(value * 100)} %`;

/** "Contrasting, 72 % confident", "No clear stance (leaned supporting, 41 %)", "Supporting — your correction (model: neutral)". */
export function describePolarity(polarity: PolarityLabelLike): string {
  let text: string;
  if (polarity.correctedFrom) text = `${POLARITY_LABELS[polarity.label]}, your correction (the model said ${POLARITY_LABELS[polarity.correctedFrom].toLowerCase()})`;
  else if (polarity.leaning) text = `No clear stance (leaned ${POLARITY_LABELS[polarity.leaning.label].toLowerCase()}, ${percent(polarity.leaning.confidence)})`;
  else text = `${POLARITY_LABELS[polarity.label]}, ${percent(polarity.confidence)} confident`;
  return polarity.focused ? `${text}; judged on the part about this paper` : text;
}

/**
 * "Wrong label?" beside a shown sentence: pick the right label, or undo an earlier correction.
 * The result is announced; a failure says so and keeps the label as it was.
 */
export function CorrectPolarityControl({ citingPaperId, text, polarity }: { citingPaperId: string; text: string; polarity: PolarityLabelLike }) {
  const correct = useContext(PolarityCorrectionContext);
  const [open, setOpen] = useState(false);
  const [message, setMessage] = useState('');
  const groupId = useId();
  if (!correct) return null;
  const choose = (label: Polarity | null) => {
    setMessage('Saving…');
    correct(citingPaperId, text, label).then(
      () => {
        setOpen(false);
        setMessage(label ? `Marked ${POLARITY_LABELS[label].toLowerCase()}; counts updated.` : 'Correction removed; the model’s label is back.');
      },
      (error: unknown) => setMessage(`Could not save the correction: ${error instanceof Error ? error.message : String(error)}`),
    );
  };
  return (
    <div class="ch-correct">
      {polarity.correctedFrom ? (
        <button type="button" class="ch-link-button" data-action="undo-polarity-correction" onClick={() => choose(null)}>
          Undo my correction
        </button>
      ) : (
        <button type="button" class="ch-link-button" data-action="correct-polarity" aria-expanded={open ? 'true' : 'false'} aria-controls={open ? groupId : undefined} onClick={() => setOpen(!open)}>
          Wrong label?
        </button>
      )}
      {open ? (
        <span id={groupId} role="group" aria-label="The right label for this sentence" class="ch-correct-choices">
          {POLARITIES_ONLY.filter((label) => label !== polarity.label).map((label) => (
            <button key={label} type="button" class="ch-chip" data-correct-to={label} onClick={() => choose(label)}>
              {POLARITY_LABELS[label]}
            </button>
          ))}
        </span>
      ) : null}
      <span class="ch-sr-live" role="status" aria-live="polite">
        {message}
      </span>
    </div>
  );
}
