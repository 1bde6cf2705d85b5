import { z } from 'zod';
import { indexWordClusters, type WordClusters } from './features';
import clusterFile from './weights/word-clusters.json';

const WordClustersFileSchema = z.object({ source: z.string(), clusters: z.array(z.string()).min(2) });

let index: WordClusters | undefined;

/** Words grouped by meaning from pretrained GloVe vectors (scripts/train/buildWordClusters.ts); built on first use. */
export function shippedWordClusters(): WordClusters {
  index ??= indexWordClusters(WordClustersFileSchema.parse(clusterFile).clusters);
  return index;
}
