import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { DEFAULT_QUERY, explorerYears, isDefaultQuery, queryExplorer, type ExplorerPage, type ExplorerQuery, type YearRange } from '../../lib/hub/explorerPages';
import type { ExplorerRow } from '../../lib/domain/view';

/** Where the explorer's rows live: in this document (tests, small views) or in the background, a page at a time. */
export interface ExplorerSource {
  total: number;
  years: YearRange | null;
  /** The page for the untouched controls, known without asking. */
  firstPage: ExplorerPage;
  /** Titles of citing papers by paperId, for the polarity examples. */
  titles: ReadonlyMap<string, string>;
  /** Answers at once when the rows are here, later when the background holds them. */
  query(query: ExplorerQuery): ExplorerPage | Promise<ExplorerPage>;
}

export function localExplorerSource(rows: readonly ExplorerRow[]): ExplorerSource {
  return {
    total: rows.length,
    years: explorerYears(rows),
    firstPage: queryExplorer(rows, DEFAULT_QUERY),
    titles: new Map(rows.map((row) => [row.citation.citing.paperId, row.citation.citing.title])),
    query: (query) => queryExplorer(rows, query),
  };
}

/**
 * The page to show for `query`. While the background answers, the page shown before stays on
 * screen (a round trip takes a few milliseconds), so typing never flashes an empty list.
 */
export function useExplorerPage(source: ExplorerSource, query: ExplorerQuery): ExplorerPage {
  const answer = useMemo(() => (isDefaultQuery(query) ? source.firstPage : source.query(query)), [source, query]);
  const [arrived, setArrived] = useState<{ answer: Promise<ExplorerPage>; page: ExplorerPage } | null>(null);
  const lastShown = useRef<ExplorerPage>(source.firstPage);

  useEffect(() => {
    if (!(answer instanceof Promise)) return;
    let current = true;
    answer.then(
      (page) => {
        if (current) setArrived({ answer, page });
      },
      () => {},
    );
    return () => {
      current = false;
    };
  }, [answer]);

  const page = !(answer instanceof Promise) ? answer : arrived?.answer === answer ? arrived.page : lastShown.current;
  lastShown.current = page;
  return page;
}
