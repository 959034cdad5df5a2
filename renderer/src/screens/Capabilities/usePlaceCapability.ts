import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Capability } from '@shared/domain/capability';
import { placeCapability, type Placement } from '@shared/domain/capabilityPlacement';
import { queryKey, useApiMutation } from '../../api/hooks';
import { useToast } from '../../components';

/**
 * Saves a drop: the tree shows the new order at once (the same placement the core computes), the
 * core writes it with one log entry, and a toast offers Undo, which places it back where it was.
 * A failed save puts the tree back as it was and leaves the error to show.
 */
export function usePlaceCapability() {
  const { t } = useTranslation(['capabilitiesDnd', 'common']);
  const client = useQueryClient();
  const toast = useToast();
  const mutation = useApiMutation('capabilities:place');
  const key = queryKey('capabilities:list', {});

  const save = async (id: number, to: Placement): Promise<boolean> => {
    await client.cancelQueries({ queryKey: key });
    const before = client.getQueryData<Capability[]>(key);
    if (before) {
      try {
        client.setQueryData(key, placeCapability(before, id, to).capabilities);
      } catch {
        // The core will refuse it with the reason; nothing to show ahead of it.
      }
    }
    try {
      await mutation.mutateAsync({ id, ...to });
      return true;
    } catch {
      if (before) client.setQueryData(key, before);
      return false;
    }
  };

  /** Moves `capability` from `from` to `to`; `area` is the area it lands in when that changed. */
  const place = async (capability: Capability, from: Placement, to: Placement, area: string | null) => {
    if (!(await save(capability.id, to))) return;
    const position = to.index + 1;
    toast.show(
      area === null
        ? t('moved', { title: capability.title, position })
        : t('movedTo', { title: capability.title, area, position }),
      {
        timeoutMs: 10_000,
        action: {
          label: t('common:undo'),
          run: () =>
            void save(capability.id, from).then(
              (ok) => ok && toast.show(t('undone', { title: capability.title })),
            ),
        },
      },
    );
  };

  return { place, error: mutation.error };
}
