import type { Paper } from './paper';
import type { Intent, Polarity, LabelOrigin } from './labels';
import type { Citation, CitationSentence, Reference } from './citation';
import type { HubData } from './hub';

export type RoleBucket = Intent | 'unclassified';
export type PolarityBucket = Polarity | 'unclassified';

export interface RoleSummary {
  /** One role per citing paper; sums to `totalPapers`. */
  perPaper: Record<RoleBucket, number>;
  /** One label per sentence; sums to `totalSentences`. */
  perSentence: Record<Intent, number>;
  totalPapers: number;
  totalSentences: number;
  /** Sentences whose label came from the local classifier (the rest from the source). */
  locallyClassifiedSentences: number;
}

export interface PolarityExample {
  citingPaperId: string;
  text: string;
  label: Polarity;
  confidence: number;
  /** The model abstained ("no clear stance"): the stance it leaned to, below that stance's threshold. */
  leaning?: { label: Polarity; confidence: number };
  /** The reader corrected this sentence; the model had said this. */
  correctedFrom?: Polarity;
  /** Judged on the clause about the cited work only. */
  focused?: boolean;
}

export interface PolaritySummary {
  perPaper: Record<PolarityBucket, number>;
  perSentence: Record<Polarity, number>;
  totalPapers: number;
  totalSentences: number;
  /** Sentences that carry a polarity label so far (progress while classifying). */
  classifiedSentences: number;
  /** Sentences counted as neutral because the model abstained below its thresholds ("no clear stance"). */
  abstainedSentences: number;
  /** Sentences whose label the reader corrected. */
  correctedSentences: number;
  /** A few sentences per label, most confident first, so users can check the labels. */
  examples: Record<Polarity, PolarityExample[]>;
}

export type TierName = 'none' | 'hub' | 'super-hub';
export interface Tier {
  tier: TierName;
  canonical: boolean;
  /** Plain-language rule that produced the badge, e.g. "super hub: ≥ 1,000 citing papers (1,800)". */
  rule: string;
  citingPapers: number;
  backgroundShare: number | null;
}

export type ClaimType = 'contribution' | 'result' | 'method' | 'limitation';
export interface ClaimEcho {
  citingPaperId: string;
  citingTitle: string;
  text: string;
  similarity: number;
  polarity?: Polarity;
}
export interface Claim {
  id: string;
  text: string;
  type: ClaimType;
  from: 'abstract' | 'tldr';
  /** The strongest echoes (at most MAX_ECHOES_PER_CLAIM), for display. */
  echoes: ClaimEcho[];
  /** Every echoing sentence; `tally` plus `unclassifiedEchoes` sums to it. */
  echoCount: number;
  /** Polarity of every echoing sentence, as the polarity section counts it (thresholds and corrections applied). */
  tally: Record<Polarity, number>;
  unclassifiedEchoes: number;
}

export interface CoCitedWork {
  paper: Paper;
  /** Number of sampled citing papers that cite both the target and this work. */
  count: number;
  /** Salton cosine: count / sqrt(citing papers of target in sample * citing papers of work in sample). */
  strength: number;
}

export interface RepresentativePaper {
  citation: Citation;
  role: RoleBucket;
  /** Why it was picked (influential, adds a role, adds a year). */
  reason: string;
}

export interface ExplorerRow {
  citation: Citation;
  role: RoleBucket;
  roleOrigin: LabelOrigin | null;
  polarity: PolarityBucket;
  /** Lower-cased title + TL;DR + sentences, precomputed so filtering 5,000 rows stays fast. */
  searchText: string;
}

export interface Coverage {
  citationsReported: number;
  citationsListed: number;
  papersWithContexts: number;
  sentences: number;
  batchSampled: number;
  droppedRows: number;
}

export interface ReferenceRow {
  reference: Reference;
  role: RoleBucket;
  roleOrigin: LabelOrigin | null;
}

/** "What it cites": the paper's references, influential first, then most cited. */
export interface ReferencesView {
  rows: ReferenceRow[];
  /** perPaper over every listed reference (sums to `listed`), perSentence over their sentences. */
  roles: RoleSummary;
  /** Entries the source listed, resolved or not. */
  listed: number;
  /** The paper's reference count as the source reports it; null when unknown. */
  reported: number | null;
  /** Listed entries the source could not resolve to a paper (shown by title). */
  unresolved: number;
}

export interface YearCount {
  year: number;
  count: number;
}

export interface TimelineYear {
  year: number;
  /** Listed citing papers published that year; the role counts sum to it. */
  total: number;
  perRole: Record<RoleBucket, number>;
  influential: number;
}

/** Citations over time: listed citing papers per year (contiguous years), plus OpenAlex's all-citation totals when asked. */
export interface TimelineView {
  years: TimelineYear[];
  /** Listed citing papers without a year. */
  undated: number;
  /** Listed citing papers older than the first year drawn (only for charts longer than TIMELINE_MAX_YEARS). */
  earlier: number;
  listed: number;
  reported: number;
  /** OpenAlex's citations per year for the work ("all citations"); null when not fetched. */
  allCitations: YearCount[] | null;
}

/** A link of the co-citation map: sampled citing papers that cite both works, and its normalised strength. */
export interface CoCitationLink {
  source: string;
  target: string;
  count: number;
  /** pair / √(count source × count target), within the sample. */
  strength: number;
}

/** Everything the panel renders, derived from HubData by lib/analytics (pure). */
export interface HubView {
  arxivId: string;
  paper: Paper | null;
  tier: Tier;
  roles: RoleSummary;
  polarity: PolaritySummary;
  claims: Claim[];
  coCited: CoCitedWork[];
  /** Citing papers the co-citation ranking is based on. */
  coCitedBasis: number;
  /** Links between the co-cited works for the map, already thinned. */
  coCitationLinks: CoCitationLink[];
  timeline: TimelineView;
  references: ReferencesView;
  representative: RepresentativePaper[];
  explorer: ExplorerRow[];
  similar: Paper[];
  coverage: Coverage;
  provenance: HubData['provenance'];
  stages: HubData['stages'];
}

export type { CitationSentence };
