import { useId, useState } from 'preact/hooks';
import type { StageProgress } from '../../lib/domain/hub';
import type { Polarity } from '../../lib/domain/labels';
import type { PolaritySummary as PolaritySummaryData } from '../../lib/domain/view';
import { Bar } from '../shared/Bar';
import { displayTitle, readableText } from '../shared/displayText';
import { formatConfidence, formatCount, formatPercent } from '../shared/format';
import { SectionFrame } from '../shared/SectionFrame';
import { POLARITIES_ONLY, POLARITY_BUCKETS, POLARITY_LABELS } from './labels';
import type { SectionStatus } from './sectionStatus';
import { SECTION_TITLES } from './sections';

export interface PolaritySummaryProps {
  polarity: PolaritySummaryData;
  /** The classify stage, to tell "still classifying" from "done". */
  classifyStage?: StageProgress;
  /** Citing paper titles by paperId, to say where an example sentence comes from. */
  titlesById: ReadonlyMap<string, string>;
  status: SectionStatus;
  onRetry(): void;
}

const MAX_EXAMPLES = 5;

function ExampleList({ polarity, label, titlesById }: { polarity: PolaritySummaryData; label: Polarity; titlesById: ReadonlyMap<string, string> }) {
  const examples = (polarity.examples[label] ?? []).slice(0, MAX_EXAMPLES);
  if (examples.length === 0) return <p class="ch-empty">No example sentences for this label yet.</p>;
  return (
    <ul class="ch-examples">
      {examples.map((example, index) => {
        const title = titlesById.get(example.citingPaperId);
        return (
          <li key={`${example.citingPaperId}-${index}`} class="ch-example">
            <blockquote dir="auto">{readableText(example.text, 600)}</blockquote>
            <p class="ch-muted">
              {POLARITY_LABELS[example.label]}, {formatConfidence(example.confidence)} confident
              {title ? (
                <>
                  {' · from '}
                  <cite dir="auto">{displayTitle(title, 120).short}</cite>
                </>
              ) : null}
            </p>
          </li>
        );
      })}
    </ul>
  );
}

/** Supporting / contrasting / neutral, with progress while classifying and the example sentences behind each label. */
export function PolaritySummary({ polarity, classifyStage, titlesById, status, onRetry }: PolaritySummaryProps) {
  const [openLabel, setOpenLabel] = useState<Polarity | null>(null);
  const examplesIdPrefix = useId();
  const classifying = classifyStage?.status === 'running' || classifyStage?.status === 'queued';
  const segments = POLARITY_BUCKETS.map((bucket) => ({ key: bucket, label: POLARITY_LABELS[bucket], value: polarity.perPaper[bucket] ?? 0, tone: bucket }));
  const isEmpty = polarity.totalPapers === 0 && polarity.totalSentences === 0;
  // Progress counts come from the summary itself; the stage total only helps before any sentence is counted.
  const progressTotal = polarity.totalSentences > 0 ? polarity.totalSentences : (classifyStage?.total ?? 0);
  const progressDone = polarity.totalSentences > 0 ? polarity.classifiedSentences : (classifyStage?.done ?? 0);

  return (
    <SectionFrame
      name="polarity"
      title={SECTION_TITLES.polarity}
      phase={status.phase === 'pending' && classifying ? 'done' : status.phase}
      statusText={status.statusText}
      isEmpty={isEmpty && !classifying}
      emptyText="No citation sentences to classify."
      skeletonHeight={120}
      onRetry={onRetry}
    >
      {classifying ? (
        <p class="ch-section-status" role="status">
          Classifying {formatCount(progressDone)} of {formatCount(progressTotal)} sentences…
        </p>
      ) : null}
      <p class="ch-bar-caption">Per citing paper ({formatCount(polarity.totalPapers)})</p>
      <Bar label="Citing papers by polarity" segments={segments} />
      <ul class="ch-legend">
        {POLARITY_BUCKETS.map((bucket) => {
          const count = polarity.perPaper[bucket] ?? 0;
          const figure = `${formatCount(count)} (${formatPercent(count, polarity.totalPapers)})`;
          if (bucket === 'unclassified') {
            return (
              <li key={bucket} class="ch-legend-item" data-polarity={bucket}>
                <span class={`ch-swatch ch-tone--${bucket}`} aria-hidden="true" />
                <span class="ch-legend-label">{POLARITY_LABELS[bucket]}</span> <span class="ch-legend-value">{figure}</span>
              </li>
            );
          }
          const open = openLabel === bucket;
          const examplesId = `${examplesIdPrefix}-${bucket}`;
          return (
            <li key={bucket} class="ch-legend-item" data-polarity={bucket}>
              <button
                type="button"
                class="ch-disclosure"
                aria-expanded={open ? 'true' : 'false'}
                aria-controls={open ? examplesId : undefined}
                onClick={() => setOpenLabel(open ? null : bucket)}
              >
                <span class={`ch-swatch ch-tone--${bucket}`} aria-hidden="true" />
                <span class="ch-legend-label">{POLARITY_LABELS[bucket]}</span> <span class="ch-legend-value">{figure}</span>
                <span class="ch-sr">, show example sentences</span>
              </button>
              {open ? (
                <div id={examplesId}>
                  <ExampleList polarity={polarity} label={bucket} titlesById={titlesById} />
                </div>
              ) : null}
            </li>
          );
        })}
      </ul>
      <p class="ch-note">
        {formatCount(polarity.classifiedSentences)} of {formatCount(polarity.totalSentences)} citation sentences classified ({formatPercent(polarity.classifiedSentences, polarity.totalSentences)}),
        locally by the built-in model. A paper counts as supporting or contrasting when one of its sentences is at least {formatConfidence(polarity.threshold)} confident.
      </p>
      <p class="ch-muted">
        Per sentence:{' '}
        {POLARITIES_ONLY.map((label) => `${POLARITY_LABELS[label].toLowerCase()} ${formatCount(polarity.perSentence[label] ?? 0)}`).join(' · ')}
      </p>
    </SectionFrame>
  );
}
