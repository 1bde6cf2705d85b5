import { browser } from 'wxt/browser';
import { MAP_LAYOUT_GLOBAL, MAP_LAYOUT_MODULE_PATH } from '../../lib/arxiv/matches';
import type { layoutCoCitationMap } from '../../lib/cocitationMap/layout';

export type MapLayoutFunction = typeof layoutCoCitationMap;

let loading: Promise<MapLayoutFunction> | null = null;

/**
 * The layout chunk (d3-force, ~7 KB gzip) is not in the panel bundle: it is imported the first time a
 * map is shown, like the panel bundle itself, and registers its function in this world's global scope.
 * A failed import is forgotten, so the next attempt tries again.
 */
export function loadMapLayout(): Promise<MapLayoutFunction> {
  loading ??= Promise.resolve()
    .then(() => import(/* @vite-ignore */ browser.runtime.getURL(MAP_LAYOUT_MODULE_PATH as '/cocitation-map.js')))
    .then(() => {
      const layout = (globalThis as unknown as Record<string, { layout: MapLayoutFunction } | undefined>)[MAP_LAYOUT_GLOBAL]?.layout;
      if (!layout) throw new Error('the map layout did not register itself');
      return layout;
    });
  loading.catch(() => {
    loading = null;
  });
  return loading;
}
