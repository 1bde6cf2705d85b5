/**
 * TF-IDF cosine similarity between a hub's claims and its citing sentences (terms from ./tokens).
 */
import { forEachWord, matchingTerm } from './tokens';

/** 1 + ln(tf) for small term frequencies, the only ones a sentence has. */
const SUBLINEAR_TF = Float64Array.from({ length: 32 }, (_, frequency) => (frequency === 0 ? 0 : 1 + Math.log(frequency)));

/**
 * Cosine similarity of every query (claim) with every document (citing sentence) in one hub,
 * keeping pairs >= minSimilarity. Weights are (1 + ln tf) × (ln((1 + N) / (1 + df)) + 1) —
 * scikit-learn's smoothed IDF, over queries and documents together — L2-normalised.
 *
 * Built for 10,000+ sentences: one pass turns every text into term ids (a flat Int32Array) and
 * counts document frequencies; a second pass computes each document's TF-IDF norm and its dot
 * product with the queries, touching only the document's own terms. No per-document vector or
 * map is allocated, so the cost is linear in the number of words.
 */
export function scoreQueriesAgainstDocuments(
  queries: readonly string[],
  documents: readonly string[],
  minSimilarity: number,
): { document: number; similarity: number }[][] {
  const texts = [...queries, ...documents];
  // Pass 1: words -> term ids (-1: not a term), document frequencies.
  const wordIds = new Map<string, number>();
  const termIds = new Map<string, number>();
  const documentFrequency: number[] = [];
  const lastSeenIn: number[] = [];
  let ids = new Int32Array(1024);
  let idCount = 0;
  const offsets = new Int32Array(texts.length + 1);
  let current = 0;
  const collect = (word: string): void => {
    let id = wordIds.get(word);
    if (id === undefined) {
      const term = matchingTerm(word);
      id = -1;
      if (term !== null) {
        id = termIds.get(term) ?? -1;
        if (id < 0) {
          id = documentFrequency.length;
          termIds.set(term, id);
          documentFrequency.push(0);
          lastSeenIn.push(-1);
        }
      }
      wordIds.set(word, id);
    }
    if (id < 0) return;
    if (idCount === ids.length) {
      const grown = new Int32Array(ids.length * 2);
      grown.set(ids);
      ids = grown;
    }
    ids[idCount++] = id;
    if (lastSeenIn[id] !== current) {
      lastSeenIn[id] = current;
      documentFrequency[id]! += 1;
    }
  };
  for (current = 0; current < texts.length; current += 1) {
    offsets[current] = idCount;
    forEachWord(texts[current]!, collect);
  }
  offsets[texts.length] = idCount;

  const termCount = documentFrequency.length;
  const idf = new Float64Array(termCount);
  for (let term = 0; term < termCount; term += 1) idf[term] = Math.log((1 + texts.length) / (1 + documentFrequency[term]!)) + 1;

  // Per text: distinct terms with their sub-linear TF-IDF weight, via a reusable counter.
  const termFrequency = new Int32Array(termCount);
  const distinct: number[] = [];
  const weights: number[] = [];
  /** Fills distinct/weights for text `index`; returns its norm. */
  const weigh = (index: number): number => {
    distinct.length = 0;
    weights.length = 0;
    for (let position = offsets[index]!; position < offsets[index + 1]!; position += 1) {
      const term = ids[position]!;
      if (termFrequency[term] === 0) distinct.push(term);
      termFrequency[term]! += 1;
    }
    let squaredNorm = 0;
    for (const term of distinct) {
      const frequency = termFrequency[term]!;
      const weight = (frequency < SUBLINEAR_TF.length ? SUBLINEAR_TF[frequency]! : 1 + Math.log(frequency)) * idf[term]!;
      termFrequency[term] = 0;
      weights.push(weight);
      squaredNorm += weight * weight;
    }
    return Math.sqrt(squaredNorm);
  };

  // Query term -> (query, normalised weight) pairs, as flat arrays indexed by term id (CSR):
  // the inner loop below runs for every word of every citing sentence.
  const pairsPerTerm = new Int32Array(termCount + 1);
    for (let query = 0; query < queries.length; query += 1) {
    if (weigh(query) === 0) continue;
    for (const term of distinct) pairsPerTerm[term + 1]! += 1;
  }
  for (let term = 0; term < termCount; term += 1) pairsPerTerm[term + 1]! += pairsPerTerm[term]!;
  const pairQuery = new Int32Array(pairsPerTerm[termCount]!);
  const pairWeight = new Float64Array(pairsPerTerm[termCount]!);
  const filled = pairsPerTerm.slice(0, termCount);
  for (let query = 0; query < queries.length; query += 1) {
    const norm = weigh(query);
    if (norm === 0) continue;
    for (let position = 0; position < distinct.length; position += 1) {
      const slot = filled[distinct[position]!]!++;
      pairQuery[slot] = query;
      pairWeight[slot] = weights[position]! / norm;
    }
  }

  const matches: { document: number; similarity: number }[][] = queries.map(() => []);
  const scores = new Float64Array(queries.length);
  const touched: number[] = [];
  for (let document = 0; document < documents.length; document += 1) {
    const norm = weigh(queries.length + document);
    touched.length = 0;
    for (let position = 0; position < distinct.length; position += 1) {
      const term = distinct[position]!;
      const documentWeight = weights[position]!;
      for (let slot = pairsPerTerm[term]!; slot < pairsPerTerm[term + 1]!; slot += 1) {
        const query = pairQuery[slot]!;
        if (scores[query] === 0) touched.push(query);
        scores[query]! += pairWeight[slot]! * documentWeight;
      }
    }
    for (const query of touched) {
      const similarity = scores[query]! / norm;
      if (similarity >= minSimilarity) matches[query]!.push({ document, similarity });
      scores[query] = 0;
    }
  }
  return matches;
}
