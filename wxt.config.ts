import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

// The manifest is the least-privilege contract: tests/unit/manifest.test.ts and the
// budget check re-read the built file, so any new permission has to be argued for there.
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({
    plugins: [preact()],
    build: { target: 'es2022' },
  }),
  manifest: ({ browser }) => ({
    name: 'arXiv Citation Hub',
    description:
      'How the field uses an arXiv paper: citation roles, polarity, claims, co-cited and similar papers. Local-only, no tracking.',
    permissions: ['storage', 'unlimitedStorage', ...(browser === 'firefox' ? [] : ['sidePanel'])],
    host_permissions: [
      'https://arxiv.org/*',
      'https://www.arxiv.org/*',
      'https://export.arxiv.org/*',
      'https://api.semanticscholar.org/*',
      'https://api.openalex.org/*',
      // The Zotero desktop app's connector server (Send to Zotero), as Zotero's own connector asks for it.
      'http://127.0.0.1:23119/*',
    ],
    // The panel bundle is imported on demand by the content script (keeps the per-page script small),
    // and the co-citation map's layout chunk by the panel when a map is first shown; only arXiv pages may load them.
    web_accessible_resources: [
      {
        resources: ['panel-app.js', 'cocitation-map.js'],
        use_dynamic_url: true,
        matches: ['https://arxiv.org/*', 'https://www.arxiv.org/*', 'https://export.arxiv.org/*'],
      },
    ],
    commands: {
      'toggle-panel': {
        suggested_key: { default: 'Alt+Shift+H' },
        description: 'Show or hide the citation hub panel',
      },
    },
    // Firefox's sidebar_action comes from the sidepanel entrypoint (its meta tags), Chrome's side_panel too.
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: { gecko: { id: 'citation-hub@arxiv-citation-hub.org', strict_min_version: '115.0' } },
        }
      : { side_panel: { default_path: 'sidepanel.html' } }),
  }),
});
