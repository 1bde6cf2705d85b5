import type { RoleSummary as RoleSummaryData } from '../../lib/domain/view';
import { formatCount, formatPercent } from '../shared/format';
import { SectionFrame } from '../shared/SectionFrame';
import { RoleBreakdown } from './RoleBreakdown';
import type { SectionStatus } from './sectionStatus';
import { SECTION_TITLES } from './sections';

export interface RoleSummaryProps {
  roles: RoleSummaryData;
  status: SectionStatus;
  onRetry(): void;
}

/** How citing papers use the paper, per citing paper and per citation sentence, with the locally classified share. */
export function RoleSummary({ roles, status, onRetry }: RoleSummaryProps) {
  const isEmpty = roles.totalPapers === 0 && roles.totalSentences === 0;
  const sourceLabelled = Math.max(0, roles.totalSentences - roles.locallyClassifiedSentences);

  return (
    <SectionFrame
      name="roles"
      title={SECTION_TITLES.roles}
      phase={status.phase}
      statusText={status.statusText}
      isEmpty={isEmpty}
      emptyText="No citing papers yet."
      skeletonHeight={150}
      onRetry={onRetry}
    >
      <RoleBreakdown roles={roles} unit={{ column: 'Citing papers', caption: 'citing paper' }} caption="Citation roles" />
      <p class="ch-note">
        <span class="ch-local-mark" aria-hidden="true">
          ◆
        </span>{' '}
        {formatCount(roles.locallyClassifiedSentences)} of {formatCount(roles.totalSentences)} sentence labels ({formatPercent(roles.locallyClassifiedSentences, roles.totalSentences)}) were
        classified locally by the built-in model; {formatCount(sourceLabelled)} came from Semantic Scholar.
      </p>
    </SectionFrame>
  );
}
