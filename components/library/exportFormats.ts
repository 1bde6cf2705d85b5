import type { ExportFormat } from '../../lib/messaging/protocol';

export const EXPORT_FORMAT_LABELS: Record<ExportFormat, string> = {
  bibtex: 'BibTeX',
  ris: 'RIS',
  'csl-json': 'CSL-JSON',
  csv: 'CSV',
  json: 'JSON backup',
};
