import type { Paper } from '../../lib/domain/paper';
import { displayTitle } from './displayText';
import { libraryIdFor } from './libraryId';
import { ZoteroButton, type SendToZotero } from './ZoteroButton';

/** What every save toggle needs: which papers are saved, and how to toggle one; and Send to Zotero where offered. */
export interface SaveControls {
  savedIds: ReadonlySet<string>;
  onToggleSave(paper: Paper): void;
  sendToZotero?: SendToZotero;
}

export function isSaved(paper: Paper, save: SaveControls): boolean {
  return save.savedIds.has(libraryIdFor(paper));
}

export function SaveButton({ paper, save }: { paper: Paper; save: SaveControls }) {
  const saved = isSaved(paper, save);
  const title = displayTitle(paper.title, 160).short;
  const button = (
    <button
      type="button"
      class="ch-save"
      data-action="save"
      aria-pressed={saved ? 'true' : 'false'}
      aria-label={saved ? `Remove ${title} from saved` : `Save ${title}`}
      onClick={() => save.onToggleSave(paper)}
    >
      <span class="ch-save-icon" aria-hidden="true">
        {saved ? '★' : '☆'}
      </span>
      <span class="ch-save-text">{saved ? 'Saved' : 'Save'}</span>
    </button>
  );
  // Every row, header and quick view shows its save toggle here, so Send to Zotero sits beside it everywhere.
  if (!save.sendToZotero) return button;
  return (
    <span class="ch-actions">
      {button}
      <ZoteroButton paper={paper} send={save.sendToZotero} />
    </span>
  );
}
