/**
 * The badge and the note as DOM: each in its own open shadow root, built with textContent and
 * attributes only (never innerHTML), so neither the page's styles nor ours cross the boundary.
 * Plain DOM, no Preact: this runs in the small listing-page script.
 */
import { citationCountLabel, citationCountText, NOT_INDEXED_SPOKEN, NOT_INDEXED_TITLE } from '@/lib/badges/format';
import type { PaperCitationCount } from '@/lib/badges/types';

export const BADGE_TAG = 'arxiv-citation-badge';
export const NOTE_TAG = 'arxiv-citation-note';

// Each badge carries its own background, so it reads the same on arXiv's white page whatever the
// system theme; dark mode only swaps the badge's own colours (all pairs ≥ 4.5:1).
const FONT = 'font:600 12px/1.6 system-ui,sans-serif;';
const BADGE_CSS =
  ':host{all:initial;display:inline-block;margin-left:.5em}' +
  `.b{${FONT}padding:0 .55em;border:1px solid #8fa6c2;border-radius:1em;background:#eef3f9;color:#16314f;text-decoration:none;white-space:nowrap}` +
  'a:hover{text-decoration:underline}a:focus-visible{outline:2px solid #0b57d0;outline-offset:2px}' +
  '.q{border-color:#c9ced6;background:#f4f5f7;color:#454d59;font-weight:400}' +
  '@media (prefers-color-scheme:dark){.b{background:#1b2a3c;color:#dbe7f6;border-color:#56708f}a:focus-visible{outline-color:#8ab4f8}.q{background:#23272e;color:#c4cad3}}';
const NOTE_CSS =
  ':host{all:initial;display:block}' +
  `p{display:inline-block;margin:.4em 0;padding:.15em .6em;${FONT}font-weight:400;border:1px solid #d9c27a;border-radius:4px;background:#fff8e1;color:#4d3d00}` +
  '@media (prefers-color-scheme:dark){p{background:#332b10;color:#f3e3ac}}';

function shadowHost(doc: Document, tag: string, css: string): [HTMLElement, ShadowRoot] {
  const host = doc.createElement(tag);
  const shadow = host.attachShadow({ mode: 'open' });
  const style = doc.createElement('style');
  style.textContent = css;
  shadow.append(style);
  return [host, shadow];
}

/**
 * A count links to the paper's abs page (where the panel opens); a paper the source does not know
 * gets a quiet, unfocusable "—" that says so.
 */
export function createBadge(doc: Document, arxivId: string, count: PaperCitationCount, pageOrigin: string): HTMLElement {
  const [host, shadow] = shadowHost(doc, BADGE_TAG, BADGE_CSS);
  host.dataset.arxivId = arxivId;
  if (count.citationCount === null) {
    host.dataset.count = 'not-indexed';
    // role=img: read as one item by its label, not as a dash.
    const quiet = doc.createElement('span');
    quiet.className = 'b q';
    quiet.title = NOT_INDEXED_TITLE;
    quiet.setAttribute('role', 'img');
    quiet.setAttribute('aria-label', NOT_INDEXED_SPOKEN);
    quiet.textContent = '—';
    shadow.append(quiet);
    return host;
  }
  host.dataset.count = String(count.citationCount);
  const link = doc.createElement('a');
  link.className = 'b';
  link.href = new URL(`/abs/${arxivId}`, pageOrigin).href;
  const label = citationCountLabel(count.citationCount);
  link.setAttribute('aria-label', label);
  link.title = `${label}, counted ${new Date(count.fetchedAt).toDateString()}`;
  link.textContent = citationCountText(count.citationCount);
  shadow.append(link);
  return host;
}

/** The one note for the whole list; its text is set after insertion so screen readers announce it. */
export function insertNote(doc: Document, before: Element, text: string): HTMLElement {
  const [host, shadow] = shadowHost(doc, NOTE_TAG, NOTE_CSS);
  const note = doc.createElement('p');
  note.setAttribute('role', 'status');
  shadow.append(note);
  before.before(host);
  note.textContent = text;
  return host;
}
