import { useState } from 'preact/hooks';
import type { ImportResult } from '../../lib/messaging/protocol';
import { formatCount } from '../shared/format';
import { errorMessage } from './errors';
import { formatBytes } from './format';

/** The protocol's limit on library/import content, checked here so a huge file is refused before it is read. */
const MAX_IMPORT_CHARS = 60_000_000;

interface ImportPanelProps {
  onImport(content: string): Promise<ImportResult>;
}

export function describeImport({ added, updated, unchanged }: ImportResult): string {
  return `Imported: ${formatCount(added)} added, ${formatCount(updated)} updated, ${formatCount(unchanged)} unchanged.`;
}

/** A JSON backup in, through a file picker (the keyboard path) or by dropping the file on the zone. */
export function ImportPanel({ onImport }: ImportPanelProps) {
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [dragging, setDragging] = useState(false);

  const importFile = async (file: File) => {
    setError(null);
    setResult(null);
    if (file.size > MAX_IMPORT_CHARS) {
      setError(`"${file.name}" is ${formatBytes(file.size)}, larger than any library backup can be. Nothing was imported.`);
      return;
    }
    setBusy(true);
    try {
      const content = await file.text();
      setResult(describeImport(await onImport(content)));
    } catch (failure) {
      setError(`"${file.name}": ${errorMessage(failure)}`);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="panel" aria-labelledby="import-heading">
      <h2 id="import-heading">Import a backup</h2>
      <div
        class={dragging ? 'drop-zone is-dragging' : 'drop-zone'}
        onDragEnter={(event) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragOver={(event) => {
          event.preventDefault();
          if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={(event) => {
          event.preventDefault();
          setDragging(false);
          const file = event.dataTransfer?.files[0];
          if (file) void importFile(file);
        }}
      >
        <label for="import-file">Choose a JSON backup file</label>
        <input
          id="import-file"
          type="file"
          accept=".json,application/json"
          disabled={busy}
          aria-describedby="import-help"
          onChange={(event) => {
            const input = event.currentTarget;
            const file = input.files?.[0];
            // Cleared so choosing the same file again (after fixing it) imports again.
            input.value = '';
            if (file) void importFile(file);
          }}
        />
        <p id="import-help" class="hint">
          or drop it here. Papers already saved are merged, never duplicated; an invalid file changes nothing.
        </p>
      </div>
      <div role="status" class="import-status">
        {busy && 'Importing…'}
        {result}
      </div>
      <div role="alert">{error && <p class="field-error">{error}</p>}</div>
    </section>
  );
}
