import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { LibraryEntry } from '../../lib/db/database';
import type { ExportFormat } from '../../lib/messaging/protocol';
import { formatCount } from '../shared/format';
import { useOptionsApi } from './api';
import { BackupPanel, type Persistence } from './BackupPanel';
import { BulkBar } from './BulkBar';
import { saveExportFile } from './download';
import { EntryRow, type EntryPatch } from './EntryRow';
import { errorMessage } from './errors';
import { DEFAULT_FILTERS, hasActiveFilter, listRequestFor, type LibraryFilters as Filters } from './filters';
import { countOf } from './format';
import { ImportPanel } from './ImportPanel';
import { LibraryFilters } from './LibraryFilters';
import { NoticeBar, type Notice } from './NoticeBar';
import { TAG_SUGGESTIONS_ID } from './TagEditor';
import { useDebouncedValue } from './useDebouncedValue';

export const SEARCH_DELAY_MS = 200;
/** Rows rendered at a time: a 10,000-paper library should not build 10,000 note editors up front. */
export const PAGE_SIZE = 100;
/** Bursts of `library/changed` (a bulk edit sends one per paper) become one refresh. */
const CHANGE_COALESCE_MS = 80;

interface LibraryViewProps {
  persistence: Persistence;
  /** Why the background could not record the persistence answer, if it could not. */
  now?: () => number;
}

export function LibraryView({ persistence, now = Date.now }: LibraryViewProps) {
  const api = useOptionsApi();
  const [filters, setFilters] = useState<Filters>(DEFAULT_FILTERS);
  const query = useDebouncedValue(filters.query, SEARCH_DELAY_MS);
  const effectiveFilters = useMemo(() => ({ ...filters, query }), [query, filters.sort, filters.tag, filters.read]);
  const [refreshKey, setRefreshKey] = useState(0);
  const refresh = () => setRefreshKey((key) => key + 1);

  const [entries, setEntries] = useState<LibraryEntry[] | null>(null);
  const [listError, setListError] = useState<string | null>(null);
  const [tags, setTags] = useState<string[]>([]);
  const [tagsError, setTagsError] = useState<string | null>(null);
  const [lastBackupAt, setLastBackupAt] = useState<number | null | undefined>(undefined);
  const [settingsError, setSettingsError] = useState<string | null>(null);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [notice, setNotice] = useState<Notice | null>(null);
  const [busy, setBusy] = useState(false);
  const [undoing, setUndoing] = useState(false);
  const [visibleCount, setVisibleCount] = useState(PAGE_SIZE);

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const unsubscribe = api.onLibraryChanged(() => {
      clearTimeout(timer);
      timer = setTimeout(refresh, CHANGE_COALESCE_MS);
    });
    return () => {
      clearTimeout(timer);
      unsubscribe();
    };
  }, [api]);

  // Only the newest list request may land: an older, slower answer must not overwrite a newer search.
  const listSequence = useRef(0);
  useEffect(() => {
    const sequence = ++listSequence.current;
    api.request(listRequestFor(effectiveFilters)).then(
      (result) => {
        if (sequence !== listSequence.current) return;
        setEntries(result);
        setListError(null);
      },
      (failure) => {
        if (sequence === listSequence.current) setListError(errorMessage(failure));
      },
    );
  }, [api, effectiveFilters, refreshKey]);

  useEffect(() => setVisibleCount(PAGE_SIZE), [effectiveFilters]);

  useEffect(() => {
    api.request({ type: 'library/allTags' }).then(
      (result) => {
        setTags(result);
        setTagsError(null);
      },
      (failure) => setTagsError(errorMessage(failure)),
    );
  }, [api, refreshKey]);

  useEffect(() => {
    api.request({ type: 'settings/get' }).then(
      (settings) => setLastBackupAt(settings.lastBackupAt),
      (failure) => setSettingsError(errorMessage(failure)),
    );
  }, [api]);

  // A selection only ever covers what is listed, so bulk actions never touch hidden papers.
  useEffect(() => {
    if (!entries) return;
    setSelected((current) => {
      const listed = new Set(entries.map((entry) => entry.id));
      const kept = [...current].filter((id) => listed.has(id));
      return kept.length === current.size ? current : new Set(kept);
    });
  }, [entries]);

  const replaceEntry = (updated: LibraryEntry) =>
    setEntries((list) => list?.map((entry) => (entry.id === updated.id ? updated : entry)) ?? list);

  const updateEntry = async (id: string, patch: EntryPatch) => {
    const updated = await api.request({ type: 'library/update', id, ...patch });
    replaceEntry(updated);
    return updated;
  };

  const deleteEntries = async (ids: readonly string[]) => {
    if (ids.length === 0) return;
    setBusy(true);
    try {
      const removed = await api.request({ type: 'library/remove', ids: [...ids] });
      const gone = new Set(ids);
      setEntries((list) => list?.filter((entry) => !gone.has(entry.id)) ?? list);
      setNotice(
        removed.length === 0
          ? { kind: 'info', message: 'Those papers had already been removed.' }
          : { kind: 'deleted', message: `Deleted ${countOf(removed.length, 'paper')}`, entries: removed },
      );
      refresh();
    } catch (failure) {
      setNotice({ kind: 'error', message: `Nothing was deleted: ${errorMessage(failure)}` });
    } finally {
      setBusy(false);
    }
  };

  const undoDelete = async (removed: LibraryEntry[]) => {
    setUndoing(true);
    try {
      const { restored } = await api.request({ type: 'library/restore', entries: removed });
      setNotice({ kind: 'info', message: `Restored ${countOf(restored, 'paper')}.` });
      refresh();
    } catch (failure) {
      // The removed entries stay in the notice, so Undo can be tried again.
      setNotice((current) =>
        current?.kind === 'deleted' ? { ...current, undoError: `Undo failed: ${errorMessage(failure)}` } : current,
      );
    } finally {
      setUndoing(false);
    }
  };

  const markSelected = async (read: boolean) => {
    const targets = (entries ?? []).filter((entry) => selected.has(entry.id) && entry.read !== read);
    const unchanged = selected.size - targets.length;
    setBusy(true);
    let done = 0;
    let firstFailure: unknown = null;
    for (const entry of targets) {
      try {
        await updateEntry(entry.id, { read });
        done++;
      } catch (failure) {
        firstFailure ??= failure;
      }
    }
    setBusy(false);
    const state = read ? 'read' : 'unread';
    if (firstFailure === null) {
      setNotice({ kind: 'info', message: `Marked ${countOf(done + unchanged, 'paper')} as ${state}.` });
    } else {
      setNotice({
        kind: 'error',
        message: `Marked ${formatCount(done + unchanged)} of ${countOf(selected.size, 'paper')} as ${state}; the rest failed: ${errorMessage(firstFailure)}`,
      });
    }
  };

  const exportPapers = async (format: ExportFormat, ids?: string[]) => {
    setBusy(true);
    try {
      const file = ids
        ? await api.request({ type: 'library/export', format, ids })
        : await api.request({ type: 'library/export', format });
      const filename = saveExportFile(file);
      const what = ids ? countOf(ids.length, 'selected paper') : 'the library';
      if (format === 'json' && !ids) {
        try {
          const settings = await api.request({ type: 'settings/set', patch: { lastBackupAt: now() } });
          setLastBackupAt(settings.lastBackupAt);
        } catch (failure) {
          setNotice({ kind: 'error', message: `Saved ${filename}, but the backup date was not recorded: ${errorMessage(failure)}` });
          return;
        }
      }
      setNotice({ kind: 'info', message: `Exported ${what} as ${filename}.` });
    } catch (failure) {
      setNotice({ kind: 'error', message: `Export failed: ${errorMessage(failure)}` });
    } finally {
      setBusy(false);
    }
  };

  const sendToZotero = async (id: string) => (await api.request({ type: 'zotero/send', ids: [id] })).message;

  const sendSelectedToZotero = async (ids: string[]) => {
    setBusy(true);
    setNotice({ kind: 'info', message: `Sending ${countOf(ids.length, 'paper')} to Zotero…` });
    try {
      const result = await api.request({ type: 'zotero/send', ids });
      setNotice({ kind: 'info', message: result.message });
    } catch (failure) {
      setNotice({ kind: 'error', message: errorMessage(failure) });
    } finally {
      setBusy(false);
    }
  };

  const importBackup = async (content: string) => {
    const result = await api.request({ type: 'library/import', content });
    refresh();
    return result;
  };

  const select = (id: string, on: boolean) =>
    setSelected((current) => {
      const next = new Set(current);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });

  const shown = entries ?? [];
  const filtered = hasActiveFilter(effectiveFilters);

  return (
    <>
      <h1 id="page-heading" tabIndex={-1}>
        Library
      </h1>
      <datalist id={TAG_SUGGESTIONS_ID}>
        {tags.map((tag) => (
          <option key={tag} value={tag} />
        ))}
      </datalist>
      <section class="panel" aria-labelledby="saved-heading">
        <h2 id="saved-heading">Saved papers</h2>
        <LibraryFilters filters={filters} tags={tags} onChange={setFilters} />
        {tagsError && (
          <p class="field-error" role="alert">
            Tags could not be loaded: {tagsError}
          </p>
        )}
        <p class="list-count" aria-live="polite">
          {entries === null ? '' : filtered ? `${countOf(shown.length, 'paper')} match` : countOf(shown.length, 'paper')}
        </p>
        {listError && (
          <div class="field-error" role="alert">
            The library could not be loaded: {listError}{' '}
            <button type="button" class="link-button" onClick={refresh}>
              Try again
            </button>
          </div>
        )}
        {entries === null && !listError && <p role="status">Loading the library…</p>}
        {entries !== null && (
          <BulkBar
            shownCount={shown.length}
            selectedCount={selected.size}
            busy={busy}
            onSelectAll={(on) => setSelected(on ? new Set(shown.map((entry) => entry.id)) : new Set())}
            onMarkRead={(read) => void markSelected(read)}
            onExport={(format) => void exportPapers(format, [...selected])}
            onDelete={() => void deleteEntries([...selected])}
            onSendToZotero={() => void sendSelectedToZotero([...selected])}
          />
        )}
        {entries !== null && shown.length === 0 && (
          <p class="empty">
            {filtered ? (
              <>
                No papers match these filters.{' '}
                <button type="button" class="link-button" onClick={() => setFilters(DEFAULT_FILTERS)}>
                  Clear filters
                </button>
              </>
            ) : (
              'No saved papers yet. Save papers from the citation hub panel on any arXiv abstract page.'
            )}
          </p>
        )}
        {shown.length > 0 && (
          <ul class="entry-list" aria-labelledby="saved-heading">
            {shown.slice(0, visibleCount).map((entry, index) => (
              <EntryRow
                key={entry.id}
                entry={entry}
                index={index}
                selected={selected.has(entry.id)}
                onSelect={select}
                onUpdate={updateEntry}
                onDelete={(id) => void deleteEntries([id])}
                onSendToZotero={sendToZotero}
              />
            ))}
          </ul>
        )}
        {shown.length > visibleCount && (
          <button type="button" class="show-more" onClick={() => setVisibleCount((count) => count + PAGE_SIZE)}>
            Show {formatCount(Math.min(PAGE_SIZE, shown.length - visibleCount))} more of{' '}
            {formatCount(shown.length - visibleCount)} remaining
          </button>
        )}
      </section>
      <BackupPanel
        lastBackupAt={lastBackupAt}
        settingsError={settingsError}
        entryCount={shown.length}
        persistence={persistence}
        busy={busy}
        now={now()}
        onExport={(format) => void exportPapers(format)}
      />
      <ImportPanel onImport={importBackup} />
      <NoticeBar notice={notice} undoing={undoing} onUndo={(removed) => void undoDelete(removed)} onDismiss={() => setNotice(null)} />
    </>
  );
}
