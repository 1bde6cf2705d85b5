import { browser } from 'wxt/browser';
import { PANEL_GLOBAL, PANEL_MODULE_PATH } from '@/lib/arxiv/matches';
import { openEarlyHubPort, type EarlyHubPort } from '@/lib/messaging/earlyHubPort';

export type MountPanel = (container: HTMLElement, host: HTMLElement, arxivId: string, early?: EarlyHubPort | null) => () => void;

export interface PreparedPanel {
  /** Renders the panel once the bundle is loaded; on failure the host says so. Returns the unmount function. */
  mount(container: HTMLElement, host: HTMLElement): Promise<() => void>;
}

/**
 * Starts what the panel needs before its host element exists: the hub port (so the background reads
 * the hub while the page parses the bundle) and the panel bundle itself (Preact and every section,
 * loaded on demand so the script that runs on every arXiv page stays a few kilobytes). The bundle
 * registers its mount function in this isolated world's global scope.
 */
export function preparePanel(arxivId: string): PreparedPanel {
  const early = openEarlyHubPort(arxivId);
  // Through a promise so a synchronous throw (the extension was reloaded) is reported like a failed import.
  const loaded = Promise.resolve()
    .then(() => import(/* @vite-ignore */ browser.runtime.getURL(PANEL_MODULE_PATH as '/panel-app.js')))
    .then(() => {
      const mount = (globalThis as unknown as Record<string, { mount: MountPanel } | undefined>)[PANEL_GLOBAL]?.mount;
      if (!mount) throw new Error('the panel bundle did not register itself');
      return mount;
    });
  // A failure is reported when mounting; until then it must not count as unhandled.
  loaded.catch(() => {});
  return {
    async mount(container, host) {
      try {
        return (await loaded)(container, host, arxivId, early);
      } catch (error) {
        early?.close();
        host.dataset.state = 'error';
        container.textContent = `arXiv Citation Hub could not start: ${error instanceof Error ? error.message : String(error)}`;
        return () => {};
      }
    },
  };
}
