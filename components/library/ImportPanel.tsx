import { useState } from 'preact/hooks';
import type { ImportResult } from '../../lib/messaging/protocol';
import type { ImportPlan } from '../../lib/library/bibliography';
import { toBackup } from '../../lib/export/backup';
import { formatCount } from '../shared/format';
import { errorMessage } from './errors';
import { countOf, formatBytes } from './format';

/** The protocol's limit on library/import content, checked here so a huge file is refused before it is read. */
const MAX_IMPORT_CHARS = 60_000_000;
/** Problems listed in full; beyond this the list says how many more there are. */
const PROBLEMS_SHOWN = 200;

interface ImportPanelProps {
  onImport(content: string): Promise<ImportResult>;
  /** Clock for imported entries' saved time (tests pass a fixed one). */
  now?: () => number;
}

export function describeImport({ added, updated, unchanged }: ImportResult): string {
  return `Imported: ${formatCount(added)} added, ${formatCount(updated)} updated, ${formatCount(unchanged)} unchanged.`;
}

/** A file read and checked, waiting for the user to import what could be read. */
interface Review {
  fileName: string;
  plan: ImportPlan;
  problems: string[];
}

function looksLikeJson(name: string, text: string): boolean {
  return /\.json$/i.test(name) || /^\s*[{[]/.test(text.slice(0, 100));
}

/**
 * Import into the library: a JSON backup, or a BibTeX / RIS file from any reference manager, through a file
 * picker (the keyboard path) or by dropping the file on the zone. A bibliography is read and checked whole
 * first; when some entries cannot be read they are listed, and nothing is written until the user imports the rest.
 */
export function ImportPanel({ onImport, now = Date.now }: ImportPanelProps) {
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [dragging, setDragging] = useState(false);
  const [review, setReview] = useState<Review | null>(null);

  const write = async (fileName: string, content: string, note = '') => {
    setBusy('Importing…');
    try {
      setResult(describeImport(await onImport(content)) + note);
    } catch (failure) {
      setError(`"${fileName}": ${errorMessage(failure)}`);
    } finally {
      setBusy(null);
    }
  };

  const importFile = async (file: File) => {
    setError(null);
    setResult(null);
    setReview(null);
    if (file.size > MAX_IMPORT_CHARS) {
      setError(`"${file.name}" is ${formatBytes(file.size)}, larger than any library import can be. Nothing was imported.`);
      return;
    }
    setBusy('Reading the file…');
    let content: string;
    try {
      content = await file.text();
    } catch (failure) {
      setBusy(null);
      setError(`"${file.name}" could not be read: ${errorMessage(failure)}`);
      return;
    }
    if (looksLikeJson(file.name, content)) {
      await write(file.name, content);
      return;
    }
    try {
      // The readers load only here, on the options page, when a bibliography is imported.
      const bibliography = await import('../../lib/library/bibliography');
      const format = bibliography.bibliographyFormat(file.name, content);
      if (format === null) {
        setError(`"${file.name}" is neither a library backup (JSON) nor a BibTeX or RIS file. Nothing was imported.`);
        return;
      }
      setBusy(`Checking ${format === 'bibtex' ? 'BibTeX' : 'RIS'} entries…`);
      const plan = await bibliography.planBibliographyImport(content, format, { now: now(), editedAt: file.lastModified || now() });
      const problems = plan.problems.map(bibliography.describeProblem);
      const merged = plan.mergedInFile > 0 ? ` ${countOf(plan.mergedInFile, 'entry', 'entries')} named a paper already in the file and were merged into it.` : '';
      if (plan.entries.length === 0) {
        setError(`"${file.name}": no entry could be read, nothing was imported.${problems.length ? ` ${problems.slice(0, 3).join('; ')}${problems.length > 3 ? '; …' : ''}` : ' The file has no entries.'}`);
        return;
      }
      if (problems.length > 0) {
        setReview({ fileName: file.name, plan, problems });
        return;
      }
      await write(file.name, toBackup(plan.entries, now()), merged);
    } catch (failure) {
      setError(`"${file.name}": ${errorMessage(failure)}`);
    } finally {
      setBusy(null);
    }
  };

  const confirmReview = async () => {
    if (!review) return;
    const { fileName, plan } = review;
    setReview(null);
    await write(fileName, toBackup(plan.entries, now()), ` ${countOf(review.problems.length, 'entry', 'entries')} that could not be read ${review.problems.length === 1 ? 'was' : 'were'} left out.`);
  };

  return (
    <section class="panel" aria-labelledby="import-heading">
      <h2 id="import-heading">Import…</h2>
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
        <label for="import-file">Choose a file: JSON backup, BibTeX (.bib) or RIS (.ris)</label>
        <input
          id="import-file"
          type="file"
          accept=".json,application/json,.bib,.bibtex,.ris,.txt,application/x-bibtex,application/x-research-info-systems"
          disabled={busy !== null}
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
          or drop it here. BibTeX and RIS exports of Zotero, Mendeley, JabRef or EndNote work: arXiv ids come from eprint fields, arxiv.org links and
          10.48550/arXiv DOIs, tags from keywords, notes from note and annote. Papers already saved are merged, never duplicated; the whole file is
          checked before anything is written.
        </p>
      </div>
      {review && (
        <div class="import-review" role="group" aria-labelledby="import-review-heading">
          <h3 id="import-review-heading">
            {countOf(review.problems.length, 'entry', 'entries')} of "{review.fileName}" could not be read
          </h3>
          <ul class="import-problems">
            {review.problems.slice(0, PROBLEMS_SHOWN).map((problem) => (
              <li key={problem}>{problem}</li>
            ))}
            {review.problems.length > PROBLEMS_SHOWN && <li>…and {formatCount(review.problems.length - PROBLEMS_SHOWN)} more.</li>}
          </ul>
          <p>Nothing has been imported yet. The other {countOf(review.plan.entries.length, 'paper')} can be imported without them.</p>
          <div class="import-review-actions">
            <button type="button" class="primary" data-action="import-rest" onClick={() => void confirmReview()}>
              Import the other {countOf(review.plan.entries.length, 'paper')}
            </button>
            <button type="button" onClick={() => setReview(null)}>
              Cancel
            </button>
          </div>
        </div>
      )}
      <div role="status" class="import-status">
        {busy}
        {result}
        {review && `${countOf(review.problems.length, 'entry', 'entries')} could not be read; nothing imported yet.`}
      </div>
      <div role="alert">{error && <p class="field-error">{error}</p>}</div>
    </section>
  );
}
