import { browser } from 'wxt/browser';
import { PANEL_GLOBAL, PANEL_MODULE_PATH } from '@/lib/arxiv/matches';

export type MountPanel = (container: HTMLElement, host: HTMLElement, arxivId: string) => () => void;

/**
 * Loads the panel bundle (Preact, every section, styles) on demand, so the script that runs on
 * every arXiv page stays a few kilobytes. The bundle registers its mount function in this
 * isolated world's global scope.
 */
export async function loadAndMountPanel(container: HTMLElement, host: HTMLElement, arxivId: string): Promise<() => void> {
  try {
    await import(/* @vite-ignore */ browser.runtime.getURL(PANEL_MODULE_PATH as '/panel-app.js'));
    const mount = (globalThis as unknown as Record<string, { mount: MountPanel } | undefined>)[PANEL_GLOBAL]?.mount;
    if (!mount) throw new Error('the panel bundle did not register itself');
    return mount(container, host, arxivId);
  } catch (error) {
    host.dataset.state = 'error';
    container.textContent = `arXiv Citation Hub could not start: ${error instanceof Error ? error.message : String(error)}`;
    return () => {};
  }
}
