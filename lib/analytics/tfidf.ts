/**
 * TF-IDF cosine similarity between a hub's claims and its citing sentences (terms from ./tokens).
 */
import { WordScanner, matchingTerm } from './tokens';
import { MISSING_WORD, WordTable } from './wordTable';

/** 1 + ln(tf) for small term frequencies, the only ones a sentence has. */
const SUBLINEAR_TF = Float64Array.from({ length: 32 }, (_, frequency) => (frequency === 0 ? 0 : 1 + Math.log(frequency)));

function tfIdfWeight(frequency: number, idf: number): number {
  return (frequency < SUBLINEAR_TF.length ? SUBLINEAR_TF[frequency]! : 1 + Math.log(frequency)) * idf;
}

/**
 * Cosine similarity of every query (claim) with every document (citing sentence) in one hub,
 * keeping pairs >= minSimilarity. Weights are (1 + ln tf) × (ln((1 + N) / (1 + df)) + 1) —
 * scikit-learn's smoothed IDF, over queries and documents together — L2-normalised.
 *
 * Built for 10,000+ sentences (~250,000 words), where reading the words is most of the cost:
 * one pass (TermIndex) turns every text into its distinct term ids and their frequencies and
 * counts document frequencies; a second pass computes each document's dot product with the
 * queries, touching only the document's own terms, and its norm only when some query shares a
 * term with it. No per-document vector or map is allocated, so the cost is linear in the
 * number of words.
 */
export function scoreQueriesAgainstDocuments(
  queries: readonly string[],
  documents: readonly string[],
  minSimilarity: number,
  /** documents[i].toLowerCase(), when the caller has them already. */
  lowerCaseDocuments?: readonly string[],
): { document: number; similarity: number }[][] {
  const textCount = queries.length + documents.length;
  const index = new TermIndex(textCount);
  for (let text = 0; text < queries.length; text += 1) index.add(queries[text]!);
  for (let document = 0; document < documents.length; document += 1) index.add(documents[document]!, lowerCaseDocuments?.[document]);
  const { offsets, terms, frequencies, termCount, documentFrequency } = index;

  const idf = new Float64Array(termCount);
  for (let term = 0; term < termCount; term += 1) idf[term] = Math.log((1 + textCount) / (1 + documentFrequency[term]!)) + 1;

  /** L2 norm of text `text`'s TF-IDF vector, summed in the order of its terms. */
  const normOf = (text: number): number => {
    let squaredNorm = 0;
    for (let entry = offsets[text]!; entry < offsets[text + 1]!; entry += 1) {
      const weight = tfIdfWeight(frequencies[entry]!, idf[terms[entry]!]!);
      squaredNorm += weight * weight;
    }
    return Math.sqrt(squaredNorm);
  };

  // Query term -> (query, normalised weight) pairs, as flat arrays indexed by term id (CSR):
  // the loop below runs for every term of every citing sentence.
  const queryNorms = queries.map((_, query) => normOf(query));
  const pairsPerTerm = new Int32Array(termCount + 1);
  for (let query = 0; query < queries.length; query += 1) {
    if (queryNorms[query] === 0) continue;
    for (let entry = offsets[query]!; entry < offsets[query + 1]!; entry += 1) pairsPerTerm[terms[entry]! + 1]! += 1;
  }
  for (let term = 0; term < termCount; term += 1) pairsPerTerm[term + 1]! += pairsPerTerm[term]!;
  const pairQuery = new Int32Array(pairsPerTerm[termCount]!);
  const pairWeight = new Float64Array(pairsPerTerm[termCount]!);
  const filled = pairsPerTerm.slice(0, termCount);
  for (let query = 0; query < queries.length; query += 1) {
    const norm = queryNorms[query]!;
    if (norm === 0) continue;
    for (let entry = offsets[query]!; entry < offsets[query + 1]!; entry += 1) {
      const term = terms[entry]!;
      const slot = filled[term]!++;
      pairQuery[slot] = query;
      pairWeight[slot] = tfIdfWeight(frequencies[entry]!, idf[term]!) / norm;
    }
  }

  // Each document's dot product with the queries that share a term with it.
  const matches: { document: number; similarity: number }[][] = queries.map(() => []);
  const scores = new Float64Array(queries.length);
  // Queries sharing a term with the document at hand (each at most once). Typed arrays with a
  // count rather than `array.length = 0`, which frees the array's storage for every document.
  const touched = new Int32Array(queries.length);
  for (let document = 0; document < documents.length; document += 1) {
    const text = queries.length + document;
    let touchedCount = 0;
    for (let entry = offsets[text]!; entry < offsets[text + 1]!; entry += 1) {
      const term = terms[entry]!;
      const firstPair = pairsPerTerm[term]!;
      const endPair = pairsPerTerm[term + 1]!;
      if (firstPair === endPair) continue;
      const documentWeight = tfIdfWeight(frequencies[entry]!, idf[term]!);
      for (let slot = firstPair; slot < endPair; slot += 1) {
        const query = pairQuery[slot]!;
        if (scores[query] === 0) touched[touchedCount++] = query;
        scores[query]! += pairWeight[slot]! * documentWeight;
      }
    }
    if (touchedCount === 0) continue;
    const norm = normOf(text);
    for (let index = 0; index < touchedCount; index += 1) {
      const query = touched[index]!;
      const similarity = scores[query]! / norm;
      if (similarity >= minSimilarity) matches[query]!.push({ document, similarity });
      scores[query] = 0;
    }
  }
  return matches;
}

/**
 * Texts -> for each text, its distinct term ids (in order of first occurrence) with their
 * frequencies, in flat arrays; and each term's document frequency. Each distinct word is sliced
 * and stemmed once (`termOfNewWord`); its other occurrences are found by their span in `wordTerms`.
 */
class TermIndex {
  termCount = 0;
  documentFrequency = new Int32Array(1024);
  /** Text i's entries are offsets[i] .. offsets[i + 1] - 1 of `terms` and `frequencies`. */
  offsets: Int32Array;
  terms: Int32Array;
  frequencies: Int32Array;
  private entryCount = 0;
  private textCount = 0;
  /** Occurrences of each term in the text being added; back to zero after each text. */
  private termFrequency = new Int32Array(1024);
  /** The distinct terms of the text being added, in order of first occurrence. */
  private distinct = new Int32Array(256);
  private distinctCount = 0;
  /** Word -> term id, or -1 for stop-words and other words that are not terms. */
  private wordTerms = new WordTable();
  private termIds = new Map<string, number>();
  private scanner = new WordScanner();

  constructor(textCount: number) {
    this.offsets = new Int32Array(textCount + 1);
    // A citing sentence has ~15-25 distinct terms: room for most hubs without regrowing.
    this.terms = new Int32Array(textCount * 24 + 64);
    this.frequencies = new Int32Array(this.terms.length);
  }

  /** Reads one more text; `lowerCase`, when given, is text.toLowerCase(). */
  add(text: string, lowerCase?: string): void {
    const { scanner, wordTerms } = this;
    scanner.reset(text, lowerCase);
    this.distinctCount = 0;
    while (scanner.next()) {
      let term = wordTerms.get(scanner);
      if (term === MISSING_WORD) term = this.termOfNewWord();
      if (term < 0) continue;
      if (this.termFrequency[term] === 0) {
        if (this.distinctCount === this.distinct.length) this.distinct = grown(this.distinct, this.distinct.length * 2);
        this.distinct[this.distinctCount++] = term;
        this.documentFrequency[term]! += 1;
      }
      this.termFrequency[term]! += 1;
    }
    if (this.entryCount + this.distinctCount > this.terms.length) {
      this.terms = grown(this.terms, this.terms.length * 2 + this.distinctCount);
      this.frequencies = grown(this.frequencies, this.terms.length);
    }
    for (let index = 0; index < this.distinctCount; index += 1) {
      const term = this.distinct[index]!;
      this.terms[this.entryCount] = term;
      this.frequencies[this.entryCount] = this.termFrequency[term]!;
      this.entryCount += 1;
      this.termFrequency[term] = 0;
    }
    this.textCount += 1;
    this.offsets[this.textCount] = this.entryCount;
  }

  /** Term id of the word the scanner stands on, seen for the first time (-1: not a term). */
  private termOfNewWord(): number {
    const { scanner } = this;
    const stemmed = matchingTerm(scanner.text.slice(scanner.start, scanner.end));
    let term = -1;
    if (stemmed !== null) {
      term = this.termIds.get(stemmed) ?? this.newTerm(stemmed);
    }
    this.wordTerms.add(scanner, term);
    return term;
  }

  private newTerm(stemmed: string): number {
    const term = this.termCount;
    this.termIds.set(stemmed, term);
    this.termCount += 1;
    if (this.termCount > this.documentFrequency.length) {
      this.documentFrequency = grown(this.documentFrequency, this.documentFrequency.length * 2);
      this.termFrequency = grown(this.termFrequency, this.documentFrequency.length);
    }
    return term;
  }
}

function grown(array: Int32Array, length: number): Int32Array<ArrayBuffer> {
  const copy = new Int32Array(length);
  copy.set(array);
  return copy;
}
