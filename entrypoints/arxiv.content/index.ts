import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import { detectArxivPage } from '@/lib/arxiv/page';
import { PANEL_PAGE_MATCHES } from '@/lib/arxiv/matches';
import { preparePanel } from '@/components/app/loadPanel';

// Runs on every abs/html page: detect the id, create the shadow host, hand over to the lazily
// loaded panel bundle. Everything heavy lives in that bundle, not here.
export default defineContentScript({
  matches: PANEL_PAGE_MATCHES,
  // The panel bundle brings its own stylesheet (components/app/panelStyles.ts): no CSS fetch here.
  cssInjectionMode: 'manual',
  async main(ctx) {
    const meta = document.querySelector('meta[name="citation_arxiv_id"]')?.getAttribute('content');
    const page = detectArxivPage(location.href, meta);
    if (!page || page.kind === 'pdf') return;
    // Started before the shadow root is built, so the hub port and the panel bundle load meanwhile.
    const panel = preparePanel(page.id);
    const ui = await createShadowRootUi(ctx, {
      name: 'arxiv-citation-hub',
      position: 'inline',
      anchor: 'body',
      append: 'last',
      onMount: (container, _shadow, host) => {
        host.dataset.arxivId = page.id;
        host.dataset.state = 'loading';
        return panel.mount(container, host);
      },
      onRemove: (unmount) => void unmount?.then((dispose) => dispose()),
    });
    ui.mount();
  },
});
