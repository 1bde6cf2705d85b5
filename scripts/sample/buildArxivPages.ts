import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CO_CITED_WORKS, GOPHER_WORK, SCALING_LAWS_WORK, type KnownWork } from './catalog';
import { deriveAbsPage, deriveListingPage, type AbsPageData, type Category, type ListingEntry } from './arxivPage';
import { SAMPLE_ARXIV_PAGES_DIR, SAMPLE_PAGES_DIR, SAMPLE_REFERENCE_DIR } from './paths';
import { readReferenceMaterial } from './referenceMaterial';

/*
 * Builds the arXiv pages the demo and the e2e tests serve at their real URLs: abstract pages for the
 * two reference papers and a cs.LG listing page, all derived from the real saved 2026-layout page.
 *
 * Run: npx tsx scripts/sample/buildArxivPages.ts
 */

export const TEMPLATE_PAGE_FILE = 'abs-2609.22268-2026layout.html';

const CS_CL: Category = { code: 'cs.CL', name: 'Computation and Language' };
const CS_AI: Category = { code: 'cs.AI', name: 'Artificial Intelligence' };
const CS_LG: Category = { code: 'cs.LG', name: 'Machine Learning' };
const STAT_ML: Category = { code: 'stat.ML', name: 'Machine Learning' };

export interface SamplePageOptions {
  referenceDir?: string;
  arxivPagesDir?: string;
}

function absPageData(work: KnownWork, title: string, abstract: string, primary: Category, crossLists: Category[]): AbsPageData {
  if (!work.arxivId) throw new Error(`${work.key} has no arXiv id`);
  return {
    arxivId: work.arxivId,
    title,
    authors: work.authors,
    abstract,
    submitted: work.publicationDate,
    subheader: `Computer Science > ${primary.name}`,
    archive: 'cs',
    primary,
    crossLists,
  };
}

function listingEntryFor(key: string, primary: Category, crossLists: Category[]): ListingEntry {
  const work = [SCALING_LAWS_WORK, GOPHER_WORK, ...CO_CITED_WORKS].find((candidate) => candidate.key === key);
  if (!work?.arxivId) throw new Error(`no arXiv work ${key}`);
  return { arxivId: work.arxivId, title: work.title, authors: work.authors, primary, crossLists };
}

/** File name → HTML of every generated page, built in memory (the test compares it with the checked-in files). */
export function buildSamplePages(options: SamplePageOptions = {}): Record<string, string> {
  const material = readReferenceMaterial(options.referenceDir ?? SAMPLE_REFERENCE_DIR);
  const template = readFileSync(resolve(options.arxivPagesDir ?? SAMPLE_ARXIV_PAGES_DIR, TEMPLATE_PAGE_FILE), 'utf8');
  const gopher = absPageData(GOPHER_WORK, material.gopher.title, material.gopher.abstract, CS_CL, [CS_AI]);
  const scalingLaws = absPageData(SCALING_LAWS_WORK, material.scalingLaws.title, material.scalingLaws.abstract, CS_LG, [STAT_ML]);
  return {
    [`abs-${gopher.arxivId}.html`]: deriveAbsPage(template, gopher),
    [`abs-${scalingLaws.arxivId}.html`]: deriveAbsPage(template, scalingLaws),
    'list-cs.LG.html': deriveListingPage(template, CS_LG, [
      listingEntryFor('scalingLaws', CS_LG, [STAT_ML]),
      listingEntryFor('chinchilla', CS_CL, [CS_LG]),
      listingEntryFor('dataConstrained', CS_CL, [CS_AI, CS_LG]),
      listingEntryFor('pythia', CS_CL, [CS_LG]),
    ]),
  };
}

function main(): void {
  mkdirSync(SAMPLE_PAGES_DIR, { recursive: true });
  for (const [file, html] of Object.entries(buildSamplePages())) {
    writeFileSync(resolve(SAMPLE_PAGES_DIR, file), html);
    console.log(`wrote ${file} (${Buffer.byteLength(html)} bytes)`);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();
