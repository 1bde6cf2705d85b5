import type { HubSummaryView } from '../../lib/hub/explorerPages';
import type { SourceName } from '../../lib/domain/hub';
import { displayTitle, readableText } from '../shared/displayText';
import { formatAge, formatCount, formatPercent } from '../shared/format';
import { paperLinks } from '../shared/links';
import { SaveButton, type SaveControls } from '../shared/SaveButton';
import { SectionFrame } from '../shared/SectionFrame';
import { TIER_LABELS } from './labels';
import type { SectionStatus } from './sectionStatus';
import { SECTION_TITLES } from './sections';

export interface HeaderProps {
  view: HubSummaryView;
  save: SaveControls;
  now: number;
  status: SectionStatus;
  onRetry(): void;
}

function sourceNames(sources: readonly SourceName[], fallback: boolean): string {
  const names = sources.map((source) => {
    if (source === 'semanticscholar') return 'Semantic Scholar';
    if (source === 'openalex') return fallback ? 'OpenAlex (fallback: Semantic Scholar was unavailable)' : 'OpenAlex';
    return 'Bundled sample data';
  });
  return names.length > 0 ? names.join(', ') : 'unknown';
}

function CountItem({ label, value }: { label: string; value: number | undefined }) {
  return (
    <div class="ch-count">
      <dt>{label}</dt>
      <dd>{value === undefined ? 'unknown' : formatCount(value)}</dd>
    </div>
  );
}

/** Title, hub tier with the rule behind it, counts in full, and where the numbers come from. */
export function Header({ view, save, now, status, onRetry }: HeaderProps) {
  const { paper, tier, coverage, provenance } = view;
  const title = displayTitle(paper?.title);
  const authors = paper ? paper.authors.slice(0, 3).map((name) => readableText(name, 60)) : [];
  const byline = paper
    ? [authors.length > 0 ? `${authors.join(', ')}${paper.authors.length > 3 ? ' et al.' : ''}` : '', paper.year !== undefined ? String(paper.year) : '', readableText(paper.venue, 80)]
        .filter(Boolean)
        .join(' · ')
    : '';
  const citing = paper?.citationCount ?? coverage.citationsReported;
  const tierLabel = TIER_LABELS[tier.tier];
  const rule = readableText(tier.rule, 300);
  const links = paper ? paperLinks(paper) : [];

  return (
    <SectionFrame name="header" title={SECTION_TITLES.header} phase={status.phase} statusText={status.statusText} isEmpty={!paper} emptyText="No details for this paper yet." skeletonHeight={140} onRetry={onRetry}>
      {paper ? (
        <div class="ch-header">
          <div class="ch-header-top">
            <p class="ch-paper-title" dir="auto" title={title.full}>
              {title.short}
            </p>
            <SaveButton paper={paper} save={save} />
          </div>
          {byline ? <p class="ch-muted" dir="auto">{byline}</p> : null}
          <div class="ch-badges">
            <span class={`ch-badge ch-tier ch-tier--${tier.tier}`} title={rule || undefined}>
              {tierLabel}
            </span>
            {tier.canonical ? (
              <span class="ch-badge ch-tier ch-tier--canonical" title={rule || undefined}>
                Canonical reference
              </span>
            ) : null}
          </div>
          {rule ? <p class="ch-tier-rule">{rule}</p> : null}
          {tier.canonical && tier.backgroundShare !== null ? (
            <p class="ch-tier-rule">{`${Math.round(tier.backgroundShare * 100)} % of classified citing papers cite it as background.`}</p>
          ) : null}
          <dl class="ch-counts">
            <CountItem label="Citing papers" value={citing} />
            <CountItem label="Influential citations" value={paper.influentialCitationCount} />
            <CountItem label="References" value={paper.referenceCount} />
          </dl>
          <ul class="ch-provenance">
            <li>
              Source: {sourceNames(provenance.sources, provenance.fallback)} · fetched {formatAge(provenance.fetchedAt, now)}
            </li>
            <li>
              Contexts for {formatCount(coverage.papersWithContexts)} of {formatCount(coverage.citationsListed)} citing papers
              {coverage.sentences > 0 ? ` (${formatCount(coverage.sentences)} sentences)` : ''}
            </li>
            {coverage.citationsListed < coverage.citationsReported ? (
              <li>
                The source lists {formatCount(coverage.citationsListed)} of the {formatCount(coverage.citationsReported)} citing papers it reports ({formatPercent(coverage.citationsListed, coverage.citationsReported)})
              </li>
            ) : null}
            {coverage.batchSampled > 0 ? (
              <li>
                Co-citations and TL;DRs based on {formatCount(coverage.batchSampled)} of {formatCount(coverage.citationsListed)} citing papers
              </li>
            ) : null}
            {coverage.droppedRows > 0 ? <li>{formatCount(coverage.droppedRows)} malformed rows dropped</li> : null}
          </ul>
          {links.length > 0 ? (
            <ul class="ch-links" aria-label="Links for this paper">
              {links.map((link) => (
                <li key={link.label}>
                  <a href={link.href} target="_blank" rel="noopener noreferrer">
                    {link.label}
                  </a>
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
    </SectionFrame>
  );
}
