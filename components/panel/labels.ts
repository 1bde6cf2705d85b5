import { POLARITIES } from '../../lib/domain/labelNames';
import type { ClaimType, PolarityBucket, RoleBucket, TierName } from '../../lib/domain/view';

export const ROLE_BUCKETS: readonly RoleBucket[] = ['background', 'methodology', 'result', 'unclassified'];
export const POLARITY_BUCKETS: readonly PolarityBucket[] = ['supporting', 'contrasting', 'neutral', 'unclassified'];
export const POLARITIES_ONLY = POLARITIES;

export const ROLE_LABELS: Record<RoleBucket, string> = {
  background: 'Background',
  methodology: 'Methodology',
  result: 'Result',
  unclassified: 'Unclassified',
};

export const POLARITY_LABELS: Record<PolarityBucket, string> = {
  supporting: 'Supporting',
  contrasting: 'Contrasting',
  neutral: 'Neutral',
  unclassified: 'Unclassified',
};

export const CLAIM_TYPE_LABELS: Record<ClaimType, string> = {
  contribution: 'Contribution',
  result: 'Result',
  method: 'Method',
  limitation: 'Limitation',
};

export const TIER_LABELS: Record<TierName, string> = {
  none: 'Not a hub',
  hub: 'Hub',
  'super-hub': 'Super hub',
};
