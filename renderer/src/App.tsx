import { useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import type { JobState } from '@shared/domain/job';
import { onEvent } from './api/client';
import { knownJobs, subscribeJobs } from './jobs/jobStore';
import { useApi, useLiveInvalidation } from './api/hooks';
import { Dialog, ErrorMessage, Loading } from './components';
import { todayDay } from './hooks/useFormat';
import { useHotkey } from './hooks/useHotkey';
import { CommandPalette, type PaletteCommand } from './shell/CommandPalette';
import { LibraryGate } from './shell/LibraryGate';
import { screens, useRoute } from './shell/routes';
import { ScreenView } from './shell/ScreenView';
import { ShortcutsDialog } from './shell/ShortcutsDialog';
import { Sidebar } from './shell/Sidebar';
import { StatusBar } from './shell/StatusBar';
import { useLibraryActions } from './shell/useLibraryActions';
import { requestBackup } from './screens/Settings/backupRequests';

/** Every job of this window, for the status bar; also starts following job events at boot. */
function useJobs(): JobState[] {
  return useSyncExternalStore(subscribeJobs, knownJobs);
}

export function App() {
  const { t } = useTranslation(['library', 'common']);
  useLiveInvalidation();
  const [route, navigate] = useRoute();
  const library = useApi('library:state', {});
  // The badge counts every open question (issue 20: it said 1000, the size of a fetched page).
  const counts = useApi(
    'questions:inboxCounts',
    { today: todayDay() },
    { enabled: library.data?.status === 'open' },
  );
  const jobs = useJobs();
  const [paletteOpen, setPaletteOpen] = useState(false);
  const [libraryError, setLibraryError] = useState<unknown>(null);
  const actions = useLibraryActions(setLibraryError);

  const [shortcutsOpen, setShortcutsOpen] = useState(false);
  useHotkey('mod+k', () => setPaletteOpen(true));
  useHotkey('mod+/', () => setShortcutsOpen(true));
  // Ctrl/Cmd+1…7 jump to the sidebar screens in their order.
  useHotkey('mod+1', () => navigate(screens[0]));
  useHotkey('mod+2', () => navigate(screens[1]));
  useHotkey('mod+3', () => navigate(screens[2]));
  useHotkey('mod+4', () => navigate(screens[3]));
  useHotkey('mod+5', () => navigate(screens[4]));
  useHotkey('mod+6', () => navigate(screens[5]));
  useHotkey('mod+7', () => navigate(screens[6]));

  useEffect(
    () =>
      onEvent('menu:command', ({ command }) => {
        if (command === 'library:open') void actions.openLibrary();
        else if (command === 'library:new') void actions.createLibrary(false);
        else if (command === 'palette:open') setPaletteOpen(true);
        else if (command === 'navigate:settings') navigate('settings');
        else if (command === 'backup:create') {
          navigate('settings');
          requestBackup();
        }
      }),
    [actions, navigate],
  );

  const commands: PaletteCommand[] = useMemo(
    () => [
      { id: 'library:open', label: t('library:open'), run: () => void actions.openLibrary() },
      { id: 'library:new', label: t('library:create'), run: () => void actions.createLibrary(false) },
      { id: 'help:shortcuts', label: t('common:shortcut.title'), run: () => setShortcutsOpen(true) },
    ],
    [actions, t],
  );

  const state = library.data;
  return (
    <div className="k-app">
      <Sidebar
        current={route.screen}
        onSearch={() => setPaletteOpen(true)}
        badges={{ inbox: counts.data?.open ?? 0 }}
      />
      <main className="k-main">
        {library.isPending ? (
          <Loading />
        ) : library.isError ? (
          <ErrorMessage error={library.error} />
        ) : state && state.status !== 'open' && route.screen !== 'settings' ? (
          <LibraryGate
            state={state}
            onOpen={() => void actions.openLibrary()}
            onCreate={(demo) => void actions.createLibrary(demo)}
          />
        ) : (
          <ScreenView route={route} navigate={navigate} libraryOpen={state?.status === 'open'} />
        )}
      </main>
      <StatusBar library={state} jobs={jobs} />
      <CommandPalette
        open={paletteOpen}
        onClose={() => setPaletteOpen(false)}
        navigate={navigate}
        commands={commands}
      />
      <ShortcutsDialog open={shortcutsOpen} onClose={() => setShortcutsOpen(false)} />
      <Dialog
        open={libraryError !== null}
        title={t('library:problemTitle')}
        onClose={() => setLibraryError(null)}
      >
        <ErrorMessage error={libraryError} />
      </Dialog>
    </div>
  );
}
