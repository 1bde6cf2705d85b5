import { SECRET_SETTING_KEYS } from '../settings/schema';
import type { SecretStore, SecretValues } from '../settings/store';
import type { CitationHubDb } from './database';

/** Secret settings in the extension's own IndexedDB, which content scripts (arXiv's origin) cannot open. */
export function createDbSecretStore(db: CitationHubDb): SecretStore {
  return {
    async read() {
      const rows = await db.secrets.toArray();
      const values: SecretValues = {};
      for (const { name, value } of rows) {
        if ((SECRET_SETTING_KEYS as readonly string[]).includes(name) && typeof value === 'string') values[name as keyof SecretValues] = value;
      }
      return values;
    },
    async write(values) {
      await db.secrets.bulkPut(Object.entries(values).map(([name, value]) => ({ name, value: value ?? '' })));
    },
  };
}
