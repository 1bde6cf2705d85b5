import { browser } from 'wxt/browser';
import { DEFAULT_SETTINGS, SECRET_SETTING_KEYS, SettingsSchema, type SecretSettingKey, type Settings, type SettingsPatch } from './schema';

/** Extension-storage key of the non-secret settings (content scripts watch it to follow changes). */
export const SETTINGS_KEY = 'settings';

export type SecretValues = Partial<Record<SecretSettingKey, string>>;

/** Where secret settings live: the extension's own IndexedDB in the product (lib/db/secrets.ts). */
export interface SecretStore {
  read(): Promise<SecretValues>;
  write(values: SecretValues): Promise<void>;
}

export interface SettingsStore {
  load(): Promise<Settings>;
  save(patch: SettingsPatch): Promise<Settings>;
  /** Calls `listener` after every save through this store. Returns the unsubscribe. */
  watch(listener: (settings: Settings) => void): () => void;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const isSecretKey = (key: string): key is SecretSettingKey => (SECRET_SETTING_KEYS as readonly string[]).includes(key);

function splitSecrets(values: Record<string, unknown>): { secrets: SecretValues; rest: Record<string, unknown> } {
  const secrets: SecretValues = {};
  const rest: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(values)) {
    if (!isSecretKey(key)) rest[key] = value;
    else if (typeof value === 'string') secrets[key] = value;
  }
  return { secrets, rest };
}

/** One unreadable field (say, a number stored as text) falls back to its default; the others, keys included, are kept. */
function parseFieldByField(values: Record<string, unknown>): Settings {
  const parsed = SettingsSchema.safeParse(values);
  if (parsed.success) return parsed.data;
  const invalid = new Set(parsed.error.issues.map((issue) => String(issue.path[0])));
  const retried = SettingsSchema.safeParse(Object.fromEntries(Object.entries(values).filter(([key]) => !invalid.has(key))));
  return retried.success ? retried.data : DEFAULT_SETTINGS;
}

/**
 * Settings, owned by the background. Plain settings stay in extension storage; API keys and the
 * ask endpoint go to the secret store, because Chrome hands extension storage to content scripts
 * too, and those run in arXiv's renderer. Anything unreadable falls back to the defaults.
 */
export function createSettingsStore(secretStore: SecretStore): SettingsStore {
  const listeners = new Set<(settings: Settings) => void>();

  async function readStored(): Promise<Record<string, unknown>> {
    const stored = (await browser.storage.local.get(SETTINGS_KEY))[SETTINGS_KEY];
    return isRecord(stored) ? stored : {};
  }

  /** The settings, and the stored record they came from (for its revision). */
  async function loadWithStored(): Promise<{ settings: Settings; stored: Record<string, unknown> }> {
    const stored = await readStored();
    const { secrets: legacy, rest } = splitSecrets(stored);
    let secrets = await secretStore.read();
    if (Object.keys(stored).some(isSecretKey)) {
      // Saved by a version that kept keys in extension storage: move them (a value already moved wins),
      // and only then remove them from where content scripts can read them.
      const moving = Object.fromEntries(Object.entries(legacy).filter(([key]) => !(key in secrets))) as SecretValues;
      await secretStore.write(moving);
      await browser.storage.local.set({ [SETTINGS_KEY]: rest });
      secrets = { ...moving, ...secrets };
      return { settings: parseFieldByField({ ...rest, ...secrets }), stored: rest };
    }
    return { settings: parseFieldByField({ ...rest, ...secrets }), stored };
  }

  const load = async (): Promise<Settings> => (await loadWithStored()).settings;

  async function save(patch: SettingsPatch): Promise<Settings> {
    const current = await loadWithStored();
    const next = SettingsSchema.parse({ ...current.settings, ...patch });
    const { secrets, rest } = splitSecrets(next);
    await secretStore.write(secrets);
    // The revision changes on every save, so open panels hear about it even when only a secret
    // changed (e.g. the ask endpoint was set) and ask the background what they may now show.
    const revision = Number(current.stored.revision ?? 0) + 1;
    await browser.storage.local.set({ [SETTINGS_KEY]: { ...rest, revision: Number.isFinite(revision) ? revision : 1 } });
    for (const listener of listeners) listener(next);
    return next;
  }

  return {
    load,
    save,
    watch(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
