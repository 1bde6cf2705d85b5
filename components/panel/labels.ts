import type { Intent, Polarity } from '../../lib/domain/labels';
import type { ClaimType, PolarityBucket, RoleBucket, TierName } from '../../lib/domain/view';

/** The three intents, spelled out rather than imported from lib/domain/labels: that module builds zod schemas, which the panel bundle must not carry. */
export const ROLES_ONLY: readonly Intent[] = ['background', 'methodology', 'result'];
export const ROLE_BUCKETS: readonly RoleBucket[] = ['background', 'methodology', 'result', 'unclassified'];
export const POLARITY_BUCKETS: readonly PolarityBucket[] = ['supporting', 'contrasting', 'neutral', 'unclassified'];
export const POLARITIES_ONLY: readonly Polarity[] = ['supporting', 'contrasting', 'neutral'];

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
