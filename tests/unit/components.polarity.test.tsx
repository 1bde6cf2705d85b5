// @vitest-environment happy-dom
import { cleanup, fireEvent, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import measured from '../../lib/classify/weights/polarity-measured.json';
import { makeSampleView } from '../fixtures/views/sampleView';
import { renderPanel } from '../fixtures/views/renderPanel';

afterEach(cleanup);

const text = (element: Element) => (element.textContent ?? '').replace(/\s+/g, ' ');

describe('citation polarity section', () => {
  it('puts each per-paper count on one element with data-polarity and data-count', () => {
    const { section } = renderPanel();
    const counts = Object.fromEntries(
      [...section('polarity').querySelectorAll('[data-polarity][data-count]')].map((element) => [element.getAttribute('data-polarity'), Number(element.getAttribute('data-count'))]),
    );
    expect(counts).toEqual({ supporting: 312, contrasting: 41, neutral: 1169, unclassified: 290 });
  });

  it('states the measured precision of the shown labels in words and opens the definitions', () => {
    const { section } = renderPanel();
    const polarity = section('polarity');
    const percent = (value: number) => `${Math.round(value * 100)} %`;
    expect(text(polarity)).toContain(`“contrasting” was right ${percent(measured.shown.contrasting.precision)} of the time`);
    expect(text(polarity)).toContain(`“supporting” ${percent(measured.shown.supporting.precision)}`);
    const help = within(polarity).getByRole('button', { name: 'What the labels mean' });
    fireEvent.click(help);
    expect(text(polarity)).toContain('fails to reproduce, finds the method failing or underperforming');
    expect(text(polarity)).toContain('Numbered citations (“[12]”) cannot be told apart');
  });

  it('says when the model abstained and when a label is the reader’s own', () => {
    const view = makeSampleView();
    const [first] = view.polarity.examples.neutral;
    const second = view.polarity.examples.supporting[0]!;
    view.polarity = {
      ...view.polarity,
      abstainedSentences: 12,
      correctedSentences: 1,
      examples: {
        ...view.polarity.examples,
        neutral: [
          { ...first!, confidence: 0.4, leaning: { label: 'contrasting', confidence: 0.52 } },
          { ...second, label: 'neutral', confidence: 1, correctedFrom: 'supporting' },
        ],
      },
    };
    const { section } = renderPanel({ view, onCorrectPolarity: vi.fn(async () => {}) });
    const polarity = section('polarity');
    expect(text(polarity)).toContain('12 with no clear stance count as neutral, 1 corrected by you');
    fireEvent.click(within(polarity).getByRole('button', { name: /^Neutral/ }));
    expect(text(polarity)).toContain('No clear stance (leaned contrasting, 52 %)');
    expect(text(polarity)).toContain('Neutral, your correction (the model said supporting)');
    expect(within(polarity).getAllByRole('button', { name: 'Undo my correction' })).toHaveLength(1);
  });

  it('lets the reader mark a label wrong and pick the right one, and announces the result', async () => {
    const onCorrectPolarity = vi.fn(async () => {});
    const { section } = renderPanel({ onCorrectPolarity });
    const polarity = section('polarity');
    fireEvent.click(within(polarity).getByRole('button', { name: /^Contrasting/ }));
    const example = polarity.querySelector('[data-sentence-polarity="contrasting"]') as HTMLElement;
    fireEvent.click(within(example).getByRole('button', { name: 'Wrong label?' }));
    const choices = within(example).getByRole('group', { name: 'The right label for this sentence' });
    expect(within(choices).getAllByRole('button').map((button) => button.textContent)).toEqual(['Supporting', 'Neutral']);
    fireEvent.click(within(choices).getByRole('button', { name: 'Neutral' }));
    const quoted = example.querySelector('blockquote')!.textContent!;
    expect(onCorrectPolarity).toHaveBeenCalledTimes(1);
    const [citingPaperId, sentence, label] = onCorrectPolarity.mock.calls[0] as unknown as [string, string, string];
    expect(label).toBe('neutral');
    expect(sentence.startsWith(quoted.slice(0, 40))).toBe(true);
    expect(citingPaperId).toMatch(/\S/);
    await waitFor(() => expect(within(example).getByRole('status').textContent).toBe('Marked neutral; counts updated.'));
  });

  it('keeps the label and says so when the correction cannot be stored', async () => {
    const onCorrectPolarity = vi.fn(async () => {
      throw new Error('That sentence is not among the citing sentences of this paper; nothing was changed.');
    });
    const { section } = renderPanel({ onCorrectPolarity });
    const polarity = section('polarity');
    fireEvent.click(within(polarity).getByRole('button', { name: /^Supporting/ }));
    const example = polarity.querySelector('[data-sentence-polarity="supporting"]') as HTMLElement;
    fireEvent.click(within(example).getByRole('button', { name: 'Wrong label?' }));
    fireEvent.click(within(example).getByRole('button', { name: 'Contrasting' }));
    await waitFor(() => expect(within(example).getByRole('status').textContent).toContain('Could not save the correction: That sentence is not among'));
    expect(example.getAttribute('data-sentence-polarity')).toBe('supporting');
  });

  it('offers no correction control where corrections cannot be stored', () => {
    const { section } = renderPanel();
    const polarity = section('polarity');
    fireEvent.click(within(polarity).getByRole('button', { name: /^Supporting/ }));
    expect(within(polarity).queryByRole('button', { name: 'Wrong label?' })).toBeNull();
  });
});
