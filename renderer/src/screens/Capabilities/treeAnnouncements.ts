import type { Announcements, ScreenReaderInstructions } from '@dnd-kit/core';
import type { TFunction } from 'i18next';
import type { Capability } from '@shared/domain/capability';
import { areaOf, parseDndId, type TreeOrder } from './treeOrder';

// What a screen reader hears while a capability is moved with the keyboard (or the mouse): dnd-kit
// speaks these through its own live region. Positions are 1-based and counted in the list the
// capability would land in.

type Where = {
  title: string;
  area: string;
  position: number;
  count: number;
};

export function treeAnnouncements(
  t: TFunction,
  tree: TreeOrder,
  byId: ReadonlyMap<number, Capability>,
  collapsed: ReadonlySet<number>,
): { announcements: Announcements; screenReaderInstructions: ScreenReaderInstructions } {
  const title = (id: number) => byId.get(id)?.title ?? '';

  // Where the active capability goes if dropped on `overId` now (sortable: it takes over's place).
  const where = (activeId: string | number, overId: string | number | undefined): Where | null => {
    const active = parseDndId(activeId);
    const over = overId === undefined ? null : parseDndId(overId);
    if (!active || !over) return null;
    if (active.kind === 'area') {
      const position = tree.areas.indexOf(over.id) + 1;
      return position ? { title: title(active.id), area: '', position, count: tree.areas.length } : null;
    }
    const area = over.kind === 'header' ? over.id : over.kind === 'operation' ? areaOf(tree, over.id) : null;
    if (area === null) return null;
    const list = tree.operations[area] ?? [];
    const count = list.length + (list.includes(active.id) ? 0 : 1);
    let index = over.kind === 'header' ? list.indexOf(active.id) : list.indexOf(over.id);
    // Over another area's header: it goes in at the top, or at the end of a collapsed area.
    if (index < 0 && over.kind === 'header') index = collapsed.has(area) ? count - 1 : 0;
    const position = index < 0 ? count : index + 1;
    return { title: title(active.id), area: title(area), position, count };
  };
  const isArea = (id: string | number) => parseDndId(id)?.kind === 'area';
  const activeTitle = (id: string | number) => title(parseDndId(id)?.id ?? -1);

  return {
    screenReaderInstructions: { draggable: t('capabilitiesDnd:instructions') },
    announcements: {
      onDragStart: ({ active }) => {
        const place = where(active.id, active.id);
        if (!place) return undefined;
        return t(
          isArea(active.id) ? 'capabilitiesDnd:pickedUpArea' : 'capabilitiesDnd:pickedUpOperation',
          place,
        );
      },
      onDragOver: ({ active, over }) => {
        const place = where(active.id, over?.id);
        if (!place) return t('capabilitiesDnd:notOver', { title: activeTitle(active.id) });
        // Over its own slot: at pick-up (dnd-kit reports that right away), or back where it started.
        if (over?.id === active.id)
          return t(isArea(active.id) ? 'capabilitiesDnd:hereArea' : 'capabilitiesDnd:hereOperation', place);
        return t(isArea(active.id) ? 'capabilitiesDnd:overArea' : 'capabilitiesDnd:overOperation', place);
      },
      onDragEnd: ({ active, over }) => {
        const place = where(active.id, over?.id);
        if (!place) return t('capabilitiesDnd:cancelled', { title: activeTitle(active.id) });
        return t(
          isArea(active.id) ? 'capabilitiesDnd:droppedArea' : 'capabilitiesDnd:droppedOperation',
          place,
        );
      },
      onDragCancel: ({ active }) => t('capabilitiesDnd:cancelled', { title: activeTitle(active.id) }),
    },
  };
}
