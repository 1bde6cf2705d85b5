import { layoutCoCitationMap } from '@/lib/cocitationMap/layout';
import { MAP_LAYOUT_GLOBAL } from '@/lib/arxiv/matches';

// The co-citation map's layout (d3-force), loaded only when a reader switches a co-cited list to the map.
export default defineUnlistedScript(() => {
  (globalThis as unknown as Record<string, unknown>)[MAP_LAYOUT_GLOBAL] = { layout: layoutCoCitationMap };
});
