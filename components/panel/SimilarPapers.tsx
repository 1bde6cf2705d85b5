import { useState } from 'preact/hooks';
import type { Paper } from '../../lib/domain/paper';
import { excerpt } from '../shared/displayText';
import { formatCount } from '../shared/format';
import { PaperRow } from '../shared/PaperRow';
import type { SaveControls } from '../shared/SaveButton';
import { SectionFrame } from '../shared/SectionFrame';
import type { SectionStatus } from './sectionStatus';
import { SECTION_TITLES } from './sections';

export interface SimilarPapersProps {
  papers: readonly Paper[];
  save: SaveControls;
  status: SectionStatus;
  onRetry(): void;
}

const INITIAL_SHOWN = 10;

/** Recommendations for this paper, each with quick view and save. */
export function SimilarPapers({ papers, save, status, onRetry }: SimilarPapersProps) {
  const [showAll, setShowAll] = useState(false);
  const shown = showAll ? papers : papers.slice(0, INITIAL_SHOWN);
  return (
    <SectionFrame
      name="similar"
      title={SECTION_TITLES.similar}
      phase={status.phase}
      statusText={status.statusText}
      isEmpty={papers.length === 0}
      emptyText="No recommendations for this paper."
      skeletonHeight={160}
      onRetry={onRetry}
    >
      <ul class="ch-rows">
        {shown.map((paper, index) => (
          <PaperRow
            key={`${paper.paperId}-${index}`}
            paper={paper}
            save={save}
            summary={paper.tldr ? excerpt(paper.tldr, 240) : paper.abstract ? excerpt(paper.abstract, 200) : undefined}
            meta={paper.citationCount !== undefined ? <span class="ch-figures">{formatCount(paper.citationCount)} citations</span> : undefined}
          />
        ))}
      </ul>
      {papers.length > INITIAL_SHOWN ? (
        <button type="button" class="ch-link-button" aria-expanded={showAll ? 'true' : 'false'} onClick={() => setShowAll(!showAll)}>
          {showAll ? 'Show top 10 only' : `Show all ${formatCount(papers.length)} similar papers`}
        </button>
      ) : null}
    </SectionFrame>
  );
}
