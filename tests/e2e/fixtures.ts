import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createSemanticScholarResponder, type SemanticScholarDataset, type SemanticScholarResponder } from '../../lib/sources/semanticScholar/sampleServer';
import { samplePages } from '../../scripts/sample/pages';
import { REPO_ROOT } from '../paths';
import type { ExtensionSession, Responder } from './harness';

export function loadSampleDataset(): SemanticScholarDataset {
  return JSON.parse(readFileSync(join(REPO_ROOT, 'tests', 'fixtures', 'sample', 's2-dataset.json'), 'utf8')) as SemanticScholarDataset;
}

/** Adapts the pure S2 responder to the harness (request bodies arrive as JSON text). */
export function asRouteResponder(responder: SemanticScholarResponder): Responder {
  return (method, url, body) => responder(method, url, body ? (JSON.parse(body) as unknown) : undefined);
}

/** The real saved arXiv pages and the sample pages, at their real URLs, with the sample S2 data behind them (Chromium or Firefox session). */
export function serveSample(session: Pick<ExtensionSession, 'setPages' | 'setApiResponder'>, dataset: SemanticScholarDataset = loadSampleDataset()): void {
  session.setPages(samplePages());
  session.setApiResponder(asRouteResponder(createSemanticScholarResponder(dataset)));
}
