import { useEffect, useMemo, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { AskControls, AskTarget } from '@/components/panel/askControls';
import { parseAskEndpoint } from '@/lib/ask/endpoint';
import { request } from '@/lib/messaging/client';
import type { PublicSettings, Settings } from '@/lib/settings/schema';
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
const COCITED_VIEW_KEY = 'coCitedView';
/** The storage key lib/settings/store.ts keeps settings under (that module brings zod, so it is not imported). */
const SETTINGS_KEY = 'settings';

type SettingsReply = Settings | PublicSettings | typeof PANEL_DEFAULT_SETTINGS;

/**
 * Content scripts get the endpoint's host only (`askHost`); extension pages such as the side panel get
 * the full settings, so the host is read from the endpoint there. No usable endpoint: no ask box.
 */
export function askTargetOf(settings: SettingsReply): AskTarget | null {
  const host = 'askHost' in settings ? settings.askHost : 'askEndpoint' in settings ? parseAskEndpoint(settings.askEndpoint) : null;
  const hostName = typeof host === 'string' ? host : host?.ok ? host.host : '';
  if (hostName === '') return null;
  return { host: hostName, model: 'askModel' in settings ? settings.askModel.trim() : '' };
}

export interface PanelPrefs {
  /** False until stored preferences were read, so the panel does not flash open then shut. */
  loaded: boolean;
  collapsed: boolean;
  width: number;
  side: 'left' | 'right';
  hiddenSections: ReadonlySet<SectionName>;
  /** Where the ask box sends questions; null while it is off. Follows settings changes. */
  ask: AskTarget | null;
  /** Co-cited works as a list or a map (remembered). */
  coCitedView: 'list' | 'map';
  setCollapsed(collapsed: boolean): void;
  setWidth(width: number): void;
  setCoCitedView(view: 'list' | 'map'): void;
}

/**
 * Panel layout preferences: collapsed state and width are remembered across pages. Side, hidden
 * sections and the ask box follow settings changed in the options page while the panel is open.
 */
export function usePanelPrefs(): PanelPrefs {
  const [loaded, setLoaded] = useState(false);
  const [collapsed, setCollapsedState] = useState(false);
  const [width, setWidthState] = useState<number>(PANEL_DEFAULT_SETTINGS.panelWidth);
  const [side, setSide] = useState<'left' | 'right'>(PANEL_DEFAULT_SETTINGS.panelSide);
  const [hiddenSections, setHidden] = useState<ReadonlySet<SectionName>>(new Set());
  const [ask, setAsk] = useState<AskTarget | null>(null);
  const [coCitedView, setCoCitedViewState] = useState<'list' | 'map'>('list');

  useEffect(() => {
    let cancelled = false;
    const applySettings = (settings: SettingsReply) => {
      setSide(settings.panelSide);
      setHidden(new Set(settings.hiddenSections));
      const target = askTargetOf(settings);
      // Same target, same object: the panel does not rebuild the box for an unrelated settings change.
      setAsk((previous) => (previous && target && previous.host === target.host && previous.model === target.model ? previous : target));
    };
    const load = async () => {
      const [stored, settings] = await Promise.all([
        browser.storage.local.get([COLLAPSED_KEY, WIDTH_KEY, COCITED_VIEW_KEY]).catch(() => ({}) as Record<string, unknown>),
        request({ type: 'settings/get' }).catch(() => PANEL_DEFAULT_SETTINGS),
      ]);
      if (cancelled) return;
      const rememberedCollapsed = stored[COLLAPSED_KEY];
      setCollapsedState(settings.autoOpen ? rememberedCollapsed === true : true);
      const rememberedWidth = stored[WIDTH_KEY];
      setWidthState(typeof rememberedWidth === 'number' ? rememberedWidth : settings.panelWidth);
      if (stored[COCITED_VIEW_KEY] === 'map') setCoCitedViewState('map');
      applySettings(settings);
      setLoaded(true);
    };
    // The new value is not read from the event: it holds the API keys, and the background decides what the panel sees.
    const onStorageChanged = (changes: Record<string, unknown>, area: string) => {
      if (area !== 'local' || !(SETTINGS_KEY in changes)) return;
      request({ type: 'settings/get' }).then(
        (settings) => {
          if (!cancelled) applySettings(settings);
        },
        () => {},
      );
    };
    void load();
    browser.storage.onChanged.addListener(onStorageChanged);
    return () => {
      cancelled = true;
      browser.storage.onChanged.removeListener(onStorageChanged);
    };
  }, []);

  return {
    loaded,
    collapsed,
    width,
    side,
    hiddenSections,
    ask,
    coCitedView,
    setCoCitedView(next) {
      setCoCitedViewState(next);
      void browser.storage.local.set({ [COCITED_VIEW_KEY]: next }).catch(() => {});
    },
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

/** The ask box's controls for one paper, or null while asking is off. */
export function useAskControls(arxivId: string, target: AskTarget | null): AskControls | null {
  return useMemo(
    () => (target ? { ...target, ask: (question: string) => request({ type: 'glance/ask', arxivId, question }) } : null),
    [arxivId, target],
  );
}
