/*
 * The in-memory Semantic Scholar dataset the offline demo and the e2e tests serve through route
 * interception. Every object is raw S2 JSON, shaped exactly as the Graph API returns it (see
 * shared/docs/data-sources.md §1 and shared/fixtures/s2-recorded), so the real client code parses it.
 * Declared here rather than imported so the fixture builder does not depend on the adapter's schemas.
 */

export interface SampleAuthorJson {
  authorId: string | null;
  name: string;
}

export interface SampleExternalIdsJson {
  ArXiv?: string;
  DOI?: string;
  CorpusId: number;
}

export interface SampleTldrJson {
  model: string;
  text: string;
}

export interface SampleOpenAccessPdfJson {
  url: string;
  status: string | null;
}

/** A full paper object, as `/paper/{id}` and `/paper/batch` return it with the client's fields. */
export interface SamplePaperJson {
  paperId: string;
  externalIds: SampleExternalIdsJson;
  corpusId: number;
  url: string;
  title: string;
  abstract: string | null;
  venue: string;
  year: number;
  publicationDate: string;
  authors: SampleAuthorJson[];
  citationCount: number;
  influentialCitationCount: number;
  referenceCount: number;
  tldr: SampleTldrJson | null;
  openAccessPdf: SampleOpenAccessPdfJson | null;
}

/** The nested paper on a `/paper/{id}/citations` edge (the client never asks for tldr there). */
export type SampleCitingPaperJson = Pick<
  SamplePaperJson,
  | 'paperId'
  | 'title'
  | 'year'
  | 'authors'
  | 'venue'
  | 'citationCount'
  | 'influentialCitationCount'
  | 'externalIds'
  | 'publicationDate'
>;

export interface SampleContextWithIntentJson {
  context: string;
  intents: string[];
}

export interface SampleCitationEdgeJson {
  contexts: string[];
  intents: string[];
  contextsWithIntent: SampleContextWithIntentJson[];
  isInfluential: boolean;
  citingPaper: SampleCitingPaperJson;
}

/** A reference edge as `/paper/{id}/references` lists it; `paperId` null for an entry S2 could not resolve. */
export interface SampleReferenceEdgeJson {
  contexts: string[];
  intents: string[];
  contextsWithIntent: SampleContextWithIntentJson[];
  isInfluential: boolean;
  citedPaper: Partial<Omit<SampleCitingPaperJson, 'paperId'>> & { paperId: string | null; title: string };
}

/** A recommendation row: the paper without tldr (the Recommendations API rejects that field). */
export type SampleRecommendationJson = Omit<SamplePaperJson, 'tldr' | 'referenceCount'>;

export interface SampleS2Dataset {
  papers: Record<string, SamplePaperJson>;
  citationsOf: Record<string, SampleCitationEdgeJson[]>;
  referencesOf: Record<string, string[]>;
  recommendationsOf: Record<string, SampleRecommendationJson[]>;
  /** `from=recent` pool where it differs from `recommendationsOf` (the `all-cs` pool). */
  recentRecommendationsOf?: Record<string, SampleRecommendationJson[]>;
  arxivToPaperId: Record<string, string>;
  /** The two targets' own reference edges (contexts, intents, influence; some unresolved). */
  referenceEdgesOf: Record<string, SampleReferenceEdgeJson[]>;
}

/** The three arXiv ids the demo and the e2e tests revolve around. */
export const SAMPLE_ARXIV_IDS = {
  /** Gopher: tier hub, 51 citing papers in the reference capture. */
  gopher: '2112.11446',
  /** Scaling Laws: super hub and Canonical reference (~83 % background). */
  scalingLaws: '2001.08361',
  /** A real saved page whose id the dataset deliberately does not know: "not indexed yet". */
  notIndexed: '2609.22268',
} as const;

export type SampleIntent = 'background' | 'methodology' | 'result';
