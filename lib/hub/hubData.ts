/** Building blocks for HubData as the pipeline fills it in. Pure. */
import { STAGES, type HubData, type StageName, type StageProgress } from '../domain/hub';
import type { Paper } from '../domain/paper';

export const FALLBACK_STAGE_MESSAGE = "Semantic Scholar does not list this paper's citations yet";

export function emptyHubData(arxivId: string, startedAt: number): HubData {
  const stages = {} as Record<StageName, StageProgress>;
  for (const stage of STAGES) stages[stage] = { status: 'queued', done: 0, total: null };
  return {
    arxivId,
    paper: null,
    citations: [],
    referencesByCiting: {},
    coCitedPapers: {},
    recommendations: [],
    references: [],
    yearCounts: null,
    stages,
    provenance: {
      sources: ['semanticscholar'],
      fetchedAt: startedAt,
      fallback: false,
      droppedRows: 0,
      citationsListed: 0,
      citationsReported: 0,
      batchSampled: 0,
    },
  };
}

/** A hub with counts and metadata only, from OpenAlex, when Semantic Scholar does not know the paper. */
export function fallbackHubData(arxivId: string, paper: Paper, fetchedAt: number): HubData {
  const base = emptyHubData(arxivId, fetchedAt);
  const stages = {} as Record<StageName, StageProgress>;
  for (const stage of STAGES) {
    stages[stage] =
      stage === 'paper'
        ? { status: 'done', done: 1, total: 1 }
        : { status: 'skipped', done: 0, total: null, message: FALLBACK_STAGE_MESSAGE };
  }
  return {
    ...base,
    paper,
    stages,
    provenance: {
      ...base.provenance,
      sources: ['openalex'],
      fallback: true,
      citationsReported: paper.citationCount ?? 0,
    },
  };
}

export function withStage(data: HubData, stage: StageName, progress: Partial<StageProgress>): HubData {
  const next: StageProgress = { ...data.stages[stage], ...progress };
  // A stale message from an earlier attempt must not survive a successful retry.
  if (progress.message === undefined && progress.status !== undefined && progress.status !== data.stages[stage].status) {
    delete next.message;
  }
  return { ...data, stages: { ...data.stages, [stage]: next } };
}

export function isStageFinished(progress: StageProgress): boolean {
  return progress.status === 'done' || progress.status === 'failed' || progress.status === 'skipped';
}

export function allStagesFinished(data: HubData): boolean {
  return STAGES.every((stage) => isStageFinished(data.stages[stage]));
}
