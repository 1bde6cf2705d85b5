/**
 * The project's one seeded PRNG. Generated fixtures, fake corpora, benchmark hubs and classifier
 * training shuffles must be reproducible from a seed, so they all draw from this; changing the
 * algorithm would silently change checked-in fixtures and trained weights.
 */

/**
 * mulberry32 (public domain): a 32-bit state, uniform numbers in [0, 1). Tiny and fast; fine for
 * test data and shuffles, not for anything security-related. The seed is taken modulo 2^32.
 */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
