import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { call } from '../api/client';
import { useToast } from '../components';

/** Open / create a library through the OS folder dialog; errors come back as a toast the user can read. */
export function useLibraryActions(onError: (err: unknown) => void) {
  const client = useQueryClient();
  const toast = useToast();
  const { t } = useTranslation('library');
  const run = async (action: () => Promise<{ name: string } | null>, doneKey: string) => {
    try {
      const info = await action();
      if (info) {
        await client.invalidateQueries();
        toast.show(t(doneKey, { name: info.name }), { tone: 'ok' });
      }
    } catch (err) {
      onError(err);
    }
  };
  return {
    openLibrary: () => run(() => call('library:chooseOpen', {}), 'opened'),
    createLibrary: (demo: boolean) => run(() => call('library:chooseCreate', { demo }), 'created'),
    openRecent: (path: string) => run(() => call('library:open', { path }), 'opened'),
  };
}
