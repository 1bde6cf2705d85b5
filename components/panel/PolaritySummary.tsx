import { useId, useState } from 'preact/hooks';
import type { StageProgress } from '../../lib/domain/hub';
import type { Polarity } from '../../lib/domain/labels';
import type { PolaritySummary as PolaritySummaryData } from '../../lib/domain/view';
import { Bar } from '../shared/Bar';
import { displayTitle, readableText } from '../shared/displayText';
import { formatCount, formatPercent } from '../shared/format';
import measured from '../../lib/classify/weights/polarity-measured.json';
import { CorrectPolarityControl, describePolarity } from './PolarityCorrection';
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
          <li key={`${example.citingPaperId}-${index}`} class="ch-example" data-sentence-polarity={example.label} data-corrected={example.correctedFrom ? 'true' : undefined}>
            <blockquote dir="auto">{readableText(example.text, 600)}</blockquote>
            <p class="ch-muted">
              {describePolarity(example)}
              {title ? (
                <>
                  {' · from '}
                  <cite dir="auto">{displayTitle(title, 120).short}</cite>
                </>
              ) : null}
            </p>
            <CorrectPolarityControl citingPaperId={example.citingPaperId} text={example.text} polarity={example} />
          </li>
        );
      })}
    </ul>
  );
}

/** Measured on held-out sentences (README, "Citation classifiers"); written by `npm run train` with the weights. */
function PrecisionNote() {
  const [open, setOpen] = useState(false);
  const helpId = useId();
  const { supporting, contrasting } = measured.shown;
  const right = (figure: { precision: number; shown: number }) => `${Math.round(figure.precision * 100)} % of the time (${formatCount(figure.shown)} shown)`;
  return (
    <div class="ch-note" data-role="polarity-precision">
      <p>
        On held-out sentences from {measured.heldOutName}, “contrasting” was right {right(contrasting)} and “supporting” {right(supporting)}. Below those
        levels the model says “no clear stance”.{' '}
        <button type="button" class="ch-link-button" aria-expanded={open ? 'true' : 'false'} aria-controls={open ? helpId : undefined} onClick={() => setOpen(!open)}>
          What the labels mean
        </button>
      </p>
      {open ? (
        <dl id={helpId} class="ch-definitions">
          <dt>Supporting</dt>
          <dd>The citing paper agrees with this one: confirms, reproduces or extends its findings, reports consistent results, or endorses its claim or method as working.</dd>
          <dt>Contrasting</dt>
          <dd>The citing paper pushes back: disagrees, contradicts, fails to reproduce, finds the method failing or underperforming, or names a flaw or limitation.</dd>
          <dt>Neutral</dt>
          <dd>Mentions, describes, uses or builds on it without taking a stance (most citations), or the model is not sure enough.</dd>
          <dt>Several works in one sentence</dt>
          <dd>
            With author–year citations (“Vaswani et al., 2017”) the stance is judged on the part of the sentence about this paper. Numbered citations (“[12]”) cannot be told
            apart, so a stance about another work in the same sentence may be counted here: mark it wrong and pick the right label.
          </dd>
        </dl>
      ) : null}
    </div>
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
              <li key={bucket} class="ch-legend-item" data-polarity={bucket} data-count={count}>
                <span class={`ch-swatch ch-tone--${bucket}`} aria-hidden="true" />
                <span class="ch-legend-label">{POLARITY_LABELS[bucket]}</span> <span class="ch-legend-value">{figure}</span>
              </li>
            );
          }
          const open = openLabel === bucket;
          const examplesId = `${examplesIdPrefix}-${bucket}`;
          return (
            <li key={bucket} class="ch-legend-item" data-polarity={bucket} data-count={count}>
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
        locally by the built-in model; {formatCount(polarity.abstainedSentences)} with no clear stance count as neutral
        {polarity.correctedSentences > 0 ? `, ${formatCount(polarity.correctedSentences)} corrected by you` : ''}. A paper is contrasting if one of its sentences is, else supporting if one is.
      </p>
      <PrecisionNote />
      <p class="ch-muted">
        Per sentence:{' '}
        {POLARITIES_ONLY.map((label) => `${POLARITY_LABELS[label].toLowerCase()} ${formatCount(polarity.perSentence[label] ?? 0)}`).join(' · ')}
      </p>
    </SectionFrame>
  );
}
