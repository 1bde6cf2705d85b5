import { render } from 'preact';
import type { EarlyHubPort } from '@/lib/messaging/earlyHubPort';
import { PagePanelApp } from './PagePanelApp';
import { adoptPanelStyles } from './panelStyles';

/** Renders the panel into the shadow root's container; returns the unmount function. */
export function mountPagePanel(container: HTMLElement, host: HTMLElement, arxivId: string, early?: EarlyHubPort | null): () => void {
  adoptPanelStyles(container.getRootNode());
  render(<PagePanelApp arxivId={arxivId} host={host} early={early} />, container);
  return () => render(null, container);
}
