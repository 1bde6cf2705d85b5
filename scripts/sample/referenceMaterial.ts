import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/*
 * Reads the text captures in shared/reference (a citation-hub site's pages for the two target
 * papers and a similar-papers list). These captures are flattened page text, so the parsing leans on
 * the section headings they contain and fails loudly if a heading is missing.
 */

export interface HubCapture {
  title: string;
  abstract: string;
  /** "hub", "super hub", …: the first word(s) on the tier line. */
  tierLine: string;
  /** "51 Pith papers cite this work" → 51; null when the page states no count. */
  citingCount: number | null;
  /** "83% of citing Pith papers cite this work as background" → 0.83; null when absent. */
  backgroundShare: number | null;
  /** One-line TL;DRs of representative citing papers, in page order (titles are not shown there). */
  representativeTldrs: string[];
  /** Citing-papers explorer rows: title plus TL;DR. */
  explorer: { title: string; tldr: string }[];
  /**
   * The line above the page header. Both captures start with the same line, a TL;DR of the
   * chain-of-thought prompting paper (a "trending" banner on the site).
   */
  bannerTldr: string;
}

export interface SimilarPaper {
  title: string;
  /** null when the capture ends before the abstract. */
  abstract: string | null;
}

export interface ReferenceMaterial {
  gopher: HubCapture;
  /** The one-sentence TL;DR from the Gopher Q&A digest (its first answer to the TL;DR question). */
  gopherDigestTldr: string;
  scalingLaws: HubCapture;
  /** In page order, the first entry being the Gopher paper itself. */
  similarToGopher: SimilarPaper[];
}

function readLines(referenceDir: string, file: string): string[] {
  return readFileSync(resolve(referenceDir, file), 'utf8')
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line.length > 0);
}

function indexOfLine(lines: string[], predicate: (line: string) => boolean, what: string, from = 0): number {
  const index = lines.findIndex((line, position) => position >= from && predicate(line));
  if (index < 0) throw new Error(`reference capture: no "${what}" line`);
  return index;
}

export function parseHubCapture(lines: string[]): HubCapture {
  const abstractHeading = indexOfLine(lines, (line) => line === 'abstract', 'abstract');
  const abstract = lines[abstractHeading + 1];
  // The title is the line right after the tier line: find it as the line before the count line.
  const countIndex = indexOfLine(lines, (line) => /cite this work/.test(line), 'cite this work');
  const title = lines[countIndex - 1];
  const tierLine = lines[countIndex - 2];
  const countLine = lines[countIndex] ?? '';
  if (!abstract || !title || !tierLine) throw new Error('reference capture: header lines missing');

  const count = /^(\d[\d,]*) .*papers cite this work/.exec(countLine);
  const share = /(\d+)% of citing .*papers cite this work as background/.exec(countLine);

  const representativeStart = indexOfLine(lines, (line) => line.endsWith('representative citing papers'), 'representative citing papers');
  const explorerStart = indexOfLine(lines, (line) => line === 'citing papers explorer', 'citing papers explorer', representativeStart);
  const representativeTldrs = lines.slice(representativeStart + 1, explorerStart);

  const explorer: { title: string; tldr: string }[] = [];
  const explorerLines = lines.slice(explorerStart + 1);
  for (let index = 0; index < explorerLines.length; index += 3) {
    const [dash, rowTitle, tldr] = explorerLines.slice(index, index + 3);
    if (dash !== '-' || !rowTitle || !tldr) throw new Error(`reference capture: malformed explorer row at ${index}`);
    explorer.push({ title: rowTitle, tldr });
  }

  return {
    title,
    abstract,
    tierLine,
    citingCount: count?.[1] ? Number(count[1].replace(/,/g, '')) : null,
    backgroundShare: share?.[1] ? Number(share[1]) / 100 : null,
    representativeTldrs,
    explorer,
    bannerTldr: lines[0] ?? '',
  };
}

/**
 * The similar-papers capture alternates title and abstract lines after a two-line banner; the
 * first title is glued to a "Subscribe" button label, and the last title has no abstract.
 */
export function parseSimilarPapers(lines: string[]): SimilarPaper[] {
  const body = lines.filter((line) => !line.startsWith('Get trending papers'));
  const papers: SimilarPaper[] = [];
  for (let index = 0; index < body.length; index += 2) {
    const title = (body[index] ?? '').replace(/^Subscribe/, '');
    papers.push({ title, abstract: body[index + 1] ?? null });
  }
  return papers;
}

/** The first answer under a "TL;DR" question of the Q&A digest, without its "Here is a … summary:" lead-in. */
export function parseDigestTldr(lines: string[]): string {
  const question = indexOfLine(lines, (line) => line.startsWith('## ') && line.includes('TL;DR'), 'TL;DR question');
  const answer = lines[question + 1] ?? '';
  const sentence = answer.replace(/^Here is a[^:]*summary[^:]*:\s*/i, '').trim();
  if (!sentence) throw new Error('reference digest: empty TL;DR answer');
  return sentence;
}

export function readReferenceMaterial(referenceDir: string): ReferenceMaterial {
  return {
    gopher: parseHubCapture(readLines(referenceDir, 'hub-gopher-2112.11446.txt')),
    gopherDigestTldr: parseDigestTldr(readLines(referenceDir, 'paper-qa-gopher-2112.11446.md')),
    scalingLaws: parseHubCapture(readLines(referenceDir, 'hub-scaling-laws-2001.08361.txt')),
    similarToGopher: parseSimilarPapers(readLines(referenceDir, 'similar-papers-scaling-language-models.txt')),
  };
}
