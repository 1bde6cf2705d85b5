import { describe, expect, it } from 'vitest';
import { canOpenSidePanel, openSidePanel, prepareSidePanel, sidePanelPath, type SidePanelHost } from '../../components/popup/openSidePanel';

/** Records the order of API calls and whether each happened before the caller's next line ran. */
function recordingHost(kind: 'chrome' | 'firefox' | 'none') {
  const log: string[] = [];
  const settle = () => Promise.resolve();
  const host: SidePanelHost = { runtime: { getURL: (path) => `moz-extension://abc${path}` } };
  if (kind === 'chrome') {
    host.sidePanel = {
      setOptions: (options) => (log.push(`setOptions ${JSON.stringify(options)}`), settle()),
      open: (options) => (log.push(`open ${JSON.stringify(options)}`), settle()),
    };
  }
  if (kind === 'firefox') {
    host.sidebarAction = {
      setPanel: (details) => (log.push(`setPanel ${JSON.stringify(details)}`), settle()),
      open: () => (log.push('open'), settle()),
    };
  }
  return { host, log };
}

describe('opening the hub in the browser side panel', () => {
  it('encodes the id in the panel path (old-style ids contain a slash)', () => {
    expect(sidePanelPath('2112.11446')).toBe('sidepanel.html?id=2112.11446');
    expect(sidePanelPath('hep-th/9901001')).toBe('sidepanel.html?id=hep-th%2F9901001');
  });

  it('Chrome: sets the tab panel then opens it, both before the call returns (user gesture kept)', async () => {
    const { host, log } = recordingHost('chrome');
    const done = openSidePanel(7, 'hep-th/9901001', host);
    expect(log).toEqual([
      'setOptions {"tabId":7,"path":"sidepanel.html?id=hep-th%2F9901001","enabled":true}',
      'open {"tabId":7}',
    ]);
    await expect(done).resolves.toBeUndefined();
    expect(canOpenSidePanel(host)).toBe(true);
  });

  it('Firefox: points the tab sidebar at the full extension URL, then opens it synchronously', async () => {
    const { host, log } = recordingHost('firefox');
    const done = openSidePanel(7, '2112.11446', host);
    expect(log).toEqual(['setPanel {"tabId":7,"panel":"moz-extension://abc/sidepanel.html?id=2112.11446"}', 'open']);
    await done;
    expect(canOpenSidePanel(host)).toBe(true);
  });

  it('prepare only configures, never opens', async () => {
    const chrome = recordingHost('chrome');
    await prepareSidePanel(3, '2112.11446', chrome.host);
    expect(chrome.log).toEqual(['setOptions {"tabId":3,"path":"sidepanel.html?id=2112.11446","enabled":true}']);
  });

  it('a browser with neither API gets a clear refusal', async () => {
    const { host } = recordingHost('none');
    expect(canOpenSidePanel(host)).toBe(false);
    await expect(openSidePanel(1, '2112.11446', host)).rejects.toThrow('does not let extensions open a side panel');
    await expect(prepareSidePanel(1, '2112.11446', host)).rejects.toThrow('does not let extensions open a side panel');
  });

  it('a failing open rejects so the popup can show the reason', async () => {
    const { host } = recordingHost('chrome');
    host.sidePanel!.open = () => Promise.reject(new Error('sidePanel.open() may only be called in response to a user gesture.'));
    await expect(openSidePanel(1, '2112.11446', host)).rejects.toThrow('user gesture');
  });
});
