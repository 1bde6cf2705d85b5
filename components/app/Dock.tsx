import type { ComponentChildren } from 'preact';
import { useLayoutEffect, useRef } from 'preact/hooks';

export const MIN_WIDTH = 320;
export const MAX_WIDTH = 600;
/** Width of the slim tab the panel collapses to. */
export const COLLAPSED_WIDTH = 40;

interface DockProps {
  side: 'left' | 'right';
  width: number;
  collapsed: boolean;
  onResize(width: number): void;
  children: ComponentChildren;
}

function clampWidth(width: number): number {
  return Math.round(Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, width)));
}

/**
 * Docks the panel to one side of the page and shifts the page by the same width, so the panel
 * never covers the abstract. Resizable by pointer or by arrow keys on the separator.
 */
export function Dock({ side, width, collapsed, onResize, children }: DockProps) {
  const shownWidth = collapsed ? COLLAPSED_WIDTH : clampWidth(width);
  const drag = useRef<{ startX: number; startWidth: number } | null>(null);

  useLayoutEffect(() => {
    const root = document.documentElement;
    const property = side === 'right' ? 'margin-right' : 'margin-left';
    const previous = root.style.getPropertyValue(property);
    root.style.setProperty(property, `${shownWidth}px`);
    return () => {
      if (previous) root.style.setProperty(property, previous);
      else root.style.removeProperty(property);
    };
  }, [side, shownWidth]);

  const onPointerDown = (event: PointerEvent) => {
    drag.current = { startX: event.clientX, startWidth: shownWidth };
    (event.currentTarget as HTMLElement).setPointerCapture?.(event.pointerId);
  };
  const onPointerMove = (event: PointerEvent) => {
    if (!drag.current) return;
    const delta = event.clientX - drag.current.startX;
    onResize(clampWidth(drag.current.startWidth + (side === 'right' ? -delta : delta)));
  };
  const onPointerUp = () => {
    drag.current = null;
  };
  const onKeyDown = (event: KeyboardEvent) => {
    const step = event.shiftKey ? 50 : 10;
    const grow = side === 'right' ? 'ArrowLeft' : 'ArrowRight';
    const shrink = side === 'right' ? 'ArrowRight' : 'ArrowLeft';
    if (event.key === grow) onResize(clampWidth(shownWidth + step));
    else if (event.key === shrink) onResize(clampWidth(shownWidth - step));
    else if (event.key === 'Home') onResize(MIN_WIDTH);
    else if (event.key === 'End') onResize(MAX_WIDTH);
    else return;
    event.preventDefault();
  };

  return (
    <div class={`hub-dock hub-dock--${side}${collapsed ? ' hub-dock--collapsed' : ''}`} style={{ width: `${shownWidth}px` }}>
      {!collapsed && (
        <div
          class="hub-dock__handle"
          role="separator"
          aria-orientation="vertical"
          aria-label="Resize citation hub panel"
          aria-valuemin={MIN_WIDTH}
          aria-valuemax={MAX_WIDTH}
          aria-valuenow={shownWidth}
          tabIndex={0}
          onPointerDown={onPointerDown}
          onPointerMove={onPointerMove}
          onPointerUp={onPointerUp}
          onKeyDown={onKeyDown}
        />
      )}
      {children}
    </div>
  );
}
