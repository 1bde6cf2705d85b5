import { mountPagePanel } from '@/components/app/mountPagePanel';
import { PANEL_GLOBAL } from '@/lib/arxiv/matches';

// The lazily loaded panel bundle: registers its mount function for the content script.
export default defineUnlistedScript(() => {
  (globalThis as unknown as Record<string, unknown>)[PANEL_GLOBAL] = { mount: mountPagePanel };
});
