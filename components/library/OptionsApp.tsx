import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { SettingsView } from '../settings/SettingsView';
import { OptionsApiProvider, type OptionsApi } from './api';
import type { Persistence } from './BackupPanel';
import { createBrowserOptionsApi } from './browserApi';
import { LibraryView } from './LibraryView';
import './library.css';

export type OptionsPage = 'library' | 'settings';

const PAGE_TITLES: Record<OptionsPage, string> = { library: 'Library', settings: 'Settings' };

function pageFromHash(hash: string): OptionsPage {
  return hash === '#settings' ? 'settings' : 'library';
}

interface OptionsAppProps {
  /** The extension behind the page; tests pass a fake. */
  api?: OptionsApi;
}

/** The options page: the library (default) and the settings, switched by the URL hash (#settings). */
export function OptionsApp({ api: givenApi }: OptionsAppProps) {
  const api = useMemo(() => givenApi ?? createBrowserOptionsApi(), [givenApi]);
  const [page, setPage] = useState<OptionsPage>(() => pageFromHash(location.hash));
  const [persistence, setPersistence] = useState<Persistence>('checking');
  const navigated = useRef(false);

  useEffect(() => {
    const follow = () => {
      navigated.current = true;
      setPage(pageFromHash(location.hash));
    };
    window.addEventListener('hashchange', follow);
    return () => window.removeEventListener('hashchange', follow);
  }, []);

  useEffect(() => {
    document.title = `${PAGE_TITLES[page]} — arXiv Citation Hub`;
    // After a switch, start screen readers and keyboard users at the new page's heading.
    if (navigated.current) document.getElementById('page-heading')?.focus();
  }, [page]);

  useEffect(() => {
    let cancelled = false;
    void (async () => {
      const granted = await api.persistStorage();
      if (cancelled) return;
      setPersistence(granted === null ? 'unavailable' : granted ? 'granted' : 'denied');
    })();
    return () => {
      cancelled = true;
    };
  }, [api]);

  return (
    <OptionsApiProvider value={api}>
      <header class="site-header">
        <p class="brand">arXiv Citation Hub</p>
        <nav aria-label="Options">
          <ul class="tabs">
            {(Object.keys(PAGE_TITLES) as OptionsPage[]).map((name) => (
              <li key={name}>
                <a href={`#${name}`} aria-current={page === name ? 'page' : undefined}>
                  {PAGE_TITLES[name]}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      <main id="main" class="options-main">
        {page === 'library' ? <LibraryView persistence={persistence} /> : <SettingsView />}
      </main>
    </OptionsApiProvider>
  );
}
