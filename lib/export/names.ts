/**
 * Splits a display name ("Johannes Diderik van der Waals") into the parts reference formats want.
 * Sources give names in display order, so this is the BibTeX "First von Last" rule with a known-particle
 * list (a lowercase word alone is not enough: "danah boyd" is given + family, not a particle).
 */
export interface PersonName {
  /** Empty for single-word names ("Aristotle", "OpenAI"). */
  given: string;
  /** Includes a lowercase particle: "van der Waals". */
  family: string;
  /** "Jr.", "III", … or empty. */
  suffix: string;
}

const PARTICLES = new Set([
  'van', 'von', 'der', 'den', 'de', 'del', 'della', 'delle', 'dei', 'degli', 'di', 'da', 'das', 'dos', 'du',
  'la', 'le', 'les', 'ter', 'ten', 'te', 'op', "'t", 'zu', 'zur', 'bin', 'ibn', 'al', 'el',
]);
const SUFFIX = /^(?:jr|sr|jnr|snr)\.?$|^(?:ii|iii|iv|v|vi)$/i;

export function splitName(raw: string): PersonName {
  const name = raw.replace(/\s+/g, ' ').trim();
  if (name.includes(',')) return splitInvertedName(name);

  const words = name.split(' ').filter((word) => word !== '');
  let suffix = '';
  const last = words[words.length - 1];
  if (words.length > 2 && last !== undefined && SUFFIX.test(last)) {
    suffix = last;
    words.pop();
  }
  if (words.length <= 1) return { given: '', family: words[0] ?? '', suffix };

  // The family name starts at the first particle that is neither the first word nor the last.
  let familyStart = words.length - 1;
  for (let index = 1; index < words.length - 1; index++) {
    if (PARTICLES.has(words[index]!)) {
      familyStart = index;
      break;
    }
  }
  return { given: words.slice(0, familyStart).join(' '), family: words.slice(familyStart).join(' '), suffix };
}

/** "King, Martin Luther" / "King, Jr., Martin Luther" (BibTeX order). */
function splitInvertedName(name: string): PersonName {
  const parts = name.split(',').map((part) => part.trim());
  const family = parts[0] ?? '';
  if (parts.length >= 3) return { family, suffix: parts[1] ?? '', given: parts.slice(2).join(', ') };
  const rest = parts[1] ?? '';
  if (SUFFIX.test(rest)) return { family, suffix: rest, given: '' };
  return { family, suffix: '', given: rest };
}

/** "van der Waals, Johannes Diderik" / "King, Martin Luther, Jr." — the order RIS asks for. */
export function invertedName({ given, family, suffix }: PersonName): string {
  return [family, given, suffix].filter((part) => part !== '').join(', ');
}
