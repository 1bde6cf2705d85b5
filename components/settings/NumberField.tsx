import { useEffect, useRef, useState } from 'preact/hooks';
import { formatCount } from '../shared/format';
import { numberSettingSpec, validateNumberSetting, type NumberSettingName } from './validation';

interface NumberFieldProps {
  name: NumberSettingName;
  value: number;
  hint?: string;
  /** Resolves true once stored; false leaves the typed value in place (the view shows why). */
  onSave(value: number): Promise<boolean>;
}

/** A number setting, checked against the schema's bounds when the user leaves the box or presses Enter. */
export function NumberField({ name, value, hint, onSave }: NumberFieldProps) {
  const spec = numberSettingSpec(name);
  const [text, setText] = useState(String(value));
  const [error, setError] = useState<string | null>(null);
  const edited = useRef(false);

  useEffect(() => {
    if (!edited.current) setText(String(value));
  }, [value]);

  const commit = async () => {
    const result = validateNumberSetting(name, text);
    if (!result.ok) {
      setError(result.message);
      return;
    }
    setError(null);
    if (result.value === value || (await onSave(result.value))) {
      edited.current = false;
      setText(String(result.value));
    }
  };

  const id = `setting-${name}`;
  return (
    <div class="field">
      <label for={id}>
        {spec.label} ({spec.unit})
      </label>
      <input
        id={id}
        type="number"
        min={spec.min}
        max={spec.max}
        step={spec.integer ? 1 : 'any'}
        value={text}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-hint ${id}-error` : `${id}-hint`}
        onInput={(event) => {
          edited.current = true;
          setText(event.currentTarget.value);
          // Once a message shows, it follows the typing so it disappears as soon as the value is fixed.
          if (error) {
            const result = validateNumberSetting(name, event.currentTarget.value);
            setError(result.ok ? null : result.message);
          }
        }}
        onChange={() => void commit()}
      />
      <p id={`${id}-hint`} class="hint">
        {hint ? `${hint} ` : ''}
        From {formatCount(spec.min)} to {formatCount(spec.max)}.
      </p>
      {error && (
        <p id={`${id}-error`} class="field-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
