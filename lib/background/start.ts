import { browser } from 'wxt/browser';
import { openDatabase } from '../db/database';
import { cacheStats, clearCache } from '../db/cache';
import { createScheduler, OPENALEX_HOST, SEMANTIC_SCHOLAR_HOST } from '../sources/scheduler';
import { createSemanticScholarClient } from '../sources/semanticScholar/client';
import { createOpenAlexClient } from '../sources/openAlex/client';
import { createHubService } from '../hub/service';
import { createSentenceLabeler } from '../hub/labelling';
import { buildHubView, topCoCitedIds } from '../analytics';
import { createPolarityCorrectionStore } from '../db/polarityCorrections';
import { classifyIntent, classifyPolarity, INTENT_MODEL_VERSION, POLARITY_MODEL_VERSION } from '../classify';
import { createRequestRouter } from '../messaging/router';
import { HUB_PORT } from '../messaging/protocol';
import { DEFAULT_SETTINGS, type Settings } from '../settings/schema';
import { createSettingsStore } from '../settings/store';
import { createDbSecretStore } from '../db/secrets';
import { createHubPorts } from './hubPorts';
import { createStoragePacingStore } from './pacingStore';
import { createRequestHandlers } from './requestHandlers';
import { createCitationCountService, watchRateLimit } from '../badges/service';
import { clearCounts } from '../db/citationCounts';
import { createAskService } from '../ask/service';
import { keepAliveWhile } from './keepAlive';
import { createChatCompletionsClient } from '../sources/chatCompletions/client';
import { createZoteroClient } from '../sources/zotero/client';
import { createZoteroService } from '../sources/zotero/service';
import { createZoteroSender } from './zotero';

/**
 * Wires the background: one database, one request scheduler, the sources, the hub service, the
 * message router and the ports. The service worker may be stopped at any time; everything a
 * restarted worker needs is in IndexedDB or extension storage.
 */
export function startBackground(): void {
  const db = openDatabase();
  const settingsStore = createSettingsStore(createDbSecretStore(db));
  let settings: Settings = DEFAULT_SETTINGS;
  void settingsStore.load().then((loaded) => (settings = loaded));
  settingsStore.watch((next) => (settings = next));

  // S2 asks for ≤ 1 request/s. Starts are spaced 1.15 s in the worker so that, after network and
  // event-loop jitter, the server still sees ≥ 1 s between requests.
  const scheduler = createScheduler({
    minIntervalMs: { [SEMANTIC_SCHOLAR_HOST]: 1_150, [OPENALEX_HOST]: 100 },
    pacingStore: createStoragePacingStore(),
  });
  const fetchImpl = (input: string, init?: RequestInit) => fetch(input, init);
  const source = createSemanticScholarClient({ fetch: fetchImpl, scheduler, apiKey: () => settings.s2ApiKey });
  const openAlex = createOpenAlexClient({ fetch: fetchImpl, scheduler, apiKey: () => settings.openAlexKey });

  const hubs = createHubService({
    db,
    source,
    fallback: openAlex,
    yearCounts: openAlex,
    labeler: createSentenceLabeler({ modelVersion: `${INTENT_MODEL_VERSION}+${POLARITY_MODEL_VERSION}`, classifyIntent, classifyPolarity }),
    topCoCitedIds,
    now: Date.now,
    settings: () => ({ cacheLifetimeMs: settings.cacheLifetimeHours * 3_600_000, cacheCapBytes: settings.cacheCapMB * 1024 * 1024 }),
    schedulerState: () => scheduler.getState(SEMANTIC_SCHOLAR_HOST),
  });

  const badgeCounts = createCitationCountService({
    db,
    source,
    now: Date.now,
    cacheLifetimeMs: () => settings.cacheLifetimeHours * 3_600_000,
    rateLimit: watchRateLimit(scheduler, SEMANTIC_SCHOLAR_HOST, Date.now),
  });

  const ask = createAskService({
    client: createChatCompletionsClient({ fetch: fetchImpl, now: Date.now }),
    // Read fresh: the user may have just saved the endpoint in the options.
    settings: () => settingsStore.load(),
    hubData: async (arxivId) => (await hubs.open(arxivId)).data,
    now: Date.now,
    keepAlive: (work) => keepAliveWhile(work, () => browser.runtime.getPlatformInfo()),
  });

  const sendToZotero = createZoteroSender({
    db,
    hubData: async (arxivId) => (await hubs.open(arxivId)).data,
    service: createZoteroService({
      client: createZoteroClient({ fetch: (url, init) => fetch(url, init), extensionVersion: browser.runtime.getManifest().version }),
      fetchPdf: fetchArxivPdf,
      randomId: () => crypto.randomUUID().replace(/-/g, '').slice(0, 12),
    }),
  });

  const corrections = createPolarityCorrectionStore(db);
  const ports = createHubPorts(hubs, buildHubView, corrections);
  const handlers = createRequestHandlers({
    db,
    now: Date.now,
    onLibraryChanged: () => ports.broadcastLibraryChanged(),
    refreshHub: (arxivId) => void hubs.open(arxivId, { force: true }),
    citationCounts: (ids) => badgeCounts.counts(ids),
    ask,
    sendToZotero,
    settings: settingsStore,
    clearCache: async () => {
      const { hubs: count } = await cacheStats(db);
      await clearCache(db);
      // Badge counts are cache too; the count reported stays the number of hubs the user saw listed.
      await clearCounts(db);
      return count;
    },
    cacheStats: () => cacheStats(db),
    correctPolarity: async (arxivId, citingPaperId, text, label) => {
      const { data } = await hubs.open(arxivId);
      const holds = data?.citations.some((citation) => citation.citing.paperId === citingPaperId && citation.sentences.some((sentence) => sentence.text === text));
      if (!holds) return false;
      await corrections.set(arxivId, citingPaperId, text, label, Date.now());
      ports.resendPaper(arxivId);
      return true;
    },
    storageEstimate: async () => {
      const estimate = await navigator.storage?.estimate?.().catch(() => undefined);
      return { quota: estimate?.quota ?? null, usage: estimate?.usage ?? null };
    },
  });
  const route = createRequestRouter(handlers, browser.runtime.getURL('/'), browser.runtime.id);

  browser.runtime.onMessage.addListener((message: unknown, sender) => route(message, { url: sender.url, id: sender.id }));
  browser.runtime.onConnect.addListener((port) => {
    if (port.name === HUB_PORT) ports.accept(port);
    else port.disconnect();
  });
  browser.commands?.onCommand.addListener((command, tab) => {
    if (command === 'toggle-panel' && tab?.id !== undefined) ports.togglePanelInTab(tab.id);
  });
  // A worker that saw the network fail retries as soon as the browser says it is back.
  globalThis.addEventListener?.('online', () => void hubs.retryOfflineNow());
}

/** An arXiv PDF for a Zotero attachment (arxiv.org is already a host permission), or null when arXiv sent none. */
async function fetchArxivPdf(url: string): Promise<ArrayBuffer | null> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), 60_000);
  try {
    const response = await fetch(url, { signal: controller.signal });
    if (!response.ok || !(response.headers.get('content-type') ?? '').includes('application/pdf')) return null;
    return await response.arrayBuffer();
  } finally {
    clearTimeout(timer);
  }
}
