import { useRef, useState } from 'preact/hooks';
import { errorMessage } from './errors';

export const TAG_SUGGESTIONS_ID = 'library-tag-suggestions';
const MAX_TAG_LENGTH = 200;

interface TagEditorProps {
  tags: readonly string[];
  /** Short paper title, to name the controls. */
  paperLabel: string;
  inputId: string;
  onChange(tags: string[]): Promise<unknown>;
}

/** Tags of one entry: Enter adds what is typed, each tag has its own labelled remove button. */
export function TagEditor({ tags, paperLabel, inputId, onChange }: TagEditorProps) {
  const [draft, setDraft] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);

  const commit = async (next: string[]) => {
    setBusy(true);
    setError(null);
    try {
      await onChange(next);
      return true;
    } catch (failure) {
      setError(errorMessage(failure));
      return false;
    } finally {
      setBusy(false);
    }
  };

  const add = async () => {
    const tag = draft.replace(/\s+/g, ' ').trim();
    if (tag === '') return;
    if (tag.length > MAX_TAG_LENGTH) {
      setError(`A tag can be at most ${MAX_TAG_LENGTH} characters.`);
      return;
    }
    const known = tags.some((own) => own.toLocaleLowerCase() === tag.toLocaleLowerCase());
    // The typed text stays in the box until the save succeeded, so a failure loses nothing.
    if (known || (await commit([...tags, tag]))) setDraft('');
  };

  const errorId = `${inputId}-error`;
  return (
    <div class="tag-editor">
      <span class="field-label" aria-hidden="true">
        Tags
      </span>
      {tags.length > 0 && (
        <ul class="tag-list" aria-label={`Tags of ${paperLabel}`}>
          {tags.map((tag) => (
            <li class="tag" key={tag}>
              <span class="tag-text">{tag}</span>
              <button
                type="button"
                class="tag-remove"
                aria-label={`Remove tag ${tag}`}
                disabled={busy}
                onClick={async () => {
                  // The button disappears with its tag; keep keyboard focus in the editor.
                  if (await commit(tags.filter((own) => own !== tag))) inputRef.current?.focus();
                }}
              >
                <span aria-hidden="true">×</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <input
        ref={inputRef}
        id={inputId}
        type="text"
        class="tag-input"
        placeholder="Add tag, press Enter"
        aria-label={`Add a tag to ${paperLabel}`}
        aria-describedby={error ? errorId : undefined}
        aria-invalid={error ? true : undefined}
        list={TAG_SUGGESTIONS_ID}
        autocomplete="off"
        value={draft}
        onInput={(event) => setDraft(event.currentTarget.value)}
        onKeyDown={(event) => {
          if (event.key !== 'Enter') return;
          event.preventDefault();
          void add();
        }}
      />
      {error && (
        <p id={errorId} class="field-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
