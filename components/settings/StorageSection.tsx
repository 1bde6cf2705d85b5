import { useEffect, useRef, useState } from 'preact/hooks';
import type { ResponseMap } from '../../lib/messaging/protocol';
import { useOptionsApi } from '../library/api';
import { errorMessage } from '../library/errors';
import { countOf, formatBytes } from '../library/format';

type CacheStats = ResponseMap['cache/stats'];

/** What the extension stores, and the one destructive action here: clearing the cache (never the library). */
export function StorageSection() {
  const api = useOptionsApi();
  const [stats, setStats] = useState<CacheStats | null>(null);
  const [statsError, setStatsError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [clearing, setClearing] = useState(false);
  const [result, setResult] = useState<string | null>(null);
  const [clearError, setClearError] = useState<string | null>(null);
  const [statsKey, setStatsKey] = useState(0);
  const confirmButton = useRef<HTMLButtonElement>(null);
  const clearButton = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    api.request({ type: 'cache/stats' }).then(
      (next) => {
        setStats(next);
        setStatsError(null);
      },
      (failure) => setStatsError(errorMessage(failure)),
    );
  }, [api, statsKey]);

  useEffect(() => {
    if (confirming) confirmButton.current?.focus();
  }, [confirming]);

  const cancel = () => {
    setConfirming(false);
    clearButton.current?.focus();
  };

  const clear = async () => {
    setClearing(true);
    setClearError(null);
    try {
      const { cleared } = await api.request({ type: 'cache/clear' });
      setResult(`Cleared ${countOf(cleared, 'cached hub')}. Your saved library was not touched.`);
      setStatsKey((key) => key + 1);
      setConfirming(false);
      // The confirm buttons are gone; return focus to the button that started this.
      setTimeout(() => clearButton.current?.focus(), 0);
    } catch (failure) {
      setClearError(`The cache was not cleared: ${errorMessage(failure)}`);
    } finally {
      setClearing(false);
    }
  };

  return (
    <section class="panel" aria-labelledby="storage-heading">
      <h2 id="storage-heading">Storage</h2>
      {stats ? (
        <dl class="stats">
          <dt>Cached citation hubs</dt>
          <dd>
            {countOf(stats.hubs, 'hub')}, {formatBytes(stats.bytes)}
          </dd>
          <dt>Saved papers (library)</dt>
          <dd>{countOf(stats.libraryEntries, 'paper')}</dd>
          <dt>Browser storage used by the extension</dt>
          <dd>
            {stats.usage === null
              ? 'not reported by this browser'
              : stats.quota === null
                ? formatBytes(stats.usage)
                : `${formatBytes(stats.usage)} of ${formatBytes(stats.quota)} available`}
          </dd>
        </dl>
      ) : (
        !statsError && <p>Measuring storage…</p>
      )}
      {statsError && (
        <p class="field-error" role="alert">
          Storage use could not be read: {statsError}
        </p>
      )}
      <p class="hint">
        Clearing the cache deletes downloaded citation data only; hubs are fetched again when you open them. It never
        deletes your saved papers, tags or notes.
      </p>
      {!confirming && (
        <button ref={clearButton} type="button" onClick={() => setConfirming(true)}>
          Clear cache…
        </button>
      )}
      {confirming && (
        <div class="confirm" role="group" aria-labelledby="clear-confirm-text">
          <p id="clear-confirm-text">
            Delete {stats ? countOf(stats.hubs, 'cached hub') : 'all cached hubs'}? Your library stays as it is.
          </p>
          <div class="button-row">
            <button ref={confirmButton} type="button" class="danger" disabled={clearing} onClick={() => void clear()}>
              Clear cache
            </button>
            <button type="button" disabled={clearing} onClick={cancel}>
              Cancel
            </button>
          </div>
        </div>
      )}
      <div role="status">{result}</div>
      <div role="alert">{clearError && <p class="field-error">{clearError}</p>}</div>
    </section>
  );
}
