import type { ComponentChildren } from 'preact';
import { useMemo } from 'preact/hooks';
import { buildGlance, isGlanceEmpty, type GlanceInput, type GlanceStatement } from '../../lib/analytics/glance';
import { displayTitle, readableText } from '../shared/displayText';
import { formatConfidence, formatCount, formatPercent } from '../shared/format';
import { primaryPaperUrl } from '../shared/links';
import { SectionFrame } from '../shared/SectionFrame';
import { AskBox } from './AskBox';
import type { AskControls } from './askControls';
import { ROLE_LABELS } from './labels';
import type { SectionStatus } from './sectionStatus';
import { SECTION_TITLES } from './sections';

export interface AtAGlanceProps {
  view: GlanceInput;
  status: SectionStatus;
  onRetry(): void;
  /** The ask box, shown only when the user configured their own model endpoint. */
  ask?: AskControls | null;
}

const SOURCE_NOTE: Record<GlanceStatement['from'], string> = {
  tldr: 'Semantic Scholar TL;DR',
  abstract: 'from the abstract',
};

/** The abstract's typed sentences, in the order a reader asks about them. */
const STATEMENT_ENTRIES: ReadonlyArray<{ term: string; key: 'contributions' | 'method' | 'results' | 'limitations' }> = [
  { term: 'Contributions', key: 'contributions' },
  { term: 'Method', key: 'method' },
  { term: 'Main results', key: 'results' },
  { term: 'Limitations', key: 'limitations' },
];

function Entry({ term, children }: { term: string; children: ComponentChildren }) {
  return (
    <div class="ch-glance-entry">
      <dt>{term}</dt>
      <dd>{children}</dd>
    </div>
  );
}

function Statements({ items }: { items: readonly GlanceStatement[] }) {
  if (items.length === 1) {
    return (
      <p dir="auto">
        {readableText(items[0]!.text, 600)} <span class="ch-muted">({SOURCE_NOTE[items[0]!.from]})</span>
      </p>
    );
  }
  return (
    <ul class="ch-glance-list">
      {items.map((item, index) => (
        <li key={index} dir="auto">
          {readableText(item.text, 600)} {item.from === 'tldr' ? <span class="ch-muted">(TL;DR)</span> : null}
        </li>
      ))}
    </ul>
  );
}

function TitleLink({ title, url }: { title: string; url: string | null }) {
  const { short, full } = displayTitle(title, 140);
  return url ? (
    <a href={url} target="_blank" rel="noopener noreferrer" title={full} dir="auto">
      {short}
    </a>
  ) : (
    <cite dir="auto">{short}</cite>
  );
}

/**
 * A digest of the paper in the spirit of a paper Q&A page: what it is about (extracted from its
 * abstract and TL;DR, never generated) and, from the hub's own counts, how the field received it.
 */
export function AtAGlance({ view, status, onRetry, ask }: AtAGlanceProps) {
  const glance = useMemo(
    () => buildGlance(view),
    [view.paper, view.claims, view.roles, view.polarity, view.tier, view.coCited, view.representative],
  );
  const { reception } = glance;

  return (
    <SectionFrame
      name="glance"
      title={SECTION_TITLES.glance}
      phase={status.phase}
      statusText={status.statusText}
      isEmpty={isGlanceEmpty(glance)}
      emptyText="Nothing to summarise yet: no abstract and no citing papers."
      skeletonHeight={140}
      onRetry={onRetry}
    >
      <dl class="ch-glance">
        {glance.tldr ? (
          <Entry term="TL;DR">
            <p dir="auto">
              {readableText(glance.tldr.text, 600)} <span class="ch-muted">({SOURCE_NOTE[glance.tldr.from]})</span>
            </p>
          </Entry>
        ) : null}
        {glance.problem.length > 0 ? (
          <Entry term="Problem">
            <p dir="auto">
              {readableText(glance.problem.join(' '), 800)} <span class="ch-muted">(from the abstract)</span>
            </p>
          </Entry>
        ) : null}
        {STATEMENT_ENTRIES.map(({ term, key }) =>
          glance[key].length > 0 ? (
            <Entry key={key} term={term}>
              <Statements items={glance[key]} />
            </Entry>
          ) : null,
        )}
        {reception ? (
          <Entry term="How the field uses it">
            <p>
              Cited by {formatCount(reception.citingPapers)} {reception.citingPapers === 1 ? 'paper' : 'papers'}
              {reception.leadingRole
                ? `; ${formatPercent(reception.leadingRole.papers, reception.leadingRole.ofPapers)} of the ${formatCount(reception.leadingRole.ofPapers)} with a role cite it as ${ROLE_LABELS[reception.leadingRole.role].toLowerCase()}`
                : ''}
              {reception.polarity
                ? `; of ${formatCount(reception.polarity.ofPapers)} with a polarity, ${formatCount(reception.polarity.supporting)} support it and ${formatCount(reception.polarity.contrasting)} contrast it`
                : ''}
              .
            </p>
          </Entry>
        ) : null}
        {glance.questionedBy.length > 0 ? (
          <Entry term="Where citing papers push back">
            <ul class="ch-glance-list">
              {glance.questionedBy.map((example, index) => (
                <li key={`${example.citingPaperId}-${index}`}>
                  <blockquote dir="auto">{readableText(example.text, 400)}</blockquote>
                  <span class="ch-muted">contrasting, confidence {formatConfidence(example.confidence)}</span>
                </li>
              ))}
            </ul>
          </Entry>
        ) : null}
        {glance.citedAlongside.length > 0 ? (
          <Entry term="Most often cited with">
            <ul class="ch-glance-list">
              {glance.citedAlongside.map(({ paper, count }) => (
                <li key={paper.paperId}>
                  <TitleLink title={paper.title} url={primaryPaperUrl(paper)} />
                  {paper.year !== undefined ? ` (${paper.year})` : ''} <span class="ch-muted">· {formatCount(count)} shared citing papers</span>
                </li>
              ))}
            </ul>
          </Entry>
        ) : null}
        {glance.buildingOn.length > 0 ? (
          <Entry term="Building on its method">
            <ul class="ch-glance-list">
              {glance.buildingOn.map(({ citation }, index) => (
                <li key={`${citation.citing.paperId}-${index}`}>
                  <TitleLink title={citation.citing.title} url={primaryPaperUrl(citation.citing)} />
                  {citation.citing.year !== undefined ? ` (${citation.citing.year})` : ''}
                </li>
              ))}
            </ul>
          </Entry>
        ) : null}
      </dl>
      <p class="ch-note">
        Statements are sentences of the abstract or the Semantic Scholar TL;DR, typed by cue phrases (see the claims ledger); the
        reception figures are the counts shown in the sections below.
      </p>
      {ask ? <AskBox controls={ask} /> : null}
    </SectionFrame>
  );
}
