import { browser } from 'wxt/browser';
import type { HostPacing, PacingStore } from '../sources/scheduler';

const KEY = 'schedulerPacing';

/**
 * Keeps request pacing in session storage (memory-backed, cleared with the browser session) so a
 * service worker restarted mid-fetch does not fire its first request early. Falls back to local
 * storage where session storage is missing.
 */
export function createStoragePacingStore(): PacingStore {
  const area = (browser.storage as { session?: typeof browser.storage.local }).session ?? browser.storage.local;
  let current: Record<string, HostPacing> = {};
  return {
    async load() {
      const stored = (await area.get(KEY))[KEY];
      current = stored && typeof stored === 'object' ? (stored as Record<string, HostPacing>) : {};
      return current;
    },
    save(host, pacing) {
      current = { ...current, [host]: pacing };
      void area.set({ [KEY]: current }).catch(() => {});
    },
  };
}
