import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { clearCache } from '../../lib/db/cache';
import { openDatabase, type CitationHubDb } from '../../lib/db/database';
import { createDbSecretStore } from '../../lib/db/secrets';
import { DEFAULT_SETTINGS } from '../../lib/settings/schema';
import { createSettingsStore, SETTINGS_KEY } from '../../lib/settings/store';

let db: CitationHubDb;
let counter = 0;

beforeEach(() => {
  fakeBrowser.reset();
  db = openDatabase(`settings-store-test-${++counter}`);
});
afterEach(async () => {
  db.close();
  await Dexie.delete(db.name);
});

/** What any content script could read: the extension storage area. */
async function extensionStorage(): Promise<string> {
  return JSON.stringify(await fakeBrowser.storage.local.get(null));
}

const store = () => createSettingsStore(createDbSecretStore(db));

describe('settings', () => {
  it('keep API keys and the ask endpoint out of extension storage, where content scripts could read them', async () => {
    await store().save({ s2ApiKey: 's2-secret', openAlexKey: 'oa-secret', askApiKey: 'sk-secret', askEndpoint: 'https://llm.example.org/v1?token=t', panelWidth: 480 });
    expect(await extensionStorage()).not.toMatch(/s2-secret|oa-secret|sk-secret|llm\.example\.org/);
    expect(await extensionStorage()).toContain('"panelWidth":480');
    // A fresh store (a restarted worker) reads them back.
    expect(await store().load()).toMatchObject({ s2ApiKey: 's2-secret', openAlexKey: 'oa-secret', askApiKey: 'sk-secret', askEndpoint: 'https://llm.example.org/v1?token=t', panelWidth: 480 });
  });

  it('move keys saved by an earlier version out of extension storage, without losing them', async () => {
    await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: { s2ApiKey: 'legacy-key', cacheLifetimeHours: 48 } });
    expect(await store().load()).toMatchObject({ s2ApiKey: 'legacy-key', cacheLifetimeHours: 48 });
    expect(await extensionStorage()).not.toContain('legacy-key');
    expect(await db.secrets.get('s2ApiKey')).toEqual({ name: 's2ApiKey', value: 'legacy-key' });
    expect(await store().load()).toMatchObject({ s2ApiKey: 'legacy-key', cacheLifetimeHours: 48 });
  });

  it('keep a key already moved when an old copy turns up again', async () => {
    await store().save({ s2ApiKey: 'current' });
    await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: { s2ApiKey: 'stale' } });
    expect((await store().load()).s2ApiKey).toBe('current');
    expect(await extensionStorage()).not.toContain('stale');
  });

  it('tell open panels about a change that touched only a secret', async () => {
    const changes: string[] = [];
    fakeBrowser.storage.onChanged.addListener((changed, area) => {
      if (area === 'local' && SETTINGS_KEY in changed) changes.push('settings');
    });
    await store().save({ askEndpoint: 'http://localhost:11434/v1' });
    await store().save({ askEndpoint: '' });
    expect(changes).toEqual(['settings', 'settings']);
  });

  it('survive "clear cache"', async () => {
    await store().save({ s2ApiKey: 'kept' });
    await clearCache(db);
    expect((await store().load()).s2ApiKey).toBe('kept');
  });

  it('fall back to the default for one unreadable field and keep the rest', async () => {
    await store().save({ s2ApiKey: 'kept', panelSide: 'left' });
    const stored = (await fakeBrowser.storage.local.get(SETTINGS_KEY))[SETTINGS_KEY] as Record<string, unknown>;
    await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: { ...stored, cacheCapMB: 'lots' } });
    expect(await store().load()).toMatchObject({ s2ApiKey: 'kept', panelSide: 'left', cacheCapMB: DEFAULT_SETTINGS.cacheCapMB });
  });

  it('notify the background of each save', async () => {
    const settingsStore = store();
    const seen: string[] = [];
    settingsStore.watch((settings) => seen.push(settings.askModel));
    await settingsStore.save({ askModel: 'llama3.1' });
    expect(seen).toEqual(['llama3.1']);
  });
});

describe('schema v3: the secrets table', () => {
  it('upgrades a v2 database with its library and badge counts intact and an empty secrets table', async () => {
    const name = `settings-store-v2-${++counter}`;
    const v2 = new Dexie(name);
    // The v2 schema, copied (never imported) so it stays v2 whatever lib/db/database.ts becomes.
    v2.version(1).stores({ hubs: 'arxivId, fetchedAt, lastAccessedAt', progress: 'arxivId', library: 'id, savedAt, updatedAt, *tags' });
    v2.version(2).stores({ citationCounts: 'arxivId, fetchedAt' });
    await v2.table('library').add({ id: 'arxiv:1706.03762', paper: { paperId: 'p', title: 'Attention', authors: [] }, savedAt: 1, updatedAt: 1, tags: [], notes: 'mine', read: false });
    await v2.table('citationCounts').add({ arxivId: '1706.03762', citationCount: 5, fetchedAt: 1 });
    v2.close();

    const upgraded = openDatabase(name);
    try {
      await upgraded.open();
      expect(upgraded.verno).toBe(4);
      expect((await upgraded.library.toArray()).map((entry) => entry.notes)).toEqual(['mine']);
      expect(await upgraded.citationCounts.count()).toBe(1);
      expect(await upgraded.secrets.count()).toBe(0);
      await createSettingsStore(createDbSecretStore(upgraded)).save({ s2ApiKey: 'after-upgrade' });
      expect(await upgraded.secrets.get('s2ApiKey')).toEqual({ name: 's2ApiKey', value: 'after-upgrade' });
    } finally {
      upgraded.close();
      await Dexie.delete(name);
    }
  });
});
