import type { Polarity } from '../domain/labels';
import { correctionKey, type PolarityCorrections } from '../analytics/corrections';
import type { CitationHubDb } from './database';

/**
 * The reader's polarity corrections, read from IndexedDB once per paper and then served from memory,
 * so building a view stays synchronous. `revision` changes with every change to a paper's corrections.
 */
export interface PolarityCorrectionStore {
  /** Loads a paper's corrections (once); resolves to whether it has any. */
  load(arxivId: string): Promise<boolean>;
  /** What is loaded for the paper (empty until `load` resolved). */
  current(arxivId: string): { revision: number; corrections: PolarityCorrections };
  /** Stores the reader's label for one sentence, or removes it with null. */
  set(arxivId: string, citingPaperId: string, text: string, label: Polarity | null, now: number): Promise<void>;
}

const EMPTY: PolarityCorrections = new Map();

export function createPolarityCorrectionStore(db: CitationHubDb): PolarityCorrectionStore {
  const loaded = new Map<string, { revision: number; corrections: Map<string, Polarity> }>();
  const pending = new Map<string, Promise<void>>();

  const load = async (arxivId: string): Promise<boolean> => {
    if (!loaded.has(arxivId)) {
      let reading = pending.get(arxivId);
      if (!reading) {
        reading = db.polarityCorrections
          .where('arxivId')
          .equals(arxivId)
          .toArray()
          .then((rows) => {
            loaded.set(arxivId, { revision: 1, corrections: new Map(rows.map((row) => [correctionKey(row.citingPaperId, row.text), row.label])) });
          })
          .finally(() => pending.delete(arxivId));
        pending.set(arxivId, reading);
      }
      await reading;
    }
    return (loaded.get(arxivId)?.corrections.size ?? 0) > 0;
  };

  return {
    load,
    current(arxivId) {
      return loaded.get(arxivId) ?? { revision: 0, corrections: EMPTY };
    },
    async set(arxivId, citingPaperId, text, label, now) {
      await load(arxivId);
      const id = `${arxivId}\u0000${citingPaperId}\u0000${text}`;
      if (label === null) await db.polarityCorrections.delete(id);
      else await db.polarityCorrections.put({ id, arxivId, citingPaperId, text, label, correctedAt: now });
      const entry = loaded.get(arxivId)!;
      const corrections = new Map(entry.corrections);
      if (label === null) corrections.delete(correctionKey(citingPaperId, text));
      else corrections.set(correctionKey(citingPaperId, text), label);
      loaded.set(arxivId, { revision: entry.revision + 1, corrections });
    },
  };
}
