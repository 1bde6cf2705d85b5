// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { RequestError } from '../../lib/messaging/client';
import type { Request } from '../../lib/messaging/protocol';
import { DEFAULT_SETTINGS, SettingsPatchSchema, SettingsSchema, type Settings } from '../../lib/settings/schema';
import type { OptionsApi, RequestFn } from '../../components/library/api';
import { OptionsApp } from '../../components/library/OptionsApp';

afterEach(() => {
  cleanup();
  location.hash = '';
});

function renderSettings(initial: Partial<Settings>) {
  let settings: Settings = { ...DEFAULT_SETTINGS, ...initial };
  const request = (async (message: Request) => {
    if (message.type === 'settings/get') return settings;
    if (message.type === 'settings/set') return (settings = { ...settings, ...SettingsPatchSchema.parse(message.patch) });
    if (message.type === 'cache/stats') return { hubs: 0, bytes: 0, libraryEntries: 0, quota: null, usage: null };
    throw new RequestError('internal', `not handled: ${message.type}`);
  }) as RequestFn;
  const api: OptionsApi = { request, onLibraryChanged: () => () => undefined, persistStorage: async () => null };
  location.hash = '#settings';
  render(<OptionsApp api={api} />);
  return { settings: () => settings };
}

describe('setting: citation badges on listing pages', () => {
  it('is on by default, also for settings stored before it existed', () => {
    expect(DEFAULT_SETTINGS.listingBadges).toBe(true);
    const { listingBadges: _absent, ...older } = DEFAULT_SETTINGS;
    expect(SettingsSchema.parse(older).listingBadges).toBe(true);
  });

  it('shows the stored value and saves a change', async () => {
    const background = renderSettings({ listingBadges: true });
    const box = (await waitFor(() => screen.getByLabelText('Citation badges on listing pages'))) as HTMLInputElement;
    expect(box.checked).toBe(true);
    fireEvent.click(box);
    await waitFor(() => expect(background.settings().listingBadges).toBe(false));
    await waitFor(() => expect(screen.getByText('Saved: citation badges.')).toBeTruthy());
  });

  it('says what is sent where', async () => {
    renderSettings({ listingBadges: false });
    const box = (await waitFor(() => screen.getByLabelText('Citation badges on listing pages'))) as HTMLInputElement;
    expect(box.checked).toBe(false);
    expect(document.getElementById(box.getAttribute('aria-describedby') ?? '')?.textContent).toMatch(/Only the papers' arXiv ids are sent to Semantic Scholar/);
  });
});
