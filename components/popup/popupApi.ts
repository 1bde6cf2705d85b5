import { browser } from 'wxt/browser';
import type { LibraryApi } from '../library/api';
import { createBrowserLibraryApi } from '../library/browserApi';
import { openSidePanel, prepareSidePanel } from './openSidePanel';

export interface ActiveTab {
  id: number;
  url: string;
}

/** What the toolbar popup needs from the browser; tests pass a fake. */
export interface PopupApi extends LibraryApi {
  /** The active tab of this window; its URL is only visible for hosts the extension may access (arXiv). */
  activeTab(): Promise<ActiveTab | null>;
  openTab(url: string): Promise<void>;
  openOptionsPage(): Promise<void>;
  prepareSidePanel(tabId: number, arxivId: string): Promise<void>;
  /** Must be called synchronously from the click handler (user gesture). */
  openSidePanel(tabId: number, arxivId: string): Promise<void>;
  closePopup(): void;
}

export function createBrowserPopupApi(): PopupApi {
  return {
    ...createBrowserLibraryApi(),
    activeTab: async () => {
      const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
      return tab && typeof tab.id === 'number' && typeof tab.url === 'string' ? { id: tab.id, url: tab.url } : null;
    },
    openTab: async (url) => {
      await browser.tabs.create({ url });
    },
    openOptionsPage: () => browser.runtime.openOptionsPage(),
    prepareSidePanel: (tabId, arxivId) => prepareSidePanel(tabId, arxivId),
    openSidePanel: (tabId, arxivId) => openSidePanel(tabId, arxivId),
    closePopup: () => window.close(),
  };
}
