import { EXPORT_FORMATS, type ExportFormat } from '../../lib/messaging/protocol';
import { EXPORT_FORMAT_LABELS } from './exportFormats';
import { backupIsOverdue, BACKUP_NUDGE_AFTER_DAYS, formatDate, isoDate } from './format';

export type Persistence = 'checking' | 'granted' | 'denied' | 'unavailable';

interface BackupPanelProps {
  /** undefined while the settings load. */
  lastBackupAt: number | null | undefined;
  /** Why the backup date is unknown, when the settings could not be read. */
  settingsError: string | null;
  entryCount: number;
  persistence: Persistence;
  busy: boolean;
  now: number;
  onExport(format: ExportFormat): void;
}

const PERSISTENCE_TEXT: Record<Persistence, string> = {
  checking: 'Persistent storage: asking the browser…',
  granted: 'Persistent storage: granted. The browser will not clear the library to free space.',
  denied: 'Persistent storage: not granted. Under storage pressure the browser could clear it; keep a JSON backup.',
  unavailable: 'Persistent storage: not offered by this browser; keep a JSON backup.',
};

export function BackupPanel({ lastBackupAt, settingsError, entryCount, persistence, busy, now, onExport }: BackupPanelProps) {
  const overdue = lastBackupAt !== undefined && entryCount > 0 && backupIsOverdue(lastBackupAt, now);
  return (
    <section class="panel" aria-labelledby="backup-heading">
      <h2 id="backup-heading">Backup and export</h2>
      <p>
        Last backup:{' '}
        {settingsError ? (
          <span class="field-error">unknown, the settings could not be read: {settingsError}</span>
        ) : lastBackupAt === undefined ? (
          '…'
        ) : lastBackupAt === null ? (
          'never'
        ) : (
          <time dateTime={isoDate(lastBackupAt)}>{formatDate(lastBackupAt)}</time>
        )}
      </p>
      {overdue && (
        <p class="nudge">
          {lastBackupAt === null
            ? 'Your library has never been backed up.'
            : `Your last backup is more than ${BACKUP_NUDGE_AFTER_DAYS} days old.`}{' '}
          A JSON backup is the only copy outside this browser profile: save one now.
        </p>
      )}
      <p class="hint">{PERSISTENCE_TEXT[persistence]}</p>
      <div class="button-row" role="group" aria-label="Export the whole library">
        {EXPORT_FORMATS.map((format) => (
          <button
            key={format}
            type="button"
            class={format === 'json' ? 'primary' : undefined}
            disabled={busy}
            onClick={() => onExport(format)}
          >
            {EXPORT_FORMAT_LABELS[format]}
          </button>
        ))}
      </div>
      <p class="hint">
        BibTeX, RIS, CSL-JSON and CSV are for reference managers and spreadsheets; only the JSON backup keeps tags,
        notes and read state and can be imported here again.
      </p>
    </section>
  );
}
