import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createSemanticScholarResponder, type SemanticScholarDataset } from '../../lib/sources/semanticScholar/sampleServer';
import { readableText } from '../../components/shared/displayText';
import { safeHttpsUrl } from '../../components/shared/links';
import { buildHostileDataset, replaceStrings } from '../fixtures/hostile/hostileDataset';
import { HOSTILE_PAYLOADS, PANEL_LINK_HOSTS } from '../fixtures/hostile/payloads';
import { REPO_ROOT } from '../paths';

const TARGET = '2112.11446';
const sample = JSON.parse(readFileSync(join(REPO_ROOT, 'tests', 'fixtures', 'sample', 's2-dataset.json'), 'utf8')) as SemanticScholarDataset;
const hostile = buildHostileDataset(sample, TARGET);
const payloadTexts = new Set(HOSTILE_PAYLOADS.map((payload) => payload.text));

/** Every string value under `value` with its path, `paperId` values excepted. */
function stringsIn(value: unknown, path = '$'): Array<[string, string]> {
  if (typeof value === 'string') return [[path, value]];
  if (Array.isArray(value)) return value.flatMap((item, index) => stringsIn(item, `${path}[${index}]`));
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, inner]) => (key === 'paperId' ? [] : stringsIn(inner, `${path}.${key}`)));
  }
  return [];
}

describe('the hostile payload list', () => {
  it('has at least 20 payloads with unique markers, each carrying its marker', () => {
    expect(HOSTILE_PAYLOADS.length).toBeGreaterThanOrEqual(20);
    const markers = HOSTILE_PAYLOADS.map((payload) => payload.marker);
    expect(new Set(markers).size).toBe(markers.length);
    for (const payload of HOSTILE_PAYLOADS) expect(payload.text).toContain(payload.marker);
  });

  it('covers the attack classes the panel must survive', () => {
    const all = HOSTILE_PAYLOADS.map((payload) => payload.text).join('\n');
    for (const needle of ['<script>', 'onerror=', 'javascript:', 'data:text/html', '\u202E', '\u200B', '\u0000', '\uD800', '{{', '${', '\u200D', '\\href', '](']) {
      expect(all).toContain(needle);
    }
    expect(Math.max(...HOSTILE_PAYLOADS.map((payload) => payload.text.length))).toBeGreaterThanOrEqual(100_000);
  });

  // The e2e suite looks for these fragments in the real panel; if the panel's own text cleaning
  // (controls and bidi overrides dropped, TeX made readable) removed one, the e2e check would
  // blame the wrong thing. Checked here against the same cleaning, at title length.
  it.each(HOSTILE_PAYLOADS.map((payload) => [payload.marker, payload.name, payload] as const))('%s (%s) keeps its visible fragments through display cleaning', (_marker, _name, payload) => {
    const shown = readableText(payload.text, 300);
    for (const fragment of payload.visible) expect(shown).toContain(fragment);
    for (const forbidden of payload.neverVisible ?? []) expect(shown).not.toContain(forbidden);
  });

  it('contains no payload the panel would accept as a link', () => {
    for (const payload of HOSTILE_PAYLOADS) {
      const href = safeHttpsUrl(payload.text);
      if (href !== null) expect(PANEL_LINK_HOSTS.has(new URL(href).hostname)).toBe(false);
    }
  });
});

describe('buildHostileDataset', () => {
  it('replaces every string the API returns, keeping only the paper ids', () => {
    const strings = stringsIn(hostile.dataset.papers).concat(stringsIn(hostile.dataset.citationsOf), stringsIn(hostile.dataset.recommendationsOf));
    expect(strings.length).toBeGreaterThan(2_000);
    const notHostile = strings.filter(([, text]) => !payloadTexts.has(text));
    expect(notHostile).toEqual([]);
  });

  it('fills in fields the source left out, so no field escapes by being null', () => {
    const target = hostile.dataset.papers[hostile.targetPaperId]!;
    for (const value of [target.title, target.abstract, target.venue, target.url, target.tldr?.text, target.openAccessPdf?.url, target.externalIds?.ArXiv, target.externalIds?.DOI, target.authors?.[0]?.name]) {
      expect(payloadTexts.has(value ?? '')).toBe(true);
    }
    for (const edge of hostile.dataset.citationsOf[hostile.targetPaperId]!) {
      expect(edge.contexts?.length ?? 0).toBeGreaterThan(0);
      for (const context of edge.contexts ?? []) expect(payloadTexts.has(context)).toBe(true);
    }
  });

  it('keeps the citation graph: same citing papers in the same order, same references', () => {
    const sourceTarget = sample.arxivToPaperId[TARGET]!;
    expect(hostile.targetPaperId).toBe(sourceTarget);
    const before = sample.citationsOf[sourceTarget]!.map((edge) => edge.citingPaper.paperId);
    const after = hostile.dataset.citationsOf[sourceTarget]!.map((edge) => edge.citingPaper.paperId);
    expect(after).toEqual(before);
    for (const id of before) expect(hostile.dataset.referencesOf[id] ?? []).toEqual(sample.referencesOf[id] ?? []);
    expect(hostile.dataset.recommendationsOf[sourceTarget]!.map((paper) => paper.paperId)).toEqual(sample.recommendationsOf[sourceTarget]!.map((paper) => paper.paperId));
  });

  it('makes every payload the title of at least two citing papers (so one shows on any page of 50)', () => {
    const citing = hostile.dataset.citationsOf[hostile.targetPaperId]!;
    expect(citing.length).toBeGreaterThanOrEqual(2 * HOSTILE_PAYLOADS.length);
    for (const payload of HOSTILE_PAYLOADS) {
      const titled = citing.filter((edge) => edge.citingPaper.title === payload.text);
      expect(titled.length, payload.marker).toBeGreaterThanOrEqual(2);
      for (const edge of titled) expect(hostile.titlePayloadOf[edge.citingPaper.paperId]).toBe(payload);
    }
  });

  it('uses the same hostile copy of a paper wherever it appears', () => {
    for (const edge of hostile.dataset.citationsOf[hostile.targetPaperId]!) {
      expect(edge.citingPaper).toBe(hostile.dataset.papers[edge.citingPaper.paperId]);
    }
  });

  it('is served by the sample Semantic Scholar, lone surrogates surviving the JSON round trip', () => {
    const serve = createSemanticScholarResponder(hostile.dataset);
    const paper = serve('GET', `https://api.semanticscholar.org/graph/v1/paper/ARXIV:${TARGET}?fields=title,abstract,tldr,authors,externalIds`);
    expect(paper.status).toBe(200);
    const body = JSON.parse(paper.body) as { title: string };
    expect(body.title).toBe(hostile.dataset.papers[hostile.targetPaperId]!.title);

    const page = serve('GET', `https://api.semanticscholar.org/graph/v1/paper/${hostile.targetPaperId}/citations?fields=contexts,title&offset=0&limit=1000`);
    expect(page.status).toBe(200);
    const rows = (JSON.parse(page.body) as { data: Array<{ citingPaper: { title: string } }> }).data;
    const surrogate = HOSTILE_PAYLOADS.find((payload) => payload.text.includes('\uD800'))!;
    expect(rows.map((row) => row.citingPaper.title)).toContain(surrogate.text);
  });
});

describe('replaceStrings', () => {
  it('walks in a stable order and leaves numbers, booleans, nulls and paper ids alone', () => {
    let n = 0;
    const out = replaceStrings({ paperId: 'keep', a: 'x', b: [1, 'y', null, true], c: { d: 'z', paperId: 'keep too' } }, () => `s${n++}`);
    expect(out).toEqual({ paperId: 'keep', a: 's0', b: [1, 's1', null, true], c: { d: 's2', paperId: 'keep too' } });
  });
});
