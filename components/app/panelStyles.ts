import panelCss from '@/components/styles/panel.css?inline';
import dockCss from './dock.css?inline';

const MARK = 'data-citation-hub-styles';

/**
 * Puts the panel's stylesheet into the shadow root it renders in. It travels inside the panel bundle
 * rather than as a separate file the content script fetches: that fetch took 70–100 ms on every
 * page before the panel could start, and nothing is drawn before the bundle arrives anyway.
 */
export function adoptPanelStyles(root: Node): void {
  if (!(root instanceof ShadowRoot) || root.querySelector(`style[${MARK}]`)) return;
  const style = document.createElement('style');
  style.setAttribute(MARK, '');
  style.textContent = `${panelCss}\n${dockCss}`;
  root.prepend(style);
}
