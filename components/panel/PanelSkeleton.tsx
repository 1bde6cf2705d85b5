import { SectionFrame } from '../shared/SectionFrame';
import { SECTION_NAMES, SECTION_TITLES, type SectionName } from './sections';

/** Heights roughly match the loaded sections, so the panel does not jump when data arrives. */
const SKELETON_HEIGHTS: Record<SectionName, number> = {
  header: 140,
  timeline: 150,
  glance: 140,
  roles: 150,
  polarity: 120,
  claims: 120,
  'co-cited': 160,
  representative: 160,
  citing: 240,
  references: 200,
  similar: 160,
};

/** Every visible section in its loading state, before any data exists. */
export function PanelSkeleton({ hidden }: { hidden: ReadonlySet<SectionName> }) {
  return (
    <div class="ch-panel-skeleton">
      <p class="ch-sr">Loading citation hub…</p>
      {SECTION_NAMES.filter((name) => !hidden.has(name)).map((name) => (
        <SectionFrame key={name} name={name} title={SECTION_TITLES[name]} phase="pending" isEmpty skeletonHeight={SKELETON_HEIGHTS[name]} />
      ))}
    </div>
  );
}
