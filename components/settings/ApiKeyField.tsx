import { useEffect, useRef, useState } from 'preact/hooks';
import { validateApiKey } from './validation';

interface ApiKeyFieldProps {
  id: string;
  label: string;
  value: string;
  hint: string;
  onSave(value: string): Promise<boolean>;
}

/** A secret: hidden by default, shown on request, saved when the user leaves the box. */
export function ApiKeyField({ id, label, value, hint, onSave }: ApiKeyFieldProps) {
  const [text, setText] = useState(value);
  const [visible, setVisible] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const edited = useRef(false);

  useEffect(() => {
    if (!edited.current) setText(value);
  }, [value]);

  const commit = async () => {
    const result = validateApiKey(label, text);
    if (!result.ok) {
      setError(result.message);
      return;
    }
    setError(null);
    if (result.value === value || (await onSave(result.value))) {
      edited.current = false;
      setText(result.value);
    }
  };

  return (
    <div class="field">
      <label for={id}>{label}</label>
      <div class="key-row">
        <input
          id={id}
          type={visible ? 'text' : 'password'}
          autocomplete="off"
          spellcheck={false}
          maxLength={400}
          value={text}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-hint ${id}-error` : `${id}-hint`}
          onInput={(event) => {
            edited.current = true;
            setText(event.currentTarget.value);
          }}
          onChange={() => void commit()}
        />
        <button type="button" aria-pressed={visible} aria-controls={id} onClick={() => setVisible(!visible)}>
          Show key
        </button>
      </div>
      <p id={`${id}-hint`} class="hint">
        {hint} Stored only in this browser.
      </p>
      {error && (
        <p id={`${id}-error`} class="field-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
