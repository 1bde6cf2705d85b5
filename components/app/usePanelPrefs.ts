import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { request } from '@/lib/messaging/client';
import type { Settings } from '@/lib/settings/schema';
import type { SectionName } from '@/lib/settings/sectionNames';

/**
 * The settings defaults the panel starts with and falls back to. Spelled out rather than taken from
 * DEFAULT_SETTINGS: that constant is built by zod, and importing it put all of zod into the panel
 * bundle every arXiv page loads. tests/unit/panel-startup.test.ts checks they agree.
 */
export const PANEL_DEFAULT_SETTINGS = {
  autoOpen: true,
  panelSide: 'right',
  panelWidth: 400,
  hiddenSections: [],
} as const satisfies Pick<Settings, 'autoOpen' | 'panelSide' | 'panelWidth' | 'hiddenSections'>;

const COLLAPSED_KEY = 'panelCollapsed';
const WIDTH_KEY = 'panelWidthOverride';

export interface PanelPrefs {
  /** False until stored preferences were read, so the panel does not flash open then shut. */
  loaded: boolean;
  collapsed: boolean;
  width: number;
  side: 'left' | 'right';
  hiddenSections: ReadonlySet<SectionName>;
  setCollapsed(collapsed: boolean): void;
  setWidth(width: number): void;
}

/** Panel layout preferences: collapsed state and width are remembered across pages. */
export function usePanelPrefs(): PanelPrefs {
  const [loaded, setLoaded] = useState(false);
  const [collapsed, setCollapsedState] = useState(false);
  const [width, setWidthState] = useState<number>(PANEL_DEFAULT_SETTINGS.panelWidth);
  const [side, setSide] = useState<'left' | 'right'>(PANEL_DEFAULT_SETTINGS.panelSide);
  const [hiddenSections, setHidden] = useState<ReadonlySet<SectionName>>(new Set());

  useEffect(() => {
    let cancelled = false;
    const load = async () => {
      const [stored, settings] = await Promise.all([
        browser.storage.local.get([COLLAPSED_KEY, WIDTH_KEY]).catch(() => ({}) as Record<string, unknown>),
        request({ type: 'settings/get' }).catch(() => PANEL_DEFAULT_SETTINGS),
      ]);
      if (cancelled) return;
      const rememberedCollapsed = stored[COLLAPSED_KEY];
      setCollapsedState(settings.autoOpen ? rememberedCollapsed === true : true);
      const rememberedWidth = stored[WIDTH_KEY];
      setWidthState(typeof rememberedWidth === 'number' ? rememberedWidth : settings.panelWidth);
      setSide(settings.panelSide);
      setHidden(new Set(settings.hiddenSections));
      setLoaded(true);
    };
    void load();
    return () => {
      cancelled = true;
    };
  }, []);

  return {
    loaded,
    collapsed,
    width,
    side,
    hiddenSections,
    setCollapsed(next) {
      setCollapsedState(next);
      void browser.storage.local.set({ [COLLAPSED_KEY]: next }).catch(() => {});
    },
    setWidth(next) {
      setWidthState(next);
      void browser.storage.local.set({ [WIDTH_KEY]: next }).catch(() => {});
    },
  };
}
