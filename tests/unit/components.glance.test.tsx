// @vitest-environment happy-dom
import { cleanup, render, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { AtAGlance } from '../../components/panel/AtAGlance';
import type { HubView } from '../../lib/domain/view';
import { makeSampleView } from '../fixtures/views/sampleView';

afterEach(cleanup);

const noop = () => {};

function renderGlance(view: HubView, phase: 'done' | 'pending' = 'done') {
  const { container } = render(<AtAGlance view={view} status={{ phase, statusText: phase === 'pending' ? 'Citing papers: loading…' : undefined }} onRetry={noop} />);
  const section = container.querySelector<HTMLElement>('[data-section="glance"]')!;
  const entry = (term: string) => {
    const dt = [...section.querySelectorAll('dt')].find((element) => element.textContent === term);
    return dt ? (dt.nextElementSibling as HTMLElement) : null;
  };
  return { section, entry };
}

describe('At a glance', () => {
  it('shows the TL;DR with its source, the framing, claims by type and reception figures from the view', () => {
    const view = makeSampleView();
    const { section, entry } = renderGlance(view);
    expect(within(section).getByRole('heading', { name: 'At a glance' })).toBeTruthy();
    expect(entry('TL;DR')!.textContent).toContain(view.paper!.tldr!);
    expect(entry('TL;DR')!.textContent).toContain('Semantic Scholar TL;DR');
    expect(entry('Problem')!.textContent).toContain('Language modelling provides a step towards intelligent communication systems');
    expect(entry('Contributions')!.textContent).toContain('We present an analysis of Transformer-based language model performance');
    expect(entry('Main results')!.textContent).toContain('152 diverse tasks');
    expect(entry('Limitations')!.textContent).toContain('Logical and mathematical reasoning see less benefit from scale.');
    // 1,204 of the 1,522 papers with a role (1,204 + 231 + 87) = 79 %; 312 + 41 + 1,169 = 1,522 with a polarity.
    expect(entry('How the field uses it')!.textContent).toBe(
      'Cited by 1,812 papers; 79 % of the 1,522 with a role cite it as background; of 1,522 with a polarity, 312 support it and 41 contrast it.',
    );
    expect(entry('Where citing papers push back')!.textContent).toContain(view.polarity.examples.contrasting[0]!.text);
    expect(entry('Where citing papers push back')!.textContent).toContain('confidence 84 %');
    const coCited = within(entry('Most often cited with')!).getAllByRole('listitem');
    expect(coCited).toHaveLength(Math.min(3, view.coCited.length));
    expect(coCited[0]!.textContent).toContain(view.coCited[0]!.paper.title);
    // Only representative papers whose role is methodology are listed as building on the method.
    const methodology = view.representative.filter((paper) => paper.role === 'methodology');
    const buildingOn = entry('Building on its method');
    expect(buildingOn ? within(buildingOn).getAllByRole('listitem').length : 0).toBe(methodology.length);
  });

  it('links only to https pages and renders hostile strings as text', () => {
    const view = makeSampleView();
    const hostile = '<img src=x onerror=alert(1)>';
    view.paper = { ...view.paper!, tldr: hostile };
    view.coCited = [{ ...view.coCited[0]!, paper: { ...view.coCited[0]!.paper, title: hostile, url: 'javascript:alert(1)', arxivId: undefined, doi: undefined } }];
    const { section, entry } = renderGlance(view);
    expect(section.querySelector('img')).toBeNull();
    expect(entry('TL;DR')!.textContent).toContain(hostile);
    for (const link of section.querySelectorAll('a')) expect(link.getAttribute('href')).toMatch(/^https:\/\//);
  });

  it('says what is missing instead of showing empty headings', () => {
    const view = makeSampleView();
    view.paper = null;
    view.claims = [];
    view.roles = { ...view.roles, perPaper: { background: 0, methodology: 0, result: 0, unclassified: 0 }, totalPapers: 0 };
    view.tier = { ...view.tier, citingPapers: 0 };
    const { section } = renderGlance(view);
    expect(section.getAttribute('data-section-state')).toBe('empty');
    expect(section.textContent).toContain('Nothing to summarise yet');
    expect(section.querySelectorAll('dt')).toHaveLength(0);
  });
});
