import { browser } from 'wxt/browser';
import { request } from '../../lib/messaging/client';
import { HUB_PORT } from '../../lib/messaging/portName';
import type { LibraryApi, OptionsApi } from './api';
import { subscribeToLibraryChanges } from './libraryChanges';

/** The real extension behind the library UI: the typed client and the hub port. */
export function createBrowserLibraryApi(): LibraryApi {
  return {
    request,
    onLibraryChanged: (listener) => subscribeToLibraryChanges(() => browser.runtime.connect({ name: HUB_PORT }), listener),
  };
}

export function createBrowserOptionsApi(): OptionsApi {
  return {
    ...createBrowserLibraryApi(),
    persistStorage: async () => {
      const storage = typeof navigator === 'undefined' ? undefined : navigator.storage;
      if (!storage || typeof storage.persist !== 'function') return null;
      try {
        return await storage.persist();
      } catch {
        return false;
      }
    },
  };
}
