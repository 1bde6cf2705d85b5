import type { HubStatus, StageName, StageProgress } from '../../lib/domain/hub';
import { formatAge, formatCount, formatDuration, secondsUntil } from './format';
import { readableText } from './displayText';
import { semanticScholarSearchUrl } from './links';

export interface StateBannerProps {
  status: HubStatus;
  now: number;
  /** Whether hub data (possibly cached) is on screen below the banner. */
  hasData: boolean;
  /** fetchedAt of the data on screen, used when the status does not carry its own. */
  fetchedAt?: number;
  arxivId: string;
  paperTitle?: string;
  /** Per-stage progress, shown while the hub is partial. */
  stages?: Partial<Record<StageName, StageProgress>>;
  stageLabels?: Record<StageName, string>;
  onRetry(): void;
}

function RetryButton({ onRetry, label = 'Retry' }: { onRetry(): void; label?: string }) {
  return (
    <button type="button" class="ch-button" onClick={onRetry}>
      {label}
    </button>
  );
}

function Countdown({ until, now, prefix }: { until: number | undefined; now: number; prefix: string }) {
  if (until === undefined) return null;
  const seconds = secondsUntil(until, now);
  // Not a live region: announcing every second would drown everything else out.
  return <p class="ch-countdown">{seconds > 0 ? `${prefix} in ${formatDuration(seconds)}.` : `${prefix} now…`}</p>;
}

function StageProgressList({ stages, labels }: { stages: Partial<Record<StageName, StageProgress>>; labels: Record<StageName, string> }) {
  const entries = (Object.keys(labels) as StageName[]).flatMap((name) => {
    const progress = stages[name];
    return progress ? [{ name, progress }] : [];
  });
  if (entries.length === 0) return null;
  return (
    <ul class="ch-stages">
      {entries.map(({ name, progress }) => {
        const label = labels[name];
        const total = progress.total;
        const counts = total !== null && total > 0 ? `${formatCount(progress.done)} of ${formatCount(total)}` : progress.done > 0 ? formatCount(progress.done) : '';
        const statusWord = { queued: 'waiting', running: 'in progress', done: 'done', failed: 'failed', skipped: 'skipped' }[progress.status];
        return (
          <li key={name} class={`ch-stage ch-stage--${progress.status}`}>
            <span class="ch-stage-label">{label}</span>
            <span class="ch-stage-detail">
              {statusWord}
              {counts ? ` · ${counts}` : ''}
            </span>
            {progress.status === 'running' || progress.status === 'queued' ? (
              <progress
                class="ch-progress"
                aria-label={`${label} progress`}
                max={total !== null && total > 0 ? total : undefined}
                value={total !== null && total > 0 ? Math.min(progress.done, total) : undefined}
              />
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}

/** The panel-wide message for every state but `ready`: what happened, how old the data is, what happens next. */
export function StateBanner(props: StateBannerProps) {
  const { status, now, hasData, arxivId, onRetry } = props;
  const fetchedAt = status.dataFetchedAt ?? props.fetchedAt;
  const age = fetchedAt !== undefined ? formatAge(fetchedAt, now) : null;
  const detail = readableText(status.message, 500);

  switch (status.state) {
    case 'ready':
      return null;
    case 'loading':
      return (
        <div class="ch-banner ch-banner--loading" data-banner="loading">
          <p role="status">Loading citation data…</p>
        </div>
      );
    case 'partial':
      return (
        <div class="ch-banner ch-banner--partial" data-banner="partial">
          <p role="status">Loading citation data — showing what has arrived so far.</p>
          {props.stages && props.stageLabels ? <StageProgressList stages={props.stages} labels={props.stageLabels} /> : null}
        </div>
      );
    case 'stale':
      return (
        <div class="ch-banner ch-banner--stale" data-banner="stale">
          <p role="status">{age ? `Showing data fetched ${age} — refreshing…` : 'Showing cached data — refreshing…'}</p>
        </div>
      );
    case 'offline':
      return (
        <div class="ch-banner ch-banner--offline" data-banner="offline">
          <p role="status">
            {hasData
              ? `You are offline. Showing cached data${age ? ` fetched ${age}` : ''}.`
              : 'You are offline and this paper has not been cached yet. The hub will load when you are back online.'}
          </p>
          {detail ? <p class="ch-banner-detail">{detail}</p> : null}
          <Countdown until={status.nextRetryAt} now={now} prefix="Trying again" />
        </div>
      );
    case 'rate-limited':
      return (
        <div class="ch-banner ch-banner--rate-limited" data-banner="rate-limited">
          <p role="status">
            Semantic Scholar is limiting how many requests we may send (rate limit reached).
            {hasData ? ' Showing what has been loaded so far.' : ''}
          </p>
          {detail ? <p class="ch-banner-detail">{detail}</p> : null}
          <Countdown until={status.nextRetryAt} now={now} prefix="Retrying automatically" />
          <RetryButton onRetry={onRetry} label="Retry now" />
        </div>
      );
    case 'error':
      return (
        <div class="ch-banner ch-banner--error" data-banner="error">
          <p role="alert">
            Could not load citation data{hasData ? '; showing the last good copy' : ''}.
          </p>
          {detail ? <p class="ch-banner-detail">{detail}</p> : null}
          <RetryButton onRetry={onRetry} />
        </div>
      );
    case 'not-found': {
      const title = readableText(props.paperTitle, 300);
      return (
        <div class="ch-banner ch-banner--not-found" data-banner="not-found">
          <p role="status">Not indexed yet by Semantic Scholar</p>
          <p class="ch-banner-detail">
            {detail ||
              `Semantic Scholar has no record of arXiv:${arxivId} yet. New and withdrawn papers can take a few days to appear.`}
          </p>
          <ul class="ch-links">
            <li>
              <a href={semanticScholarSearchUrl(`arXiv:${arxivId}`)} target="_blank" rel="noopener noreferrer">
                Search Semantic Scholar for arXiv:{arxivId}
              </a>
            </li>
            {title ? (
              <li>
                <a href={semanticScholarSearchUrl(title)} target="_blank" rel="noopener noreferrer">
                  Search Semantic Scholar by title
                </a>
              </li>
            ) : null}
          </ul>
        </div>
      );
    }
  }
}
