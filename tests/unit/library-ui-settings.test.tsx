// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { RequestError } from '../../lib/messaging/client';
import type { Request, RequestType } from '../../lib/messaging/protocol';
import { DEFAULT_SETTINGS, SettingsPatchSchema, type Settings } from '../../lib/settings/schema';
import type { OptionsApi, RequestFn } from '../../components/library/api';
import { OptionsApp } from '../../components/library/OptionsApp';

afterEach(() => {
  cleanup();
  location.hash = '';
});

function fakeBackground(initial: Partial<Settings> = {}) {
  let settings: Settings = { ...DEFAULT_SETTINGS, ...initial };
  let cachedHubs = 1234;
  const calls: Request[] = [];
  const failures = new Map<RequestType, RequestError>();

  const request = (async (message: Request) => {
    calls.push(structuredClone(message));
    const failure = failures.get(message.type);
    if (failure) throw failure;
    switch (message.type) {
      case 'settings/get':
        return settings;
      case 'settings/set':
        // The real background validates the same way; a patch the form should never send fails here.
        settings = { ...settings, ...SettingsPatchSchema.parse(message.patch) };
        return settings;
      case 'cache/stats':
        return { hubs: cachedHubs, bytes: 52_428_800, libraryEntries: 2345, quota: 10 * 1024 ** 3, usage: 60 * 1024 ** 2 };
      case 'cache/clear': {
        const cleared = cachedHubs;
        cachedHubs = 0;
        return { cleared };
      }
      default:
        throw new RequestError('internal', `not handled: ${message.type}`);
    }
  }) as RequestFn;

  const api: OptionsApi = { request, onLibraryChanged: () => () => undefined, persistStorage: async () => null };
  return {
    api,
    callsOf: <T extends RequestType>(type: T) => calls.filter((call): call is Extract<Request, { type: T }> => call.type === type),
    failWith: (type: RequestType, error: RequestError) => failures.set(type, error),
    settings: () => settings,
  };
}

async function renderSettings(initial: Partial<Settings> = {}) {
  location.hash = '#settings';
  const background = fakeBackground(initial);
  render(<OptionsApp api={background.api} />);
  await waitFor(() => expect(screen.getByLabelText('Panel width (pixels)')).toBeTruthy());
  return background;
}

describe('options page: settings', () => {
  it('is reached from the navigation and shows the current values', async () => {
    await renderSettings({ panelWidth: 480, panelSide: 'left', autoOpen: false, hiddenSections: ['claims'] });
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Settings');
    expect(screen.getByRole('link', { name: 'Settings' }).getAttribute('aria-current')).toBe('page');
    expect((screen.getByLabelText('Panel width (pixels)') as HTMLInputElement).value).toBe('480');
    expect((screen.getByLabelText('Left') as HTMLInputElement).checked).toBe(true);
    expect((screen.getByLabelText(/Open the panel automatically/) as HTMLInputElement).checked).toBe(false);
    expect((screen.getByLabelText('Claims ledger') as HTMLInputElement).checked).toBe(false);
    expect((screen.getByLabelText('Co-cited works') as HTMLInputElement).checked).toBe(true);
  });

  it('API keys are password fields with a show/hide toggle and the "stored only in this browser" note', async () => {
    const background = await renderSettings({ s2ApiKey: 'abc123' });
    const key = screen.getByLabelText('Semantic Scholar API key') as HTMLInputElement;
    expect(key.type).toBe('password');
    expect(key.value).toBe('abc123');
    expect(screen.getByText(/Stored only in this browser/, { selector: '#setting-s2ApiKey-hint' })).toBeTruthy();
    expect((screen.getByLabelText('OpenAlex API key') as HTMLInputElement).type).toBe('password');

    const toggles = screen.getAllByRole('button', { name: 'Show key' });
    fireEvent.click(toggles[0]!);
    expect(key.type).toBe('text');
    expect(toggles[0]!.getAttribute('aria-pressed')).toBe('true');
    fireEvent.click(toggles[0]!);
    expect(key.type).toBe('password');

    fireEvent.input(key, { target: { value: '  newkey42 ' } });
    fireEvent.change(key);
    await waitFor(() => expect(background.settings().s2ApiKey).toBe('newkey42'));
  });

  it('an API key with a space inside is refused with a message and not sent', async () => {
    const background = await renderSettings();
    const key = screen.getByLabelText('OpenAlex API key');
    fireEvent.input(key, { target: { value: 'abc def' } });
    fireEvent.change(key);
    expect(screen.getByText('OpenAlex API key cannot contain spaces.').getAttribute('role')).toBe('alert');
    expect(key.getAttribute('aria-invalid')).toBe('true');
    expect(background.callsOf('settings/set')).toHaveLength(0);
  });

  it('panel width out of range shows a message and saves nothing; a valid width is saved', async () => {
    const background = await renderSettings();
    const width = screen.getByLabelText('Panel width (pixels)') as HTMLInputElement;
    fireEvent.input(width, { target: { value: '700' } });
    fireEvent.change(width);
    const message = 'Panel width must be a whole number from 320 to 600 pixels.';
    expect(screen.getByText(message).getAttribute('role')).toBe('alert');
    expect(width.getAttribute('aria-invalid')).toBe('true');
    expect(width.getAttribute('aria-describedby')).toContain('setting-panelWidth-error');
    expect(background.callsOf('settings/set')).toHaveLength(0);

    fireEvent.input(width, { target: { value: '319.5' } });
    fireEvent.change(width);
    expect(screen.getByText(message)).toBeTruthy();

    // Fixing the value clears the message as it is typed, then saving stores it.
    fireEvent.input(width, { target: { value: '480' } });
    expect(screen.queryByText(message)).toBeNull();
    fireEvent.change(width);
    await waitFor(() => expect(background.callsOf('settings/set')).toEqual([{ type: 'settings/set', patch: { panelWidth: 480 } }]));
    expect(screen.getByText('Saved: panel width.')).toBeTruthy();
  });

  it('cache lifetime and size limit are checked against the schema bounds, with thousands separators', async () => {
    const background = await renderSettings();
    const lifetime = screen.getByLabelText('Cache lifetime (hours)');
    fireEvent.input(lifetime, { target: { value: '0' } });
    fireEvent.change(lifetime);
    expect(screen.getByText('Cache lifetime must be a number from 1 to 2,160 hours.')).toBeTruthy();
    const cap = screen.getByLabelText('Cache size limit (MB)');
    fireEvent.input(cap, { target: { value: '' } });
    fireEvent.change(cap);
    expect(screen.getByText('Cache size limit: enter a number from 10 to 10,000 MB.')).toBeTruthy();
    fireEvent.input(cap, { target: { value: '500' } });
    fireEvent.change(cap);
    await waitFor(() => expect(background.settings().cacheCapMB).toBe(500));
    expect(background.callsOf('settings/set')).toEqual([{ type: 'settings/set', patch: { cacheCapMB: 500 } }]);
  });

  it('side, auto-open and sections save as they are changed', async () => {
    const background = await renderSettings();
    fireEvent.click(screen.getByLabelText('Left'));
    await waitFor(() => expect(background.settings().panelSide).toBe('left'));
    fireEvent.click(screen.getByLabelText(/Open the panel automatically/));
    await waitFor(() => expect(background.settings().autoOpen).toBe(false));
    fireEvent.click(screen.getByLabelText('Similar papers'));
    await waitFor(() => expect(background.settings().hiddenSections).toEqual(['similar']));
    fireEvent.click(screen.getByLabelText('Citation roles'));
    await waitFor(() => expect(background.settings().hiddenSections).toEqual(['roles', 'similar']));
    fireEvent.click(screen.getByLabelText('Similar papers'));
    await waitFor(() => expect(background.settings().hiddenSections).toEqual(['roles']));
  });

  it('a refused save shows the background message and keeps the typed value', async () => {
    const background = await renderSettings();
    background.failWith('settings/set', new RequestError('internal', 'Extension storage is unavailable.'));
    const width = screen.getByLabelText('Panel width (pixels)') as HTMLInputElement;
    fireEvent.input(width, { target: { value: '500' } });
    fireEvent.change(width);
    await waitFor(() => expect(screen.getByText('panel width was not saved: Extension storage is unavailable.')).toBeTruthy());
    expect(width.value).toBe('500');
  });

  it('shows storage use and clears the cache only after confirmation, saying the library is kept', async () => {
    const background = await renderSettings();
    await waitFor(() => expect(screen.getByText('1,234 hubs, 50 MB')).toBeTruthy());
    expect(screen.getByText('2,345 papers')).toBeTruthy();
    expect(screen.getByText('60 MB of 10 GB available')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Clear cache…' }));
    expect(background.callsOf('cache/clear')).toHaveLength(0);
    const confirm = screen.getByRole('group', { name: /Delete 1,234 cached hubs\? Your library stays as it is\./ });
    await waitFor(() => expect(document.activeElement).toBe(within(confirm).getByRole('button', { name: 'Clear cache' })));

    fireEvent.click(within(confirm).getByRole('button', { name: 'Cancel' }));
    expect(background.callsOf('cache/clear')).toHaveLength(0);

    fireEvent.click(screen.getByRole('button', { name: 'Clear cache…' }));
    fireEvent.click(screen.getByRole('button', { name: 'Clear cache' }));
    await waitFor(() => expect(screen.getByText('Cleared 1,234 cached hubs. Your saved library was not touched.')).toBeTruthy());
    expect(background.callsOf('cache/clear')).toHaveLength(1);
    await waitFor(() => expect(screen.getByText('0 hubs, 50 MB')).toBeTruthy());
  });

  it('a failed cache clear shows why', async () => {
    const background = await renderSettings();
    background.failWith('cache/clear', new RequestError('no-reply', "The extension's background did not answer."));
    fireEvent.click(screen.getByRole('button', { name: 'Clear cache…' }));
    fireEvent.click(screen.getByRole('button', { name: 'Clear cache' }));
    await waitFor(() =>
      expect(screen.getByText("The cache was not cleared: The extension's background did not answer.")).toBeTruthy(),
    );
  });

  it('navigating between Library and Settings moves focus to the new heading', async () => {
    await renderSettings();
    location.hash = '#library';
    window.dispatchEvent(new HashChangeEvent('hashchange'));
    await waitFor(() => expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Library'));
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('heading', { level: 1 })));
    expect(document.title).toBe('Library — arXiv Citation Hub');
  });
});
