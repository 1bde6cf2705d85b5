/** How much of the citation graph the hub is built on, for the provenance line. */
import type { HubData } from '../domain/hub';
import type { Coverage } from '../domain/view';

export function computeCoverage(data: Pick<HubData, 'citations' | 'provenance'>): Coverage {
  let papersWithContexts = 0;
  let sentences = 0;
  for (const citation of data.citations) {
    if (citation.sentences.length > 0) papersWithContexts += 1;
    sentences += citation.sentences.length;
  }
  return {
    citationsReported: data.provenance.citationsReported,
    // The provenance figure can lag the citations already stored while a fetch is running.
    citationsListed: Math.max(data.provenance.citationsListed, data.citations.length),
    papersWithContexts,
    sentences,
    batchSampled: data.provenance.batchSampled,
    droppedRows: data.provenance.droppedRows,
  };
}
