import { z } from 'zod';

import { SECTION_NAMES, type SectionName } from './sectionNames';
import { parseAskEndpoint } from '../ask/endpoint';

export { SECTION_NAMES, type SectionName };
export const SectionNameSchema = z.enum(SECTION_NAMES);

/** User settings, stored in extension storage (never in a page's origin). */
export const SettingsSchema = z.object({
  s2ApiKey: z.string().max(200).default(''),
  openAlexKey: z.string().max(200).default(''),
  cacheLifetimeHours: z.number().min(1).max(24 * 90).default(24),
  cacheCapMB: z.number().min(10).max(10_000).default(200),
  autoOpen: z.boolean().default(true),
  panelSide: z.enum(['right', 'left']).default('right'),
  panelWidth: z.number().int().min(320).max(600).default(400),
  hiddenSections: z.array(SectionNameSchema).default([]),
  /** Citation-count badges next to each entry on arXiv listing and search pages. */
  listingBadges: z.boolean().default(true),
  lastBackupAt: z.number().nullable().default(null),
  /** OpenAI-compatible endpoint for the optional ask box ('' = off); see lib/ask/endpoint.ts. */
  askEndpoint: z.string().max(500).default(''),
  askModel: z.string().max(200).default(''),
  askApiKey: z.string().max(500).default(''),
});
export type Settings = z.infer<typeof SettingsSchema>;

export const DEFAULT_SETTINGS: Settings = SettingsSchema.parse({});

/**
 * Settings content scripts must never obtain: kept out of extension storage (lib/settings/store.ts)
 * and left out of what `settings/get` answers to a content script.
 */
export const SECRET_SETTING_KEYS = ['s2ApiKey', 'openAlexKey', 'askApiKey', 'askEndpoint'] as const;
export type SecretSettingKey = (typeof SECRET_SETTING_KEYS)[number];

/**
 * What content scripts may see: everything but the API keys and the ask endpoint's full URL (which
 * may carry a token); the panel only needs to know that asking is on, where to, and which model.
 */
export type PublicSettings = Omit<Settings, 's2ApiKey' | 'openAlexKey' | 'askApiKey' | 'askEndpoint'> & {
  hasS2ApiKey: boolean;
  hasOpenAlexKey: boolean;
  /** Host of the configured ask endpoint, '' when the ask box is off or the endpoint is unusable. */
  askHost: string;
};

export function toPublicSettings({ s2ApiKey, openAlexKey, askApiKey, askEndpoint, ...rest }: Settings): PublicSettings {
  void askApiKey;
  const endpoint = parseAskEndpoint(askEndpoint);
  return { ...rest, hasS2ApiKey: s2ApiKey.length > 0, hasOpenAlexKey: openAlexKey.length > 0, askHost: endpoint.ok ? endpoint.host : '' };
}

/** A partial update; unknown keys are rejected rather than silently stored. */
export const SettingsPatchSchema = z
  .object({
    s2ApiKey: z.string().max(200),
    openAlexKey: z.string().max(200),
    cacheLifetimeHours: z.number().min(1).max(24 * 90),
    cacheCapMB: z.number().min(10).max(10_000),
    autoOpen: z.boolean(),
    panelSide: z.enum(['right', 'left']),
    panelWidth: z.number().int().min(320).max(600),
    hiddenSections: z.array(SectionNameSchema),
    listingBadges: z.boolean(),
    lastBackupAt: z.number().nullable(),
    askEndpoint: z.string().max(500),
    askModel: z.string().max(200),
    askApiKey: z.string().max(500),
  })
  .partial()
  .strict();
export type SettingsPatch = z.infer<typeof SettingsPatchSchema>;
