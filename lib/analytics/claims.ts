/**
 * Claims ledger: the target paper's own claims (from its abstract and TL;DR), each typed by cue
 * phrases, with the citing sentences that echo it (TF-IDF cosine) and their polarity tally.
 */
import type { Citation } from '../domain/citation';
import type { Paper } from '../domain/paper';
import type { Polarity } from '../domain/labels';
import type { Claim, ClaimEcho, ClaimType } from '../domain/view';
import { isBlank } from './blank';
import { splitSentences } from './sentences';
import { scoreQueriesAgainstDocuments } from './tfidf';

/**
 * A citing sentence echoes a claim when their TF-IDF cosine is at least this.
 * Chosen on the 66 hand-labelled (claim, sentence, echoes) pairs in tests/fixtures/claims/pairs.jsonl
 * (29 echoes, 37 non-echoes, many of them hard: parallel claims by other papers; built from real
 * abstracts and citing text, see the README beside it), with IDF computed as in a real hub over
 * ~1,000–5,800 citing sentences. Sweeping 0.04–0.40 (steps of 0.02, then 0.01 around the peak),
 * F1 and F0.5 both peak at 0.14: precision 0.64 (23/36), recall 0.79 (23/29). Below it, one shared high-IDF word
 * ("think") admits unrelated sentences; above it, recall falls faster than precision rises.
 * Lexical matching cannot tell "we also analyse bias and toxicity" (a parallel claim) from an
 * echo, nor catch paraphrases without shared words. tests/unit/analytics-claims-pairs.test.ts
 * re-measures these figures.
 */
export const ECHO_SIMILARITY_THRESHOLD = 0.14;

/** The ledger shows this many echoes per claim (most similar first); the tally counts all of them. */
export const MAX_ECHOES_PER_CLAIM = 20;

/** A TL;DR sentence this similar to an abstract claim repeats it (S2 TL;DRs are often lifted from the abstract). */
export const TLDR_DUPLICATE_SIMILARITY = 0.8;

/**
 * The paper talking about itself. Sentences before the first such sentence are the field's
 * motivation ("Language modelling provides a step towards …"), not the paper's claims.
 */
const SELF_REFERENCE =
  /\b(we|our|ours|us|this (paper|work|study|article|letter|thesis|report|survey|position paper)|(in|with) this (paper|work|study|article|letter)|the (proposed|present) (paper|work|study|method|approach|framework|system))\b|(^|[\s(“"])I(?=[\s'’])/i;

/** Cues are tried in this order; the first type whose cue matches wins, cue-less claims are results. */
const REMEDY = /\b(overcom\w*|address\w*|mitigat\w*|alleviat\w*|resolv\w*|tackl\w*|circumvent\w*)\b/i;
const LIMITATION =
  /\b(however|limitations?|limited to|fail(s|ed|ure)?|unable|not able|cannot|can ?not|struggles?|less (benefit|improvement|gain)s?|lags?( behind)?|at the cost|drawbacks?|future work|remains? (unclear|open|challenging|an open)|open (question|problem)|only (partially|marginally)|is dangerous|difficult to)\b/i;
const RESULT =
  /\b(we (find|found|show|showed|observe|observed|demonstrate|report|confirm|establish)|(results?|experiments?|evaluations?|analys[ie]s|findings?) (show|shows|indicate|suggest|demonstrate|reveal|confirm)|outperform\w*|state[- ]of[- ]the[- ]art|achiev\w*|improv(e|es|ed|ement|ements)|surpass\w*|faster|speed-?ups?|boost\w*|better than|more \w+ than|reproduc(e|es)|match(es)? (the )?performance|\d+(\.\d+)?\s?%|\d+(\.\d+)?-?(fold|x|×)(?![\p{L}])|sample[- ]efficient|power[- ]law)/iu;
const CONTRIBUTION =
  /\b(we (propose|present|introduce|study|investigate|release|provide|describe|develop|offer|explore|discuss|consider|analy[sz]e|examine|build|create|curate|construct|contribute)|i (propose|consider|present|argue)|this (paper|work|study|article|letter) (presents|proposes|introduces|studies|focuses|investigates|describes|examines|explores|reviews|argues|demonstrates)|available at|publicly available|(code|data|dataset|datasets|models|weights) (is |are )?(released|available)|open[- ]source)\b/i;
const METHOD =
  /\b(we (use|train|fine-?tune|finetune|adopt|apply|employ|evaluate|formulate|frame|design|implement|combine|leverage|model|compute|measure|collect|define)|(is|are) (re)?formulated|(is|are|be) (trained|implemented|integrated|computed|solved|estimated|corrected|optimi[sz]ed|evaluated)|reformulat\w*|based on|using|consists? of|relies on|by (\w+ing)|loss function|objective function|algorithm|architecture|pipeline|procedure)\b/i;

export function classifyClaim(text: string): ClaimType {
  if (LIMITATION.test(text) && !REMEDY.test(text)) return 'limitation';
  if (RESULT.test(text)) return 'result';
  if (CONTRIBUTION.test(text)) return 'contribution';
  if (METHOD.test(text)) return 'method';
  return 'result';
}

export interface ClaimSentence {
  text: string;
  from: Claim['from'];
  type: ClaimType;
}

/** "“Can machines think?”♣" -> "“Can machines think?”": footnote marks are not part of the claim. */
function withoutFootnoteMarks(sentence: string): string {
  return sentence.replace(/[♣†‡§]+$/u, '');
}

/** Strips a leading "Abstract:" label that some sources keep. */
function abstractBody(abstract: string): string {
  return abstract.replace(/^\s*abstract\s*[:.—-]?\s*/i, '');
}

export interface AbstractParts {
  /** Sentences before the paper first refers to itself: the field's problem, as the authors frame it. */
  motivation: string[];
  /** That sentence and every one after it: what the paper claims. */
  claims: string[];
}

/** Splits an abstract at its first self-reference (all sentences are claims when it never refers to itself). */
export function splitAbstract(abstract: string | undefined): AbstractParts {
  const sentences = abstract ? splitSentences(abstractBody(abstract)).map(withoutFootnoteMarks) : [];
  const firstSelfReference = sentences.findIndex((sentence) => SELF_REFERENCE.test(sentence));
  const cut = Math.max(0, firstSelfReference);
  return { motivation: sentences.slice(0, cut), claims: sentences.slice(cut) };
}

/**
 * The abstract's claims: every sentence from the first one in which the paper refers to itself
 * (all sentences when it never does). TL;DR sentences are all kept (they are third-person
 * summaries), except those that repeat an abstract claim.
 */
export function extractClaimSentences(abstract: string | undefined, tldr: string | undefined): ClaimSentence[] {
  const fromAbstract = splitAbstract(abstract)
    .claims.map((text): ClaimSentence => ({ text, from: 'abstract', type: classifyClaim(text) }));
  const tldrSentences = tldr ? splitSentences(tldr).map(withoutFootnoteMarks) : [];
  if (tldrSentences.length === 0) return fromAbstract;

  const repeats = scoreQueriesAgainstDocuments(
    tldrSentences,
    fromAbstract.map((claim) => claim.text),
    TLDR_DUPLICATE_SIMILARITY,
  );
  const fromTldr = tldrSentences
    .filter((_, index) => (repeats[index] ?? []).length === 0)
    .map((text): ClaimSentence => ({ text, from: 'tldr', type: classifyClaim(text) }));
  return [...fromAbstract, ...fromTldr];
}

/**
 * Similarity of claims and citing sentences inside one hub (a claims × sentences matrix), through
 * the same scorer `buildClaims` uses, so the figures measured on the labelled pairs carry over.
 */
export function echoSimilarities(claims: readonly string[], sentences: readonly string[]): number[][] {
  const matches = scoreQueriesAgainstDocuments(claims, sentences, 0);
  return matches.map((row) => {
    const dense = new Array<number>(sentences.length).fill(0);
    for (const { document, similarity } of row) dense[document] = similarity;
    return dense;
  });
}

function compareEchoes(a: ClaimEcho, b: ClaimEcho): number {
  return (
    b.similarity - a.similarity ||
    compareStrings(a.citingPaperId, b.citingPaperId) ||
    compareStrings(a.text, b.text)
  );
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * `lowerCaseSentences[i][j]`, when given, is `citations[i].sentences[j].text.toLowerCase()`:
 * buildHubView lower-cases each sentence once for this and the explorer's search text.
 */
export function buildClaims(
  paper: Paper | null,
  citations: readonly Citation[],
  lowerCaseSentences?: readonly (readonly string[])[],
): Claim[] {
  if (!paper) return [];
  const claimSentences = extractClaimSentences(paper.abstract, paper.tldr);
  if (claimSentences.length === 0) return [];

  // Parallel arrays rather than one object per sentence: a hub can have tens of thousands.
  const sentenceTexts: string[] = [];
  const lowerCaseTexts: string[] = [];
  const sentenceCitation: number[] = [];
  const sentenceIndex: number[] = [];
  for (let citationIndex = 0; citationIndex < citations.length; citationIndex += 1) {
    const { sentences } = citations[citationIndex]!;
    const lowerCase = lowerCaseSentences?.[citationIndex];
    for (let index = 0; index < sentences.length; index += 1) {
      const { text } = sentences[index]!;
      if (isBlank(text)) continue;
      sentenceTexts.push(text);
      if (lowerCaseSentences) lowerCaseTexts.push(lowerCase?.[index] ?? text.toLowerCase());
      sentenceCitation.push(citationIndex);
      sentenceIndex.push(index);
    }
  }
  const matches = scoreQueriesAgainstDocuments(
    claimSentences.map((claim) => claim.text),
    sentenceTexts,
    ECHO_SIMILARITY_THRESHOLD,
    lowerCaseSentences ? lowerCaseTexts : undefined,
  );

  const counters = { abstract: 0, tldr: 0 };
  return claimSentences.map((claim, claimIndex) => {
    const echoes: ClaimEcho[] = (matches[claimIndex] ?? []).map(({ document, similarity }) => {
      const citation = citations[sentenceCitation[document]!]!;
      const sentence = citation.sentences[sentenceIndex[document]!]!;
      const echo: ClaimEcho = { citingPaperId: citation.citing.paperId, citingTitle: citation.citing.title, text: sentence.text, similarity };
      if (sentence.polarity) echo.polarity = sentence.polarity.label;
      return echo;
    });
    const tally: Record<Polarity, number> = { supporting: 0, contrasting: 0, neutral: 0 };
    let unclassifiedEchoes = 0;
    for (const echo of echoes) {
      if (echo.polarity) tally[echo.polarity] += 1;
      else unclassifiedEchoes += 1;
    }
    echoes.sort(compareEchoes);
    const id = `${claim.from}-${counters[claim.from]++}`;
    return { id, text: claim.text, type: claim.type, from: claim.from, echoes: echoes.slice(0, MAX_ECHOES_PER_CLAIM), echoCount: echoes.length, tally, unclassifiedEchoes };
  });
}
