/*
 * Derives test pages from a real saved arXiv abstract page (the 2026 layout) by replacing only the
 * paper-specific parts: meta tags, title, authors, abstract, dateline, subjects, identifiers and the
 * submission history. Everything else stays the real markup. Each replacement must match where
 * expected, and the result must not mention the template paper anywhere, so a change in the saved
 * page fails the build instead of producing a half-converted page.
 */

export interface Category {
  code: string;
  name: string;
}

export interface AbsPageData {
  arxivId: string;
  title: string;
  /** "First Last" as arXiv shows them on the page. */
  authors: string[];
  abstract: string;
  /** First version, YYYY-MM-DD. */
  submitted: string;
  /** "Computer Science > Computation and Language". */
  subheader: string;
  /** Archive used in search links and "browse by" (e.g. "cs"). */
  archive: string;
  primary: Category;
  crossLists: Category[];
}

/** The template paper: everything the derivation must replace. */
export interface TemplatePaper {
  arxivId: string;
  title: string;
  primaryCode: string;
  archive: string;
  /** Words that only occur in the template paper's title, authors and abstract. */
  tellTales: string[];
}

export const TEMPLATE_2026_PAPER: TemplatePaper = {
  arxivId: '2609.22268',
  title: 'Efficient spectral Galerkin framework for nonlinear transient heat transfer in finite domains',
  primaryCode: 'cond-mat.mtrl-sci',
  archive: 'cond-mat',
  tellTales: ['Galerkin', 'Andrieux', 'Ntinos', 'Upadhyay', 'Materials Science', 'thermophysical'],
};

export function escapeHtml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

const SURNAME_PARTICLES = new Set(['van', 'von', 'den', 'der', 'de', 'del', 'la', 'las', 'le', 'du', 'da', 'di']);

/** "Jack W. Rae" → { given: "Jack W.", family: "Rae" }; keeps particles: "Diego de Las Casas" → family "de Las Casas". */
export function splitName(name: string): { given: string; family: string } {
  const parts = name.split(/\s+/);
  const particle = parts.findIndex((part, index) => index > 0 && index < parts.length - 1 && SURNAME_PARTICLES.has(part.toLowerCase()));
  const familyStart = particle > 0 ? particle : parts.length - 1;
  return { given: parts.slice(0, familyStart).join(' '), family: parts.slice(familyStart).join(' ') };
}

/** arXiv's author-search query form: "Rae,+J+W". */
function authorQuery(name: string): string {
  const { given, family } = splitName(name);
  const initials = given
    .split(/[\s-]+/)
    .filter(Boolean)
    .map((part) => part.charAt(0).toUpperCase());
  return `${family.replaceAll(' ', '+')},+${initials.join('+')}`;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

function dateParts(iso: string): { day: number; month: string; year: number; weekday: string } {
  const [year, month, day] = iso.split('-').map(Number) as [number, number, number];
  const weekday = WEEKDAYS[new Date(Date.UTC(year, month - 1, day)).getUTCDay()] ?? '';
  return { day, month: MONTHS[month - 1] ?? '', year, weekday };
}

function truncateWords(text: string, limit: number): string {
  if (text.length <= limit) return text;
  const cut = text.slice(0, limit);
  return `${cut.slice(0, cut.lastIndexOf(' '))}...`;
}

/** Replaces exactly `expected` matches of `pattern` (a global regex), or throws naming the step. */
function replaceCounted(
  html: string,
  pattern: RegExp,
  replacement: string | ((match: string, ...groups: string[]) => string),
  expected: number,
  step: string,
): string {
  const matches = html.match(pattern)?.length ?? 0;
  if (matches !== expected) throw new Error(`arXiv page derivation, ${step}: expected ${expected} match(es), found ${matches}`);
  return html.replace(pattern, typeof replacement === 'string' ? () => replacement : replacement);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function authorLinks(data: AbsPageData): string {
  return data.authors
    .map((name) => `<a href="https://arxiv.org/search/${data.archive}?searchtype=author&amp;query=${escapeHtml(authorQuery(name))}" rel="nofollow">${escapeHtml(name)}</a>`)
    .join(', ');
}

function citationMetaTags(data: AbsPageData): string {
  const date = data.submitted.replaceAll('-', '/');
  const authors = data.authors
    .map((name) => {
      const { given, family } = splitName(name);
      return `<meta name="citation_author" content="${escapeHtml(`${family}, ${given}`)}" />`;
    })
    .join('');
  return (
    `<meta name="citation_title" content="${escapeHtml(data.title)}" />` +
    authors +
    `<meta name="citation_date" content="${date}" />` +
    `<meta name="citation_online_date" content="${date}" />` +
    `<meta name="citation_pdf_url" content="https://arxiv.org/pdf/${data.arxivId}" />` +
    `<meta name="citation_arxiv_id" content="${data.arxivId}" />` +
    `<meta name="citation_abstract" content="${escapeHtml(data.abstract)}" />`
  );
}

function downloadInfo(data: AbsPageData): string {
  const first = data.authors[0] ?? '';
  const others = data.authors.length - 1;
  const byLine = others === 0 ? first : others === 1 ? `${first} and ${data.authors[1] ?? ''}` : `${first} and ${others} other authors`;
  return `View a PDF of the paper titled ${escapeHtml(data.title)}, by ${escapeHtml(byLine)}`;
}

function subjectsCell(data: AbsPageData): string {
  const cross = data.crossLists.map((category) => `; ${escapeHtml(category.name)} (${category.code})`).join('');
  return `<span class="primary-subject">${escapeHtml(data.primary.name)} (${data.primary.code})</span>${cross}`;
}

/** An abstract page for `data`, built from the real saved 2026-layout page `template`. */
export function deriveAbsPage(template: string, data: AbsPageData, templatePaper: TemplatePaper = TEMPLATE_2026_PAPER): string {
  const title = escapeHtml(data.title);
  const abstract = escapeHtml(data.abstract);
  const submitted = dateParts(data.submitted);
  const yearMonth = `${data.submitted.slice(0, 4)}-${data.submitted.slice(5, 7)}`;
  const oldTitle = escapeRegExp(templatePaper.title);
  let html = template;

  html = replaceCounted(html, /<title>[^<]*<\/title>/g, `<title>[${data.arxivId}] ${title}</title>`, 1, 'title element');
  html = replaceCounted(html, /<meta name="description" content="[^"]*">/g, `<meta name="description" content="Abstract page for arXiv paper ${data.arxivId}: ${title}">`, 1, 'description');
  html = replaceCounted(html, /<meta property="og:title" content="[^"]*" \/>/g, `<meta property="og:title" content="${title}" />`, 1, 'og:title');
  html = replaceCounted(html, /<meta property="og:url" content="[^"]*" \/>/g, `<meta property="og:url" content="https://arxiv.org/abs/${data.arxivId}v1" />`, 1, 'og:url');
  html = replaceCounted(html, /<meta property="og:description" content="[^"]*"\/>/g, `<meta property="og:description" content="${abstract}"/>`, 1, 'og:description');
  html = replaceCounted(html, /<meta name="twitter:title" content="[^"]*"\/>/g, `<meta name="twitter:title" content="${escapeHtml(truncateWords(data.title, 70))}"/>`, 1, 'twitter:title');
  html = replaceCounted(html, /<meta name="twitter:description" content="[^"]*"\/>/g, `<meta name="twitter:description" content="${escapeHtml(truncateWords(data.abstract, 200))}"/>`, 1, 'twitter:description');
  html = replaceCounted(html, /<meta name="citation_title"[\s\S]*?<meta name="citation_abstract" content="[^"]*" \/>/g, citationMetaTags(data), 1, 'citation meta tags');

  html = replaceCounted(html, /<div class="subheader">\s*<h1>[^<]*<\/h1>/g, `<div class="subheader">\n      <h1>${escapeHtml(data.subheader)}</h1>`, 1, 'subheader');
  html = replaceCounted(html, /(<strong>arXiv:[^<]*<\/strong>) \([^)]*\)/g, `<strong>arXiv:${data.arxivId}</strong> (${data.archive})`, 1, 'mobile breadcrumb');
  html = replaceCounted(html, /<div class="dateline">\s*\[[^\]]*\]<\/div>/g, `<div class="dateline">\n  [Submitted on ${submitted.day} ${submitted.month} ${submitted.year}]</div>`, 1, 'dateline');
  html = replaceCounted(html, /<h1 class="title mathjax"><span class="descriptor">Title:<\/span>[^<]*<\/h1>/g, `<h1 class="title mathjax"><span class="descriptor">Title:</span>${title}</h1>`, 1, 'h1.title');
  html = replaceCounted(html, /<div class="authors"><span class="descriptor">Authors:<\/span>[\s\S]*?<\/div>/g, `<div class="authors"><span class="descriptor">Authors:</span>${authorLinks(data)}</div>`, 1, 'div.authors');
  html = replaceCounted(html, /View a PDF of the paper titled [^<]*? other authors/g, downloadInfo(data), 2, 'download info');
  html = replaceCounted(
    html,
    /<blockquote class="abstract mathjax">\s*<span class="descriptor">Abstract:<\/span>[\s\S]*?<\/blockquote>/g,
    `<blockquote class="abstract mathjax">\n            <span class="descriptor">Abstract:</span>${abstract}\n    </blockquote>`,
    1,
    'blockquote.abstract',
  );

  // Metatable: the template paper's comments and MSC rows have no counterpart here.
  html = replaceCounted(html, /<tr>\s*<td class="tablecell label">Comments:<\/td>[\s\S]*?<\/tr>\s*/g, '', 1, 'comments row');
  html = replaceCounted(html, /<tr>\s*<td class="tablecell label"><abbr title="Mathematical Subject Classification">MSC<\/abbr> classes:<\/td>[\s\S]*?<\/tr>\s*/g, '', 1, 'MSC row');
  html = replaceCounted(html, /<td class="tablecell subjects">\s*<span class="primary-subject">[^<]*<\/span>[^<]*<\/td>/g, `<td class="tablecell subjects">\n            ${subjectsCell(data)}</td>`, 1, 'subjects');

  const { given, family } = splitName(data.authors[0] ?? '');
  const submitter = escapeHtml(`${given.split(' ')[0] ?? ''} ${family}`.trim());
  html = replaceCounted(
    html,
    /(<h2>Submission history<\/h2> From: )[^[]*(\[<a href="\/show-email\/[^"]*" rel="nofollow">view email<\/a>\][\s\S]*?<strong>\[v1\]<\/strong>\s*)[^<]*(<br\/>)/g,
    (_match, from: string, email: string, lineEnd: string) =>
      `${from}${submitter} ${email}${submitted.weekday}, ${submitted.day} ${submitted.month} ${submitted.year} 00:00:00 UTC (derived test page)${lineEnd}`,
    1,
    'submission history',
  );

  html = replaceCounted(
    html,
    /<div class="abs-license"><a href="[^"]*" title="Rights to this article" class="has_license">[\s\S]*?<\/a><\/div>/g,
    '<div class="abs-license"><a href="http://arxiv.org/licenses/nonexclusive-distrib/1.0/" title="Rights to this article">view license</a></div>',
    1,
    'license',
  );
  html = replaceCounted(
    html,
    /<div class="switch context-change">[\s\S]*?<\/div>/g,
    `<div class="switch context-change">\n        ${[data.archive, ...data.crossLists.map((category) => category.code)]
      .map((context) => `<a href="/abs/${data.arxivId}?context=${context}" rel="nofollow">${context}</a><br class="is-hidden-mobile">`)
      .join('\n        ')}\n    </div>`,
    1,
    'browse by',
  );
  html = html.replace(new RegExp(`/list/${escapeRegExp(templatePaper.primaryCode)}/\\d{4}-\\d{2}`, 'g'), `/list/${data.primary.code}/${yearMonth}`);
  html = html.replace(new RegExp(`>\\d{4}-\\d{2}</a>`, 'g'), `>${yearMonth}</a>`);

  // What remains is id, category and title text in links and hidden fields.
  html = html.replaceAll(templatePaper.primaryCode, data.primary.code);
  html = html.replace(new RegExp(`/search/${escapeRegExp(templatePaper.archive)}\\?`, 'g'), `/search/${data.archive}?`);
  html = html.replaceAll(templatePaper.arxivId, data.arxivId);
  html = html.replace(new RegExp(oldTitle, 'g'), title);

  const leftovers = [templatePaper.arxivId, templatePaper.archive, ...templatePaper.tellTales].filter((word) => html.includes(word));
  if (leftovers.length > 0) throw new Error(`arXiv page derivation left template text behind: ${leftovers.join(', ')}`);
  return html;
}

export interface ListingEntry {
  arxivId: string;
  title: string;
  authors: string[];
  primary: Category;
  crossLists: Category[];
}

function listingEntry(entry: ListingEntry, position: number): string {
  const subjects = [`<span class="primary-subject">${escapeHtml(entry.primary.name)} (${entry.primary.code})</span>`, ...entry.crossLists.map((category) => `${escapeHtml(category.name)} (${category.code})`)].join('; ');
  const authors = entry.authors
    .map((name) => `<a href="https://arxiv.org/search/cs?searchtype=author&amp;query=${escapeHtml(authorQuery(name))}" rel="nofollow">${escapeHtml(name)}</a>`)
    .join(', ');
  return `<dt>
  <a name="item${position}">[${position}]</a>
  <a href="/abs/${entry.arxivId}" title="Abstract" id="${entry.arxivId}">arXiv:${entry.arxivId}</a>
  [<a href="/pdf/${entry.arxivId}" title="Download PDF" id="pdf-${entry.arxivId}" aria-labelledby="pdf-${entry.arxivId}">pdf</a>, <a href="/format/${entry.arxivId}" title="Other formats" id="oth-${entry.arxivId}" aria-labelledby="oth-${entry.arxivId}">other</a>]
</dt>
<dd>
  <div class="meta">
    <div class="list-title mathjax"><span class="descriptor">Title:</span>
      ${escapeHtml(entry.title)}
    </div>
    <div class="list-authors">${authors}</div>
    <div class="list-subjects"><span class="descriptor">Subjects:</span>
      ${subjects}
    </div>
  </div>
</dd>`;
}

/**
 * A minimal listing page (`/list/<category>/recent`): the real page's head assets, site header and
 * footer around arXiv's listing markup (`#dlpage`, `dl#articles`). It carries no citation meta tags,
 * like the real listing pages.
 */
export function deriveListingPage(template: string, category: Category, entries: ListingEntry[]): string {
  const canonical = template.indexOf('<link rel="canonical"');
  const headEnd = template.indexOf('</head>');
  const mainStart = template.indexOf('<main>');
  const mainEnd = template.indexOf('</main>');
  if (canonical < 0 || headEnd < 0 || mainStart < 0 || mainEnd < 0) throw new Error('listing derivation: template landmarks missing');
  const headAssets = template.slice(0, canonical).replace(/<title>[^<]*<\/title>/, `<title>${escapeHtml(category.name)}</title>`);
  const header = template.slice(headEnd, mainStart);
  const footer = template.slice(mainEnd);
  const listing = `<main>
      <div id="content">
<div id="content-inner">
<div id="dlpage">
  <h1>${escapeHtml(category.name)} (${category.code})</h1>
  <ul>
    <li><a href="/list/${category.code}/new">New submissions</a></li>
    <li><a href="/list/${category.code}/recent">Recent submissions</a></li>
  </ul>
  <h3>Showing ${entries.length} of ${entries.length} entries</h3>
  <dl id="articles">
${entries.map((entry, index) => listingEntry(entry, index + 1)).join('\n')}
  </dl>
</div>
</div>
      </div>
    `;
  return `${headAssets}<link rel="canonical" href="https://arxiv.org/list/${category.code}/recent"/>
  <meta name="description" content="${escapeHtml(category.name)} (${category.code}): recent submissions">
${header}${listing}${footer}`;
}
