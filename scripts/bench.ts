/**
 * `npm run bench`: prints every performance figure, one per line as `name: value unit`.
 * Timing figures are printed, not asserted; deterministic budgets are enforced by `npm test`.
 */
import { spawnSync } from 'node:child_process';
import { formatFigure, type Figure } from './bench/figure';

interface BenchModule {
  run(): Promise<Figure[]>;
}

const modules: [name: string, load: () => Promise<BenchModule>][] = [
  ['classifiers', () => import('./bench/classify')],
  ['analytics', () => import('./bench/analytics')],
  ['pipeline', () => import('./bench/pipeline')],
  ['bibliography', () => import('./bench/bibliography')],
  ['map', () => import('./bench/map')],
  ['browser', () => import('./bench/browser')],
];

if (!process.argv.includes('--no-build')) {
  const build = spawnSync('npx', ['wxt', 'build'], { stdio: ['ignore', 'ignore', 'inherit'] });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

let failures = 0;
for (const [name, load] of modules) {
  try {
    const figures = await (await load()).run();
    for (const figure of figures) console.log(formatFigure(figure));
  } catch (error) {
    failures += 1;
    console.error(`${name} benchmark failed: ${error instanceof Error ? error.stack : String(error)}`);
  }
}
process.exit(failures === 0 ? 0 : 1);
