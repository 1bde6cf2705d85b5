import { render } from 'preact';
import { PagePanelApp } from './PagePanelApp';

/** Renders the panel into the shadow root's container; returns the unmount function. */
export function mountPagePanel(container: HTMLElement, host: HTMLElement, arxivId: string): () => void {
  render(<PagePanelApp arxivId={arxivId} host={host} />, container);
  return () => render(null, container);
}
