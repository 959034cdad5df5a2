import { Loader } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import type { SearchHitKind } from '@shared/api/search';
import { useApi } from '../api/hooks';

/**
 * Beside search results while the index is behind by more than a search reads directly (a first
 * build, a long import): how many documents wait, so a missing hit is not taken for an absent one.
 * Asks again every second until the index has caught up.
 */
export function IndexingNote({ kinds }: { kinds?: SearchHitKind[] }) {
  const { t } = useTranslation('search');
  const status = useApi(
    'search:status',
    { kinds },
    { refetchInterval: (query) => (query.state.data && !query.state.data.complete ? 1000 : false) },
  );
  if (!status.data || status.data.complete) return null;
  const { queued, paused } = status.data;
  return (
    <p className="k-indexing-note" role="status" data-testid="indexing-note">
      {!paused && <Loader size={13} aria-hidden className="k-indexing-note__icon" />}
      {t(paused ? 'indexing.paused' : 'indexing.behind', { count: queued })}
    </p>
  );
}
