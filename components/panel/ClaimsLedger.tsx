import { useState } from 'preact/hooks';
import type { Claim } from '../../lib/domain/view';
import { displayTitle, readableText } from '../shared/displayText';
import { formatCount, formatStrength } from '../shared/format';
import { SectionFrame } from '../shared/SectionFrame';
import { CLAIM_TYPE_LABELS, POLARITIES_ONLY, POLARITY_LABELS } from './labels';
import type { SectionStatus } from './sectionStatus';
import { SECTION_TITLES } from './sections';

export interface ClaimsLedgerProps {
  claims: readonly Claim[];
  status: SectionStatus;
  onRetry(): void;
}

const ECHOES_SHOWN = 2;

function ClaimItem({ claim }: { claim: Claim }) {
  const [showAll, setShowAll] = useState(false);
  const echoes = showAll ? claim.echoes : claim.echoes.slice(0, ECHOES_SHOWN);
  const hidden = claim.echoes.length - echoes.length;
  const tally = [
    ...POLARITIES_ONLY.map((label) => `${formatCount(claim.tally[label] ?? 0)} ${POLARITY_LABELS[label].toLowerCase()}`),
    ...(claim.unclassifiedEchoes > 0 ? [`${formatCount(claim.unclassifiedEchoes)} not classified yet`] : []),
  ].join(' · ');

  return (
    <li class="ch-claim" data-claim-type={claim.type}>
      <p class="ch-claim-head">
        <span class={`ch-badge ch-claim-type ch-claim-type--${claim.type}`}>{CLAIM_TYPE_LABELS[claim.type]}</span>{' '}
        <span class="ch-muted">from the {claim.from === 'tldr' ? 'TL;DR' : 'abstract'}</span>
      </p>
      <p class="ch-claim-text" dir="auto">
        {readableText(claim.text, 800)}
      </p>
      <p class="ch-claim-tally">
        {claim.echoCount === 0
          ? 'No citing sentence echoes this claim yet.'
          : `Echoed by ${formatCount(claim.echoCount)} citing ${claim.echoCount === 1 ? 'sentence' : 'sentences'}: ${tally}`}
      </p>
      {echoes.length > 0 ? (
        <ul class="ch-echoes">
          {echoes.map((echo, index) => (
            <li key={`${echo.citingPaperId}-${index}`} class="ch-echo">
              <blockquote dir="auto">{readableText(echo.text, 600)}</blockquote>
              <p class="ch-muted">
                <cite dir="auto">{displayTitle(echo.citingTitle, 120).short}</cite>
                {echo.polarity ? ` · ${POLARITY_LABELS[echo.polarity]}` : ''} · similarity {formatStrength(echo.similarity)}
              </p>
            </li>
          ))}
        </ul>
      ) : null}
      {claim.echoes.length > ECHOES_SHOWN ? (
        <button type="button" class="ch-link-button" aria-expanded={showAll ? 'true' : 'false'} onClick={() => setShowAll(!showAll)}>
          {showAll ? 'Show fewer echoes' : `Show ${formatCount(hidden)} more ${hidden === 1 ? 'echo' : 'echoes'}`}
        </button>
      ) : null}
    </li>
  );
}

/** The paper's own claims (from its abstract and TL;DR), each with the citing sentences that echo it. */
export function ClaimsLedger({ claims, status, onRetry }: ClaimsLedgerProps) {
  return (
    <SectionFrame
      name="claims"
      title={SECTION_TITLES.claims}
      phase={status.phase}
      statusText={status.statusText}
      isEmpty={claims.length === 0}
      emptyText="No claims could be extracted from the abstract."
      skeletonHeight={120}
      onRetry={onRetry}
    >
      <ol class="ch-claims">
        {claims.map((claim) => (
          <ClaimItem key={claim.id} claim={claim} />
        ))}
      </ol>
    </SectionFrame>
  );
}
