import { z } from 'zod';
import { indexWordClusters, wordClustersFingerprint, type WordClusters } from './features';
import clusterFile from './weights/word-clusters.json';

const WordClustersFileSchema = z.object({ source: z.string(), clusters: z.array(z.string()).min(2) });

export interface ShippedWordClusters {
  index: WordClusters;
  fingerprint: string;
}

let shipped: ShippedWordClusters | undefined;

/** Words grouped by meaning from pretrained GloVe vectors (scripts/train/buildWordClusters.ts); built on first use. */
export function shippedWordClusters(): ShippedWordClusters {
  if (!shipped) {
    const { clusters } = WordClustersFileSchema.parse(clusterFile);
    shipped = { index: indexWordClusters(clusters), fingerprint: wordClustersFingerprint(clusters) };
  }
  return shipped;
}
