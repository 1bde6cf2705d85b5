import { useEffect, useRef } from 'preact/hooks';
import type { LibraryEntry } from '../../lib/db/database';

export type Notice =
  /** Entries just deleted, kept here so Undo can put them back exactly as they were. */
  | { kind: 'deleted'; message: string; entries: LibraryEntry[]; undoError?: string }
  | { kind: 'info'; message: string }
  | { kind: 'error'; message: string };

interface NoticeBarProps {
  notice: Notice | null;
  undoing: boolean;
  onUndo(entries: LibraryEntry[]): void;
  onDismiss(): void;
}

/**
 * The page's one toast: "Deleted 3 papers — Undo", other confirmations, and request failures.
 * It stays until replaced or dismissed (no timeout), so Undo never slips away from a slow reader.
 */
export function NoticeBar({ notice, undoing, onUndo, onDismiss }: NoticeBarProps) {
  const undoButton = useRef<HTMLButtonElement>(null);
  const statusNotice = useRef<HTMLDivElement>(null);
  useEffect(() => {
    // The deleted row took keyboard focus with it; Undo is the natural next stop.
    if (notice?.kind === 'deleted' && !notice.undoError) undoButton.current?.focus();
    // After Undo the button itself is gone: keep focus on the message that replaced it, not on the page body.
    else if (notice?.kind === 'info' && (document.activeElement === null || document.activeElement === document.body)) {
      statusNotice.current?.focus();
    }
  }, [notice]);

  const dismiss = (
    <button type="button" class="icon-button" aria-label="Dismiss message" onClick={onDismiss}>
      <span aria-hidden="true">×</span>
    </button>
  );
  const errorText = notice?.kind === 'error' ? notice.message : notice?.kind === 'deleted' ? notice.undoError : undefined;

  return (
    <div class="notice-area">
      <div role="status" class="notice-slot">
        {notice && notice.kind !== 'error' && (
          <div class="notice" ref={statusNotice} tabIndex={-1}>
            <span>
              {notice.message}
              {notice.kind === 'deleted' && <span aria-hidden="true"> — </span>}
            </span>
            {notice.kind === 'deleted' && (
              <button ref={undoButton} type="button" class="primary" disabled={undoing} onClick={() => onUndo(notice.entries)}>
                Undo
              </button>
            )}
            {dismiss}
          </div>
        )}
      </div>
      <div role="alert" class="notice-slot">
        {errorText && (
          <div class="notice notice-error">
            <span>{errorText}</span>
            {notice?.kind === 'error' && dismiss}
          </div>
        )}
      </div>
    </div>
  );
}
