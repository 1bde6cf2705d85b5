import type { LibraryFilters as Filters, LibrarySort, ReadFilter } from './filters';

const SORT_LABELS: Record<LibrarySort, string> = {
  savedAt: 'Saved date (newest first)',
  year: 'Year (newest first)',
  title: 'Title (A–Z)',
};

const READ_LABELS: Record<ReadFilter, string> = { all: 'All papers', unread: 'Unread only', read: 'Read only' };

interface LibraryFiltersProps {
  filters: Filters;
  tags: readonly string[];
  onChange(filters: Filters): void;
}

export function LibraryFilters({ filters, tags, onChange }: LibraryFiltersProps) {
  const set = (patch: Partial<Filters>) => onChange({ ...filters, ...patch });
  // A tag filter that no longer exists (its last paper was deleted) stays selectable so it can be cleared.
  const tagOptions = filters.tag !== '' && !tags.includes(filters.tag) ? [filters.tag, ...tags] : tags;
  return (
    <form class="filters" role="search" aria-label="Library" onSubmit={(event) => event.preventDefault()}>
      <div class="field field-grow">
        <label for="library-search">Search</label>
        <input
          id="library-search"
          type="search"
          placeholder="Title, author, notes or tag"
          maxLength={500}
          value={filters.query}
          onInput={(event) => set({ query: event.currentTarget.value })}
        />
      </div>
      <div class="field">
        <label for="library-sort">Sort by</label>
        <select id="library-sort" value={filters.sort} onChange={(event) => set({ sort: event.currentTarget.value as LibrarySort })}>
          {(Object.keys(SORT_LABELS) as LibrarySort[]).map((sort) => (
            <option key={sort} value={sort}>
              {SORT_LABELS[sort]}
            </option>
          ))}
        </select>
      </div>
      <div class="field">
        <label for="library-tag">Tag</label>
        <select id="library-tag" value={filters.tag} onChange={(event) => set({ tag: event.currentTarget.value })}>
          <option value="">All tags</option>
          {tagOptions.map((tag) => (
            <option key={tag} value={tag}>
              {tag}
            </option>
          ))}
        </select>
      </div>
      <div class="field">
        <label for="library-read">Show</label>
        <select id="library-read" value={filters.read} onChange={(event) => set({ read: event.currentTarget.value as ReadFilter })}>
          {(Object.keys(READ_LABELS) as ReadFilter[]).map((read) => (
            <option key={read} value={read}>
              {READ_LABELS[read]}
            </option>
          ))}
        </select>
      </div>
    </form>
  );
}
