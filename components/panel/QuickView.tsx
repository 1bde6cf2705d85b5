import { useEffect, useId, useRef } from 'preact/hooks';
import type { Paper } from '../../lib/domain/paper';
import { displayTitle, excerpt, readableText } from '../shared/displayText';
import { formatCount } from '../shared/format';
import { paperLinks } from '../shared/links';
import { SaveButton, type SaveControls } from '../shared/SaveButton';

export interface QuickViewProps {
  paper: Paper;
  save: SaveControls;
  /** Called on Escape or the close button; the opener takes focus back. */
  onClose(): void;
  id?: string;
}

const MAX_AUTHORS = 6;

function authorLine(authors: readonly string[]): string {
  const names = authors.slice(0, MAX_AUTHORS).map((name) => readableText(name, 80)).filter(Boolean);
  if (names.length === 0) return '';
  const more = authors.length - names.length;
  return more > 0 ? `${names.join(', ')} and ${formatCount(more)} more` : names.join(', ');
}

/**
 * A paper's card, opened in place under its row: a non-modal dialog, so the rest of the panel
 * stays usable. Takes focus when it opens; Escape anywhere inside closes it.
 */
export function QuickView({ paper, save, onClose, id }: QuickViewProps) {
  const dialogRef = useRef<HTMLDivElement>(null);
  const onCloseRef = useRef(onClose);
  onCloseRef.current = onClose;
  const titleId = useId();
  const title = displayTitle(paper.title);
  const summary = paper.tldr ? { label: 'TL;DR', text: excerpt(paper.tldr, 400) } : paper.abstract ? { label: 'Abstract', text: excerpt(paper.abstract, 400) } : null;
  const meta = [paper.year !== undefined ? String(paper.year) : '', readableText(paper.venue, 120)].filter(Boolean).join(' · ');
  const authors = authorLine(paper.authors);
  const links = paperLinks(paper);
  const counts: Array<[string, number | undefined]> = [
    ['Citations', paper.citationCount],
    ['Influential citations', paper.influentialCitationCount],
    ['References', paper.referenceCount],
  ];

  useEffect(() => {
    dialogRef.current?.focus();
  }, []);

  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    // Listen on the root (document or the panel's shadow root) so Escape works wherever focus sits inside the card.
    const root = dialog.getRootNode() as Document | ShadowRoot;
    const onKeyDown = (event: Event) => {
      const key = (event as KeyboardEvent).key;
      if (key !== 'Escape' || event.defaultPrevented) return;
      const active = root.activeElement;
      if (event.composedPath().includes(dialog) || (active !== null && dialog.contains(active))) {
        event.preventDefault();
        onCloseRef.current();
      }
    };
    root.addEventListener('keydown', onKeyDown);
    return () => root.removeEventListener('keydown', onKeyDown);
  }, []);

  return (
    <div class="ch-quickview" role="dialog" aria-modal="false" aria-labelledby={titleId} id={id} tabIndex={-1} ref={dialogRef}>
      <div class="ch-qv-head">
        <h4 class="ch-qv-title" id={titleId} dir="auto" title={title.full}>
          {title.short}
        </h4>
        <button type="button" class="ch-icon-button" aria-label="Close quick view" onClick={() => onCloseRef.current()}>
          <span aria-hidden="true">×</span>
        </button>
      </div>
      {authors ? <p class="ch-qv-authors" dir="auto">{authors}</p> : null}
      {meta ? <p class="ch-muted">{meta}</p> : null}
      {summary ? (
        <p class="ch-qv-summary" dir="auto">
          <span class="ch-label">{summary.label}</span> {summary.text}
        </p>
      ) : null}
      <dl class="ch-qv-counts">
        {counts.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value === undefined ? 'unknown' : formatCount(value)}</dd>
          </div>
        ))}
      </dl>
      <div class="ch-qv-actions">
        {links.length > 0 ? (
          <ul class="ch-links" aria-label="Links">
            {links.map((link) => (
              <li key={link.label}>
                <a href={link.href} target="_blank" rel="noopener noreferrer">
                  {link.label}
                </a>
              </li>
            ))}
          </ul>
        ) : null}
        <SaveButton paper={paper} save={save} />
      </div>
    </div>
  );
}
