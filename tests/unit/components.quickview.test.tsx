// @vitest-environment happy-dom
import { cleanup, fireEvent, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { GOPHER, makeSampleView } from '../fixtures/views/sampleView';
import { renderPanel } from '../fixtures/views/renderPanel';
import { libraryIdFor } from '../../components/shared/libraryId';

afterEach(cleanup);

describe('quick view', () => {
  it('opens in place on click as a labelled non-modal dialog with details, links and save', () => {
    const { section } = renderPanel();
    const coCited = section('co-cited');
    const row = coCited.querySelectorAll<HTMLElement>('[data-paper-id]')[1]!; // Chinchilla
    const opener = within(row).getByRole('button', { name: 'Training Compute-Optimal Large Language Models' });
    fireEvent.click(opener);

    const dialog = within(row).getByRole('dialog', { name: 'Training Compute-Optimal Large Language Models' });
    expect(dialog.getAttribute('aria-modal')).toBe('false');
    expect(opener.getAttribute('aria-expanded')).toBe('true');
    expect(dialog.textContent).toContain('Jordan Hoffmann, Sebastian Borgeaud, Arthur Mensch');
    expect(dialog.textContent).toContain('2022 · arXiv.org');
    expect(dialog.textContent).toContain('TL;DR');
    expect(dialog.textContent).toMatch(/Citations\s*1,650/);
    expect(dialog.textContent).toMatch(/Influential citations\s*190/);
    const links = within(dialog).getAllByRole('link').map((link) => [link.textContent, link.getAttribute('href')]);
    expect(links).toEqual([
      ['arXiv', 'https://arxiv.org/abs/2203.15556'],
      ['Semantic Scholar', 'https://www.semanticscholar.org/paper/8342b592fe238f3d230e4959b06fd10153c45db1'],
    ]);
    expect(within(dialog).getByRole('button', { name: 'Save Training Compute-Optimal Large Language Models' })).toBeTruthy();
    expect(document.activeElement).toBe(dialog);
  });

  it('opens with Enter, closes with Escape and gives focus back to the opener', () => {
    const { section } = renderPanel();
    const row = section('similar').querySelector<HTMLElement>('[data-paper-id]')!;
    const opener = row.querySelector<HTMLButtonElement>('.ch-row-title')!;
    opener.focus();
    fireEvent.keyDown(opener, { key: 'Enter' });
    const dialog = within(row).getByRole('dialog');
    expect(document.activeElement).toBe(dialog);

    const close = within(dialog).getByRole('button', { name: 'Close quick view' });
    close.focus();
    fireEvent.keyDown(close, { key: 'Escape' });
    expect(within(row).queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(opener);
    expect(opener.getAttribute('aria-expanded')).toBe('false');
  });

  it('Escape pressed elsewhere on the page leaves an open quick view alone', () => {
    const { section } = renderPanel();
    const row = section('similar').querySelector<HTMLElement>('[data-paper-id]')!;
    fireEvent.click(row.querySelector('.ch-row-title')!);
    const outside = section('roles').querySelector<HTMLButtonElement>('button')!;
    outside.focus();
    fireEvent.keyDown(outside, { key: 'Escape' });
    expect(within(row).queryByRole('dialog')).not.toBeNull();
  });

  it('works from citing and representative rows too, with DOI links', () => {
    const { section } = renderPanel();
    // Explorer row 0 has a DOI (i % 5 === 0) and an arXiv id (even i).
    const row = section('citing').querySelector<HTMLElement>('[data-paper-id]')!;
    fireEvent.click(row.querySelector('.ch-row-title')!);
    const hrefs = within(row).getAllByRole('link').map((link) => link.getAttribute('href'));
    expect(hrefs).toContain('https://doi.org/10.5555/citing.0');
    expect(hrefs.some((href) => href!.startsWith('https://arxiv.org/abs/'))).toBe(true);
    const representative = section('representative').querySelector<HTMLElement>('[data-paper-id]')!;
    fireEvent.click(representative.querySelector('.ch-row-title')!);
    expect(within(representative).getByRole('dialog')).toBeTruthy();
  });
});

describe('save toggles', () => {
  it('reflect savedIds in aria-pressed and name, and report the paper on click', () => {
    const { section, props } = renderPanel({ savedIds: new Set(['arxiv:2112.11446']) });
    const headerSave = section('header').querySelector<HTMLButtonElement>('button[data-action="save"]')!;
    expect(headerSave.getAttribute('aria-pressed')).toBe('true');
    expect(headerSave.getAttribute('aria-label')).toBe(`Remove ${GOPHER.title} from saved`);
    fireEvent.click(headerSave);
    expect(props.onToggleSave).toHaveBeenCalledWith(GOPHER);

    const similarSave = section('similar').querySelector<HTMLButtonElement>('button[data-action="save"]')!;
    expect(similarSave.getAttribute('aria-pressed')).toBe('false');
    expect(similarSave.getAttribute('aria-label')).toBe('Save Training Compute-Optimal Large Language Models');
  });

  it('uses the library id rule: arXiv id, else S2 paperId', () => {
    const view = makeSampleView();
    const withoutArxiv = view.explorer[1]!.citation.citing; // odd i: no arXiv id
    expect(withoutArxiv.arxivId).toBeUndefined();
    const { section } = renderPanel({ view, savedIds: new Set([`s2:${withoutArxiv.paperId}`]) });
    const row = section('citing').querySelector(`[data-paper-id="${withoutArxiv.paperId}"]`)!;
    expect(row.querySelector('button[data-action="save"]')!.getAttribute('aria-pressed')).toBe('true');
    const other = section('citing').querySelectorAll('[data-paper-id]')[3]!;
    expect(other.querySelector('button[data-action="save"]')!.getAttribute('aria-pressed')).toBe('false');
  });

  it('libraryIdFor prefers arXiv, then S2, then DOI', () => {
    expect(libraryIdFor({ paperId: 'abc', arxivId: '2112.11446', doi: '10.1/x' })).toBe('arxiv:2112.11446');
    expect(libraryIdFor({ paperId: 'abc', doi: '10.1/x' })).toBe('s2:abc');
    expect(libraryIdFor({ paperId: 'openalex:W1', doi: '10.1/x' })).toBe('doi:10.1/x');
  });
});
