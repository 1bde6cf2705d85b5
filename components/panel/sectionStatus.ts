import type { StageName, StageProgress } from '../../lib/domain/hub';
import type { SectionPhase } from '../shared/SectionFrame';
import { formatCount } from '../shared/format';
import { readableText } from '../shared/displayText';
import { STAGE_LABELS } from './sections';

export interface SectionStatus {
  phase: SectionPhase;
  statusText?: string;
}

type Stages = Partial<Record<StageName, StageProgress>> | undefined;

function progressText(name: StageName, progress: StageProgress): string {
  const label = STAGE_LABELS[name];
  if (progress.total !== null && progress.total > 0) return `${label}: ${formatCount(progress.done)} of ${formatCount(progress.total)}…`;
  return progress.status === 'queued' ? `${label}: waiting…` : `${label}: loading…`;
}

/** Derives a section's phase from the pipeline stages it depends on (pending wins over failed: data is still coming). */
export function sectionStatus(stages: Stages, names: readonly StageName[]): SectionStatus {
  const entries = names.flatMap((name) => {
    const progress = stages?.[name];
    return progress ? [{ name, progress }] : [];
  });
  const pending = entries.find(({ progress }) => progress.status === 'running') ?? entries.find(({ progress }) => progress.status === 'queued');
  if (pending) return { phase: 'pending', statusText: progressText(pending.name, pending.progress) };
  const failed = entries.find(({ progress }) => progress.status === 'failed');
  if (failed) {
    const message = readableText(failed.progress.message, 200);
    const reason = message ? ` (${message})` : '';
    return { phase: 'failed', statusText: `${STAGE_LABELS[failed.name]} could not be loaded${reason}.` };
  }
  return { phase: 'done' };
}
