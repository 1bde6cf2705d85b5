import { describe, it, expect, beforeAll } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { z } from 'zod';
import { buildSampleDataset, serializeSampleDataset } from '../../scripts/sample/buildSampleData';
import { SAMPLE_ARXIV_IDS, type SampleS2Dataset } from '../../scripts/sample/types';
import { REFERENCE, REPO_ROOT } from '../paths';

/*
 * The offline demo and the e2e tests serve this dataset as if it were Semantic Scholar. These checks
 * are written against the S2 API's documented shapes (shared/docs/data-sources.md §1) with their own
 * minimal schema, independent of the sources adapter, so an adapter bug cannot hide a fixture bug.
 */

const DATASET_FILE = resolve(REPO_ROOT, 'tests', 'fixtures', 'sample', 's2-dataset.json');

const Intent = z.enum(['background', 'methodology', 'result']);
const Author = z.object({ authorId: z.string().regex(/^\d+$/).nullable(), name: z.string().min(1) }).strict();
const ExternalIds = z
  .object({ ArXiv: z.string().regex(/^\d{4}\.\d{4,5}$/).optional(), DOI: z.string().optional(), CorpusId: z.number().int().positive() })
  .strict();
const Count = z.number().int().nonnegative();
const PaperFields = {
  paperId: z.string().regex(/^[0-9a-f]{40}$/),
  externalIds: ExternalIds,
  corpusId: z.number().int().positive(),
  url: z.string().startsWith('https://www.semanticscholar.org/paper/'),
  title: z.string().min(1),
  abstract: z.string().min(1).nullable(),
  venue: z.string(),
  year: z.number().int().min(1990).max(2026),
  publicationDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  authors: z.array(Author),
  citationCount: Count,
  influentialCitationCount: Count,
  openAccessPdf: z.object({ url: z.string().url(), status: z.string().nullable() }).strict().nullable(),
};
const Paper = z.object({ ...PaperFields, referenceCount: Count, tldr: z.object({ model: z.string(), text: z.string().min(1) }).strict().nullable() }).strict();
// The Recommendations API rejects `tldr`: a recommendation row must not carry one.
const Recommendation = z.object(PaperFields).strict();
const CitingPaper = z
  .object({
    paperId: PaperFields.paperId,
    title: PaperFields.title,
    year: PaperFields.year,
    authors: PaperFields.authors,
    venue: PaperFields.venue,
    citationCount: Count,
    influentialCitationCount: Count,
    externalIds: ExternalIds,
    publicationDate: PaperFields.publicationDate,
  })
  .strict();
const EdgeFields = {
  contexts: z.array(z.string().min(1)),
  intents: z.array(Intent),
  contextsWithIntent: z.array(z.object({ context: z.string().min(1), intents: z.array(Intent) }).strict()),
  isInfluential: z.boolean(),
};
const Edge = z.object({ ...EdgeFields, citingPaper: CitingPaper }).strict();
const ReferenceEdge = z
  .object({
    ...EdgeFields,
    // Resolved: the same fields as a citing paper; unresolved: S2's paperId null and a title.
    citedPaper: z.union([CitingPaper, z.object({ paperId: z.null(), title: z.string().min(1) }).strict()]),
  })
  .strict();
const Dataset = z
  .object({
    papers: z.record(z.string(), Paper),
    citationsOf: z.record(z.string(), z.array(Edge)),
    referencesOf: z.record(z.string(), z.array(z.string())),
    recommendationsOf: z.record(z.string(), z.array(Recommendation)),
    recentRecommendationsOf: z.record(z.string(), z.array(Recommendation)).optional(),
    arxivToPaperId: z.record(z.string(), z.string()),
    referenceEdgesOf: z.record(z.string(), z.array(ReferenceEdge)),
  })
  .strict();

let dataset: SampleS2Dataset;
let checkedIn: string;

function paperOf(arxivId: string) {
  const paperId = dataset.arxivToPaperId[arxivId];
  if (!paperId) throw new Error(`${arxivId} is not in the dataset`);
  const paper = dataset.papers[paperId];
  if (!paper) throw new Error(`${paperId} has no record`);
  return paper;
}

function edgesOf(arxivId: string) {
  return dataset.citationsOf[paperOf(arxivId).paperId] ?? [];
}

/** Co-cited works of a target, most frequent first: what the panel's co-citation section ranks. */
function coCitedTitles(arxivId: string, top: number): string[] {
  const targetId = paperOf(arxivId).paperId;
  const counts = new Map<string, number>();
  for (const edge of edgesOf(arxivId)) {
    for (const ref of dataset.referencesOf[edge.citingPaper.paperId] ?? []) {
      if (ref !== targetId) counts.set(ref, (counts.get(ref) ?? 0) + 1);
    }
  }
  return [...counts.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([paperId]) => dataset.papers[paperId]?.title ?? paperId);
}

function captureLines(file: string): string[] {
  return readFileSync(resolve(REFERENCE, file), 'utf8').split('\n').map((line) => line.trim()).filter(Boolean);
}

beforeAll(() => {
  checkedIn = readFileSync(DATASET_FILE, 'utf8');
  dataset = Dataset.parse(JSON.parse(checkedIn)) as SampleS2Dataset;
});

describe('sample S2 dataset: shape and build', () => {
  it('parses as Semantic Scholar-shaped JSON and stays within the size budget', () => {
    expect(Object.keys(dataset.papers).length).toBeGreaterThan(1_000);
    expect(Buffer.byteLength(checkedIn)).toBeLessThan(3.2 * 1024 * 1024);
  });

  it('is deterministic, and the checked-in file is what the builder produces', () => {
    const first = serializeSampleDataset(buildSampleDataset({ referenceDir: REFERENCE }));
    const second = serializeSampleDataset(buildSampleDataset({ referenceDir: REFERENCE }));
    expect(second).toBe(first);
    expect(first).toBe(checkedIn);
    // The seed matters: another seed reshuffles the generated part.
    expect(serializeSampleDataset(buildSampleDataset({ referenceDir: REFERENCE, seed: 7 }))).not.toBe(first);
  });
});

describe('sample S2 dataset: the three arXiv ids', () => {
  it('resolves Gopher and Scaling Laws by bare arXiv id to their real titles and abstracts', () => {
    const gopher = paperOf(SAMPLE_ARXIV_IDS.gopher);
    expect(gopher.title).toBe('Scaling Language Models: Methods, Analysis & Insights from Training Gopher');
    expect(gopher.externalIds.ArXiv).toBe('2112.11446');
    expect(gopher.abstract).toBe(captureLines('hub-gopher-2112.11446.txt')[captureLines('hub-gopher-2112.11446.txt').indexOf('abstract') + 1]);
    expect(gopher.authors[0]?.name).toBe('Jack W. Rae');
    // TL;DR: the Q&A digest's one-sentence answer, without its "Here is a … summary:" lead-in.
    expect(gopher.tldr?.text).toMatch(/^The paper presents an analysis of Transformer-based language model performance across a wide range of model scales up to 280 billion parameters/);

    const scalingLaws = paperOf(SAMPLE_ARXIV_IDS.scalingLaws);
    expect(scalingLaws.title).toBe('Scaling Laws for Neural Language Models');
    expect(scalingLaws.abstract).toMatch(/^We study empirical scaling laws for language model performance on the cross-entropy loss\./);
    expect(scalingLaws.authors.map((author) => author.name).slice(0, 2)).toEqual(['Jared Kaplan', 'Sam McCandlish']);
  });

  it('does not know 2609.22268, so the demo can show "not indexed yet"', () => {
    expect(dataset.arxivToPaperId[SAMPLE_ARXIV_IDS.notIndexed]).toBeUndefined();
    expect(Object.values(dataset.papers).some((paper) => paper.externalIds.ArXiv === SAMPLE_ARXIV_IDS.notIndexed)).toBe(false);
  });

  it('maps every arXiv id to the paper carrying it', () => {
    for (const [arxivId, paperId] of Object.entries(dataset.arxivToPaperId)) {
      expect(dataset.papers[paperId]?.externalIds.ArXiv).toBe(arxivId);
    }
  });
});

describe('sample S2 dataset: counts', () => {
  it('gives Gopher the 51 citing papers of the reference page (tier hub) and Scaling Laws over 1,000 (super hub)', () => {
    expect(edgesOf(SAMPLE_ARXIV_IDS.gopher)).toHaveLength(51);
    expect(edgesOf(SAMPLE_ARXIV_IDS.scalingLaws).length).toBeGreaterThanOrEqual(1_000);
  });

  it('keeps target counts equal to the edges served', () => {
    for (const arxivId of [SAMPLE_ARXIV_IDS.gopher, SAMPLE_ARXIV_IDS.scalingLaws]) {
      const paper = paperOf(arxivId);
      const edges = edgesOf(arxivId);
      expect(paper.citationCount).toBe(edges.length);
      expect(paper.influentialCitationCount).toBe(edges.filter((edge) => edge.isInfluential).length);
      const influentialShare = paper.influentialCitationCount / edges.length;
      expect(influentialShare).toBeGreaterThan(0.07);
      expect(influentialShare).toBeLessThan(0.13);
      expect(new Set(edges.map((edge) => edge.citingPaper.paperId)).size).toBe(edges.length);
    }
  });

  it('keeps referenceCount equal to the reference list wherever the sample has one (the targets report a few more), and nested copies equal to records', () => {
    const targets = new Set(Object.keys(dataset.referenceEdgesOf));
    for (const [paperId, references] of Object.entries(dataset.referencesOf)) {
      if (!targets.has(paperId)) expect(dataset.papers[paperId]?.referenceCount).toBe(references.length);
      else expect(dataset.papers[paperId]?.referenceCount).toBeGreaterThan((dataset.referenceEdgesOf[paperId] ?? []).length);
      expect(new Set(references).size).toBe(references.length);
      expect(references).not.toContain(paperId);
    }
    for (const edges of Object.values(dataset.citationsOf)) {
      for (const { citingPaper } of edges) {
        const record = dataset.papers[citingPaper.paperId];
        expect(record).toBeDefined();
        expect({ ...citingPaper }).toEqual({
          paperId: record?.paperId, title: record?.title, year: record?.year, authors: record?.authors, venue: record?.venue,
          citationCount: record?.citationCount, influentialCitationCount: record?.influentialCitationCount,
          externalIds: record?.externalIds, publicationDate: record?.publicationDate,
        });
      }
    }
  });

  it('gives both targets reference edges: their resolved list in order, then entries by title only; a citation of the other target mirrors its edge', () => {
    for (const arxivId of [SAMPLE_ARXIV_IDS.gopher, SAMPLE_ARXIV_IDS.scalingLaws]) {
      const targetId = paperOf(arxivId).paperId;
      const edges = dataset.referenceEdgesOf[targetId] ?? [];
      const resolved = edges.filter((edge) => edge.citedPaper.paperId !== null);
      expect(resolved.map((edge) => edge.citedPaper.paperId)).toEqual(dataset.referencesOf[targetId]);
      expect(edges.length - resolved.length).toBeGreaterThan(0);
      for (const edge of edges) {
        expect(new Set(edge.contextsWithIntent.map((context) => context.context))).toEqual(new Set(edge.contexts));
        if (edge.citedPaper.paperId === null) continue;
        const mirrored = dataset.citationsOf[edge.citedPaper.paperId]?.find((citation) => citation.citingPaper.paperId === targetId);
        if (mirrored) expect([edge.contexts, edge.intents, edge.isInfluential]).toEqual([mirrored.contexts, mirrored.intents, mirrored.isInfluential]);
      }
    }
  });

  it('lists a target in a paper\'s references exactly when that paper is among its citing papers', () => {
    for (const arxivId of [SAMPLE_ARXIV_IDS.gopher, SAMPLE_ARXIV_IDS.scalingLaws]) {
      const targetId = paperOf(arxivId).paperId;
      const citing = new Set(edgesOf(arxivId).map((edge) => edge.citingPaper.paperId));
      const referencing = new Set(Object.entries(dataset.referencesOf).filter(([, refs]) => refs.includes(targetId)).map(([id]) => id));
      expect(referencing).toEqual(citing);
    }
  });
});

describe('sample S2 dataset: every id resolves', () => {
  it('has a paper record for every citing, referenced and recommended paper', () => {
    const missing: string[] = [];
    const check = (paperId: string) => {
      if (!dataset.papers[paperId]) missing.push(paperId);
    };
    Object.keys(dataset.citationsOf).forEach(check);
    Object.values(dataset.citationsOf).flat().forEach((edge) => check(edge.citingPaper.paperId));
    Object.entries(dataset.referencesOf).forEach(([citing, refs]) => [citing, ...refs].forEach(check));
    Object.entries(dataset.recommendationsOf).forEach(([source, recs]) => [source, ...recs.map((rec) => rec.paperId)].forEach(check));
    expect(missing).toEqual([]);
  });

  it('serves recommendations identical to the paper records, minus the tldr field', () => {
    for (const recs of Object.values(dataset.recommendationsOf)) {
      for (const rec of recs) {
        const { tldr: _tldr, referenceCount: _referenceCount, ...record } = dataset.papers[rec.paperId] ?? ({} as never);
        expect(rec).toEqual(record);
      }
    }
  });
});

describe('sample S2 dataset: content a user sees', () => {
  it('recommends for Gopher the similar papers of the reference list, in order, with their real abstracts', () => {
    const lines = captureLines('similar-papers-scaling-language-models.txt').filter((line) => !line.startsWith('Get trending'));
    const titles = lines.filter((_, index) => index % 2 === 0).map((title) => title.replace(/^Subscribe/, ''));
    const recs = dataset.recommendationsOf[paperOf(SAMPLE_ARXIV_IDS.gopher).paperId] ?? [];
    expect(recs.map((rec) => rec.title)).toEqual(titles.slice(1));
    const palm = recs.find((rec) => rec.title === 'PaLM: Scaling Language Modeling with Pathways');
    expect(palm?.abstract).toBe(lines[lines.indexOf('PaLM: Scaling Language Modeling with Pathways') + 1]);
    expect(dataset.recommendationsOf[paperOf(SAMPLE_ARXIV_IDS.scalingLaws).paperId]?.length).toBeGreaterThan(5);
  });

  it("gives Scaling Laws a 'recent' pool of its own citing papers and a broader 'all-cs' pool", () => {
    const scalingLaws = paperOf(SAMPLE_ARXIV_IDS.scalingLaws).paperId;
    const citing = new Set((dataset.citationsOf[scalingLaws] ?? []).map((edge) => edge.citingPaper.paperId));
    const recent = dataset.recentRecommendationsOf?.[scalingLaws] ?? [];
    const allCs = dataset.recommendationsOf[scalingLaws] ?? [];
    expect(recent.length).toBeGreaterThan(0);
    expect(allCs.filter((rec) => !citing.has(rec.paperId) && rec.paperId !== scalingLaws).length).toBeGreaterThanOrEqual(5);
  });

  it('uses the real TL;DRs of the representative citing papers', () => {
    const tldrs = new Set(Object.values(dataset.papers).map((paper) => paper.tldr?.text));
    expect(tldrs).toContain('OPT releases open decoder-only transformers up to 175B parameters that match GPT-3 performance at one-seventh the carbon cost, along with code and training logs.');
    expect(tldrs).toContain('TTT layers treat the hidden state as a trainable model updated at test time, allowing linear-complexity sequence models to scale perplexity reduction with context length unlike Mamba.');
    const flamingo = edgesOf(SAMPLE_ARXIV_IDS.gopher).find((edge) => edge.citingPaper.title === 'Flamingo: a Visual Language Model for Few-Shot Learning');
    expect(flamingo?.citingPaper.year).toBe(2022);
  });

  it('ranks Chinchilla, GPT-3, PaLM and Scaling Laws among the top co-cited works of Gopher', () => {
    expect(coCitedTitles(SAMPLE_ARXIV_IDS.gopher, 5)).toEqual(
      expect.arrayContaining([
        'Training Compute-Optimal Large Language Models',
        'Language Models are Few-Shot Learners',
        'PaLM: Scaling Language Modeling with Pathways',
        'Scaling Laws for Neural Language Models',
      ]),
    );
    expect(coCitedTitles(SAMPLE_ARXIV_IDS.scalingLaws, 3)).toEqual(
      expect.arrayContaining(['Language Models are Few-Shot Learners', 'Training Compute-Optimal Large Language Models']),
    );
  });

  it('makes Scaling Laws a canonical reference: about 83 % background among labelled citing papers', () => {
    const labelled = edgesOf(SAMPLE_ARXIV_IDS.scalingLaws).filter((edge) => edge.intents.length > 0);
    const background = labelled.filter((edge) => edge.intents.every((intent) => intent === 'background')).length / labelled.length;
    expect(background).toBeGreaterThan(0.78);
    expect(background).toBeLessThan(0.88);
  });

  it('gives Gopher mostly background roles, with some methodology and result', () => {
    const intents = edgesOf(SAMPLE_ARXIV_IDS.gopher).flatMap((edge) => edge.intents);
    const background = intents.filter((intent) => intent === 'background').length;
    expect(background / intents.length).toBeGreaterThan(0.6);
    expect(intents).toContain('methodology');
    expect(intents).toContain('result');
  });

  it('mixes labelled contexts, unlabelled contexts (for the local classifier) and edges without contexts', () => {
    for (const arxivId of [SAMPLE_ARXIV_IDS.gopher, SAMPLE_ARXIV_IDS.scalingLaws]) {
      const edges = edgesOf(arxivId);
      const withoutContexts = edges.filter((edge) => edge.contexts.length === 0).length;
      const unlabelled = edges.filter((edge) => edge.contextsWithIntent.some((context) => context.intents.length === 0)).length;
      expect(withoutContexts).toBeGreaterThan(0);
      expect(unlabelled / edges.length).toBeGreaterThan(0.15);
      expect(edges.every((edge) => edge.contexts.length <= 3)).toBe(true);
    }
  });

  it('keeps each edge internally consistent: contexts mirror contextsWithIntent, intents are their union', () => {
    for (const edge of Object.values(dataset.citationsOf).flat()) {
      expect(edge.contexts).toEqual(edge.contextsWithIntent.map((context) => context.context));
      expect([...edge.intents].sort()).toEqual([...new Set(edge.contextsWithIntent.flatMap((context) => context.intents))].sort());
    }
  });

  it('writes every citation sentence so that it cites the target', () => {
    const markers: Record<string, RegExp> = {
      [SAMPLE_ARXIV_IDS.gopher]: /Rae et al\.|\[\d+(, \d+)*\]/,
      [SAMPLE_ARXIV_IDS.scalingLaws]: /Kaplan et al\.|\[\d+(, \d+)*\]/,
    };
    for (const [arxivId, marker] of Object.entries(markers)) {
      const offending = edgesOf(arxivId).flatMap((edge) => edge.contexts).filter((context) => !marker.test(context));
      expect(offending).toEqual([]);
    }
  });

  it('dates citing papers 2020–2026, after the target, and references before the citing paper', () => {
    for (const arxivId of [SAMPLE_ARXIV_IDS.gopher, SAMPLE_ARXIV_IDS.scalingLaws]) {
      const target = paperOf(arxivId);
      for (const { citingPaper } of edgesOf(arxivId)) {
        expect(citingPaper.year).toBeGreaterThanOrEqual(2020);
        expect(citingPaper.year).toBeLessThanOrEqual(2026);
        expect(citingPaper.publicationDate > target.publicationDate).toBe(true);
        for (const ref of dataset.referencesOf[citingPaper.paperId] ?? []) {
          expect((dataset.papers[ref]?.publicationDate ?? '') < citingPaper.publicationDate).toBe(true);
        }
      }
    }
  });
});
