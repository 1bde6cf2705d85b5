import { browser } from 'wxt/browser';

interface ChromeSidePanel {
  setOptions(options: { tabId: number; path: string; enabled: boolean }): Promise<void>;
  open(options: { tabId: number }): Promise<void>;
}

interface FirefoxSidebarAction {
  setPanel(details: { tabId: number; panel: string }): Promise<void>;
  open(): Promise<void>;
}

/** The browser as far as opening a side panel goes: Chrome has `sidePanel`, Firefox `sidebarAction`. */
export interface SidePanelHost {
  sidePanel?: ChromeSidePanel;
  sidebarAction?: FirefoxSidebarAction;
  runtime: { getURL(path: string): string };
}

/** Neither API is in the polyfill's types (and each exists in one browser only): the one cast lives here. */
function browserSidePanelHost(): SidePanelHost {
  return browser as unknown as SidePanelHost;
}

/** The side panel page for a paper; the id is encoded since old-style ids contain a slash. */
export function sidePanelPath(arxivId: string): string {
  return `sidepanel.html?id=${encodeURIComponent(arxivId)}`;
}

export function canOpenSidePanel(host: SidePanelHost = browserSidePanelHost()): boolean {
  return typeof host.sidePanel?.open === 'function' || typeof host.sidebarAction?.open === 'function';
}

const UNSUPPORTED = 'This browser does not let extensions open a side panel.';

/**
 * Points the tab's side panel at the paper ahead of the click, so the panel that opens already shows it.
 * Chrome's own sample showed that configuring inside the click and awaiting it loses the user gesture.
 */
export function prepareSidePanel(tabId: number, arxivId: string, host: SidePanelHost = browserSidePanelHost()): Promise<void> {
  if (host.sidePanel) return host.sidePanel.setOptions({ tabId, path: sidePanelPath(arxivId), enabled: true });
  if (host.sidebarAction) return host.sidebarAction.setPanel({ tabId, panel: host.runtime.getURL(`/${sidePanelPath(arxivId)}`) });
  return Promise.reject(new Error(UNSUPPORTED));
}

/**
 * Opens the hub for `arxivId` in the browser's side panel. Call it directly from a click handler with
 * nothing awaited before: both browsers open panels only while the user gesture lasts. The options call
 * and the open call are both issued synchronously, in that order, and the browser applies them in order.
 */
export function openSidePanel(tabId: number, arxivId: string, host: SidePanelHost = browserSidePanelHost()): Promise<void> {
  if (host.sidePanel) {
    const configured = host.sidePanel.setOptions({ tabId, path: sidePanelPath(arxivId), enabled: true });
    const opened = host.sidePanel.open({ tabId });
    return Promise.all([configured, opened]).then(() => undefined);
  }
  if (host.sidebarAction) {
    const configured = host.sidebarAction.setPanel({ tabId, panel: host.runtime.getURL(`/${sidePanelPath(arxivId)}`) });
    const opened = host.sidebarAction.open();
    return Promise.all([configured, opened]).then(() => undefined);
  }
  return Promise.reject(new Error(UNSUPPORTED));
}
