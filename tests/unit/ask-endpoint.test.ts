import { describe, expect, it } from 'vitest';
import { parseAskEndpoint } from '../../lib/ask/endpoint';
import { toPublicSettings, DEFAULT_SETTINGS, SettingsPatchSchema } from '../../lib/settings/schema';

describe('the ask endpoint a user types', () => {
  it.each([
    ['http://localhost:11434/v1', 'http://localhost:11434/v1/chat/completions', 'localhost:11434'],
    ['http://127.0.0.1:1234/v1/', 'http://127.0.0.1:1234/v1/chat/completions', '127.0.0.1:1234'],
    ['  https://api.openai.com/v1  ', 'https://api.openai.com/v1/chat/completions', 'api.openai.com'],
    ['https://llm.example.org/v1/chat/completions', 'https://llm.example.org/v1/chat/completions', 'llm.example.org'],
    ['https://x.openai.azure.com/openai/deployments/d/chat/completions?api-version=2024-06-01', 'https://x.openai.azure.com/openai/deployments/d/chat/completions?api-version=2024-06-01', 'x.openai.azure.com'],
    ['http://[::1]:8080', 'http://[::1]:8080/chat/completions', '[::1]:8080'],
  ])('%s is asked at %s', (raw, url, host) => {
    expect(parseAskEndpoint(raw)).toEqual({ ok: true, url, host });
  });

  it.each([
    ['', /No endpoint/],
    ['localhost:11434', /not a URL|http\(s\)/],
    ['ftp://example.org/v1', /http\(s\)/],
    ['http://llm.example.org/v1', /only accepted for this machine/],
    ['http://192.168.1.20:11434/v1', /only accepted for this machine/],
    ['https://user:secret@llm.example.org/v1', /API key field/],
    ['javascript:alert(1)', /http\(s\)/],
  ])('%j is refused with a reason', (raw, reason) => {
    const endpoint = parseAskEndpoint(raw);
    expect(endpoint.ok).toBe(false);
    if (!endpoint.ok) expect(endpoint.reason).toMatch(reason);
  });
});

describe('ask settings', () => {
  it('are off by default', () => {
    expect(DEFAULT_SETTINGS).toMatchObject({ askEndpoint: '', askModel: '', askApiKey: '' });
    expect(toPublicSettings(DEFAULT_SETTINGS).askHost).toBe('');
  });

  it('never reach content scripts with the key or the full endpoint URL', () => {
    const settings = { ...DEFAULT_SETTINGS, askEndpoint: 'https://llm.example.org/v1?token=abc', askModel: 'llama3.1', askApiKey: 'sk-secret' };
    const visible = toPublicSettings(settings);
    expect(visible).toMatchObject({ askHost: 'llm.example.org', askModel: 'llama3.1' });
    expect(JSON.stringify(visible)).not.toMatch(/sk-secret|token=abc/);
  });

  it('show the box as off when the endpoint is unusable', () => {
    expect(toPublicSettings({ ...DEFAULT_SETTINGS, askEndpoint: 'http://example.org/v1', askModel: 'm' }).askHost).toBe('');
  });

  it('can be patched, and unknown keys are still refused', () => {
    expect(SettingsPatchSchema.safeParse({ askEndpoint: 'http://localhost:11434/v1', askModel: 'llama3.1', askApiKey: '' }).success).toBe(true);
    expect(SettingsPatchSchema.safeParse({ askEndpointz: 'x' }).success).toBe(false);
  });
});
