import { useId, useState } from 'preact/hooks';
import type { CitationSentence } from '../../lib/domain/citation';
import type { LabelOrigin } from '../../lib/domain/labels';
import type { RoleBucket } from '../../lib/domain/view';
import { readableText } from '../shared/displayText';
import { formatConfidence, formatCount } from '../shared/format';
import { ROLE_LABELS } from './labels';
import { CorrectPolarityControl, describePolarity } from './PolarityCorrection';

/** A paper's role (citing paper or reference), marked when the local classifier decided it. */
export function RoleBadge({ row }: { row: { role: RoleBucket; roleOrigin: LabelOrigin | null } }) {
  return (
    <span class={`ch-badge ch-tone-badge--${row.role}`}>
      {ROLE_LABELS[row.role]}
      {row.roleOrigin === 'local' ? (
        <>
          <span class="ch-local-mark" aria-hidden="true" title="Classified locally">
            {' '}
            ◆
          </span>
          <span class="ch-sr"> (classified locally)</span>
        </>
      ) : null}
    </span>
  );
}

/** `citingPaperId`: set for a citing paper's sentences, which the reader can correct; references' sentences cannot be. */
function SentenceLabels({ sentence, citingPaperId }: { sentence: CitationSentence; citingPaperId?: string }) {
  const intent = sentence.intent;
  const polarity = sentence.polarity;
  return (
    <p class="ch-sentence-labels">
      <span class="ch-badge">
        {intent
          ? `${ROLE_LABELS[intent.label]} (${intent.origin === 'local' ? `classified locally, ${formatConfidence(intent.confidence)}` : 'Semantic Scholar'})`
          : 'Role not labelled'}
      </span>
      <span class="ch-badge" data-sentence-polarity={polarity?.label}>{polarity ? describePolarity(polarity) : 'Polarity not classified'}</span>
      {polarity && citingPaperId ? <CorrectPolarityControl citingPaperId={citingPaperId} text={sentence.text} polarity={polarity} /> : null}
    </p>
  );
}

/** A row's citation sentences behind a show/hide toggle, each with its labels. */
export function CitationSentences({ sentences, citingPaperId }: { sentences: readonly CitationSentence[]; citingPaperId?: string }) {
  const [expanded, setExpanded] = useState(false);
  const sentencesId = useId();
  const count = sentences.length;
  if (count === 0) return <p class="ch-row-extra ch-muted">No citation sentences available.</p>;
  return (
    <div class="ch-row-extra">
      <button type="button" class="ch-link-button" aria-expanded={expanded ? 'true' : 'false'} aria-controls={expanded ? sentencesId : undefined} onClick={() => setExpanded(!expanded)}>
        {expanded ? 'Hide' : 'Show'} {formatCount(count)} citation {count === 1 ? 'sentence' : 'sentences'}
      </button>
      {expanded ? (
        <ul class="ch-sentences" id={sentencesId}>
          {sentences.map((sentence, index) => (
            <li key={index} class="ch-sentence">
              <blockquote dir="auto">{readableText(sentence.text, 1200)}</blockquote>
              <SentenceLabels sentence={sentence} citingPaperId={citingPaperId} />
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
