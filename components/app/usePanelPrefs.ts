import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { request } from '@/lib/messaging/client';
import { DEFAULT_SETTINGS, type SectionName } from '@/lib/settings/schema';

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
  const [width, setWidthState] = useState(DEFAULT_SETTINGS.panelWidth);
  const [side, setSide] = useState<'left' | 'right'>(DEFAULT_SETTINGS.panelSide);
  const [hiddenSections, setHidden] = useState<ReadonlySet<SectionName>>(new Set());

  useEffect(() => {
    let cancelled = false;
    const load = async () => {
      const [stored, settings] = await Promise.all([
        browser.storage.local.get([COLLAPSED_KEY, WIDTH_KEY]).catch(() => ({}) as Record<string, unknown>),
        request({ type: 'settings/get' }).catch(() => DEFAULT_SETTINGS),
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
