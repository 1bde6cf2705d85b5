/**
 * How close the measured values in a citing sentence are to one another. Stance is often carried by
 * numbers alone ("we obtain 71.3 on the same split, against the 78.0 reported in [4]"), and text
 * normalisation turns every number into "0", so a bag of words cannot tell a match from a miss.
 * Pure: raw sentence in, a closeness band out.
 */

export type ValueCloseness = 'same' | 'close' | 'apart' | 'far';

// Reference markers and years are not measurements: "[12, 13]", "(Lee et al., 2019)", "2019a".
const BRACKETED = /\[[^[\]]{0,160}\]/g;
const PARENTHESISED_WITH_YEAR = /\([^()]{0,160}?(?:1[89]|20)\d\d[a-z]?[^()]{0,80}\)/g;
// A measurement: a decimal ("0.42", "71.3") or a percentage ("12 %", "12%", "12 percent").
const MEASUREMENT = /(?<![\p{L}\d.])(\d{1,7}(?:[.,]\d+)?)\s?(%|percent\b|pp\b)?/gu;

const MAX_MEASUREMENTS = 40;

interface Measurement {
  value: number;
  percent: boolean;
}

function measurements(raw: string): Measurement[] {
  const text = raw.replace(BRACKETED, ' ').replace(PARENTHESISED_WITH_YEAR, ' ');
  const found: Measurement[] = [];
  for (const match of text.matchAll(MEASUREMENT)) {
    const digits = match[1]!;
    const percent = match[2] !== undefined;
    const decimal = /[.,]\d/.test(digits);
    // Bare integers are mostly counts, years and section numbers, not results.
    if (!decimal && !percent) continue;
    const value = Number(digits.replace(',', '.'));
    if (Number.isFinite(value)) found.push({ value, percent });
    // Pairs grow with the square: a table pasted as one "sentence" must not slow a whole hub's labelling.
    if (found.length === MAX_MEASUREMENTS) break;
  }
  return found;
}

/**
 * The band of the closest pair of comparable measurements (both percentages or both plain
 * decimals), by relative difference; undefined when the sentence has fewer than two.
 */
export function closestMeasuredValues(raw: string): ValueCloseness | undefined {
  // Most citing sentences hold no digit at all: skip the scans for them.
  if (!/\d/.test(raw)) return undefined;
  const values = measurements(raw);
  let closest = Infinity;
  for (let i = 0; i < values.length; i++) {
    for (let j = i + 1; j < values.length; j++) {
      const a = values[i]!;
      const b = values[j]!;
      if (a.percent !== b.percent) continue;
      const scale = Math.max(Math.abs(a.value), Math.abs(b.value));
      const gap = scale === 0 ? 0 : Math.abs(a.value - b.value) / scale;
      closest = Math.min(closest, gap);
    }
  }
  if (!Number.isFinite(closest)) return undefined;
  if (closest <= 0.02) return 'same';
  if (closest <= 0.06) return 'close';
  if (closest <= 0.2) return 'apart';
  return 'far';
}
