import { useMemo, useState } from 'preact/hooks';
import type { CoCitationLink, CoCitedWork } from '../../lib/domain/view';
import { formatCount, formatStrength } from '../shared/format';
import { PaperRow } from '../shared/PaperRow';
import type { SaveControls } from '../shared/SaveButton';
import { SectionFrame } from '../shared/SectionFrame';
import { excerpt } from '../shared/displayText';
import { CoCitationMap } from './CoCitationMap';
import type { SectionStatus } from './sectionStatus';
import { SECTION_TITLES } from './sections';

export interface CoCitedWorksProps {
  works: readonly CoCitedWork[];
  /** Citing papers the ranking is based on. */
  basis: number;
  save: SaveControls;
  status: SectionStatus;
  onRetry(): void;
  /** Links between the works, for the map. */
  links?: readonly CoCitationLink[];
  /** List or map; remembered by the container across pages. */
  view?: CoCitedView;
  onViewChange?(view: CoCitedView): void;
}

export type CoCitedView = 'list' | 'map';

type Ranking = 'count' | 'strength';
const INITIAL_SHOWN = 10;

/** Works most often cited together with this paper, ranked by raw count or by normalised strength. */
export function CoCitedWorks({ works, basis, save, status, onRetry, links = [], view: storedView, onViewChange }: CoCitedWorksProps) {
  const [localView, setLocalView] = useState<CoCitedView>('list');
  const view = storedView ?? localView;
  const setView = onViewChange ?? setLocalView;
  const [ranking, setRanking] = useState<Ranking>('count');
  const [showAll, setShowAll] = useState(false);
  const ranked = useMemo(() => {
    const primary = (work: CoCitedWork) => (ranking === 'count' ? work.count : work.strength);
    const secondary = (work: CoCitedWork) => (ranking === 'count' ? work.strength : work.count);
    return [...works].sort((a, b) => primary(b) - primary(a) || secondary(b) - secondary(a));
  }, [works, ranking]);
  const shown = showAll ? ranked : ranked.slice(0, INITIAL_SHOWN);

  return (
    <SectionFrame
      name="co-cited"
      title={SECTION_TITLES['co-cited']}
      phase={status.phase}
      statusText={status.statusText}
      isEmpty={works.length === 0}
      emptyText="No co-cited works found in the sampled citing papers."
      skeletonHeight={160}
      onRetry={onRetry}
    >
      <p class="ch-note">
        Based on {formatCount(basis)} citing {basis === 1 ? 'paper' : 'papers'}. Strength = co-citations ÷ √(citing papers of each work in the sample).
      </p>
      <button type="button" class="ch-chip ch-view-switch" role="switch" aria-checked={view === 'map' ? 'true' : 'false'} data-action="co-cited-map" onClick={() => setView(view === 'map' ? 'list' : 'map')}>
        Map view
      </button>
      {view === 'map' ? <CoCitationMap works={works} links={links} save={save} /> : null}
      <div class="ch-toggle-group" role="group" aria-label="Rank co-cited works by" hidden={view === 'map'}>
        <button type="button" class="ch-chip" aria-pressed={ranking === 'count' ? 'true' : 'false'} onClick={() => setRanking('count')}>
          By count
        </button>
        <button type="button" class="ch-chip" aria-pressed={ranking === 'strength' ? 'true' : 'false'} onClick={() => setRanking('strength')}>
          By strength
        </button>
      </div>
      <ol class="ch-rows" hidden={view === 'map'}>
        {shown.map((work, index) => (
          <PaperRow
            key={work.paper.paperId}
            paper={work.paper}
            save={save}
            rank={index + 1}
            summary={work.paper.tldr ? excerpt(work.paper.tldr, 200) : undefined}
            meta={
              <span class="ch-figures">
                co-cited by {formatCount(work.count)} · strength {formatStrength(work.strength)}
                {work.paper.citationCount !== undefined ? ` · ${formatCount(work.paper.citationCount)} citations` : ''}
              </span>
            }
          />
        ))}
      </ol>
      {ranked.length > INITIAL_SHOWN && view === 'list' ? (
        <button type="button" class="ch-link-button" aria-expanded={showAll ? 'true' : 'false'} onClick={() => setShowAll(!showAll)}>
          {showAll ? 'Show top 10 only' : `Show all ${formatCount(ranked.length)} co-cited works`}
        </button>
      ) : null}
    </SectionFrame>
  );
}
