import type { StageName } from '../../lib/domain/hub';
import type { SectionName } from '../../lib/settings/sectionNames';

export { SECTION_NAMES, type SectionName } from '../../lib/settings/sectionNames';

export const SECTION_TITLES: Record<SectionName, string> = {
  header: 'Paper',
  timeline: 'Citations over time',
  glance: 'At a glance',
  roles: 'How citing papers use it',
  polarity: 'Citation polarity',
  claims: 'Claims ledger',
  'co-cited': 'Co-cited works',
  representative: 'Representative citing papers',
  citing: 'Citing papers',
  references: 'What it cites',
  similar: 'Similar papers',
};

/** Pipeline stages whose results a section shows: while they run the section shows progress, if they fail it says so. */
export const SECTION_STAGES: Record<SectionName, readonly StageName[]> = {
  header: ['paper'],
  timeline: ['citations', 'yearCounts'],
  glance: ['paper', 'citations', 'classify'],
  roles: ['citations'],
  polarity: ['citations', 'classify'],
  claims: ['paper', 'citations', 'classify'],
  'co-cited': ['batch', 'cocitedMeta'],
  representative: ['citations', 'batch'],
  citing: ['citations'],
  references: ['references'],
  similar: ['recommendations'],
};

export const STAGE_LABELS: Record<StageName, string> = {
  paper: 'Paper details',
  citations: 'Citing papers',
  yearCounts: 'OpenAlex citations per year',
  batch: 'References of citing papers',
  cocitedMeta: 'Co-cited works',
  recommendations: 'Similar papers',
  references: 'References',
  classify: 'Classifying citation sentences',
};
