/** Where the in-page panel runs: abs pages (incl. legacy `/abs?id=…`) and native HTML full texts. */
export const PANEL_PAGE_MATCHES = [
  'https://arxiv.org/abs*',
  'https://www.arxiv.org/abs*',
  'https://export.arxiv.org/abs*',
  'https://arxiv.org/html/*',
  'https://www.arxiv.org/html/*',
  'https://export.arxiv.org/html/*',
];

/** The lazily loaded panel bundle, exposed to arXiv pages only so the content script can import() it. */
export const PANEL_MODULE_PATH = '/panel-app.js';
/** Where the panel bundle registers its mount function in the content script's isolated world. */
export const PANEL_GLOBAL = '__arxivCitationHubPanel';

/**
 * Where the citation-badge script runs: listing pages (`/list/<archive>/new|recent|pastweek|<yymm>`)
 * and search results (`/search/?query=…`, `/search/<archive>?…`). A separate, small script: the
 * abs-page script above does not grow, and these pages never get the panel.
 */
export const LISTING_PAGE_MATCHES = [
  'https://arxiv.org/list/*',
  'https://www.arxiv.org/list/*',
  'https://export.arxiv.org/list/*',
  'https://arxiv.org/search/*',
  'https://www.arxiv.org/search/*',
  'https://export.arxiv.org/search/*',
];

/** The co-citation map's layout chunk (d3-force), imported the first time a map is shown. */
export const MAP_LAYOUT_MODULE_PATH = '/cocitation-map.js';
export const MAP_LAYOUT_GLOBAL = '__arxivCitationHubMapLayout';
