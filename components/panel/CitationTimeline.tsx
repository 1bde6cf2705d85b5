import { useState } from 'preact/hooks';
import type { TimelineView, TimelineYear } from '../../lib/domain/view';
import { formatCount } from '../shared/format';
import { SectionFrame } from '../shared/SectionFrame';
import { ROLE_BUCKETS, ROLE_LABELS } from './labels';
import type { SectionStatus } from './sectionStatus';
import { SECTION_TITLES } from './sections';

export interface CitationTimelineProps {
  timeline: TimelineView;
  status: SectionStatus;
  onRetry(): void;
  /** Clock: the current year is drawn as incomplete. */
  now: number;
  /** Clicking (or Enter on) a year's bar: the explorer filters to that year. */
  onSelectYear(year: number): void;
}

/** Drawing units of the SVG's viewBox; the SVG scales to the panel's width (320–600 px). */
const WIDTH = 320;
const HEIGHT = 150;
const PLOT_TOP = 14;
const PLOT_BOTTOM = 126;
const PLOT_LEFT = 26;
const PLOT_RIGHT = 294;

function yearDescription(entry: TimelineYear, current: boolean): string {
  const roles = ROLE_BUCKETS.filter((role) => entry.perRole[role] > 0)
    .map((role) => `${ROLE_LABELS[role].toLowerCase()} ${formatCount(entry.perRole[role])}`)
    .join(', ');
  const papers = `${formatCount(entry.total)} citing ${entry.total === 1 ? 'paper' : 'papers'} listed`;
  return `${entry.year}${current ? ' (so far)' : ''}: ${papers}${roles ? ` (${roles})` : ''}, ${formatCount(entry.influential)} influential`;
}

/** The years drawn: the listed papers' years, widened to OpenAlex's when its curve is drawn. */
function chartYears(timeline: TimelineView): TimelineYear[] {
  const all = timeline.allCitations ?? [];
  if (all.length === 0) return timeline.years;
  const byYear = new Map(timeline.years.map((entry) => [entry.year, entry]));
  const known = [...byYear.keys(), ...all.map((row) => row.year)];
  const first = Math.min(...known);
  const last = Math.max(...known);
  const years: TimelineYear[] = [];
  for (let year = first; year <= last; year += 1) {
    years.push(byYear.get(year) ?? { year, total: 0, perRole: { background: 0, methodology: 0, result: 0, unclassified: 0 }, influential: 0 });
  }
  return years;
}

/**
 * Citations over time: one bar per year of the listed citing papers, stacked by role, influential
 * ones marked; OpenAlex's all-citation totals as a line on their own scale when the list is short.
 * The picture is for the eye; the same numbers are in a table for screen readers ("Show as table").
 */
export function CitationTimeline({ timeline, status, onRetry, now, onSelectYear }: CitationTimelineProps) {
  const [showTable, setShowTable] = useState(false);
  const [active, setActive] = useState<number | null>(null);
  const currentYear = new Date(now).getUTCFullYear();
  const years = chartYears(timeline);
  const all = timeline.allCitations;
  const short = timeline.listed < timeline.reported;
  const maxListed = Math.max(1, ...years.map((entry) => entry.total));
  const maxAll = Math.max(1, ...(all ?? []).map((row) => row.count));
  const slot = (PLOT_RIGHT - PLOT_LEFT) / Math.max(1, years.length);
  const barWidth = Math.max(2, slot * 0.72);
  const plotHeight = PLOT_BOTTOM - PLOT_TOP;
  const labelEvery = Math.max(1, Math.ceil(years.length / 8));
  const activeEntry = years.find((entry) => entry.year === active) ?? null;
  const allByYear = new Map((all ?? []).map((row) => [row.year, row.count]));
  const linePoints = (all ?? [])
    .map((row) => {
      const index = years.findIndex((entry) => entry.year === row.year);
      return index < 0 ? null : `${(PLOT_LEFT + slot * (index + 0.5)).toFixed(1)},${(PLOT_BOTTOM - (row.count / maxAll) * plotHeight).toFixed(1)}`;
    })
    .filter(Boolean)
    .join(' ');
  const dated = years.reduce((sum, entry) => sum + entry.total, 0);

  return (
    <SectionFrame
      name="timeline"
      title={SECTION_TITLES.timeline}
      phase={status.phase}
      statusText={status.statusText}
      isEmpty={timeline.listed === 0 && !(all && all.length > 0)}
      emptyText="No citing papers listed yet."
      skeletonHeight={150}
      onRetry={onRetry}
    >
      <p class="ch-note">
        {formatCount(timeline.listed)} citing {timeline.listed === 1 ? 'paper' : 'papers'} listed by year of publication
        {timeline.undated > 0 ? `, ${formatCount(timeline.undated)} without a year` : ''}
        {timeline.earlier > 0 ? `, ${formatCount(timeline.earlier)} before ${years[0]?.year ?? ''}` : ''}. Select a year to filter the citing papers to it.
      </p>
      <div class="ch-timeline" onMouseLeave={() => setActive(null)}>
        <svg class="ch-timeline-svg" viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="group" aria-label="Citing papers per year, by role">
          <defs>
            <pattern id="ch-incomplete" width="4" height="4" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
              <rect width="2" height="4" class="ch-timeline-hatch" />
            </pattern>
          </defs>
          <line class="ch-timeline-axis" x1={PLOT_LEFT} x2={PLOT_RIGHT} y1={PLOT_BOTTOM} y2={PLOT_BOTTOM} />
          <text class="ch-timeline-tick" x={PLOT_LEFT - 3} y={PLOT_TOP + 4} text-anchor="end">
            {formatCount(maxListed)}
          </text>
          <text class="ch-timeline-tick" x={PLOT_LEFT - 3} y={PLOT_BOTTOM} text-anchor="end">
            0
          </text>
          {years.map((entry, index) => {
            const x = PLOT_LEFT + slot * index + (slot - barWidth) / 2;
            const current = entry.year === currentYear;
            let top = PLOT_BOTTOM;
            const segments = ROLE_BUCKETS.filter((role) => entry.perRole[role] > 0).map((role) => {
              const height = (entry.perRole[role] / maxListed) * plotHeight;
              top -= height;
              return <rect key={role} data-role={role} class={`ch-fill--${role}`} x={x} y={top} width={barWidth} height={height} />;
            });
            const label = yearDescription(entry, current);
            return (
              <g
                key={entry.year}
                class={`ch-timeline-bar${active === entry.year ? ' is-active' : ''}`}
                data-year={entry.year}
                data-count={entry.total}
                tabindex={0}
                role="button"
                aria-label={`${label}. Filter citing papers to ${entry.year}.`}
                onMouseEnter={() => setActive(entry.year)}
                onFocus={() => setActive(entry.year)}
                onClick={() => onSelectYear(entry.year)}
                onKeyDown={(event) => {
                  if (event.key === 'Enter' || event.key === ' ') {
                    event.preventDefault();
                    onSelectYear(entry.year);
                  }
                }}
              >
                {/* The whole slot takes the pointer, so short bars are easy to hit. */}
                <rect class="ch-timeline-hit" x={PLOT_LEFT + slot * index} y={PLOT_TOP} width={slot} height={plotHeight} />
                {segments}
                {current && entry.total > 0 ? <rect class="ch-timeline-incomplete" x={x} y={top} width={barWidth} height={PLOT_BOTTOM - top} fill="url(#ch-incomplete)" /> : null}
                {entry.influential > 0 ? <circle class="ch-timeline-influential" data-influential={entry.influential} cx={x + barWidth / 2} cy={top - 4} r={2.2} /> : null}
                {index % labelEvery === 0 || current ? (
                  <text class="ch-timeline-tick" x={x + barWidth / 2} y={PLOT_BOTTOM + 11} text-anchor="middle">
                    {current ? `${entry.year}*` : entry.year}
                  </text>
                ) : null}
              </g>
            );
          })}
          {linePoints ? <polyline class="ch-timeline-line" data-series="openalex" points={linePoints} /> : null}
          {all && all.length > 0 ? (
            <text class="ch-timeline-tick" x={PLOT_RIGHT + 3} y={PLOT_TOP + 4}>
              {formatCount(maxAll)}
            </text>
          ) : null}
        </svg>
        <p class="ch-timeline-readout" aria-hidden="true">
          {activeEntry
            ? `${yearDescription(activeEntry, activeEntry.year === currentYear)}${allByYear.has(activeEntry.year) ? `; OpenAlex, all citations: ${formatCount(allByYear.get(activeEntry.year)!)}` : ''}`
            : 'Hover or focus a bar for its numbers.'}
        </p>
      </div>
      <p class="ch-chart-legend">
        {ROLE_BUCKETS.map((role) => (
          <span key={role} class="ch-legend-item">
            <span class={`ch-swatch ch-tone--${role}`} aria-hidden="true" />
            {ROLE_LABELS[role]}
          </span>
        ))}
        <span class="ch-legend-item">
          <span class="ch-legend-dot" aria-hidden="true" />
          Influential
        </span>
        {all && all.length > 0 ? (
          <span class="ch-legend-item">
            <span class="ch-legend-line" aria-hidden="true" />
            OpenAlex, all citations (right scale)
          </span>
        ) : null}
      </p>
      <p class="ch-note">
        * {currentYear} is incomplete.
        {short
          ? all === null
            ? ` Semantic Scholar lists ${formatCount(timeline.listed)} of ${formatCount(timeline.reported)} citing papers.`
            : all.length === 0
              ? ` Semantic Scholar lists ${formatCount(timeline.listed)} of ${formatCount(timeline.reported)} citing papers, and OpenAlex has no per-year counts for this paper.`
              : ` Semantic Scholar lists ${formatCount(timeline.listed)} of ${formatCount(timeline.reported)} citing papers; the line shows every citation OpenAlex counts per year, so the curve keeps its shape.`
          : ''}
      </p>
      <button type="button" class="ch-link-button" aria-pressed={showTable ? 'true' : 'false'} onClick={() => setShowTable(!showTable)}>
        Show as table
      </button>
      {/* Scrolls sideways at narrow widths; focusable so the keyboard can scroll it too. */}
      <div class={showTable ? 'ch-table-scroll' : 'ch-sr'} data-view="timeline-table" {...(showTable ? { tabIndex: 0, role: 'region', 'aria-label': 'Citing papers per year, as a table' } : {})}>
      <table class="ch-table">
        <caption class={showTable ? 'ch-sr' : undefined}>Citing papers per year</caption>
        <thead>
          <tr>
            <th scope="col">Year</th>
            <th scope="col">Listed</th>
            {ROLE_BUCKETS.map((role) => (
              <th key={role} scope="col">
                {ROLE_LABELS[role]}
              </th>
            ))}
            <th scope="col">Influential</th>
            {all && all.length > 0 ? <th scope="col">OpenAlex, all citations</th> : null}
          </tr>
        </thead>
        <tbody>
          {years.map((entry) => (
            <tr key={entry.year}>
              <th scope="row">{entry.year === currentYear ? `${entry.year} (incomplete)` : entry.year}</th>
              <td>{formatCount(entry.total)}</td>
              {ROLE_BUCKETS.map((role) => (
                <td key={role}>{formatCount(entry.perRole[role])}</td>
              ))}
              <td>{formatCount(entry.influential)}</td>
              {all && all.length > 0 ? <td>{allByYear.has(entry.year) ? formatCount(allByYear.get(entry.year)!) : '—'}</td> : null}
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">All years</th>
            <td>{formatCount(dated)}</td>
            {ROLE_BUCKETS.map((role) => (
              <td key={role}>{formatCount(years.reduce((sum, entry) => sum + entry.perRole[role], 0))}</td>
            ))}
            <td>{formatCount(years.reduce((sum, entry) => sum + entry.influential, 0))}</td>
            {all && all.length > 0 ? <td>{formatCount(all.reduce((sum, row) => sum + row.count, 0))}</td> : null}
          </tr>
        </tfoot>
      </table>
      </div>
    </SectionFrame>
  );
}
