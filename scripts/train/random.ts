/** Every shuffle in training draws from the project's seeded PRNG, so training is reproducible. */
export { seededRandom } from '../../lib/random';

export function shuffleInPlace<T>(items: T[], random: () => number): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
}
