import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveSample } from './fixtures';
import { launchExtension, type ExtensionSession } from './harness';
import { PanelPage } from './pages/panelPage';

/*
 * Citation polarity in real Chromium with the built extension, on the sample Scaling Laws hub
 * (1,050 citing papers, some of whose sentences plainly agree or push back). The shipped model runs
 * in the background worker; corrections go through the protocol and are stored in IndexedDB.
 */

let session: ExtensionSession;

beforeAll(async () => {
  session = await launchExtension();
  serveSample(session);
});
afterAll(async () => session?.close());

async function paperCounts(panel: PanelPage): Promise<Record<string, number>> {
  const items = panel.section('polarity').locator('[data-polarity][data-count]');
  const pairs = await items.evaluateAll((elements) => elements.map((element) => [element.getAttribute('data-polarity'), Number(element.getAttribute('data-count'))] as const));
  return Object.fromEntries(pairs);
}

describe('citation polarity on a real hub', () => {
  let panel: PanelPage;
  beforeAll(async () => {
    panel = new PanelPage(await session.newPage());
    panel.page.setDefaultTimeout(15_000);
    expect(await panel.open('https://arxiv.org/abs/2001.08361')).toBe('ready');
  }, 120_000);
  afterAll(async () => panel?.page.close());

  it('finds both supporting and contrasting papers, and the counts add up to the citing papers', async () => {
    const counts = await paperCounts(panel);
    expect(counts.supporting).toBeGreaterThan(0);
    expect(counts.contrasting).toBeGreaterThan(0);
    const total = Object.values(counts).reduce((sum, count) => sum + count, 0);
    expect(total).toBe(1050);
    await expect.poll(() => panel.section('polarity').locator('[data-role="polarity-precision"]').innerText()).toMatch(/“contrasting” was right \d+ % of the time/);
  });

  it('a correction changes the counts at once and is kept after a reload', async () => {
    const before = await paperCounts(panel);
    const polarity = panel.section('polarity');
    await polarity.locator('li[data-polarity="contrasting"] button').click();
    const example = polarity.locator('[data-sentence-polarity="contrasting"]').first();
    await example.getByRole('button', { name: 'Wrong label?' }).click();
    await example.getByRole('group', { name: 'The right label for this sentence' }).getByRole('button', { name: 'Neutral' }).click();

    // Examples are one per paper, the paper's most confident contrasting sentence; the paper stays
    // contrasting only if another of its sentences is, so the count drops by one or stays. A paper
    // that leaves "contrasting" becomes supporting if one of its sentences supports, else neutral.
    await expect.poll(() => polarity.innerText()).toContain('1 corrected by you');
    const after = await paperCounts(panel);
    const left = before.contrasting! - after.contrasting!;
    expect([0, 1]).toContain(left);
    expect(after.supporting! - before.supporting! + (after.neutral! - before.neutral!)).toBe(left);
    expect(after.supporting! - before.supporting!).toBeGreaterThanOrEqual(0);

    await panel.page.reload();
    expect(await panel.open('https://arxiv.org/abs/2001.08361')).toBe('ready');
    await expect.poll(() => panel.section('polarity').innerText()).toContain('1 corrected by you');
    // The reader's label has confidence 1, so it leads the neutral examples; undoing it restores the model's counts.
    await panel.section('polarity').locator('li[data-polarity="neutral"] button').click();
    const corrected = panel.section('polarity').locator('[data-corrected="true"]');
    await expect.poll(() => corrected.count()).toBe(1);
    await corrected.getByRole('button', { name: 'Undo my correction' }).click();
    await expect.poll(() => paperCounts(panel)).toEqual(before);
  });
});
