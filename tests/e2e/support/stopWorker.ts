import type { CDPSession, Page } from 'playwright-core';
import type { ExtensionSession } from '../harness';

/*
 * Stopping the extension's service worker the way Chrome does when it goes idle.
 *
 * What works with Debian Chromium and a persistent context (checked by hand): a CDP session on any
 * page, `ServiceWorker.enable` then `ServiceWorker.stopAllWorkers`; `workerVersionUpdated` events
 * then report the version going running → stopping → stopped, and starting → running again when
 * something (a content script reconnecting its port) wakes it. `Target.closeTarget` on the
 * `service_worker` target works too and is the fallback. `context.browser()` is null for
 * persistent contexts, so there is no browser-level session; Playwright's own Worker object
 * emits no `close` on such a stop, so the CDP events are the only reliable evidence.
 */

export type WorkerRunningStatus = 'stopped' | 'starting' | 'running' | 'stopping';

export interface ServiceWorkerWatch {
  /** Running statuses of the extension's worker, in the order Chromium reported them. */
  statuses: WorkerRunningStatus[];
  /** Stops every service worker now and resolves once the extension's one is reported stopped. */
  stop(timeoutMs?: number): Promise<void>;
  /** Resolves once the worker is reported `status` after the latest stop. */
  waitFor(status: WorkerRunningStatus, timeoutMs?: number): Promise<void>;
  dispose(): Promise<void>;
}

interface VersionUpdate {
  versions: Array<{ scriptURL: string; runningStatus: WorkerRunningStatus }>;
}

export async function watchServiceWorker(session: ExtensionSession, page: Page): Promise<ServiceWorkerWatch> {
  const cdp: CDPSession = await session.context.newCDPSession(page);
  const origin = `chrome-extension://${session.extensionId}/`;
  const statuses: WorkerRunningStatus[] = [];
  let sinceStop = 0;
  const waiters = new Set<() => void>();
  cdp.on('ServiceWorker.workerVersionUpdated', (event: VersionUpdate) => {
    for (const version of event.versions) {
      if (!version.scriptURL.startsWith(origin)) continue;
      if (statuses[statuses.length - 1] !== version.runningStatus) statuses.push(version.runningStatus);
    }
    for (const wake of waiters) wake();
  });
  await cdp.send('ServiceWorker.enable');

  const waitFor = (status: WorkerRunningStatus, timeoutMs = 15_000) =>
    new Promise<void>((resolve, reject) => {
      const check = () => {
        if (statuses.slice(sinceStop).includes(status)) {
          waiters.delete(check);
          clearTimeout(timer);
          resolve();
        }
      };
      const timer = setTimeout(() => {
        waiters.delete(check);
        reject(new Error(`the service worker was not reported "${status}" within ${timeoutMs} ms (saw: ${statuses.join(' → ') || 'nothing'})`));
      }, timeoutMs);
      waiters.add(check);
      check();
    });

  return {
    statuses,
    async stop(timeoutMs = 10_000) {
      sinceStop = statuses.length;
      try {
        await cdp.send('ServiceWorker.stopAllWorkers');
      } catch {
        await closeWorkerTarget(cdp, origin);
      }
      await waitFor('stopped', timeoutMs);
    },
    waitFor,
    async dispose() {
      await cdp.detach().catch(() => {});
    },
  };
}

async function closeWorkerTarget(cdp: CDPSession, origin: string): Promise<void> {
  const { targetInfos } = (await cdp.send('Target.getTargets')) as { targetInfos: Array<{ targetId: string; type: string; url: string }> };
  const worker = targetInfos.find((target) => target.type === 'service_worker' && target.url.startsWith(origin));
  if (!worker) throw new Error('no service worker target to close');
  await cdp.send('Target.closeTarget', { targetId: worker.targetId });
}
