/**
 * A minimal arXiv abstract page for a made-up paper: what the content script needs (the URL, the
 * `citation_arxiv_id` meta, an abstract block), so each fault scenario can use its own arXiv id
 * and never share a cached hub with another.
 */
export function absPage(arxivId: string, title = `Fault scenario ${arxivId}`): { body: string; contentType: string } {
  const escaped = title.replace(/[&<>"]/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[ch] ?? ch);
  const body = `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>[${arxivId}] ${escaped}</title>
<meta name="citation_title" content="${escaped}"><meta name="citation_arxiv_id" content="${arxivId}"></head>
<body><div id="content"><div id="abs"><h1 class="title mathjax">${escaped}</h1>
<blockquote class="abstract mathjax">A page served by the fault tests.</blockquote></div></div></body></html>`;
  return { body, contentType: 'text/html; charset=utf-8' };
}

export function absUrl(arxivId: string): string {
  return `https://arxiv.org/abs/${arxivId}`;
}
