/**
 * Chrome stops an extension service worker that has not called an extension API for 30 s, even
 * while it awaits a fetch. A question to a local model can take longer than that on a laptop, so
 * while such work is pending the worker makes a trivial extension call every 25 s (the remedy
 * Chrome's service-worker lifecycle guide gives). It stops as soon as the work settles.
 */
export const KEEP_ALIVE_INTERVAL_MS = 25_000;

export function keepAliveWhile<T>(work: Promise<T>, ping: () => Promise<unknown>, intervalMs = KEEP_ALIVE_INTERVAL_MS): Promise<T> {
  const timer = setInterval(() => void ping().catch(() => {}), intervalMs);
  return work.finally(() => clearInterval(timer));
}
