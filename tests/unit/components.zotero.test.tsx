// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderPanel } from '../fixtures/views/renderPanel';
import { ZoteroButton } from '../../components/shared/ZoteroButton';
import type { Paper } from '../../lib/domain/paper';

afterEach(cleanup);

describe('Send to Zotero in the panel', () => {
  it('sits beside every save toggle — header, every list row and the quick view — and is absent when not offered', () => {
    const send = vi.fn(async () => 'ok');
    const { container, section } = renderPanel({ onSendToZotero: send });
    const saves = container.querySelectorAll('button[data-action="save"]');
    const zotero = container.querySelectorAll('button[data-action="send-to-zotero"]');
    expect(saves.length).toBeGreaterThan(5);
    expect(zotero.length).toBe(saves.length);
    for (const button of saves) expect(button.parentElement!.querySelector('button[data-action="send-to-zotero"]')).not.toBeNull();
    expect(section('header').querySelector('button[data-action="send-to-zotero"]')).not.toBeNull();
    const row = section('similar').querySelector<HTMLElement>('[data-paper-id]')!;
    fireEvent.click(row.querySelector<HTMLButtonElement>('.ch-row-title')!);
    expect(within(row).getByRole('dialog').querySelector('button[data-action="send-to-zotero"]')).not.toBeNull();
    // Nothing is sent by showing the controls.
    expect(send).not.toHaveBeenCalled();
    cleanup();
    expect(renderPanel().container.querySelector('button[data-action="send-to-zotero"]')).toBeNull();
  });

  it('sends the row it is in on click and reads each state out in words', async () => {
    const send = vi.fn<(paper: Paper) => Promise<string>>(async () => 'Saved to Zotero in “Inbox”.');
    const { section } = renderPanel({ onSendToZotero: send });
    const row = section('similar').querySelector<HTMLElement>('[data-paper-id]')!;
    const button = row.querySelector<HTMLButtonElement>('button[data-action="send-to-zotero"]')!;
    fireEvent.click(button);
    const status = row.querySelector('.ch-zotero-status')!;
    expect(status.getAttribute('aria-live')).toBe('polite');
    expect(status.textContent).toBe('Sending to Zotero…');
    await waitFor(() => expect(status.textContent).toBe('Saved to Zotero in “Inbox”.'));
    expect(send).toHaveBeenCalledTimes(1);
    expect(send.mock.calls[0]![0].paperId).toBe(row.getAttribute('data-paper-id'));
  });
});

describe('ZoteroButton', () => {
  it('shows a failure in words, ignores clicks while sending, and can be tried again', async () => {
    let fail: (error: Error) => void = () => {};
    const send = vi.fn(() => new Promise<string>((_resolve, reject) => (fail = reject)));
    render(<ZoteroButton paper={{ paperId: 'p', title: 'A paper', authors: [] }} send={send} />);
    const button = screen.getByRole('button', { name: 'Send A paper to Zotero' });
    fireEvent.click(button);
    expect(button.getAttribute('aria-disabled')).toBe('true');
    fireEvent.click(button);
    expect(send).toHaveBeenCalledTimes(1);
    fail(new Error('Zotero is not running — start it and try again.'));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Zotero is not running — start it and try again.'));
    expect(button.closest('[data-zotero-state]')!.getAttribute('data-zotero-state')).toBe('failed');
    fireEvent.click(button);
    expect(send).toHaveBeenCalledTimes(2);
  });
});
