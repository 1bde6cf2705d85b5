/**
 * The user's ask endpoint, checked before anything is sent. Plain http is accepted only for this
 * machine (a local Ollama or LM Studio): a question and an API key must not cross a network in clear.
 */
export type AskEndpoint = { ok: true; url: string; host: string } | { ok: false; reason: string };

const CHAT_COMPLETIONS_PATH = '/chat/completions';

function isLoopback(hostname: string): boolean {
  return hostname === 'localhost' || hostname.endsWith('.localhost') || hostname === '[::1]' || /^127(\.\d{1,3}){3}$/.test(hostname);
}

/**
 * `http://localhost:11434/v1` → `http://localhost:11434/v1/chat/completions`. A URL that already
 * ends in /chat/completions is kept as is, query included (some hosted APIs want an api-version).
 */
export function parseAskEndpoint(raw: string): AskEndpoint {
  const trimmed = raw.trim();
  if (trimmed === '') return { ok: false, reason: 'No endpoint is set.' };
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return { ok: false, reason: 'The endpoint is not a URL (expected e.g. http://localhost:11434/v1).' };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return { ok: false, reason: 'The endpoint must be an http(s) URL.' };
  if (url.protocol === 'http:' && !isLoopback(url.hostname)) {
    return { ok: false, reason: 'Plain http is only accepted for this machine (localhost); use https for a remote endpoint.' };
  }
  if (url.username || url.password) return { ok: false, reason: 'Put the key in the API key field, not in the URL.' };
  url.hash = '';
  const path = url.pathname.replace(/\/+$/, '');
  if (!path.endsWith(CHAT_COMPLETIONS_PATH)) url.pathname = `${path}${CHAT_COMPLETIONS_PATH}`;
  return { ok: true, url: url.toString(), host: url.host };
}
