import { useState } from 'preact/hooks';
import type { Paper } from '../../lib/domain/paper';
import { displayTitle } from './displayText';

/** Sends one paper (or a selection) to Zotero; resolves to the outcome sentence, rejects with one. */
export type SendToZotero = (paper: Paper) => Promise<string>;

type Phase = 'idle' | 'sending' | 'sent' | 'failed';

/**
 * "Send to Zotero": nothing leaves until the click; the outcome (saved where, or why not) is read out
 * from a live region next to the button. `class` prefixes let each page style it with its own sheet.
 */
export function ZoteroButton({ paper, send, label }: { paper: Paper; send: SendToZotero; label?: string }) {
  const [phase, setPhase] = useState<Phase>('idle');
  const [text, setText] = useState('');
  const title = displayTitle(paper.title, 160).short;
  const onClick = () => {
    setPhase('sending');
    setText('Sending to Zotero…');
    send(paper).then(
      (message) => {
        setPhase('sent');
        setText(message);
      },
      (error: unknown) => {
        setPhase('failed');
        setText(error instanceof Error ? error.message : String(error));
      },
    );
  };
  return (
    <span class="ch-zotero" data-zotero-state={phase}>
      <button type="button" class="ch-save ch-zotero-button" data-action="send-to-zotero" aria-label={`Send ${title} to Zotero`} aria-disabled={phase === 'sending' ? 'true' : undefined} onClick={phase === 'sending' ? undefined : onClick}>
        {label ?? 'Zotero'}
      </button>
      <span class="ch-zotero-status" role="status" aria-live="polite">
        {text}
      </span>
    </span>
  );
}
