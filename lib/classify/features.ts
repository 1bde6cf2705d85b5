/**
 * Turns a citation sentence into hashed features. Inference streams them (`visitFeatures`);
 * training collects the same stream into vectors (`extractFeatures`), so the model always sees
 * text prepared exactly as it was during training. No browser or Node APIs: this runs in the
 * extension's service worker and in Node scripts alike.
 */

import { closestMeasuredValues } from './measuredValues';

/** Longer texts are cut here: a citation sentence is ~220 characters, and a cap bounds inference time. */
export const MAX_TEXT_CHARS = 1200;

export interface FeatureConfig {
  /** Hash buckets = 2^hashBits. */
  hashBits: number;
  /** Word n-gram orders used, e.g. [1, 2]. */
  wordNgrams: readonly number[];
  /** Shortest and longest character n-gram taken from the normalised text. */
  charNgramMin: number;
  charNgramMax: number;
  /** Weight of the word and character blocks; each block is scaled by weight / sqrt(its n-gram count). */
  wordBlockWeight: number;
  charBlockWeight: number;
  /** Hand-written cue phrases (matched on normalised text) and the weight of that block. */
  cueBlockWeight: number;
  /**
   * Stance cue phrases (agreement, disagreement, failure to reproduce; `STANCE_CUE_GROUPS`) and the
   * weight of that block. Optional so that models trained before it existed read the same features.
   */
  stanceCueBlockWeight?: number;
  /**
   * How close the sentence's measured values are (`visitMeasuredValues`), and that block's weight.
   * Optional so that models trained before it existed read the same features.
   */
  measuredValuesBlockWeight?: number;
  /**
   * Replace capitalised words inside a sentence (mostly author and system names) by one token.
   * Names say which paper is cited, not how; masking them keeps the model from learning that
   * "sentences mentioning Brown" tend to be critical.
   */
  maskNames: boolean;
  /**
   * N-gram orders over word clusters (words grouped by meaning from pretrained vectors;
   * `WordClusters`), and that block's weight. Optional so that models trained before it existed
   * read the same features.
   */
  wordClusterNgrams?: readonly number[];
  wordClusterBlockWeight?: number;
  /** Fingerprint of the clusters the model was trained with; inference refuses any other set. */
  wordClusterFingerprint?: string;
}

/**
 * Word → cluster id. A word the clusters do not hold stands for itself in cluster n-grams, so
 * "@cite", "@name" and rare terms still take part.
 */
export type WordClusters = ReadonlyMap<string, number>;

/** Identifies a cluster set, so weights trained on one are never read with another. */
export function wordClustersFingerprint(clusters: readonly string[]): string {
  return hashString(clusters.join('\n'), CLUSTER_FINGERPRINT_SEED).toString(16).padStart(8, '0');
}

/** Reads the shipped cluster file's shape: one space-separated word list per cluster. */
export function indexWordClusters(clusters: readonly string[]): WordClusters {
  const index = new Map<string, number>();
  clusters.forEach((words, id) => {
    for (const word of words.split(' ')) if (word) index.set(word, id);
  });
  return index;
}

/** A sparse vector: bucket indices strictly increasing, values aligned. */
export interface SparseVector {
  indices: Uint32Array;
  values: Float64Array;
}

const CITATION_TOKEN = ' @cite ';
const CLUSTER_FINGERPRINT_SEED = 0x2f1c;

// Bracketed numeric references, bracketed and parenthesised author–year references all become one
// token, so "(Jing and McKeown, 2000)", "[Brown et al., 1993]" and "[12, 22]" look alike to the model.
const NUMERIC_REFERENCE = /\[[\d\s,;–—-]{1,60}\]/g;
const BRACKETED_AUTHOR_YEAR = /\[[^[\]]{0,120}?(?:1[89]|20)\d\d[a-z]?[^[\]]{0,60}\]/g;
const PARENTHESISED_REFERENCE = /\((?:[^()]{0,120}?(?:1[89]|20)\d\d[a-z]?)(?:[^()]{0,80})\)/g;
const ET_AL = /\bet\s+al\b\.?/g;
// A capitalised word that follows a lower-case word or a comma/bracket, i.e. not a sentence start.
const MID_SENTENCE_NAME = /(?<=[\p{Ll}\d,;:()\]]\s+)\p{Lu}\p{Ll}[\p{L}’'-]*/gu;
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028\u2029\ufeff]+/g;
const WORD = /[\p{L}\p{N}@]+(?:['’][\p{L}]+)?/gu;

/** Lower-cased, citation markers replaced by one token, digits collapsed, whitespace squeezed. */
export function normaliseText(raw: unknown, maskNames = false): string {
  if (typeof raw !== 'string' || raw.length === 0) return '';
  let text = raw.length > MAX_TEXT_CHARS ? raw.slice(0, MAX_TEXT_CHARS) : raw;
  text = text.normalize('NFKC');
  if (maskNames) text = text.replace(MID_SENTENCE_NAME, '@name');
  text = text.toLowerCase().replace(CONTROL_CHARACTERS, ' ');
  text = text
    .replace(NUMERIC_REFERENCE, CITATION_TOKEN)
    .replace(BRACKETED_AUTHOR_YEAR, CITATION_TOKEN)
    .replace(PARENTHESISED_REFERENCE, CITATION_TOKEN)
    .replace(ET_AL, ' etal ')
    .replace(/\d+(?:[.,]\d+)*/g, '0');
  return text.replace(/\s+/g, ' ').trim();
}

export function tokenise(normalised: string): string[] {
  return normalised.match(WORD) ?? [];
}

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** FNV-1a over UTF-16 code units, seeded so the word, char and cue blocks use different buckets. */
export function hashString(text: string, seed: number): number {
  let hash = (FNV_OFFSET ^ seed) >>> 0;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, FNV_PRIME);
  }
  return hash >>> 0;
}

/** Final avalanche (murmur3 fmix) so low bits are usable as a bucket index. */
function mix(hash: number): number {
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35);
  hash ^= hash >>> 16;
  return hash >>> 0;
}

function combine(left: number, right: number): number {
  return mix((Math.imul(left, 0x9e3779b1) ^ right) >>> 0);
}

const WORD_SEED = 0x1b873593;
const CHAR_SEED = 0x2c1b3c6d;
const CUE_SEED = 0x5bd1e995;
const STANCE_CUE_SEED = 0x68e31da4;
const CLUSTER_SEED = 0x3c6ef372;
const MEASURED_VALUES_SEED = 0x7f4a7c15;

/**
 * Phrases that signal how a work is being cited. The n-grams can learn most of these,
 * but for the rare classes (contrasting: ~200 training sentences) an explicit, shared cue
 * lets every sentence with "unlike" vote for the same weight.
 */
export const CUE_GROUPS: Readonly<Record<string, readonly string[]>> = {
  contrast: [
    'unlike', 'in contrast', 'by contrast', 'contrary to', 'however', 'whereas', 'but', 'although', 'though',
    'while', 'instead', 'rather than', 'on the other hand', 'differs', 'differ', 'different from',
    'as opposed to', 'despite', 'in spite of', 'nevertheless', 'nonetheless', 'yet', 'still',
  ],
  negation: [
    'not', 'no', 'never', 'neither', 'nor', 'without', 'cannot', "can't", "doesn't", "don't", "didn't",
    "isn't", "aren't", "wasn't", "weren't", "won't", 'none', 'nothing', 'hardly', 'rarely',
  ],
  weakness: [
    'fail', 'fails', 'failed', 'failing', 'failure', 'suffer', 'suffers', 'suffered', 'suffering', 'limited',
    'limitation', 'limitations', 'limit', 'limits', 'problem', 'problems', 'problematic', 'drawback',
    'drawbacks', 'disadvantage', 'disadvantages', 'shortcoming', 'shortcomings', 'weakness', 'weaknesses',
    'poor', 'poorly', 'unable', 'not able', 'lack', 'lacks', 'lacking', 'difficult', 'difficulty',
    'difficulties', 'expensive', 'costly', 'slow', 'inefficient', 'intractable', 'inadequate', 'insufficient',
    'inconsistent', 'ignore', 'ignores', 'ignored', 'ignoring', 'overlook', 'overlooks', 'neglect', 'neglects',
    'restricted', 'restrictive', 'restriction', 'weak', 'worse', 'worst', 'lower', 'hard to', 'not suitable',
    'unsuitable', 'impractical', 'unrealistic', 'sparse', 'sparseness', 'sparsity', 'noisy', 'naive',
    'simplistic', 'crude', 'ad hoc', 'brittle', 'cumbersome', 'complicated', 'complex', 'controversial',
    'questionable', 'unclear', 'unreliable', 'inaccurate', 'incorrect', 'wrong', 'error-prone', 'errors',
    'only', 'merely', 'too', 'unfortunately', 'elusive', 'susceptible', 'vulnerable', 'prone',
    'degrade', 'degrades', 'degradation', 'harm', 'hurts', 'bottleneck', 'impossible', 'infeasible',
    'insensitive', 'inappropriate', 'incomplete', 'little', 'rather', 'obscure', 'arbitrary', 'heuristic',
    'heuristics', 'unnecessary', 'redundant', 'overfitting', 'biased', 'bias', 'deficiency', 'deficiencies',
  ],
  improvement: [
    'outperform', 'outperforms', 'outperformed', 'outperforming', 'better than', 'improve', 'improves',
    'improved', 'improvement', 'improvements', 'improving', 'superior', 'superior to', 'higher than',
    'more accurate', 'significantly better', 'surpass', 'surpasses', 'beats', 'gains', 'gain',
    'advantage', 'advantages', 'advantageous', 'faster than', 'more robust', 'more efficient',
  ],
  ourWork: [
    'our method', 'our approach', 'our system', 'our model', 'our algorithm', 'our parser', 'our work',
    'our technique', 'our framework', 'we propose', 'we present', 'we show', 'we found', 'this paper',
    'in this paper', 'in this work', 'the proposed', 'our proposed', 'our experiments',
  ],
  praise: [
    'successful', 'successfully', 'success', 'effective', 'effectively', 'effectiveness', 'state of the art',
    'good', 'excellent', 'promising', 'robust', 'accurate', 'accurately', 'accuracy', 'popular', 'widely used',
    'widely', 'well known', 'well-known', 'powerful', 'efficient', 'efficiently', 'useful', 'usefulness',
    'best', 'competitive', 'high quality', 'high accuracy', 'strong', 'elegant', 'impressive', 'seminal',
    'shown to', 'has been shown', 'have been shown', 'proven', 'proved', 'attractive', 'appealing',
    'valuable', 'beneficial', 'benefit', 'benefits', 'reliable', 'significant', 'significantly', 'notable',
    'remarkable', 'great', 'high', 'highly', 'well', 'encouraging', 'important', 'influential', 'simple',
    'flexible', 'principled', 'natural', 'sophisticated', 'rich', 'helpful', 'suitable', 'successes',
    'fast', 'faster', 'simpler', 'stable', 'adequate', 'tractable', 'scalable', 'practical', 'state of art',
    'prominent', 'progress', 'potential', 'essential', 'pioneering', 'pioneer', 'novel', 'well established',
  ],
  remedy: [
    'alleviate', 'alleviates', 'reduce', 'reduces', 'reducing', 'avoid', 'avoids', 'overcome', 'overcomes',
    'address', 'addresses', 'solve', 'solves', 'remedy', 'mitigate', 'mitigates', 'prevent', 'prevents',
    'guarantee', 'guarantees', 'guaranteed', 'handle', 'handles', 'resolve', 'resolves', 'cope with',
  ],
  agreement: [
    'consistent with', 'in agreement with', 'in line with', 'agrees with', 'agree with', 'agreement',
    'confirm', 'confirms', 'confirmed', 'similar to', 'similarly', 'as reported', 'supports', 'support',
    'corroborate', 'corroborates', 'in accordance with', 'also found', 'also reported', 'comparable to',
    'consistent', 'concordance', 'analogous', 'likewise', 'same', 'replicate', 'replicated',
  ],
  usage: [
    'we use', 'we used', 'we adopt', 'we adopted', 'we follow', 'we followed', 'following', 'as in',
    'as described', 'described previously', 'described by', 'according to', 'was used', 'were used', 'using',
    'used', 'based on', 'was performed', 'were performed', 'method of', 'protocol', 'implementation',
    'implemented', 'we employ', 'we employed', 'employed', 'adapted from', 'was measured', 'were measured',
    'modified', 'procedure', 'software', 'kit', 'toolkit', 'algorithm', 'technique', 'we apply', 'applied',
    'we train', 'trained', 'we obtain', 'obtained from', 'dataset', 'corpus', 'tool', 'package',
  ],
  ownResult: [
    'our results', 'our findings', 'we observed', 'our data', 'in this study', 'present study', 'our study',
    'this finding', 'these findings', 'these results', 'observed', 'was found', 'were found', 'results',
    'previous studies', 'previously reported', 'previous reports', 'in our study', 'current study',
  ],
};

/**
 * Phrases that say where the citing paper stands on the cited work, in the product's terms
 * (README, "Citation polarity"): agreeing with or reproducing it, or contradicting it, failing to
 * reproduce it, or finding it break down. Written from those definitions rather than learnt, so a
 * sentence using a verb the training rows never used ("our numbers line up with…", "the speedups
 * evaporate…") still reaches the weight its group learnt from the others. Polarity only.
 */
export const STANCE_CUE_GROUPS: Readonly<Record<string, readonly string[]>> = {
  agreement: [
    'consistent with', 'in line with', 'in keeping with', 'in agreement with', 'in good agreement', 'agrees with',
    'agree with', 'agreeing with', 'agreed with', 'line up with', 'lines up with', 'lined up with', 'lining up with',
    'mirror', 'mirrors', 'mirrored', 'mirroring', 'echo', 'echoes', 'echoed', 'echoing', 'corroborate',
    'corroborates', 'corroborated', 'corroborating', 'corroboration', 'confirm', 'confirms', 'confirmed',
    'confirming', 'confirmation', 'replicate', 'replicates', 'replicated', 'replicating', 'replication',
    'reproduce', 'reproduces', 'reproduced', 'reproducing', 'bear out', 'bears out', 'borne out', 'validate',
    'validates', 'validated', 'validating', 'vindicate', 'vindicates', 'vindicated', 'reinforce', 'reinforces',
    'reinforced', 'reinforcing', 'strengthen', 'strengthens', 'strengthening', 'support', 'supports',
    'supported', 'supporting', 'in accordance with', 'accords with', 'as predicted by', 'as predicted in',
    'as reported by', 'as reported in', 'similar results', 'similar findings', 'similar trend', 'similar trends',
    'similar gains', 'similar improvements', 'similar conclusion', 'same trend', 'same conclusion', 'same pattern',
    'also found', 'also find', 'also finds', 'also observe', 'also observed', 'also see', 'also saw',
    'also report', 'also reported', 'coincide with', 'coincides with', 'hold up', 'holds up', 'held up',
    'concur', 'concurs', 'concurred', 'on par with', 'match', 'matches', 'matched', 'matching', 'closely match',
    'within the error', 'within error', 'parallels', 'paralleling', 'generalizes', 'generalises', 'carries over',
    'carry over', 'still holds', 'holds for', 'agreement with', 'as found by', 'as found in',
    // A point credited to the cited work and accepted, even when the point itself is negative:
    // "as also pointed out by Yarowsky (1995), this does not hold…" agrees with Yarowsky.
    'as pointed out by', 'as pointed out in', 'as also pointed out', 'as noted by', 'as noted in',
    'as also noted', 'as observed by', 'as observed in', 'as argued by', 'as argued in',
    'as shown by', 'as demonstrated by', 'as rightly', 'rightly', 'correctly', 'as anticipated by',
  ],
  disagreement: [
    'contradict', 'contradicts', 'contradicted', 'contradicting', 'contradiction', 'contradictory',
    'contrary to', 'at odds with', 'inconsistent with', 'disagree', 'disagrees', 'disagreed', 'disagreement',
    'in disagreement', 'conflict with', 'conflicts with', 'in conflict with', 'conflicting', 'refute', 'refutes',
    'refuted', 'refuting', 'challenge', 'challenges', 'challenged', 'challenging the', 'dispute', 'disputes',
    'disputed', 'call into question', 'calls into question', 'called into question', 'cast doubt',
    'casts doubt', 'casting doubt', 'question the', 'questions the', 'questioned', 'not consistent',
    'not supported', 'unsupported', 'overstate', 'overstates', 'overstated', 'overestimate', 'overestimates',
    'overestimated', 'underestimate', 'underestimates', 'underestimated', 'overclaim', 'exaggerate',
    'exaggerates', 'exaggerated', 'diverge', 'diverges', 'diverged', 'differs from what', 'opposite',
    'counter to', 'runs counter', 'debunk', 'debunks', 'rebut', 'rebuts', 'than reported', 'than claimed',
    'than previously reported', 'than suggested', 'claimed', 'purported', 'alleged', 'promised',
  ],
  reproductionFailure: [
    'fail to reproduce', 'failed to reproduce', 'fails to reproduce', 'could not reproduce',
    'cannot reproduce', 'unable to reproduce', 'not reproduce', 'fail to replicate', 'failed to replicate',
    'fails to replicate', 'could not replicate', 'cannot replicate', 'unable to replicate', 'not replicate',
    'not reproducible', 'irreproducible', 'not replicable', 'failed replication', 'did not hold',
    'does not hold', 'do not hold', "doesn't hold", "don't hold", "didn't hold", 'no longer holds',
    'fail to hold', 'fails to hold', 'not hold up', 'could not confirm', 'did not confirm', 'not confirmed',
    'found no evidence', 'find no evidence', 'no evidence for',
  ],
  breakdown: [
    'breaks down', 'break down', 'broke down', 'evaporate', 'evaporates', 'evaporated', 'vanish', 'vanishes',
    'vanished', 'disappear', 'disappears', 'disappeared', 'shrink', 'shrinks', 'shrank', 'collapse',
    'collapses', 'collapsed', 'degrade', 'degrades', 'degraded', 'deteriorate', 'deteriorates',
    'underperform', 'underperforms', 'underperformed', 'underperforming', 'falls short', 'fall short',
    'fell short', 'does not generalize', 'does not generalise', 'do not generalize', 'do not generalise',
    'did not generalize', 'fails to generalize', 'fails to generalise', 'fail to generalize', 'not generalize',
    'not scale', 'does not scale', 'fails to scale', 'diverges', 'unstable', 'brittle', 'fragile',
  ],
  flaw: [
    'flaw', 'flaws', 'flawed', 'misleading', 'spurious', 'unrealistic', 'unjustified', 'unwarranted',
    'invalid', 'erroneous', 'mistaken', 'mistake', 'bug', 'leakage', 'confound', 'confounded', 'confounds',
    'biased', 'cherry-picked', 'overfit', 'overfits', 'overfitted', 'oversimplified', 'oversimplifies',
    'limitation of', 'limitations of', 'shortcoming of', 'shortcomings of', 'weakness of', 'drawback of',
    'suffers from', 'suffer from', 'ignores', 'neglects', 'overlooks', 'fails to account', 'fail to account',
    'does not account', 'do not account', 'not robust', 'not reliable', 'unreliable',
  ],
};

/** Hash of `order` consecutive tokens; word n-grams and cue phrases share it. */
function sequenceHash(tokenHashes: readonly number[], start: number, order: number): number {
  let hash = order;
  for (let offset = 0; offset < order; offset++) hash = combine(hash, tokenHashes[start + offset]!);
  return hash;
}

function hashTokens(tokens: readonly string[]): number[] {
  return tokens.map((token) => mix(hashString(token, WORD_SEED)));
}

/** Cue phrases by the hash their token sequence gets as a word n-gram, and every leading part of them. */
interface CueTable {
  bySequenceHash: ReadonlyMap<number, string>;
  /** Hashes of every leading part of every phrase, so matching stops at the first token that fits none. */
  prefixes: ReadonlySet<number>;
  /** Groups whose meaning flips after a negation ("does not suffer", "not effective"). */
  negatable: ReadonlySet<string>;
  seed: number;
}

function buildCueTable(groups: Readonly<Record<string, readonly string[]>>, negatable: readonly string[], seed: number): CueTable {
  const phrases = Object.entries(groups).flatMap(([group, list]) => list.map((phrase) => ({ group, hashes: hashTokens(tokenise(normaliseText(phrase))) })));
  return {
    bySequenceHash: new Map(phrases.map(({ group, hashes }): [number, string] => [sequenceHash(hashes, 0, hashes.length), group])),
    prefixes: new Set(phrases.flatMap(({ hashes }) => hashes.map((_, end) => sequenceHash(hashes, 0, end + 1)))),
    negatable: new Set(negatable),
    seed,
  };
}

const CUES = buildCueTable(CUE_GROUPS, ['weakness', 'praise', 'improvement'], CUE_SEED);
const STANCE_CUES = buildCueTable(STANCE_CUE_GROUPS, ['agreement', 'disagreement', 'breakdown', 'flaw'], STANCE_CUE_SEED);

/** Single-token negations, by token hash (multi-word ones such as "not able" are cues, not negators). */
const NEGATION_HASHES: ReadonlySet<number> = new Set(
  CUE_GROUPS.negation!.filter((word) => !word.includes(' ')).map((word) => hashTokens(tokenise(normaliseText(word)))[0]!),
);

/** Receives each feature occurrence; a bucket may be visited more than once (a linear model sums them). */
export type FeatureVisitor = (bucket: number, value: number) => void;

/**
 * Each block is scaled by weight / sqrt(occurrences): the L2 norm the block would have if no
 * n-gram repeated. Unlike an exact norm this needs no counting pass, so inference stays a single
 * streaming pass with no sorting or allocation per n-gram.
 */
function blockScale(weight: number, occurrences: number): number {
  return occurrences > 0 ? weight / Math.sqrt(occurrences) : 0;
}

function visitWordNgrams(tokenHashes: readonly number[], config: FeatureConfig, mask: number, visit: FeatureVisitor): void {
  // Unigrams skip the sentence-boundary pads; higher orders keep them ("<s> however").
  const span = (order: number) => (order === 1 ? tokenHashes.length - 2 : tokenHashes.length - order + 1);
  let occurrences = 0;
  for (const order of config.wordNgrams) occurrences += Math.max(0, span(order));
  const value = blockScale(config.wordBlockWeight, occurrences);
  for (const order of config.wordNgrams) {
    const first = order === 1 ? 1 : 0;
    for (let start = first; start < first + span(order); start++) visit(sequenceHash(tokenHashes, start, order) & mask, value);
  }
}

/** Character n-grams over the tokens joined by single spaces, hashed incrementally (FNV-1a prefix per start). */
function visitCharNgrams(text: string, config: FeatureConfig, mask: number, visit: FeatureVisitor): void {
  const { charNgramMin: shortest, charNgramMax: longest } = config;
  let occurrences = 0;
  for (let length = shortest; length <= longest; length++) occurrences += Math.max(0, text.length - length + 1);
  const value = blockScale(config.charBlockWeight, occurrences);
  for (let start = 0; start < text.length; start++) {
    let hash = (FNV_OFFSET ^ CHAR_SEED) >>> 0;
    const end = Math.min(text.length, start + longest);
    for (let at = start; at < end; at++) {
      hash = Math.imul(hash ^ text.charCodeAt(at), FNV_PRIME);
      const length = at - start + 1;
      if (length >= shortest) visit(mix((hash ^ length) >>> 0) & mask, value);
    }
  }
}

function visitClusterNgrams(tokens: readonly string[], clusters: WordClusters, config: FeatureConfig, mask: number, visit: FeatureVisitor): void {
  const orders = config.wordClusterNgrams ?? [];
  const hashes = ['<s>', ...tokens, '</s>'].map((token) => {
    const id = clusters.get(token);
    return mix(hashString(id === undefined ? token : `#${id}`, CLUSTER_SEED));
  });
  const span = (order: number) => (order === 1 ? hashes.length - 2 : hashes.length - order + 1);
  let occurrences = 0;
  for (const order of orders) occurrences += Math.max(0, span(order));
  const value = blockScale(config.wordClusterBlockWeight ?? 0, occurrences);
  for (const order of orders) {
    const first = order === 1 ? 1 : 0;
    // The seed in the order keeps cluster n-grams off the buckets of word n-grams of the same order.
    for (let start = first; start < first + span(order); start++) visit(combine(sequenceHash(hashes, start, order), CLUSTER_SEED) & mask, value);
  }
}

const NEGATION_REACH = 3;

/**
 * Each cue group fires once with weight × (1 + ln matches). Not normalised by sentence length:
 * one "fails" in a long sentence is as telling as in a short one. A negatable cue within three
 * tokens after a negation counts as its own group, e.g. "weakness:negated".
 */
function visitCues(tokenHashes: readonly number[], table: CueTable, weight: number, mask: number, visit: FeatureVisitor): void {
  const matches = new Map<string, number>();
  let lastNegation = -Infinity;
  for (let start = 1; start < tokenHashes.length - 1; start++) {
    for (let order = 1; start + order < tokenHashes.length; order++) {
      const hash = sequenceHash(tokenHashes, start, order);
      if (!table.prefixes.has(hash)) break;
      const group = table.bySequenceHash.get(hash);
      if (group === undefined) continue;
      const negated = table.negatable.has(group) && start - lastNegation <= NEGATION_REACH;
      const name = negated ? `${group}:negated` : group;
      matches.set(name, (matches.get(name) ?? 0) + 1);
    }
    if (NEGATION_HASHES.has(tokenHashes[start]!)) lastNegation = start;
  }
  for (const [group, count] of matches) visit(mix(hashString(group, table.seed)) & mask, weight * (1 + Math.log(count)));
}

const TURN_WORD = /\b(?:but|however|whereas|although|though|yet|while|unlike)\b|;/u;

/**
 * How close the sentence's measured values are to one another (`closestMeasuredValues`), which text
 * normalisation hides: "0.42 where [4] report 0.44" and "0.42 where [4] report 0.71" both read
 * "0 where @cite report 0". Paired with whether the sentence turns ("but", "whereas"), since a
 * contrast of numbers across a turn reads differently from a list of them.
 */
function visitMeasuredValues(normalised: string, raw: string, weight: number, mask: number, visit: FeatureVisitor): void {
  const closeness = closestMeasuredValues(raw);
  if (!closeness) return;
  const turn = TURN_WORD.test(normalised) ? 'turn' : 'plain';
  visit(mix(hashString(`values:${closeness}`, MEASURED_VALUES_SEED)) & mask, weight);
  visit(mix(hashString(`values:${closeness}|${turn}`, MEASURED_VALUES_SEED)) & mask, weight);
}

/**
 * Streams every feature of one sentence to `visit`; used directly by inference. `clusters` is
 * needed only by configs with a word-cluster block.
 */
export function visitFeatures(raw: unknown, config: FeatureConfig, visit: FeatureVisitor, clusters?: WordClusters): void {
  const normalised = normaliseText(raw, config.maskNames);
  const tokens = tokenise(normalised);
  if (tokens.length === 0) return;
  const tokenHashes = hashTokens(['<s>', ...tokens, '</s>']);
  const mask = (1 << config.hashBits) - 1;
  if (config.wordBlockWeight > 0) visitWordNgrams(tokenHashes, config, mask, visit);
  if (config.charBlockWeight > 0) visitCharNgrams(` ${tokens.join(' ')} `, config, mask, visit);
  if (config.cueBlockWeight > 0) visitCues(tokenHashes, CUES, config.cueBlockWeight, mask, visit);
  const stanceWeight = config.stanceCueBlockWeight ?? 0;
  if (stanceWeight > 0) visitCues(tokenHashes, STANCE_CUES, stanceWeight, mask, visit);
  const valuesWeight = config.measuredValuesBlockWeight ?? 0;
  if (valuesWeight > 0 && typeof raw === 'string') visitMeasuredValues(normalised, raw.slice(0, MAX_TEXT_CHARS), valuesWeight, mask, visit);
  if ((config.wordClusterBlockWeight ?? 0) > 0) {
    if (!clusters) throw new Error('these features need word clusters');
    visitClusterNgrams(tokens, clusters, config, mask, visit);
  }
}

/** The feature vector of one sentence with repeated buckets summed, buckets ascending (for training). */
export function extractFeatures(raw: unknown, config: FeatureConfig, clusters?: WordClusters): SparseVector {
  const summed = new Map<number, number>();
  visitFeatures(raw, config, (bucket, value) => summed.set(bucket, (summed.get(bucket) ?? 0) + value), clusters);
  const indices = Uint32Array.from(summed.keys()).sort();
  const values = Float64Array.from(indices, (bucket) => summed.get(bucket)!);
  return { indices, values };
}
