import { useEffect, useState } from 'preact/hooks';
import type { PublicSettings, Settings, SettingsPatch } from '../../lib/settings/schema';
import { useOptionsApi } from '../library/api';
import { errorMessage } from '../library/errors';
import { ApiKeyField } from './ApiKeyField';
import { AskEndpointField } from './AskEndpointField';
import { NumberField } from './NumberField';
import { SectionsField } from './SectionsField';
import { StorageSection } from './StorageSection';

/** Extension pages receive the full settings; the public view (no keys) only reaches content scripts. */
function withKeys(settings: Settings | PublicSettings): Settings {
  if ('s2ApiKey' in settings) return settings;
  const { hasS2ApiKey: _s2, hasOpenAlexKey: _openAlex, askHost: _askHost, ...rest } = settings;
  return { ...rest, s2ApiKey: '', openAlexKey: '', askEndpoint: '', askApiKey: '' };
}

export function SettingsView() {
  const api = useOptionsApi();
  const [settings, setSettings] = useState<Settings | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [status, setStatus] = useState('');
  const [saveError, setSaveError] = useState<string | null>(null);
  const [loadKey, setLoadKey] = useState(0);

  useEffect(() => {
    api.request({ type: 'settings/get' }).then(
      (result) => {
        setSettings(withKeys(result));
        setLoadError(null);
      },
      (failure) => setLoadError(errorMessage(failure)),
    );
  }, [api, loadKey]);

  /** Stores one change; the caller keeps what the user typed when this resolves false. */
  const save = async (patch: SettingsPatch, what: string): Promise<boolean> => {
    setStatus('');
    try {
      setSettings(await api.request({ type: 'settings/set', patch }));
      setSaveError(null);
      setStatus(`Saved: ${what}.`);
      return true;
    } catch (failure) {
      setSaveError(`${what} was not saved: ${errorMessage(failure)}`);
      return false;
    }
  };

  return (
    <>
      <h1 id="page-heading" tabIndex={-1}>
        Settings
      </h1>
      <div class="settings-status">
        <p role="status" class="hint">
          {status}
        </p>
        <div role="alert">{saveError && <p class="field-error">{saveError}</p>}</div>
      </div>
      {loadError && (
        <div class="field-error" role="alert">
          Settings could not be loaded: {loadError}{' '}
          <button type="button" class="link-button" onClick={() => setLoadKey((key) => key + 1)}>
            Try again
          </button>
        </div>
      )}
      {!settings && !loadError && <p role="status">Loading settings…</p>}
      {settings && (
        <form class="settings" onSubmit={(event) => event.preventDefault()} aria-label="Settings">
          <section class="panel" aria-labelledby="sources-heading">
            <h2 id="sources-heading">Data sources</h2>
            <ApiKeyField
              id="setting-s2ApiKey"
              label="Semantic Scholar API key"
              value={settings.s2ApiKey}
              hint="Optional: without a key, requests share Semantic Scholar's public rate limit. Sent only to api.semanticscholar.org, in the x-api-key header."
              onSave={(s2ApiKey) => save({ s2ApiKey }, 'Semantic Scholar API key')}
            />
            <ApiKeyField
              id="setting-openAlexKey"
              label="OpenAlex API key"
              value={settings.openAlexKey}
              hint="Optional: without a key, OpenAlex allows only a small daily budget for fallback lookups. Sent only to api.openalex.org."
              onSave={(openAlexKey) => save({ openAlexKey }, 'OpenAlex API key')}
            />
          </section>

          <section class="panel" aria-labelledby="panel-heading">
            <h2 id="panel-heading">Panel</h2>
            <div class="field">
              <label class="check">
                <input
                  type="checkbox"
                  checked={settings.autoOpen}
                  onChange={(event) => void save({ autoOpen: event.currentTarget.checked }, 'automatic opening')}
                />
                Open the panel automatically on arXiv abstract and HTML pages
              </label>
            </div>
            <div class="field">
              <label class="check">
                <input
                  type="checkbox"
                  checked={settings.listingBadges}
                  aria-describedby="setting-listingBadges-hint"
                  onChange={(event) => void save({ listingBadges: event.currentTarget.checked }, 'citation badges')}
                />
                Citation badges on listing pages
              </label>
              <p id="setting-listingBadges-hint" class="hint">
                A citation count next to each entry of arXiv's lists and search results. Only the papers' arXiv ids are sent to Semantic Scholar.
              </p>
            </div>
            <fieldset class="field">
              <legend>Panel side</legend>
              <div class="radio-row">
                {(['right', 'left'] as const).map((side) => (
                  <label class="check" key={side}>
                    <input
                      type="radio"
                      name="panelSide"
                      value={side}
                      checked={settings.panelSide === side}
                      onChange={() => void save({ panelSide: side }, 'panel side')}
                    />
                    {side === 'right' ? 'Right' : 'Left'}
                  </label>
                ))}
              </div>
            </fieldset>
            <NumberField
              name="panelWidth"
              value={settings.panelWidth}
              onSave={(panelWidth) => save({ panelWidth }, 'panel width')}
            />
            <SectionsField
              hidden={settings.hiddenSections}
              onChange={(hiddenSections) => void save({ hiddenSections }, 'sections shown')}
            />
          </section>

          <AskEndpointField
            endpoint={settings.askEndpoint}
            model={settings.askModel}
            apiKey={settings.askApiKey}
            onSave={save}
            onTest={() => api.request({ type: 'ask/test' })}
          />

          <section class="panel" aria-labelledby="cache-heading">
            <h2 id="cache-heading">Cache</h2>
            <NumberField
              name="cacheLifetimeHours"
              value={settings.cacheLifetimeHours}
              hint="A cached hub older than this shows at once and is refreshed in the background."
              onSave={(cacheLifetimeHours) => save({ cacheLifetimeHours }, 'cache lifetime')}
            />
            <NumberField
              name="cacheCapMB"
              value={settings.cacheCapMB}
              hint="Least recently opened hubs are evicted beyond this size; the library never is."
              onSave={(cacheCapMB) => save({ cacheCapMB }, 'cache size limit')}
            />
          </section>
        </form>
      )}
      <StorageSection />
    </>
  );
}
