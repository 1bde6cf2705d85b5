import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  CITING_IDENTITIES,
  CO_CITED_WORKS,
  EXPLORER_DATES,
  GOPHER_EXPLORER_DATES,
  GOPHER_WORK,
  SCALING_LAWS_WORK,
  SIMILAR_PAPER_YEARS,
  type KnownWork,
} from './catalog';
import { generateContexts, type MarkerStyle, type TargetKey } from './citationContexts';
import { TOPICS, generateAuthorNames, generatePaperText, generateVenue, topicFor, type Topic } from './generatedPapers';
import { SAMPLE_DATASET_FILE, SAMPLE_REFERENCE_DIR } from './paths';
import { createRng, stableNumber, stablePaperId, type Rng } from './random';
import { buildReferenceEdges } from './referenceEdges';
import { readReferenceMaterial, type HubCapture } from './referenceMaterial';
import {
  SAMPLE_ARXIV_IDS,
  type SampleCitationEdgeJson,
  type SamplePaperJson,
  type SampleRecommendationJson,
  type SampleReferenceEdgeJson,
  type SampleS2Dataset,
  type SampleIntent,
} from './types';

/*
 * Builds the Semantic Scholar-shaped dataset behind the offline demo and the e2e tests: the two
 * reference papers (Gopher, a hub; Scaling Laws, a super hub and canonical reference), their citing
 * papers with contexts and intents, the reference lists that drive co-citation, recommendations, and
 * full records for every paper mentioned. Real text from shared/reference is used wherever it exists;
 * the rest is generated from seeded templates (see tests/fixtures/sample/README.md).
 *
 * Run: npx tsx scripts/sample/buildSampleData.ts
 */

export interface SampleDataOptions {
  referenceDir?: string;
  seed?: number;
  /** Citing papers of Scaling Laws (a super hub needs ≥ 1,000). */
  scalingLawsCitingCount?: number;
}

export const DEFAULT_SEED = 20_260_101;
export const DEFAULT_SCALING_LAWS_CITING_COUNT = 1_050;

/** Role mix per target among citing papers with contexts. Scaling Laws' background share comes from the capture. */
const OTHER_ROLE_SPLIT: Record<TargetKey, { methodology: number; result: number }> = {
  gopher: { methodology: 0.64, result: 0.36 },
  scalingLaws: { methodology: 0.7, result: 0.3 },
};
/** Gopher's capture shows only "background 4" (4 classified, all background): mostly background, not all. */
const GOPHER_BACKGROUND_SHARE = 0.78;
/** Share of edges whose citing paper has no parsed full text (contexts: [], intents: []). */
const NO_CONTEXT_SHARE = 0.14;
/** Among edges with contexts: all sentences labelled / none labelled / mixed. */
const LABELLING_WEIGHTS: Record<'all' | 'none' | 'mixed', number> = { all: 0.62, none: 0.23, mixed: 0.15 };
const INFLUENTIAL_SHARE = 0.1;
/** Generated papers' years, weighted like the growth of the literature. */
const GOPHER_YEAR_WEIGHTS: [number, number][] = [[2022, 18], [2023, 22], [2024, 25], [2025, 25], [2026, 10]];
const SCALING_LAWS_YEAR_WEIGHTS: [number, number][] = [[2020, 3], [2021, 7], [2022, 12], [2023, 19], [2024, 24], [2025, 25], [2026, 10]];
/** Latest date a generated paper may carry (the 2026 captures). */
const LATEST_DATE = '2026-06-30';

/**
 * How likely a citing paper of each target is to also cite each well-known work (when the work is
 * older than the citing paper). These drive the co-citation ranking: the works named most often in
 * the captures' field (GPT-3, Chinchilla, PaLM, the Transformer, …) come out on top.
 */
const CO_CITATION_PROBABILITY: Record<TargetKey, Record<string, number>> = {
  gopher: {
    gpt3: 0.92, scalingLaws: 0, chinchilla: 0.74, palm: 0.66, attention: 0.55, mtNlg: 0.45, t5: 0.4, lamda: 0.36,
    retro: 0.3, ethicalRisks: 0.26, jurassic: 0.24, bert: 0.28, cot: 0.3, llama: 0.34, emergent: 0.25, instructGpt: 0.3,
    opt: 0.28, mmlu: 0.3, pile: 0.22, flan: 0.18, bloom: 0.18, megatronLm: 0.14, gpt2: 0.2, switch: 0.12,
    hestness: 0.06, henighan: 0.06, adam: 0.1, pythia: 0.1, dataConstrained: 0.08,
  },
  scalingLaws: {
    gpt3: 0.72, attention: 0.62, chinchilla: 0.58, gpt2: 0.42, bert: 0.36, llama: 0.4, palm: 0.34, t5: 0.32,
    hestness: 0.3, henighan: 0.26, adam: 0.25, emergent: 0.24, instructGpt: 0.22, megatronLm: 0.18, switch: 0.15,
    pile: 0.15, pythia: 0.14, dataConstrained: 0.12, mmlu: 0.14, cot: 0.14, flan: 0.1, opt: 0.1, bloom: 0.09,
    mtNlg: 0.08, lamda: 0.06, retro: 0.07, jurassic: 0.03, ethicalRisks: 0.04,
  },
};

/** Reference lists of the best-known citing papers, so their co-citations look like the real papers'. */
const FORCED_REFERENCES: Record<string, string[]> = {
  gopher: ['gpt3', 'attention', 't5', 'megatronLm', 'gpt2', 'pile', 'jurassic', 'hestness', 'henighan', 'retro', 'ethicalRisks', 'mmlu', 'switch', 'bert', 'adam'],
  chinchilla: ['gpt3', 'mtNlg', 'jurassic', 'retro', 't5', 'attention', 'pile', 'mmlu', 'henighan', 'hestness', 'lamda', 'switch'],
  palm: ['gpt3', 'chinchilla', 'mtNlg', 'lamda', 't5', 'attention', 'cot', 'mmlu', 'jurassic', 'megatronLm', 'switch'],
};

/** Works that may share a citation marker with the target ("(Kaplan et al., 2020; Hoffmann et al., 2022)"): topical neighbours only. */
const MARKER_COMPANIONS: Record<TargetKey, string[]> = {
  gopher: ['Brown et al., 2020', 'Hoffmann et al., 2022', 'Chowdhery et al., 2022', 'Smith et al., 2022', 'Thoppilan et al., 2022', 'Lieber et al., 2021', 'Touvron et al., 2023', 'Zhang et al., 2022', 'Le Scao et al., 2022'],
  scalingLaws: ['Hestness et al., 2017', 'Henighan et al., 2020', 'Hoffmann et al., 2022', 'Brown et al., 2020', 'Muennighoff et al., 2023', 'Biderman et al., 2023'],
};

/** The works of the sample that Scaling Laws itself cites (it predates everything else here). */
const SCALING_LAWS_REFERENCES = ['hestness', 'attention', 'gpt2', 'bert', 'adam', 'megatronLm', 't5'];

/**
 * Entries of the targets' reference lists S2 does not resolve to a paper (listed by title only), and
 * references they report but S2 does not list at all: "lists 17 of 19 references".
 */
const UNRESOLVED_REFERENCES: Record<TargetKey, string[]> = {
  gopher: ['Perspective API', 'Common Crawl'],
  scalingLaws: ['WebText2 (internal dataset)'],
};
const UNLISTED_REFERENCES: Record<TargetKey, number> = { gopher: 2, scalingLaws: 1 };
/** A stream of its own, so the reference edges never shift what the rest of the dataset draws. */
const REFERENCE_EDGES_SEED_OFFSET = 16;

/** Role of a few real citation edges, where the real paper's use of the target is well known. */
const FORCED_ROLES: Record<TargetKey, Record<string, SampleIntent>> = {
  gopher: { chinchilla: 'result', palm: 'result', llama: 'result', retro: 'methodology' },
  scalingLaws: { chinchilla: 'result', gopher: 'methodology', pythia: 'methodology', dataConstrained: 'result', henighan: 'methodology' },
};

interface PaperDraft {
  key: string;
  paperId: string;
  title: string;
  abstract: string | null;
  tldr: string | null;
  arxivId: string | null;
  publicationDate: string;
  authors: string[];
  venue: string;
  citationCount: number;
  influentialCitationCount: number;
  referenceCount: number;
  topic: Topic;
  /** Short cite ("Kaplan et al., 2020") for works other papers name in their sentences. */
  shortCite: string | null;
}

function yearOf(date: string): number {
  return Number(date.slice(0, 4));
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}

/** A date inside `year`, after `notBefore`, not after LATEST_DATE. */
function drawDate(rng: Rng, year: number, notBefore: string): string {
  for (let attempt = 0; attempt < 50; attempt++) {
    const date = `${year}-${pad(rng.int(1, 12))}-${pad(rng.int(1, 28))}`;
    if (date > notBefore && date <= LATEST_DATE) return date;
  }
  return notBefore < `${year}-12-28` ? `${year}-12-28` : notBefore;
}

/** Dates the similar-papers capture lacks: a fixed day inside the known year, derived from the title. */
function dateForYear(year: number, title: string): string {
  const month = stableNumber(`month:${title}`, 1, year === 2026 ? 7 : 13);
  const day = stableNumber(`day:${title}`, 1, 29);
  return `${year}-${pad(month)}-${pad(day)}`;
}

function weightedYear(rng: Rng, weights: [number, number][]): number {
  const index = rng.weightedIndex(weights.map(([, weight]) => weight));
  return (weights[index] ?? weights[0] ?? [2024, 1])[0];
}

/** Citation counts of generated papers grow with age; a few become highly cited. */
function drawCitationCount(rng: Rng, year: number): number {
  const age = Math.max(0, 2026 - year);
  const base = Math.floor(rng.next() ** 3 * 60 * (age + 0.5));
  return rng.chance(0.03) ? base * 20 + rng.int(50, 400) : base;
}

function toPaperJson(draft: PaperDraft): SamplePaperJson {
  const corpusId = stableNumber(`corpus:${draft.key}`, 200_000_000, 290_000_000);
  return {
    paperId: draft.paperId,
    externalIds: draft.arxivId
      ? { ArXiv: draft.arxivId, DOI: `10.48550/arXiv.${draft.arxivId}`, CorpusId: corpusId }
      : { CorpusId: corpusId },
    corpusId,
    url: `https://www.semanticscholar.org/paper/${draft.paperId}`,
    title: draft.title,
    abstract: draft.abstract,
    venue: draft.venue,
    year: yearOf(draft.publicationDate),
    publicationDate: draft.publicationDate,
    authors: draft.authors.map((name) => ({ authorId: String(stableNumber(`author:${name}`, 1_000_000, 2_300_000_000)), name })),
    citationCount: draft.citationCount,
    influentialCitationCount: draft.influentialCitationCount,
    referenceCount: draft.referenceCount,
    tldr: draft.tldr ? { model: 'tldr@v2.0.0', text: draft.tldr } : null,
    openAccessPdf: draft.arxivId ? { url: `https://arxiv.org/pdf/${draft.arxivId}`, status: 'GREEN' } : null,
  };
}

function toRecommendationJson(paper: SamplePaperJson): SampleRecommendationJson {
  const { tldr: _tldr, referenceCount: _referenceCount, ...recommendation } = paper;
  return recommendation;
}

class Registry {
  private readonly drafts = new Map<string, PaperDraft>();
  private readonly byTitle = new Map<string, PaperDraft>();

  add(draft: PaperDraft): PaperDraft {
    if (this.drafts.has(draft.key)) throw new Error(`duplicate sample paper key ${draft.key}`);
    this.drafts.set(draft.key, draft);
    this.byTitle.set(draft.title.toLowerCase(), draft);
    return draft;
  }

  get(key: string): PaperDraft {
    const draft = this.drafts.get(key);
    if (!draft) throw new Error(`unknown sample paper key ${key}`);
    return draft;
  }

  findByTitle(title: string): PaperDraft | undefined {
    return this.byTitle.get(title.toLowerCase());
  }

  all(): PaperDraft[] {
    return [...this.drafts.values()];
  }
}

function workDraft(work: KnownWork, abstract: string | null, tldr: string | null): PaperDraft {
  return {
    key: work.key,
    paperId: stablePaperId(work.arxivId ? `arxiv:${work.arxivId}` : `title:${work.title}`),
    title: work.title,
    abstract,
    tldr: tldr ?? work.tldr ?? null,
    arxivId: work.arxivId ?? null,
    publicationDate: work.publicationDate,
    authors: work.authors,
    venue: work.venue,
    citationCount: work.citationCount,
    influentialCitationCount: Math.round(work.citationCount * 0.08),
    // Overwritten by the reference list for papers that have one in the sample (citing papers, targets).
    referenceCount: stableNumber(`refs:${work.key}`, 20, 80),
    topic: topicFor(work.title, TOPICS[0] as Topic),
    shortCite: work.shortCite,
  };
}

/** TL;DR lines of every capture, so a catalogued work that also appears as a citing paper gets its real TL;DR. */
function captureTldrs(captures: HubCapture[]): string[] {
  return captures.flatMap((capture) => [capture.bannerTldr, ...capture.representativeTldrs, ...capture.explorer.map((row) => row.tldr)]);
}

function tldrFor(tldrs: string[], prefix: string): string | null {
  return tldrs.find((line) => line.startsWith(prefix)) ?? null;
}

/** The citing papers a capture names (banner, representative TL;DRs, explorer rows), as registry keys. */
function capturedCiters(rng: Rng, registry: Registry, capture: HubCapture): string[] {
  const keys: string[] = [];
  const seenTldrs = new Set<string>();
  // Explorer rows first: they carry titles, and the same paper may also be a representative TL;DR.
  const rows: { tldr: string; title: string | null }[] = [
    ...capture.explorer.map((row) => ({ tldr: row.tldr, title: row.title })),
    { tldr: capture.bannerTldr, title: null },
    ...capture.representativeTldrs.map((tldr) => ({ tldr, title: null })),
  ];
  for (const row of rows) {
    if (seenTldrs.has(row.tldr)) continue;
    seenTldrs.add(row.tldr);
    const identity = CITING_IDENTITIES.find((candidate) => row.tldr.startsWith(candidate.tldrStartsWith));
    if (identity && 'workKey' in identity) {
      keys.push(identity.workKey);
      continue;
    }
    const title = identity?.title ?? row.title;
    if (!title) throw new Error(`no title for captured TL;DR "${row.tldr.slice(0, 60)}…"`);
    const existing = registry.findByTitle(title);
    if (existing) {
      keys.push(existing.key);
      continue;
    }
    const extra = GOPHER_EXPLORER_DATES[title];
    const publicationDate = identity?.publicationDate ?? extra?.publicationDate ?? EXPLORER_DATES[title];
    if (!publicationDate) throw new Error(`no date for captured citing paper "${title}"`);
    const arxivId = identity?.arxivId ?? extra?.arxivId ?? null;
    const key = `captured:${title}`;
    registry.add({
      key,
      paperId: stablePaperId(arxivId ? `arxiv:${arxivId}` : `title:${title}`),
      title,
      abstract: null,
      tldr: row.tldr,
      arxivId,
      publicationDate,
      authors: identity?.authors ?? extra?.authors ?? generateAuthorNames(rng, rng.int(3, 7)),
      venue: identity?.venue ?? 'arXiv.org',
      citationCount: drawCitationCount(rng, yearOf(publicationDate)),
      influentialCitationCount: 0,
      referenceCount: 0,
      topic: topicFor(`${title} ${row.tldr}`, rng.pick(TOPICS)),
      shortCite: null,
    });
    keys.push(key);
  }
  return keys;
}

function generatedCiter(rng: Rng, registry: Registry, index: number, yearWeights: [number, number][], notBefore: string): string {
  const topic = rng.pick(TOPICS);
  let text = generatePaperText(rng, topic);
  for (let attempt = 0; registry.findByTitle(text.title) && attempt < 20; attempt++) text = generatePaperText(rng, topic);
  if (registry.findByTitle(text.title)) text = { ...text, title: `${text.title} (${index})` };
  const publicationDate = drawDate(rng, weightedYear(rng, yearWeights), notBefore);
  const citationCount = drawCitationCount(rng, yearOf(publicationDate));
  const key = `generated:${index}`;
  registry.add({
    key,
    paperId: stablePaperId(key),
    title: text.title,
    abstract: null,
    tldr: rng.chance(0.85) ? text.tldr : null,
    arxivId: null,
    publicationDate,
    authors: generateAuthorNames(rng, rng.int(2, 5)),
    venue: generateVenue(rng),
    citationCount,
    influentialCitationCount: Math.floor(citationCount * rng.int(3, 12) / 100),
    referenceCount: 0,
    topic,
    shortCite: null,
  });
  return key;
}

/** Exact role counts in the configured proportions, shuffled; forced roles are honoured first. */
function assignRoles(rng: Rng, target: TargetKey, keysWithContexts: string[], backgroundShare: number): Map<string, SampleIntent> {
  const roles = new Map<string, SampleIntent>();
  const forced = FORCED_ROLES[target];
  const total = keysWithContexts.length;
  const background = Math.round(total * backgroundShare);
  const methodology = Math.round((total - background) * OTHER_ROLE_SPLIT[target].methodology);
  const remaining: Record<SampleIntent, number> = { background, methodology, result: total - background - methodology };
  for (const key of keysWithContexts) {
    const role = forced[key];
    if (role && remaining[role] > 0) {
      roles.set(key, role);
      remaining[role]--;
    }
  }
  const pool: SampleIntent[] = [
    ...Array<SampleIntent>(remaining.background).fill('background'),
    ...Array<SampleIntent>(remaining.methodology).fill('methodology'),
    ...Array<SampleIntent>(remaining.result).fill('result'),
  ];
  const shuffled = rng.shuffle(pool);
  for (const key of keysWithContexts) {
    if (!roles.has(key)) roles.set(key, shuffled.pop() ?? 'background');
  }
  return roles;
}

const LABELLINGS = ['all', 'none', 'mixed'] as const;
type Labelling = (typeof LABELLINGS)[number];

/** Which sentences of an edge carry their intent: S2 labels some sentences of a paper and not others. */
function labelMask(rng: Rng, labelling: Labelling, count: number): boolean[] {
  return Array.from({ length: count }, (_, index) => {
    if (labelling !== 'mixed') return labelling === 'all';
    // Mixed: the first sentence labelled, the last of several not, the ones between at random.
    if (index === 0) return true;
    const drawn = rng.chance(0.4);
    return drawn && index < count - 1;
  });
}

function markerStyle(rng: Rng): MarkerStyle {
  return { kind: rng.chance(0.6) ? 'author-year' : 'numeric', number: rng.int(1, 72) };
}

function buildEdges(
  rng: Rng,
  registry: Registry,
  target: TargetKey,
  citerKeys: string[],
  referencesOf: Map<string, string[]>,
  backgroundShare: number,
): SampleCitationEdgeJson[] {
  const targetDraft = registry.get(target);
  const withContexts = citerKeys.filter(() => !rng.chance(NO_CONTEXT_SHARE));
  const roles = assignRoles(rng, target, withContexts, backgroundShare);
  const influentialCount = Math.round(citerKeys.length * INFLUENTIAL_SHARE);
  const influenceWeight = (key: string): number => {
    const role = roles.get(key);
    return role === undefined ? 0.3 : role === 'background' ? 1 : 4;
  };
  // Weighted sampling without replacement (Efraimidis–Spirakis keys).
  const influential = new Set(
    citerKeys
      .map((key) => ({ key, score: rng.next() ** (1 / influenceWeight(key)) }))
      .sort((a, b) => b.score - a.score)
      .slice(0, influentialCount)
      .map(({ key }) => key),
  );

  return citerKeys.map((key) => {
    const citer = registry.get(key);
    const role = roles.get(key);
    const contextsWithIntent: { context: string; intents: string[] }[] = [];
    if (role) {
      const count = rng.weightedIndex([55, 30, 15]) + 1;
      const coCitedShortCites = (referencesOf.get(key) ?? [])
        .map((refKey) => registry.get(refKey).shortCite)
        .filter((cite): cite is string => cite !== null && MARKER_COMPANIONS[target].includes(cite));
      const contexts = generateContexts(rng, {
        target,
        role,
        count,
        topic: citer.topic,
        marker: markerStyle(rng),
        targetShortCite: targetDraft.shortCite ?? '',
        coCitedShortCites,
        citingDate: citer.publicationDate,
      });
      const labelling = LABELLINGS[rng.weightedIndex(LABELLINGS.map((kind) => LABELLING_WEIGHTS[kind]))] ?? 'all';
      const mask = labelMask(rng, labelling, contexts.length);
      contexts.forEach((context, index) => {
        contextsWithIntent.push({ context: context.text, intents: mask[index] ? [context.role] : [] });
      });
    }
    const intents = [...new Set(contextsWithIntent.flatMap((context) => context.intents))];
    const citing = toPaperJson(citer);
    return {
      contexts: contextsWithIntent.map((context) => context.context),
      intents,
      contextsWithIntent,
      isInfluential: influential.has(key),
      citingPaper: {
        paperId: citing.paperId,
        title: citing.title,
        year: citing.year,
        authors: citing.authors,
        venue: citing.venue,
        citationCount: citing.citationCount,
        influentialCitationCount: citing.influentialCitationCount,
        externalIds: citing.externalIds,
        publicationDate: citing.publicationDate,
      },
    };
  });
}

/** Reference lists of the citing papers (sorted by date), setting their referenceCount to match. */
function buildReferenceLists(
  rng: Rng,
  registry: Registry,
  allCiters: string[],
  citersOf: Record<TargetKey, string[]>,
  recommendedKeys: string[],
): Map<string, string[]> {
  const referencesOf = new Map<string, string[]>();
  const coCitedKeys = CO_CITED_WORKS.map((work) => work.key);
  for (const key of allCiters) {
    const citer = registry.get(key);
    const isOlder = (otherKey: string): boolean => otherKey !== key && registry.get(otherKey).publicationDate < citer.publicationDate;
    const targets = (['gopher', 'scalingLaws'] as const).filter((target) => citersOf[target].includes(key));
    const references = new Set<string>(targets);
    for (const forced of FORCED_REFERENCES[key] ?? []) {
      if (isOlder(forced)) references.add(forced);
    }
    for (const workKey of coCitedKeys) {
      const probability = Math.max(...targets.map((target) => CO_CITATION_PROBABILITY[target][workKey] ?? 0));
      if (isOlder(workKey) && rng.chance(probability)) references.add(workKey);
    }
    const olderSimilar = recommendedKeys.filter((other) => isOlder(other) && !coCitedKeys.includes(other) && other !== 'scalingLaws');
    for (const other of rng.sample(olderSimilar, rng.int(1, 3))) references.add(other);
    const olderCiters = allCiters.filter((other) => isOlder(other) && !coCitedKeys.includes(other) && !other.startsWith('similar:'));
    for (const other of rng.sample(olderCiters, rng.int(0, 1))) references.add(other);
    // A paper cites a target exactly when it is among that target's citing papers.
    for (const target of ['gopher', 'scalingLaws'] as const) {
      if (!targets.includes(target)) references.delete(target);
    }
    referencesOf.set(key, [...references]);
    citer.referenceCount = references.size;
  }
  return referencesOf;
}

export function buildSampleDataset(options: SampleDataOptions = {}): SampleS2Dataset {
  const rng = createRng(options.seed ?? DEFAULT_SEED);
  const material = readReferenceMaterial(options.referenceDir ?? SAMPLE_REFERENCE_DIR);
  const scalingLawsTotal = options.scalingLawsCitingCount ?? DEFAULT_SCALING_LAWS_CITING_COUNT;
  const tldrs = captureTldrs([material.gopher, material.scalingLaws]);
  const similarAbstract = new Map(material.similarToGopher.map((paper) => [paper.title.toLowerCase(), paper.abstract]));
  const registry = new Registry();

  // Targets: real title and abstract from the captures; Gopher's TL;DR from its Q&A digest (Scaling Laws has none, like many S2 records).
  registry.add({ ...workDraft(GOPHER_WORK, material.gopher.abstract, material.gopherDigestTldr), title: material.gopher.title });
  registry.add({ ...workDraft(SCALING_LAWS_WORK, material.scalingLaws.abstract, null), title: material.scalingLaws.title });

  // Well-known co-cited works; abstracts from the similar-papers capture, TL;DRs from the hub captures when shown there.
  for (const work of CO_CITED_WORKS) {
    const identity = CITING_IDENTITIES.find((candidate) => 'workKey' in candidate && candidate.workKey === work.key);
    const tldr = identity ? tldrFor(tldrs, identity.tldrStartsWith) : null;
    registry.add(workDraft(work, similarAbstract.get(work.title.toLowerCase()) ?? null, tldr));
  }

  // Every similar paper gets a full record (the recommendations for Gopher).
  const recommendedKeys: string[] = [];
  for (const similar of material.similarToGopher) {
    const existing = registry.findByTitle(similar.title);
    if (existing) {
      if (existing.key !== 'gopher') recommendedKeys.push(existing.key);
      continue;
    }
    const year = SIMILAR_PAPER_YEARS[similar.title];
    if (year === undefined) throw new Error(`no year for similar paper "${similar.title}"`);
    const key = `similar:${similar.title}`;
    const citationCount = stableNumber(`cites:${similar.title}`, 5, 60) * (2026 - year + 1) ** 2;
    registry.add({
      key,
      paperId: stablePaperId(`title:${similar.title}`),
      title: similar.title,
      abstract: similar.abstract,
      tldr: null,
      arxivId: null,
      publicationDate: dateForYear(year, similar.title),
      authors: generateAuthorNames(rng, rng.int(3, 8)),
      venue: generateVenue(rng),
      citationCount,
      influentialCitationCount: Math.round(citationCount * 0.07),
      referenceCount: stableNumber(`refs:${similar.title}`, 25, 90),
      topic: topicFor(similar.title, rng.pick(TOPICS)),
      shortCite: null,
    });
    recommendedKeys.push(key);
  }

  // Citing papers of Gopher: the captured ones, real works known to cite it, then generated papers up to the captured count.
  const gopherTotal = material.gopher.citingCount ?? 51;
  const gopherCiters = [...capturedCiters(rng, registry, material.gopher), 'chinchilla', 'palm', 'emergent', 'llama'];
  let generatedIndex = 0;
  while (gopherCiters.length < gopherTotal) {
    gopherCiters.push(generatedCiter(rng, registry, generatedIndex++, GOPHER_YEAR_WEIGHTS, GOPHER_WORK.publicationDate));
  }
  if (gopherCiters.length !== gopherTotal || new Set(gopherCiters).size !== gopherTotal) {
    throw new Error(`Gopher citing papers: expected ${gopherTotal} distinct, got ${gopherCiters.length}`);
  }

  // Citing papers of Scaling Laws: captured ones, real works, most of Gopher's citers, scaling-law papers from the similar list, then generated.
  const scalingLawsCiters = new Set<string>(capturedCiters(rng, registry, material.scalingLaws));
  for (const key of ['gopher', 'gpt3', 'chinchilla', 'palm', 'emergent', 'flan', 'llama', 'opt', 'bloom', 'mtNlg', 'dataConstrained', 'henighan', 'switch', 'retro', 'lamda', 'pythia', 'pile']) {
    scalingLawsCiters.add(key);
  }
  for (const key of gopherCiters) {
    if (rng.chance(0.8)) scalingLawsCiters.add(key);
  }
  for (const key of recommendedKeys) {
    const draft = registry.get(key);
    if (key !== 'scalingLaws' && /scaling laws?\b|compute-optimal/i.test(draft.title) && yearOf(draft.publicationDate) >= 2020) scalingLawsCiters.add(key);
  }
  while (scalingLawsCiters.size < scalingLawsTotal) {
    scalingLawsCiters.add(generatedCiter(rng, registry, generatedIndex++, SCALING_LAWS_YEAR_WEIGHTS, SCALING_LAWS_WORK.publicationDate));
  }

  const citersOf: Record<TargetKey, string[]> = { gopher: gopherCiters, scalingLaws: [...scalingLawsCiters] };
  for (const target of ['gopher', 'scalingLaws'] as const) {
    const targetDate = registry.get(target).publicationDate;
    for (const key of citersOf[target]) {
      if (registry.get(key).publicationDate <= targetDate) throw new Error(`${key} predates the ${target} paper it cites`);
    }
  }

  // Reference lists: the targets each paper cites, well-known works by probability, a few similar and earlier citing papers.
  const allCiters = [...new Set([...citersOf.gopher, ...citersOf.scalingLaws])].sort((a, b) =>
    registry.get(a).publicationDate.localeCompare(registry.get(b).publicationDate) || a.localeCompare(b),
  );
  const referencesOf = buildReferenceLists(rng, registry, allCiters, citersOf, recommendedKeys);

  // Citation edges; target counts follow the edges.
  const citationsOf: Record<string, SampleCitationEdgeJson[]> = {};
  for (const target of ['gopher', 'scalingLaws'] as const) {
    const share = target === 'gopher' ? GOPHER_BACKGROUND_SHARE : (material.scalingLaws.backgroundShare ?? 0.83);
    const edges = buildEdges(rng, registry, target, citersOf[target], referencesOf, share);
    edges.sort((a, b) => b.citingPaper.publicationDate.localeCompare(a.citingPaper.publicationDate) || a.citingPaper.paperId.localeCompare(b.citingPaper.paperId));
    const draft = registry.get(target);
    draft.citationCount = edges.length;
    draft.influentialCitationCount = edges.filter((edge) => edge.isInfluential).length;
    citationsOf[draft.paperId] = edges;
  }
  // Scaling Laws cites none of the other targets; its list holds the older works of the sample it really cites.
  const scalingLawsReferences = SCALING_LAWS_REFERENCES.filter((key) => registry.get(key).publicationDate < SCALING_LAWS_WORK.publicationDate);
  referencesOf.set('scalingLaws', scalingLawsReferences);
  registry.get('scalingLaws').referenceCount = scalingLawsReferences.length;

  // The targets report their listed references plus those S2 only has by title and a few it does not list.
  for (const target of ['gopher', 'scalingLaws'] as const) {
    registry.get(target).referenceCount = (referencesOf.get(target) ?? []).length + UNRESOLVED_REFERENCES[target].length + UNLISTED_REFERENCES[target];
  }

  // Edges were serialised before the targets' counts were final: refresh nested copies of the targets.
  const papers: Record<string, SamplePaperJson> = {};
  for (const draft of registry.all()) papers[draft.paperId] = toPaperJson(draft);
  for (const edges of Object.values(citationsOf)) {
    for (const edge of edges) {
      const fresh = papers[edge.citingPaper.paperId];
      if (fresh) {
        edge.citingPaper.citationCount = fresh.citationCount;
        edge.citingPaper.influentialCitationCount = fresh.influentialCitationCount;
      }
    }
  }

  const referencesById: Record<string, string[]> = {};
  for (const key of [...allCiters, 'scalingLaws']) {
    referencesById[registry.get(key).paperId] = (referencesOf.get(key) ?? []).map((refKey) => registry.get(refKey).paperId);
  }

  const gopherId = registry.get('gopher').paperId;
  const scalingLawsId = registry.get('scalingLaws').paperId;
  const scalingLawsRecommendations = recommendedKeys
    .filter((key) => key !== 'scalingLaws' && /scaling laws?\b|compute-optimal/i.test(registry.get(key).title))
    .concat(['gopher', 'emergent']);
  const asRecommendations = (keys: string[]) => keys.map((key) => toRecommendationJson(papers[registry.get(key).paperId] as SamplePaperJson));
  // Scaling Laws' 'recent' pool is, as for famous papers on S2, mostly its own citing papers; its
  // 'all-cs' pool is the broader scaling-LM neighbourhood, so the panel's fallback has work to do.
  const recommendationsOf: Record<string, SampleRecommendationJson[]> = {
    [gopherId]: asRecommendations(recommendedKeys),
    [scalingLawsId]: asRecommendations(recommendedKeys.filter((key) => key !== 'scalingLaws')),
  };
  const recentRecommendationsOf: Record<string, SampleRecommendationJson[]> = {
    [scalingLawsId]: asRecommendations(scalingLawsRecommendations),
  };

  const arxivToPaperId: Record<string, string> = {};
  for (const draft of registry.all()) {
    if (draft.arxivId) arxivToPaperId[draft.arxivId] = draft.paperId;
  }
  if (arxivToPaperId[SAMPLE_ARXIV_IDS.notIndexed]) throw new Error('the not-indexed sample id must stay unknown');

  const referenceRng = createRng((options.seed ?? DEFAULT_SEED) + REFERENCE_EDGES_SEED_OFFSET);
  const referenceEdgesOf: Record<string, SampleReferenceEdgeJson[]> = {};
  for (const target of ['gopher', 'scalingLaws'] as const) {
    const targetId = registry.get(target).paperId;
    referenceEdgesOf[targetId] = buildReferenceEdges(referenceRng, {
      cited: (referencesOf.get(target) ?? []).map((key) => ({ paper: papers[registry.get(key).paperId] as SamplePaperJson, shortCite: registry.get(key).shortCite })),
      citationEdgeOf: (citedId) => citationsOf[citedId]?.find((edge) => edge.citingPaper.paperId === targetId),
      unresolvedTitles: UNRESOLVED_REFERENCES[target],
    });
  }

  return { papers, citationsOf, referencesOf: referencesById, recommendationsOf, recentRecommendationsOf, arxivToPaperId, referenceEdgesOf };
}

/** The exact bytes written to tests/fixtures/sample/s2-dataset.json. */
export function serializeSampleDataset(dataset: SampleS2Dataset): string {
  return `${JSON.stringify(dataset)}\n`;
}

export interface SampleDatasetSummary {
  papers: number;
  citing: Record<string, number>;
  influential: Record<string, number>;
  /** Share of edges with source intents whose intents are background only. */
  labelledBackgroundShare: Record<string, number>;
  edgesWithContexts: Record<string, number>;
  bytes: number;
}

export function summarizeSampleDataset(dataset: SampleS2Dataset): SampleDatasetSummary {
  const summary: SampleDatasetSummary = {
    papers: Object.keys(dataset.papers).length,
    citing: {},
    influential: {},
    labelledBackgroundShare: {},
    edgesWithContexts: {},
    bytes: Buffer.byteLength(serializeSampleDataset(dataset)),
  };
  for (const [arxivId, paperId] of Object.entries(dataset.arxivToPaperId)) {
    const edges = dataset.citationsOf[paperId];
    if (!edges) continue;
    const labelled = edges.filter((edge) => edge.intents.length > 0);
    summary.citing[arxivId] = edges.length;
    summary.influential[arxivId] = edges.filter((edge) => edge.isInfluential).length;
    summary.labelledBackgroundShare[arxivId] = labelled.filter((edge) => edge.intents.every((intent) => intent === 'background')).length / labelled.length;
    summary.edgesWithContexts[arxivId] = edges.filter((edge) => edge.contexts.length > 0).length;
  }
  return summary;
}

function main(): void {
  const dataset = buildSampleDataset();
  mkdirSync(dirname(SAMPLE_DATASET_FILE), { recursive: true });
  writeFileSync(SAMPLE_DATASET_FILE, serializeSampleDataset(dataset));
  console.log(JSON.stringify(summarizeSampleDataset(dataset), null, 2));
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();
