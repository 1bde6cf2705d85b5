import { parseAskEndpoint } from '../../lib/ask/endpoint';
import { SettingsPatchSchema } from '../../lib/settings/schema';
import { formatCount } from '../shared/format';

export type NumberSettingName = 'cacheLifetimeHours' | 'cacheCapMB' | 'panelWidth';

export interface NumberSettingSpec {
  label: string;
  unit: string;
  min: number;
  max: number;
  integer: boolean;
}

const DESCRIPTIONS: Record<NumberSettingName, { label: string; unit: string }> = {
  cacheLifetimeHours: { label: 'Cache lifetime', unit: 'hours' },
  cacheCapMB: { label: 'Cache size limit', unit: 'MB' },
  panelWidth: { label: 'Panel width', unit: 'pixels' },
};

/** Bounds come from the settings schema itself, so the form and the background can never disagree. */
export function numberSettingSpec(name: NumberSettingName): NumberSettingSpec {
  const schema = SettingsPatchSchema.shape[name].unwrap();
  return {
    ...DESCRIPTIONS[name],
    min: schema.minValue ?? 0,
    max: schema.maxValue ?? Number.MAX_SAFE_INTEGER,
    integer: schema.isInt,
  };
}

export type Validation<T> = { ok: true; value: T } | { ok: false; message: string };

export function validateNumberSetting(name: NumberSettingName, text: string): Validation<number> {
  const spec = numberSettingSpec(name);
  const kind = spec.integer ? 'a whole number' : 'a number';
  const range = `${formatCount(spec.min)} to ${formatCount(spec.max)} ${spec.unit}`;
  const trimmed = text.trim().replace(/,/g, '');
  const value = trimmed === '' ? Number.NaN : Number(trimmed);
  if (!Number.isFinite(value)) return { ok: false, message: `${spec.label}: enter ${kind} from ${range}.` };
  if ((spec.integer && !Number.isInteger(value)) || value < spec.min || value > spec.max) {
    return { ok: false, message: `${spec.label} must be ${kind} from ${range}.` };
  }
  return { ok: true, value };
}

const MAX_KEY_LENGTH = SettingsPatchSchema.shape.s2ApiKey.unwrap().maxLength ?? 200;

/** Keys are opaque tokens: no spaces inside (a pasted key with a stray space fails every request). */
export function validateApiKey(label: string, text: string): Validation<string> {
  const key = text.trim();
  if (key.length > MAX_KEY_LENGTH) return { ok: false, message: `${label} can be at most ${MAX_KEY_LENGTH} characters.` };
  if (/\s/.test(key)) return { ok: false, message: `${label} cannot contain spaces.` };
  return { ok: true, value: key };
}

const MAX_ENDPOINT_LENGTH = SettingsPatchSchema.shape.askEndpoint.unwrap().maxLength ?? 500;

/** An empty endpoint is valid: it turns the ask box off. Anything else must pass the background's own check. */
export function validateAskEndpoint(text: string): Validation<string> {
  const endpoint = text.trim();
  if (endpoint === '') return { ok: true, value: '' };
  if (endpoint.length > MAX_ENDPOINT_LENGTH) return { ok: false, message: `The endpoint can be at most ${MAX_ENDPOINT_LENGTH} characters.` };
  const parsed = parseAskEndpoint(endpoint);
  return parsed.ok ? { ok: true, value: endpoint } : { ok: false, message: parsed.reason };
}
