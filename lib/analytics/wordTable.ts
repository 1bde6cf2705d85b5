/**
 * Word -> integer id, looked up by a span of a scanned text (see WordScanner) instead of by a
 * string: a hub's few thousand distinct words occur ~250,000 times, and slicing each occurrence
 * into a string to find it in a Map was about a quarter of the claims ledger's time.
 *
 * Two open-addressing tables (linear probing, doubled when half full), all in typed arrays:
 * - words with an exact WordScanner key (short ASCII words, most of them) are found by comparing
 *   that one number;
 * - the others (long or non-ASCII words) by a hash of their characters, then compared
 *   character by character with a copy kept in `characters`.
 */
import type { WordScanner } from './tokens';

export const MISSING_WORD = -2;

export class WordTable {
  private keyedSlots = new Float64Array(1024); // the key; 0: empty slot (no word has key 0)
  private keyedValues = new Int32Array(1024);
  private keyedCount = 0;

  /** Per slot: 1 + the word's entry number (0: empty slot), and the word's hash. */
  private hashedSlots = new Int32Array(64);
  private hashedSlotHashes = new Int32Array(64);
  private hashedCount = 0;
  /** Per entry: where its characters start in `characters`, how many there are, its value. */
  private entryStarts = new Int32Array(32);
  private entryLengths = new Int32Array(32);
  private entryValues = new Int32Array(32);
  private characters = new Uint16Array(512);
  private characterCount = 0;

  /**
   * The value stored for the scanner's current word, or MISSING_WORD. (Given the scanner rather
   * than its fields: a key above 2^31 passed as an argument could be boxed, one allocation per word.)
   */
  get(word: WordScanner): number {
    const { text, start, end, key } = word;
    if (key !== 0) {
      const mask = this.keyedSlots.length - 1;
      for (let slot = spreadKey(key) & mask; ; slot = (slot + 1) & mask) {
        const stored = this.keyedSlots[slot]!;
        if (stored === key) return this.keyedValues[slot]!;
        if (stored === 0) return MISSING_WORD;
      }
    }
    const length = end - start;
    const hash = hashOf(text, start, end);
    const mask = this.hashedSlots.length - 1;
    for (let slot = spread(hash) & mask; ; slot = (slot + 1) & mask) {
      const entry = this.hashedSlots[slot]! - 1;
      if (entry < 0) return MISSING_WORD;
      if (this.hashedSlotHashes[slot] !== hash || this.entryLengths[entry] !== length) continue;
      const from = this.entryStarts[entry]!;
      let offset = 0;
      while (offset < length && this.characters[from + offset] === text.charCodeAt(start + offset)) offset += 1;
      if (offset === length) return this.entryValues[entry]!;
    }
  }

  /** Stores the scanner's current word, which `get` just reported missing. */
  add(word: WordScanner, value: number): void {
    const { text, start, end, key } = word;
    if (key !== 0) {
      this.placeKeyed(key, value);
      this.keyedCount += 1;
      if (this.keyedCount * 2 > this.keyedSlots.length) this.growKeyed();
      return;
    }
    const length = end - start;
    const entry = this.hashedCount;
    if (entry === this.entryValues.length) {
      this.entryStarts = grown(this.entryStarts, entry * 2);
      this.entryLengths = grown(this.entryLengths, entry * 2);
      this.entryValues = grown(this.entryValues, entry * 2);
    }
    if (this.characterCount + length > this.characters.length) {
      const characters = new Uint16Array(Math.max(this.characters.length * 2, this.characterCount + length));
      characters.set(this.characters);
      this.characters = characters;
    }
    for (let offset = 0; offset < length; offset += 1) this.characters[this.characterCount + offset] = text.charCodeAt(start + offset);
    this.entryStarts[entry] = this.characterCount;
    this.entryLengths[entry] = length;
    this.entryValues[entry] = value;
    this.characterCount += length;
    this.placeHashed(hashOf(text, start, end), entry);
    this.hashedCount += 1;
    if (this.hashedCount * 2 > this.hashedSlots.length) this.growHashed();
  }

  private placeKeyed(key: number, value: number): void {
    const mask = this.keyedSlots.length - 1;
    let slot = spreadKey(key) & mask;
    while (this.keyedSlots[slot] !== 0) slot = (slot + 1) & mask;
    this.keyedSlots[slot] = key;
    this.keyedValues[slot] = value;
  }

  private growKeyed(): void {
    const oldSlots = this.keyedSlots;
    const oldValues = this.keyedValues;
    this.keyedSlots = new Float64Array(oldSlots.length * 2);
    this.keyedValues = new Int32Array(oldSlots.length * 2);
    for (let slot = 0; slot < oldSlots.length; slot += 1) {
      if (oldSlots[slot] !== 0) this.placeKeyed(oldSlots[slot]!, oldValues[slot]!);
    }
  }

  private placeHashed(hash: number, entry: number): void {
    const mask = this.hashedSlots.length - 1;
    let slot = spread(hash) & mask;
    while (this.hashedSlots[slot] !== 0) slot = (slot + 1) & mask;
    this.hashedSlots[slot] = entry + 1;
    this.hashedSlotHashes[slot] = hash;
  }

  private growHashed(): void {
    const oldSlots = this.hashedSlots;
    const oldHashes = this.hashedSlotHashes;
    this.hashedSlots = new Int32Array(oldSlots.length * 2);
    this.hashedSlotHashes = new Int32Array(oldSlots.length * 2);
    for (let slot = 0; slot < oldSlots.length; slot += 1) {
      if (oldSlots[slot] !== 0) this.placeHashed(oldHashes[slot]!, oldSlots[slot]! - 1);
    }
  }
}

function grown(array: Int32Array, length: number): Int32Array<ArrayBuffer> {
  const copy = new Int32Array(length);
  copy.set(array);
  return copy;
}

/** h = h × 31 + char code over text[start, end), in 32 bits. */
function hashOf(text: string, start: number, end: number): number {
  let hash = 0;
  for (let index = start; index < end; index += 1) hash = (Math.imul(hash, 31) + text.charCodeAt(index)) | 0;
  return hash;
}

/** A key (an integer below 2^53) folded to 32 bits and spread. */
function spreadKey(key: number): number {
  return spread((key | 0) ^ Math.imul((key / 4294967296) | 0, 0x9e3779b1));
}

/** The low bits pick the slot; mixing the high bits into them keeps similar words apart. */
function spread(hash: number): number {
  const mixed = Math.imul(hash ^ (hash >>> 16), 0x45d9f3b);
  return mixed ^ (mixed >>> 16);
}
