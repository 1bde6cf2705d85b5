/**
 * Adapter for the Zotero desktop app's connector server (`http://127.0.0.1:23119/connector/…`), the one the
 * official Zotero Connector talks to (zotero/zotero `chrome/content/zotero/xpcom/server/server.js` and
 * `server_connector.js`). What it relies on, as that code does it:
 * - Zotero drops, without any answer, a request from a browser that lacks `X-Zotero-Connector-API-Version`
 *   (to web content that looks exactly like Zotero not running), so every request carries it, and
 *   `X-Zotero-Version`, as the official connector's `callMethod` does.
 * - Every Zotero answer carries `X-Zotero-Version` and `X-Zotero-Connector-API-Version`. An error status
 *   without `X-Zotero-Version` comes from some other program on the port.
 * - `saveItems` answers 201; 400 `{"error":"CONNECTOR_VERSION_OUTDATED"}` when the request's API version is
 *   older than Zotero's; 409 `SESSION_EXISTS` when a session id is reused; 500 `{"libraryEditable":false}`.
 */

export const ZOTERO_CONNECTOR_URL = 'http://127.0.0.1:23119/connector/';
/** The connector API this adapter speaks (Zotero 5.0.x spoke 2; 6 and 7 speak 3). */
export const CONNECTOR_API_VERSION = 3;
const DEFAULT_TIMEOUT_MS = 15_000;

export interface ZoteroResponseLike {
  status: number;
  headers: { get(name: string): string | null };
  text(): Promise<string>;
}
export type ZoteroFetch = (
  url: string,
  init: { method: 'GET' | 'POST'; headers: Record<string, string>; body?: string | ArrayBuffer; signal?: AbortSignal },
) => Promise<ZoteroResponseLike>;

export type ZoteroErrorKind = 'not-running' | 'too-old' | 'outdated-request' | 'refused' | 'not-zotero' | 'timeout' | 'read-only';

/** A failure worded for the user. */
export class ZoteroError extends Error {
  constructor(
    readonly kind: ZoteroErrorKind,
    message: string,
    readonly status?: number,
  ) {
    super(message);
    this.name = 'ZoteroError';
  }
}

export const NOT_RUNNING_MESSAGE = 'Zotero is not running — start it and try again.';

export interface PingResult {
  zoteroVersion: string;
  apiVersion: number;
  /** Zotero 7 stores attachments the connector uploads and ignores attachment URLs in saveItems. */
  supportsAttachmentUpload: boolean;
  /** Zotero's "Automatically attach associated PDFs" preference. */
  downloadAssociatedFiles: boolean;
}

export interface SelectedCollection {
  /** The collection's name, or the library's when the library itself is selected. */
  name: string;
  libraryName: string;
  filesEditable: boolean;
}

export interface ZoteroClient {
  ping(): Promise<PingResult>;
  saveItems(payload: { sessionID: string; uri?: string; items: unknown[] }): Promise<void>;
  selectedCollection(): Promise<SelectedCollection>;
  saveAttachment(sessionID: string, metadata: { id: string; url: string; contentType: string; parentItemID: string; title: string }, bytes: ArrayBuffer): Promise<void>;
}

interface Answer {
  status: number;
  zoteroVersion: string | null;
  apiVersion: number | null;
  text: string;
}

function jsonOf(text: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(text);
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** Non-ASCII attachment titles travel in a header, so they are RFC 2047 encoded as Zotero decodes them. */
export function rfc2047(text: string): string {
  if (!/[^\x20-\x7e]/.test(text)) return text;
  let encoded = '';
  for (const byte of new TextEncoder().encode(text)) {
    if (byte === 32) encoded += '_';
    else if (byte >= 33 && byte <= 126 && byte !== 61 && byte !== 63 && byte !== 95) encoded += String.fromCharCode(byte);
    else encoded += `=${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return `=?UTF-8?Q?${encoded}?=`;
}

function zoteroName(version: string | null): string {
  return version ? `Zotero ${version}` : 'Zotero';
}

function refusal(method: string, answer: Answer): ZoteroError {
  const body = jsonOf(answer.text);
  const code = typeof body?.error === 'string' ? body.error : null;
  if (answer.status === 412) {
    return new ZoteroError('too-old', `${zoteroName(answer.zoteroVersion)} refused this connector as incompatible (HTTP 412) — update Zotero and try again.`, 412);
  }
  if (code === 'CONNECTOR_VERSION_OUTDATED') {
    return new ZoteroError(
      'outdated-request',
      `${zoteroName(answer.zoteroVersion)} expects a newer connector API than version ${CONNECTOR_API_VERSION}, which this extension speaks — update the extension.`,
      answer.status,
    );
  }
  if (body?.libraryEditable === false) {
    return new ZoteroError('read-only', 'Zotero refused the save: the library selected in Zotero is read-only. Select an editable library or collection in Zotero and try again.', answer.status);
  }
  const detail = code ?? answer.text.trim().slice(0, 120);
  return new ZoteroError('refused', `Zotero refused the request (${method}: HTTP ${answer.status}${detail ? `, ${detail}` : ''}).`, answer.status);
}

export function createZoteroClient(deps: { fetch: ZoteroFetch; extensionVersion: string; timeoutMs?: number; baseUrl?: string }): ZoteroClient {
  const base = deps.baseUrl ?? ZOTERO_CONNECTOR_URL;

  async function call(method: string, body: string | ArrayBuffer, headers: Record<string, string> = {}, timeoutMs = deps.timeoutMs ?? DEFAULT_TIMEOUT_MS, query = ''): Promise<Answer> {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), timeoutMs);
    let response: ZoteroResponseLike;
    try {
      response = await deps.fetch(`${base}${method}${query}`, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          'X-Zotero-Version': deps.extensionVersion,
          'X-Zotero-Connector-API-Version': String(CONNECTOR_API_VERSION),
          ...headers,
        },
        body,
        signal: controller.signal,
      });
    } catch {
      if (controller.signal.aborted) throw new ZoteroError('timeout', `Zotero did not answer within ${Math.round(timeoutMs / 1000)} s — it may be busy; try again.`);
      throw new ZoteroError('not-running', NOT_RUNNING_MESSAGE);
    } finally {
      clearTimeout(timer);
    }
    const text = await response.text().catch(() => '');
    const zoteroVersion = response.headers.get('X-Zotero-Version');
    const rawApi = response.headers.get('X-Zotero-Connector-API-Version');
    const apiVersion = rawApi !== null && /^\d+$/.test(rawApi.trim()) ? Number(rawApi.trim()) : null;
    const answer: Answer = { status: response.status, zoteroVersion, apiVersion, text };
    if (zoteroVersion === null) {
      if (response.status >= 400 || method === 'ping') {
        throw new ZoteroError('not-zotero', 'Something other than Zotero answers on port 23119 — quit that program, start Zotero and try again.', response.status);
      }
    }
    if (response.status >= 400) throw refusal(method, answer);
    return answer;
  }

  return {
    async ping() {
      const answer = await call('ping', '{}');
      if (answer.apiVersion === null || answer.apiVersion < CONNECTOR_API_VERSION) {
        throw new ZoteroError(
          'too-old',
          `${zoteroName(answer.zoteroVersion)} is too old: it speaks connector API ${answer.apiVersion ?? 1} and this extension needs ${CONNECTOR_API_VERSION} — update Zotero and try again.`,
        );
      }
      const prefs = (jsonOf(answer.text)?.prefs ?? {}) as Record<string, unknown>;
      return {
        zoteroVersion: answer.zoteroVersion ?? '',
        apiVersion: answer.apiVersion,
        supportsAttachmentUpload: prefs.supportsAttachmentUpload === true,
        downloadAssociatedFiles: prefs.downloadAssociatedFiles === true,
      };
    },
    async saveItems(payload) {
      // Zotero saves the whole batch before it answers; a large one may take a while.
      await call('saveItems', JSON.stringify(payload), {}, Math.max(deps.timeoutMs ?? DEFAULT_TIMEOUT_MS, 60_000));
    },
    async selectedCollection() {
      const answer = await call('getSelectedCollection', '{}');
      const body = jsonOf(answer.text) ?? {};
      const libraryName = typeof body.libraryName === 'string' ? body.libraryName : 'My Library';
      const name = typeof body.name === 'string' && body.name.trim() !== '' ? body.name : libraryName;
      return { name, libraryName, filesEditable: body.filesEditable !== false };
    },
    async saveAttachment(sessionID, metadata, bytes) {
      const headers = { 'Content-Type': metadata.contentType, 'X-Metadata': JSON.stringify({ ...metadata, title: rfc2047(metadata.title) }) };
      await call('saveAttachment', bytes, headers, 60_000, `?sessionID=${encodeURIComponent(sessionID)}`);
    },
  };
}
