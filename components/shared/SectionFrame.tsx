import type { ComponentChildren } from 'preact';
import { useId, useState } from 'preact/hooks';

/** Where the data behind a section stands: still arriving, failed, or complete. */
export type SectionPhase = 'pending' | 'failed' | 'done';

export interface SectionFrameProps {
  /** Value of `data-section`. */
  name: string;
  title: string;
  phase?: SectionPhase;
  /** Progress or failure detail shown while pending / after a failure. */
  statusText?: string;
  /** True when the section has nothing to show yet; the frame then shows a skeleton, failure or empty text. */
  isEmpty?: boolean;
  emptyText?: string;
  /** Height reserved by the skeleton so content arriving later does not push the panel around. */
  skeletonHeight?: number;
  onRetry?: () => void;
  children?: ComponentChildren;
}

/** Section root: heading with a collapse toggle (expanded by default) and the section's own loading/failure/empty states. */
export function SectionFrame(props: SectionFrameProps) {
  const { name, title, phase = 'done', statusText, isEmpty = false, emptyText, skeletonHeight = 72, onRetry, children } = props;
  const [expanded, setExpanded] = useState(true);
  const headingId = useId();
  const bodyId = useId();
  const state = isEmpty ? (phase === 'done' ? 'empty' : phase === 'pending' ? 'loading' : 'failed') : phase === 'done' ? 'ready' : phase === 'pending' ? 'partial' : 'partial-failed';

  return (
    <section class="ch-section" data-section={name} data-section-state={state} aria-labelledby={headingId}>
      <h3 class="ch-section-heading" id={headingId}>
        <button type="button" class="ch-section-toggle" aria-expanded={expanded ? 'true' : 'false'} aria-controls={bodyId} onClick={() => setExpanded(!expanded)}>
          <span class="ch-chevron" aria-hidden="true" />
          <span>{title}</span>
        </button>
      </h3>
      <div class="ch-section-body" id={bodyId} hidden={!expanded}>
        {phase === 'pending' && statusText ? (
          <p class="ch-section-status" role="status">
            {statusText}
          </p>
        ) : null}
        {phase === 'failed' ? (
          <div class="ch-section-failure" role="alert">
            <p>{statusText ?? `Part of “${title}” could not be loaded.`}</p>
            {onRetry ? (
              <button type="button" class="ch-button" onClick={onRetry}>
                Retry
              </button>
            ) : null}
          </div>
        ) : null}
        {isEmpty ? (
          phase === 'pending' ? (
            <div class="ch-skeleton" style={{ height: `${skeletonHeight}px` }} aria-hidden="true" />
          ) : phase === 'done' ? (
            <p class="ch-empty">{emptyText ?? 'Nothing to show.'}</p>
          ) : null
        ) : (
          children
        )}
      </div>
    </section>
  );
}
