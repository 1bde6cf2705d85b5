/**
 * Co-citation map layout benchmark: the 30 most co-cited works of a 5,000-citation hub and their
 * thinned links (the real analytics over a 2,000-paper reference sample), laid out by the shipped
 * d3-force layout. Prints the first layout (a cold start, as when a reader first opens the map) and
 * the median of 20 more. Goal: ≤ 100 ms for 30 nodes on the main thread.
 * Run alone with `npx tsx scripts/bench/map.ts`.
 */
import { pathToFileURL } from 'node:url';
import { buildCoCitationLinks, buildCoCited } from '../../lib/analytics';
import { layoutCoCitationMap } from '../../lib/cocitationMap/layout';
import { generateCorpus } from '../../lib/hub/fakeSource';
import { formatFigure, type Figure } from './figure';

const RUNS = 20;

export async function run(): Promise<Figure[]> {
  const corpus = generateCorpus({ citationCount: 5_000, seed: 5 });
  const sample = Object.fromEntries(Object.entries(corpus.references).slice(0, 2_000));
  const { coCited } = buildCoCited(sample, corpus.target.paperId, corpus.works);
  const links = buildCoCitationLinks(sample, coCited);
  const input = {
    nodes: coCited.map((work) => ({ id: work.paper.paperId, count: work.count, labelLength: Math.min(20, work.paper.title.length) })),
    links,
    width: 320,
    height: 300,
  };
  const first = layoutCoCitationMap(input).elapsedMs;
  const times: number[] = [];
  for (let i = 0; i < RUNS; i += 1) times.push(layoutCoCitationMap(input).elapsedMs);
  times.sort((a, b) => a - b);
  return [
    { name: `co-citation map layout, first (${input.nodes.length} nodes, ${links.length} links)`, value: Math.round(first * 100) / 100, unit: 'ms' },
    { name: `co-citation map layout, median of ${RUNS} (${input.nodes.length} nodes)`, value: Math.round(times[Math.floor(RUNS / 2)]! * 100) / 100, unit: 'ms' },
  ];
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  for (const figure of await run()) console.log(formatFigure(figure));
}
