import type { ComponentChildren } from 'preact';
import { useCallback, useId, useRef, useState } from 'preact/hooks';
import type { Paper } from '../../lib/domain/paper';
import { QuickView } from '../panel/QuickView';
import { displayTitle, readableText } from './displayText';
import { SaveButton, type SaveControls } from './SaveButton';

export interface PaperRowProps {
  paper: Paper;
  save: SaveControls;
  /** Position in a ranked list, shown before the title. */
  rank?: number;
  /** Badges and figures under the title (role, polarity, counts…). */
  meta?: ComponentChildren;
  /** One line about the paper: TL;DR, reason, excerpt. Already readable text. */
  summary?: string;
  /** Extra content under the row, e.g. the explorer's citation sentences. */
  children?: ComponentChildren;
}

function bylineOf(paper: Paper): string {
  const first = paper.authors[0] ? readableText(paper.authors[0], 60) : '';
  const authors = first ? (paper.authors.length > 1 ? `${first} et al.` : first) : '';
  return [authors, paper.year !== undefined ? String(paper.year) : '', readableText(paper.venue, 80)].filter(Boolean).join(' · ');
}

/**
 * One paper in any list (citing, co-cited, representative, similar). The title is a button that
 * opens the paper's quick view in place; focus returns to it when the quick view closes.
 */
export function PaperRow({ paper, save, rank, meta, summary, children }: PaperRowProps) {
  const [open, setOpen] = useState(false);
  const openerRef = useRef<HTMLButtonElement>(null);
  const quickViewId = useId();
  const title = displayTitle(paper.title);
  const byline = bylineOf(paper);

  const close = useCallback(() => {
    setOpen(false);
    openerRef.current?.focus();
  }, []);

  const onTitleKeyDown = (event: KeyboardEvent) => {
    // Handled here (and the native click suppressed) so Enter behaves the same in every host page.
    if (event.key === 'Enter') {
      event.preventDefault();
      setOpen((wasOpen) => !wasOpen);
    }
  };

  return (
    <li class="ch-row" data-paper-id={paper.paperId}>
      <div class="ch-row-main">
        {rank !== undefined ? (
          <span class="ch-rank">
            <span class="ch-sr">Rank </span>
            {rank}
          </span>
        ) : null}
        <div class="ch-row-body">
          <button
            type="button"
            class="ch-row-title"
            ref={openerRef}
            dir="auto"
            title={title.full}
            aria-expanded={open ? 'true' : 'false'}
            aria-controls={open ? quickViewId : undefined}
            onClick={() => setOpen((wasOpen) => !wasOpen)}
            onKeyDown={onTitleKeyDown}
          >
            <span class="ch-clamp">{title.short}</span>
          </button>
          {byline ? <p class="ch-row-byline" dir="auto">{byline}</p> : null}
          {meta ? <div class="ch-row-meta">{meta}</div> : null}
          {summary ? (
            <p class="ch-row-summary" dir="auto">
              {summary}
            </p>
          ) : null}
        </div>
        <SaveButton paper={paper} save={save} />
      </div>
      {children}
      {open ? <QuickView paper={paper} save={save} onClose={close} id={quickViewId} /> : null}
    </li>
  );
}
