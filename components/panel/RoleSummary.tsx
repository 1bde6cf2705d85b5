import { INTENTS } from '../../lib/domain/labelNames';
import type { RoleSummary as RoleSummaryData } from '../../lib/domain/view';
import { Bar } from '../shared/Bar';
import { formatCount, formatPercent } from '../shared/format';
import { SectionFrame } from '../shared/SectionFrame';
import { ROLE_BUCKETS, ROLE_LABELS } from './labels';
import type { SectionStatus } from './sectionStatus';
import { SECTION_TITLES } from './sections';

export interface RoleSummaryProps {
  roles: RoleSummaryData;
  status: SectionStatus;
  onRetry(): void;
}

/** How citing papers use the paper, per citing paper and per citation sentence, with the locally classified share. */
export function RoleSummary({ roles, status, onRetry }: RoleSummaryProps) {
  const perPaper = ROLE_BUCKETS.map((role) => ({ key: role, label: ROLE_LABELS[role], value: roles.perPaper[role] ?? 0, tone: role }));
  const perSentence = INTENTS.map((role) => ({ key: role, label: ROLE_LABELS[role], value: roles.perSentence[role] ?? 0, tone: role }));
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
      <p class="ch-bar-caption">Per citing paper ({formatCount(roles.totalPapers)})</p>
      <Bar label="Citing papers by role" segments={perPaper} />
      <p class="ch-bar-caption">Per citation sentence ({formatCount(roles.totalSentences)})</p>
      <Bar label="Citation sentences by role" segments={perSentence} />
      <table class="ch-table">
        <caption class="ch-sr">Citation roles</caption>
        <thead>
          <tr>
            <th scope="col">Role</th>
            <th scope="col">Papers</th>
            <th scope="col">Sentences</th>
          </tr>
        </thead>
        <tbody>
          {ROLE_BUCKETS.map((role) => {
            const papers = roles.perPaper[role] ?? 0;
            const sentences = role === 'unclassified' ? null : (roles.perSentence[role] ?? 0);
            return (
              <tr key={role} data-role={role}>
                <th scope="row">
                  <span class={`ch-swatch ch-tone--${role}`} aria-hidden="true" />
                  {ROLE_LABELS[role]}
                </th>
                <td>
                  {formatCount(papers)} <span class="ch-muted">({formatPercent(papers, roles.totalPapers)})</span>
                </td>
                <td>
                  {sentences === null ? (
                    <span class="ch-muted">—</span>
                  ) : (
                    <>
                      {formatCount(sentences)} <span class="ch-muted">({formatPercent(sentences, roles.totalSentences)})</span>
                    </>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
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
