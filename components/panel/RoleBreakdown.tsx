import { INTENTS } from '../../lib/domain/labelNames';
import type { RoleSummary } from '../../lib/domain/view';
import { Bar } from '../shared/Bar';
import { formatCount, formatPercent } from '../shared/format';
import { ROLE_BUCKETS, ROLE_LABELS } from './labels';

export interface RoleBreakdownProps {
  roles: RoleSummary;
  /** What one row counts, capitalised plural for the column and lower-case for the captions: "Citing papers" / "citing paper". */
  unit: { column: string; caption: string };
  caption: string;
}

/**
 * Roles per paper and per sentence: two stacked bars and the same numbers as a table, each role's
 * row carrying `data-role` and its per-paper count in `data-count`.
 */
export function RoleBreakdown({ roles, unit, caption }: RoleBreakdownProps) {
  const perPaper = ROLE_BUCKETS.map((role) => ({ key: role, label: ROLE_LABELS[role], value: roles.perPaper[role] ?? 0, tone: role }));
  const perSentence = INTENTS.map((role) => ({ key: role, label: ROLE_LABELS[role], value: roles.perSentence[role] ?? 0, tone: role }));
  return (
    <>
      <p class="ch-bar-caption">
        Per {unit.caption} ({formatCount(roles.totalPapers)})
      </p>
      <Bar label={`${unit.column} by role`} segments={perPaper} />
      <p class="ch-bar-caption">Per citation sentence ({formatCount(roles.totalSentences)})</p>
      <Bar label="Citation sentences by role" segments={perSentence} />
      <table class="ch-table">
        <caption class="ch-sr">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Role</th>
            <th scope="col">{unit.column}</th>
            <th scope="col">Sentences</th>
          </tr>
        </thead>
        <tbody>
          {ROLE_BUCKETS.map((role) => {
            const papers = roles.perPaper[role] ?? 0;
            const sentences = role === 'unclassified' ? null : (roles.perSentence[role] ?? 0);
            return (
              <tr key={role} data-role={role} data-count={papers}>
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
    </>
  );
}
