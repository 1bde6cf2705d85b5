import { useId, useMemo, useState } from 'preact/hooks';
import { filterReferences } from '../../lib/analytics/references';
import type { ReferenceRow, ReferencesView } from '../../lib/domain/view';
import { displayTitle } from '../shared/displayText';
import { formatCount } from '../shared/format';
import { PaperRow } from '../shared/PaperRow';
import type { SaveControls } from '../shared/SaveButton';
import { SectionFrame } from '../shared/SectionFrame';
import { CitationSentences, RoleBadge } from './CitationBadges';
import { RoleBreakdown } from './RoleBreakdown';
import type { SectionStatus } from './sectionStatus';
import { SECTION_TITLES } from './sections';

export interface ReferencesSectionProps {
  references: ReferencesView;
  save: SaveControls;
  status: SectionStatus;
  onRetry(): void;
}

const INITIAL_SHOWN = 20;

/** "lists 41 of 43 references", "lists all 43 references", "lists 12 references" (no reported count). */
export function referenceCoverageText({ listed, reported }: Pick<ReferencesView, 'listed' | 'reported'>): string {
  const noun = (n: number) => (n === 1 ? 'reference' : 'references');
  if (reported === null || reported < listed) return `Semantic Scholar lists ${formatCount(listed)} ${noun(listed)}.`;
  if (reported === listed) return `Semantic Scholar lists all ${formatCount(listed)} ${noun(listed)}.`;
  return `Semantic Scholar lists ${formatCount(listed)} of ${formatCount(reported)} ${noun(reported)}.`;
}

function ReferenceItem({ row, save }: { row: ReferenceRow; save: SaveControls }) {
  const { reference } = row;
  const meta = (
    <>
      <RoleBadge row={row} />
      {reference.isInfluential ? <span class="ch-badge ch-badge--influential">Influential</span> : null}
      {reference.cited?.citationCount !== undefined ? <span class="ch-figures">{formatCount(reference.cited.citationCount)} citations</span> : null}
    </>
  );
  if (reference.cited) {
    return (
      <PaperRow paper={reference.cited} save={save} meta={meta}>
        <CitationSentences sentences={reference.sentences} />
      </PaperRow>
    );
  }
  // Not resolved to a paper: there is nothing to open or save, so the title alone, said plainly.
  return (
    <li class="ch-row ch-row--unresolved">
      <div class="ch-row-main">
        <div class="ch-row-body">
          <p class="ch-row-title-text" dir="auto">
            {displayTitle(reference.title).short}
          </p>
          <p class="ch-row-byline">Not resolved to a paper by Semantic Scholar</p>
          <div class="ch-row-meta">{meta}</div>
        </div>
      </div>
      <CitationSentences sentences={reference.sentences} />
    </li>
  );
}

/** The paper's own references: how it uses them, influential first, then most cited, with a text filter. */
export function ReferencesSection({ references, save, status, onRetry }: ReferencesSectionProps) {
  const [text, setText] = useState('');
  const [showAll, setShowAll] = useState(false);
  const filterId = useId();
  const matching = useMemo(() => filterReferences(references.rows, text), [references.rows, text]);
  const shown = showAll ? matching : matching.slice(0, INITIAL_SHOWN);
  const filtering = text.trim() !== '';

  return (
    <SectionFrame
      name="references"
      title={SECTION_TITLES.references}
      phase={status.phase}
      statusText={status.statusText}
      isEmpty={references.listed === 0}
      emptyText="Semantic Scholar lists no references for this paper."
      skeletonHeight={200}
      onRetry={onRetry}
    >
      <p class="ch-note" data-references-listed={references.listed}>
        {referenceCoverageText(references)}
        {references.unresolved > 0
          ? ` ${formatCount(references.unresolved)} of them ${references.unresolved === 1 ? 'has' : 'have'} no Semantic Scholar record and ${references.unresolved === 1 ? 'is' : 'are'} shown by title.`
          : ''}
      </p>
      <RoleBreakdown roles={references.roles} unit={{ column: 'References', caption: 'reference' }} caption="How the paper uses its references" />
      <div class="ch-filters" role="search">
        <div class="ch-field ch-field--wide">
          <label for={filterId}>Filter references</label>
          <input id={filterId} type="search" value={text} placeholder="Title, author, venue or sentence" onInput={(event) => setText((event.currentTarget as HTMLInputElement).value)} />
        </div>
      </div>
      <p class="ch-live-count" role="status" aria-live="polite">
        {filtering ? `${formatCount(matching.length)} of ${formatCount(references.listed)} references match` : `${formatCount(references.listed)} references, influential first, then most cited`}
      </p>
      <ol class="ch-rows">
        {shown.map((row, index) => (
          <ReferenceItem key={row.reference.cited?.paperId ?? `unresolved-${index}-${row.reference.title}`} row={row} save={save} />
        ))}
      </ol>
      {matching.length > INITIAL_SHOWN ? (
        <button type="button" class="ch-link-button" aria-expanded={showAll ? 'true' : 'false'} onClick={() => setShowAll(!showAll)}>
          {showAll ? `Show the first ${INITIAL_SHOWN} only` : `Show all ${formatCount(matching.length)} references`}
        </button>
      ) : null}
    </SectionFrame>
  );
}
