import { useEffect, useRef, useState } from 'preact/hooks';
import { errorMessage } from './errors';

export const NOTES_SAVE_DELAY_MS = 600;

interface NotesEditorProps {
  notes: string;
  paperLabel: string;
  textareaId: string;
  onSave(notes: string): Promise<unknown>;
}

type SaveState = { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved' } | { kind: 'failed'; message: string };

/**
 * Notes are saved shortly after typing stops and on leaving the box. What is typed is never replaced by
 * a refresh from the background while it is unsaved, and a failed save keeps the text and offers a retry.
 */
export function NotesEditor({ notes, paperLabel, textareaId, onSave }: NotesEditorProps) {
  const [draft, setDraft] = useState(notes);
  const [state, setState] = useState<SaveState>({ kind: 'idle' });
  const lastSaved = useRef(notes);
  const draftRef = useRef(notes);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const saveRef = useRef(onSave);
  saveRef.current = onSave;

  // Take changes made elsewhere (another tab) only while nothing typed here is pending.
  useEffect(() => {
    if (draftRef.current === lastSaved.current && notes !== lastSaved.current) {
      lastSaved.current = notes;
      draftRef.current = notes;
      setDraft(notes);
    }
  }, [notes]);

  const save = async () => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    const text = draftRef.current;
    if (text === lastSaved.current) return;
    setState({ kind: 'saving' });
    try {
      await saveRef.current(text);
      lastSaved.current = text;
      setState(draftRef.current === text ? { kind: 'saved' } : { kind: 'idle' });
    } catch (failure) {
      setState({ kind: 'failed', message: errorMessage(failure) });
    }
  };

  // Leaving the page section (or deleting the row) must not drop a pending edit.
  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
      if (draftRef.current !== lastSaved.current) void saveRef.current(draftRef.current).catch(() => undefined);
    },
    [],
  );

  const statusId = `${textareaId}-status`;
  return (
    <div class="notes-editor">
      <label class="field-label" for={textareaId}>
        Notes <span class="visually-hidden">on {paperLabel}</span>
      </label>
      <textarea
        id={textareaId}
        class="notes-input"
        rows={2}
        maxLength={1_000_000}
        value={draft}
        aria-describedby={statusId}
        onInput={(event) => {
          const text = event.currentTarget.value;
          draftRef.current = text;
          setDraft(text);
          if (state.kind !== 'failed') setState({ kind: 'idle' });
          if (timer.current) clearTimeout(timer.current);
          timer.current = setTimeout(() => void save(), NOTES_SAVE_DELAY_MS);
        }}
        onBlur={() => void save()}
      />
      <p id={statusId} class={state.kind === 'failed' ? 'field-error' : 'hint'} aria-live="polite">
        {state.kind === 'saving' && 'Saving…'}
        {state.kind === 'saved' && 'Notes saved.'}
        {state.kind === 'failed' && (
          <>
            Notes not saved: {state.message}{' '}
            <button type="button" class="link-button" onClick={() => void save()}>
              Retry
            </button>
          </>
        )}
      </p>
    </div>
  );
}
