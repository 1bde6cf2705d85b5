import { render } from 'preact';
import type { EarlyHubPort } from '@/lib/messaging/earlyHubPort';
import { PagePanelApp } from './PagePanelApp';

/** Renders the panel into the shadow root's container; returns the unmount function. */
export function mountPagePanel(container: HTMLElement, host: HTMLElement, arxivId: string, early?: EarlyHubPort | null): () => void {
  render(<PagePanelApp arxivId={arxivId} host={host} early={early} />, container);
  return () => render(null, container);
}
