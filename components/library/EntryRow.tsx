import { useState } from 'preact/hooks';
import type { LibraryEntry } from '../../lib/db/database';
import { landingPageLinks } from '../shared/links';
import { errorMessage } from './errors';
import { formatDate, isoDate } from './format';
import { NotesEditor } from './NotesEditor';
import { TagEditor } from './TagEditor';
import { ZoteroButton } from '../shared/ZoteroButton';
import { authorLine, displayTitle, labelTitle } from './text';

export type EntryPatch = { tags?: string[]; notes?: string; read?: boolean };

interface EntryRowProps {
  entry: LibraryEntry;
  /** Position in the list, for element ids (entry ids may contain any character). */
  index: number;
  selected: boolean;
  onSelect(id: string, selected: boolean): void;
  onUpdate(id: string, patch: EntryPatch): Promise<LibraryEntry>;
  onDelete(id: string): void;
  /** Sends this entry (with its tags and note) to Zotero; resolves to the outcome sentence. */
  onSendToZotero?(id: string): Promise<string>;
}

export function EntryRow({ entry, index, selected, onSelect, onUpdate, onDelete, onSendToZotero }: EntryRowProps) {
  const [readError, setReadError] = useState<string | null>(null);
  const { paper } = entry;
  const title = displayTitle(paper.title);
  const label = labelTitle(paper.title);
  const idBase = `entry-${index}`;
  const links = landingPageLinks(paper);
  const details = [paper.year?.toString(), paper.venue?.trim()].filter((part): part is string => !!part);

  return (
    <li class={entry.read ? 'entry is-read' : 'entry'} data-paper-id={paper.paperId} data-library-id={entry.id}>
      <article class="entry-card" aria-labelledby={`${idBase}-title`}>
        <div class="entry-select">
          <input
            type="checkbox"
            id={`${idBase}-select`}
            checked={selected}
            aria-label={`Select ${label}`}
            onChange={(event) => onSelect(entry.id, event.currentTarget.checked)}
          />
        </div>
        <div class="entry-body">
          <h3 id={`${idBase}-title`} class="entry-title">
            {title}
          </h3>
          <p class="entry-authors">{authorLine(paper.authors)}</p>
          <p class="entry-meta">
            {details.length > 0 && <span>{details.join(' · ')}</span>}
            <span>
              Saved <time dateTime={isoDate(entry.savedAt)}>{formatDate(entry.savedAt)}</time>
            </span>
          </p>
          {paper.tldr && paper.tldr.trim() !== '' && (
            <p class="entry-tldr">
              <span class="tldr-label">TL;DR</span> {paper.tldr}
            </p>
          )}
          {links.length > 0 && (
            <ul class="entry-links" aria-label={`Links for ${label}`}>
              {links.map((link) => (
                <li key={link.href}>
                  <a href={link.href} target="_blank" rel="noopener noreferrer">
                    {link.label}
                  </a>
                </li>
              ))}
            </ul>
          )}
          <TagEditor
            tags={entry.tags}
            paperLabel={label}
            inputId={`${idBase}-tag`}
            onChange={(tags) => onUpdate(entry.id, { tags })}
          />
          <NotesEditor
            notes={entry.notes}
            paperLabel={label}
            textareaId={`${idBase}-notes`}
            onSave={(notes) => onUpdate(entry.id, { notes })}
          />
          {readError && (
            <p class="field-error" role="alert">
              Read state not changed: {readError}
            </p>
          )}
        </div>
        <div class="entry-actions">
          <button
            type="button"
            class="toggle"
            aria-pressed={entry.read}
            aria-label={`Read: ${label}`}
            onClick={() => {
              setReadError(null);
              onUpdate(entry.id, { read: !entry.read }).catch((failure) => setReadError(errorMessage(failure)));
            }}
          >
            <span aria-hidden="true" class="toggle-mark">
              {entry.read ? '✓' : ''}
            </span>
            Read
          </button>
          {onSendToZotero && <ZoteroButton paper={paper} send={() => onSendToZotero(entry.id)} label="Send to Zotero" />}
          <button type="button" class="danger" aria-label={`Delete ${label}`} onClick={() => onDelete(entry.id)}>
            Delete
          </button>
        </div>
      </article>
    </li>
  );
}
