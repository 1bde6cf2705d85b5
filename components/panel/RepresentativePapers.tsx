import type { RepresentativePaper } from '../../lib/domain/view';
import { excerpt, readableText } from '../shared/displayText';
import { formatCount } from '../shared/format';
import { PaperRow } from '../shared/PaperRow';
import type { SaveControls } from '../shared/SaveButton';
import { SectionFrame } from '../shared/SectionFrame';
import { ROLE_LABELS } from './labels';
import type { SectionStatus } from './sectionStatus';
import { SECTION_TITLES } from './sections';

export interface RepresentativePapersProps {
  papers: readonly RepresentativePaper[];
  save: SaveControls;
  status: SectionStatus;
  onRetry(): void;
}

/** A short, diverse list of citing papers (influential first, spread over roles and years) with one-line TL;DRs. */
export function RepresentativePapers({ papers, save, status, onRetry }: RepresentativePapersProps) {
  return (
    <SectionFrame
      name="representative"
      title={SECTION_TITLES.representative}
      phase={status.phase}
      statusText={status.statusText}
      isEmpty={papers.length === 0}
      emptyText="No citing papers to pick from yet."
      skeletonHeight={160}
      onRetry={onRetry}
    >
      <ul class="ch-rows">
        {papers.map(({ citation, role, reason }, index) => {
          const paper = citation.citing;
          const summary = paper.tldr ? excerpt(paper.tldr, 240) : paper.abstract ? excerpt(paper.abstract, 200) : undefined;
          return (
            <PaperRow
              key={`${paper.paperId}-${index}`}
              paper={paper}
              save={save}
              summary={summary}
              meta={
                <>
                  <span class={`ch-badge ch-tone-badge--${role}`}>{ROLE_LABELS[role]}</span>
                  {citation.isInfluential ? <span class="ch-badge ch-badge--influential">Influential</span> : null}
                  {paper.citationCount !== undefined ? <span class="ch-figures">{formatCount(paper.citationCount)} citations</span> : null}
                  <span class="ch-reason">Why: {readableText(reason, 160)}</span>
                </>
              }
            />
          );
        })}
      </ul>
    </SectionFrame>
  );
}
