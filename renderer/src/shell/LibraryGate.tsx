import { FolderOpen, FolderPlus, Library } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import type { LibraryState } from '@shared/domain/library';
import { Button, EmptyState, ErrorMessage } from '../components';

/** Shown instead of a screen when no library is open, or the last one could not be opened. */
export function LibraryGate({
  state,
  onOpen,
  onCreate,
}: {
  state: LibraryState;
  onOpen: () => void;
  onCreate: (demo: boolean) => void;
}) {
  const { t } = useTranslation('library');
  return (
    <div className="k-gate" data-testid="library-gate">
      <EmptyState
        icon={<Library size={40} />}
        title={state.status === 'error' ? t('problemTitle') : t('noneTitle')}
        actions={
          <>
            <Button variant="primary" icon={<FolderOpen size={16} />} onClick={onOpen}>
              {t('open')}
            </Button>
            <Button icon={<FolderPlus size={16} />} onClick={() => onCreate(false)}>
              {t('create')}
            </Button>
            <Button variant="ghost" onClick={() => onCreate(true)}>
              {t('createDemo')}
            </Button>
          </>
        }
      >
        {state.status === 'error' ? (
          <>
            <p className="mono">{state.path}</p>
            <ErrorMessage error={state.error} />
          </>
        ) : (
          t('noneText')
        )}
      </EmptyState>
    </div>
  );
}
