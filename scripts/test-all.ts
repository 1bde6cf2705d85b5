/**
 * `npm test`: everything CI and a newcomer run. Type check, Chrome + Firefox builds, Firefox
 * lint, unit tests (classifier floors included), build budgets, real-browser e2e tests in
 * Chromium, then the Firefox suite in firefox-esr.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromiumPath } from '../tests/e2e/harness';
import { FIREFOX_INSTALL_HINT, firefoxPath } from '../tests/firefox/harness';

interface VitestReport {
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests: number;
}

function run(title: string, command: string, args: string[]): boolean {
  console.log(`\n▶ ${title}: ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { stdio: 'inherit', env: process.env });
  if (result.status !== 0) console.error(`✖ ${title} failed (exit ${result.status ?? result.signal})`);
  return result.status === 0;
}

function vitest(title: string, extraArgs: string[], reportDir: string): { ok: boolean; report: VitestReport | null } {
  const reportFile = join(reportDir, `${title.replace(/\W+/g, '-')}.json`);
  const ok = run(title, 'npx', ['vitest', 'run', ...extraArgs, '--reporter=default', '--reporter=json', `--outputFile.json=${reportFile}`]);
  const report = existsSync(reportFile) ? (JSON.parse(readFileSync(reportFile, 'utf8')) as VitestReport) : null;
  return { ok, report };
}

const browser = chromiumPath();
if (!existsSync(browser)) {
  console.error(
    `Chromium was not found at ${browser}. The browser tests need it.\n` +
      'Install it with:  sudo apt-get install -y chromium   (Debian/Ubuntu; as root drop sudo)\n' +
      'or point CHROMIUM_PATH at an existing Chromium/Chrome binary.',
  );
  process.exit(1);
}
if (!existsSync(firefoxPath())) {
  console.error(`Firefox was not found at ${firefoxPath()}. The Firefox tests need it.\n${FIREFOX_INSTALL_HINT}`);
  process.exit(1);
}

const reportDir = mkdtempSync(join(tmpdir(), 'citation-hub-tests-'));
const steps: boolean[] = [];
steps.push(run('type check', 'npx', ['tsc', '--noEmit', '-p', '.']));
steps.push(run('Chrome build', 'npx', ['wxt', 'build']));
steps.push(run('Firefox build', 'npx', ['wxt', 'build', '-b', 'firefox']));
steps.push(run('Firefox lint', 'npx', ['web-ext', 'lint', '--source-dir', '.output/firefox-mv2', '--self-hosted', '--warnings-as-errors=false']));
const unit = vitest('unit tests', [], reportDir);
const e2e = vitest('browser and build tests', ['--config', 'vitest.e2e.config.ts'], reportDir);
const firefox = vitest('Firefox tests', ['--config', 'vitest.firefox.config.ts'], reportDir);
rmSync(reportDir, { recursive: true, force: true });

const runners = [unit, e2e, firefox];
const sum = (count: (report: VitestReport) => number) => runners.reduce((total, runner) => total + (runner.report ? count(runner.report) : 0), 0);
const passed = sum((report) => report.numPassedTests);
const failed = sum((report) => report.numFailedTests);
const skipped = sum((report) => report.numPendingTests);
const stepFailures = steps.filter((ok) => !ok).length;
// A runner that crashed before counting (e.g. an unhandled error) still counts as one failure.
const crashedRunners = runners.filter((runner) => !runner.ok && (runner.report?.numFailedTests ?? 0) === 0).length;
const ok = stepFailures === 0 && failed === 0 && crashedRunners === 0;
if (stepFailures > 0) console.error(`\n${stepFailures} build/check step(s) failed (see ✖ above).`);
console.log(`\ntests: ${passed} passed, ${failed + crashedRunners} failed, ${skipped} skipped`);
process.exit(ok ? 0 : 1);
