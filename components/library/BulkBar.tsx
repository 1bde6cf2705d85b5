import { useEffect, useRef, useState } from 'preact/hooks';
import { EXPORT_FORMATS, type ExportFormat } from '../../lib/messaging/protocol';
import { EXPORT_FORMAT_LABELS } from './exportFormats';
import { formatCount } from '../shared/format';

interface BulkBarProps {
  shownCount: number;
  selectedCount: number;
  busy: boolean;
  onSelectAll(selected: boolean): void;
  onMarkRead(read: boolean): void;
  onExport(format: ExportFormat): void;
  onDelete(): void;
  onSendToZotero?(): void;
}

/** Actions on the checked entries. */
export function BulkBar({ shownCount, selectedCount, busy, onSelectAll, onMarkRead, onExport, onDelete, onSendToZotero }: BulkBarProps) {
  const [format, setFormat] = useState<ExportFormat>('bibtex');
  const selectAll = useRef<HTMLInputElement>(null);
  const allSelected = shownCount > 0 && selectedCount === shownCount;
  useEffect(() => {
    if (selectAll.current) selectAll.current.indeterminate = selectedCount > 0 && !allSelected;
  }, [selectedCount, allSelected]);
  const none = selectedCount === 0 || busy;

  return (
    <div class="bulk-bar" role="group" aria-label="Selected papers">
      <label class="check">
        <input
          ref={selectAll}
          type="checkbox"
          checked={allSelected}
          disabled={shownCount === 0}
          onChange={(event) => onSelectAll(event.currentTarget.checked)}
        />
        Select all shown ({formatCount(shownCount)})
      </label>
      <span class="bulk-count" aria-live="polite">
        {formatCount(selectedCount)} selected
      </span>
      <button type="button" disabled={none} onClick={() => onMarkRead(true)}>
        Mark read
      </button>
      <button type="button" disabled={none} onClick={() => onMarkRead(false)}>
        Mark unread
      </button>
      <span class="bulk-export">
        <label for="bulk-export-format" class="visually-hidden">
          Format for the selected papers
        </label>
        <select id="bulk-export-format" value={format} onChange={(event) => setFormat(event.currentTarget.value as ExportFormat)}>
          {EXPORT_FORMATS.map((option) => (
            <option key={option} value={option}>
              {EXPORT_FORMAT_LABELS[option]}
            </option>
          ))}
        </select>
        <button type="button" disabled={none} onClick={() => onExport(format)}>
          Export selected
        </button>
      </span>
      {onSendToZotero && (
        <button type="button" data-action="send-to-zotero" disabled={none} onClick={onSendToZotero}>
          Send selected to Zotero
        </button>
      )}
      <button type="button" class="danger" disabled={none} onClick={onDelete}>
        Delete selected
      </button>
    </div>
  );
}
