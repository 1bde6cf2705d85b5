import { useId, useMemo, useState } from 'preact/hooks';
import type { HubStatus } from '../../lib/domain/hub';
import type { Paper } from '../../lib/domain/paper';
import type { HubView } from '../../lib/domain/view';
import type { HubSummaryView } from '../../lib/hub/explorerPages';
import type { SaveControls } from '../shared/SaveButton';
import type { SendToZotero } from '../shared/ZoteroButton';
import { StateBanner } from '../shared/StateBanner';
import type { AskControls } from './askControls';
import { AtAGlance } from './AtAGlance';
import { ClaimsLedger } from './ClaimsLedger';
import { CitationTimeline } from './CitationTimeline';
import { CitingExplorer } from './CitingExplorer';
import { CoCitedWorks, type CoCitedView } from './CoCitedWorks';
import { localExplorerSource, type ExplorerSource } from './explorerSource';
import { Header } from './Header';
import { PanelSkeleton } from './PanelSkeleton';
import { PolaritySummary } from './PolaritySummary';
import { PolarityCorrectionContext, type CorrectPolarity } from './PolarityCorrection';
import { ReferencesSection } from './ReferencesSection';
import { RepresentativePapers } from './RepresentativePapers';
import { RoleSummary } from './RoleSummary';
import { sectionStatus } from './sectionStatus';
import { SECTION_STAGES, STAGE_LABELS, type SectionName } from './sections';
import { SimilarPapers } from './SimilarPapers';

export type { SectionName } from './sections';

export interface PanelProps {
  arxivId: string;
  /** null while loading (and when nothing is cached for offline / error / not-found). A full view carries its explorer rows. */
  view: HubView | HubSummaryView | null;
  /** Where the explorer's rows come from when the view does not carry them (the background, a page at a time). */
  explorer?: ExplorerSource | null;
  status: HubStatus;
  /** Library ids (see libraryIdFor) of saved papers. */
  savedIds: ReadonlySet<string>;
  onToggleSave(paper: Paper): void;
  /** Send to Zotero beside every save toggle; absent, no Zotero control is shown. */
  onSendToZotero?: SendToZotero;
  onRetry(): void;
  collapsed: boolean;
  onToggleCollapsed(): void;
  /** Clock for ages and countdowns; the container re-renders every second while one is shown. */
  now: number;
  hiddenSections?: ReadonlySet<SectionName>;
  /** The "ask" box in At a glance; null or absent unless the user configured their own model endpoint. */
  ask?: AskControls | null;
  /** Stores the reader's polarity for a sentence; without it no "Wrong label?" control is shown. */
  onCorrectPolarity?: CorrectPolarity;
  /** Co-cited works as a list or a map, remembered by the container; absent: the panel keeps it itself. */
  coCitedView?: CoCitedView;
  onCoCitedViewChange?(view: CoCitedView): void;
}

const NO_HIDDEN_SECTIONS: ReadonlySet<SectionName> = new Set();

const NO_ROWS = localExplorerSource([]);

interface SectionsProps {
  view: HubSummaryView;
  explorer: ExplorerSource;
  save: SaveControls;
  now: number;
  onRetry(): void;
  hidden: ReadonlySet<SectionName>;
  ask: AskControls | null;
  coCitedView: CoCitedView | undefined;
  onCoCitedViewChange: ((view: CoCitedView) => void) | undefined;
}

function Sections({ view, explorer, save, now, onRetry, hidden, ask, coCitedView, onCoCitedViewChange }: SectionsProps) {
  // A year picked on the timeline filters the explorer; a new object per pick, so the same year works twice.
  const [yearRequest, setYearRequest] = useState<{ year: number } | null>(null);
  const stages = view.stages as Partial<HubView['stages']> | undefined;
  const statusOf = (name: SectionName) => sectionStatus(stages, SECTION_STAGES[name]);
  const titlesById = explorer.titles;
  const show = (name: SectionName) => !hidden.has(name);

  return (
    <>
      {show('header') ? <Header view={view} save={save} now={now} status={statusOf('header')} onRetry={onRetry} /> : null}
      {show('timeline') && view.timeline ? (
        <CitationTimeline timeline={view.timeline} status={statusOf('timeline')} onRetry={onRetry} now={now} onSelectYear={(year) => setYearRequest({ year })} />
      ) : null}
      {show('glance') ? <AtAGlance view={view} status={statusOf('glance')} onRetry={onRetry} ask={ask} /> : null}
      {show('roles') ? <RoleSummary roles={view.roles} status={statusOf('roles')} onRetry={onRetry} /> : null}
      {show('polarity') ? (
        <PolaritySummary polarity={view.polarity} classifyStage={stages?.classify} titlesById={titlesById} status={statusOf('polarity')} onRetry={onRetry} />
      ) : null}
      {show('claims') ? <ClaimsLedger claims={view.claims} status={statusOf('claims')} onRetry={onRetry} /> : null}
      {show('co-cited') ? (
        <CoCitedWorks
          works={view.coCited}
          basis={view.coCitedBasis}
          links={view.coCitationLinks ?? []}
          save={save}
          status={statusOf('co-cited')}
          onRetry={onRetry}
          view={coCitedView}
          onViewChange={onCoCitedViewChange}
        />
      ) : null}
      {show('representative') ? <RepresentativePapers papers={view.representative} save={save} status={statusOf('representative')} onRetry={onRetry} /> : null}
      {show('citing') ? <CitingExplorer source={explorer} save={save} status={statusOf('citing')} onRetry={onRetry} yearRequest={yearRequest} /> : null}
      {show('references') && view.references ? <ReferencesSection references={view.references} save={save} status={statusOf('references')} onRetry={onRetry} /> : null}
      {show('similar') ? <SimilarPapers papers={view.similar} save={save} status={statusOf('similar')} onRetry={onRetry} /> : null}
    </>
  );
}

/**
 * The whole hub panel, presentational only: everything it shows arrives as props and every
 * action leaves as a callback. `data-panel-state` mirrors `status.state` for the host page and tests.
 */
export function Panel(props: PanelProps) {
  const { arxivId, view, status, savedIds, onToggleSave, onRetry, collapsed, onToggleCollapsed, now } = props;
  const contentId = useId();
  const { onSendToZotero } = props;
  const save = useMemo<SaveControls>(() => ({ savedIds, onToggleSave, ...(onSendToZotero && { sendToZotero: onSendToZotero }) }), [savedIds, onToggleSave, onSendToZotero]);
  const hidden = props.hiddenSections ?? NO_HIDDEN_SECTIONS;
  const rowsInView = view && 'explorer' in view ? view.explorer : null;
  const localExplorer = useMemo(() => (rowsInView ? localExplorerSource(rowsInView) : null), [rowsInView]);
  const explorer = props.explorer ?? localExplorer ?? NO_ROWS;
  const waitingForData = view === null && (status.state === 'loading' || status.state === 'partial' || status.state === 'stale' || status.state === 'ready');

  return (
    <div class="ch-panel" data-panel-state={status.state} data-collapsed={collapsed ? 'true' : 'false'}>
      <div class="ch-topbar">
        <h2 class="ch-panel-title">Citation hub</h2>
        <button
          type="button"
          class="ch-icon-button ch-collapse"
          aria-expanded={collapsed ? 'false' : 'true'}
          aria-controls={contentId}
          aria-label={collapsed ? 'Expand citation hub' : 'Collapse citation hub'}
          onClick={onToggleCollapsed}
        >
          <span aria-hidden="true">{collapsed ? '‹' : '›'}</span>
        </button>
      </div>
      <div class="ch-content" id={contentId} hidden={collapsed} aria-busy={waitingForData ? 'true' : 'false'}>
        {collapsed ? null : (
          <>
            <StateBanner
              status={status}
              now={now}
              hasData={view !== null}
              fetchedAt={view?.provenance.fetchedAt}
              arxivId={arxivId}
              paperTitle={view?.paper?.title}
              stages={view?.stages}
              stageLabels={STAGE_LABELS}
              onRetry={onRetry}
            />
            {view ? (
              <PolarityCorrectionContext.Provider value={props.onCorrectPolarity ?? null}>
                <Sections view={view} explorer={explorer} save={save} now={now} onRetry={onRetry} hidden={hidden} ask={props.ask ?? null} coCitedView={props.coCitedView} onCoCitedViewChange={props.onCoCitedViewChange} />
              </PolarityCorrectionContext.Provider>
            ) : waitingForData ? (
              <PanelSkeleton hidden={hidden} />
            ) : null}
          </>
        )}
      </div>
    </div>
  );
}
