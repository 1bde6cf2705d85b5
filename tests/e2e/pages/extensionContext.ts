import type { Page } from 'playwright-core';
import type { ExtensionSession } from '../harness';

/** The slice of the `chrome` API the tests call in the service worker or an extension page. */
export interface ChromeGlobal {
  chrome: {
    storage: { local: { remove(keys: string | string[]): Promise<void> } };
    action: { openPopup(): Promise<void> };
  };
}

/**
 * Forgets panel layout preferences (collapsed, width) the extension remembers for the whole profile,
 * so one test's toggling does not leak into the next.
 */
export async function forgetPanelPrefs(session: ExtensionSession): Promise<void> {
  await session.worker.evaluate(() => (globalThis as unknown as ChromeGlobal).chrome.storage.local.remove(['panelCollapsed', 'panelWidthOverride']));
}

export function extensionUrl(session: ExtensionSession, path: string): string {
  return `chrome-extension://${session.extensionId}/${path}`;
}

export async function openExtensionPage(session: ExtensionSession, path: string): Promise<Page> {
  const page = await session.newPage();
  await page.goto(extensionUrl(session, path));
  return page;
}

/** `chrome.extension.getViews`, which only extension pages (not the service worker) have. */
export interface ExtensionViews {
  chrome: { extension: { getViews(filter: { type: 'popup' | 'tab' }): Window[] } };
}
