import {
  closestCenter,
  DndContext,
  DragOverlay,
  KeyboardSensor,
  MeasuringStrategy,
  PointerSensor,
  useSensor,
  useSensors,
  type CollisionDetection,
  type DragEndEvent,
  type DragOverEvent,
  type UniqueIdentifier,
} from '@dnd-kit/core';
import {
  arrayMove,
  SortableContext,
  sortableKeyboardCoordinates,
  verticalListSortingStrategy,
} from '@dnd-kit/sortable';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Capability } from '@shared/domain/capability';
import { ErrorMessage } from '../../components';
import { DragPreview, SortableArea, SortableOperation } from './SortableTreeItems';
import { treeAnnouncements } from './treeAnnouncements';
import {
  areaOf,
  dndId,
  moveOperationTo,
  parseDndId,
  placementIn,
  treeOrderOf,
  type DndTarget,
  type TreeOrder,
} from './treeOrder';
import { usePlaceCapability } from './usePlaceCapability';
import './capabilitiesDnd.css';
import './capabilityTree.css';

/**
 * The catalogue as a tree whose areas and operations are reordered by dragging their grip handle
 * (mouse, or keyboard: Space, arrows, Space). An operation dropped on another area's rows or header
 * moves into that area. The drop is saved as one change with Undo offered in a toast.
 */
export function CapabilityTree({
  all,
  selectedId,
  collapsed,
  onToggle,
  onExpand,
  onOpen,
}: {
  all: Capability[];
  selectedId: number | null;
  collapsed: ReadonlySet<number>;
  onToggle: (areaId: number) => void;
  onExpand: (areaId: number) => void;
  onOpen: (id: number) => void;
}) {
  const { t } = useTranslation(['capabilities', 'capabilitiesDnd']);
  const byId = useMemo(() => new Map(all.map((c) => [c.id, c])), [all]);
  // While dragging, the tree shows a draft order (an operation may already sit in another area).
  // The ref mirrors it because dnd-kit may fire dragover and dragend before React re-renders.
  const [draft, setDraftState] = useState<TreeOrder | null>(null);
  const draftRef = useRef<TreeOrder | null>(null);
  const startRef = useRef<TreeOrder | null>(null);
  const setDraft = (next: TreeOrder | null) => {
    draftRef.current = next;
    setDraftState(next);
  };
  const [active, setActive] = useState<DndTarget | null>(null);
  const order = draft ?? treeOrderOf(all);
  const { place, error } = usePlaceCapability();

  const sensors = useSensors(
    // A few pixels before a drag starts, so a click on the handle stays a click.
    useSensor(PointerSensor, { activationConstraint: { distance: 4 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );

  // Moving an operation into another area changes the layout under the pointer; for one frame the
  // old target is kept, or the operation would flicker between the two areas (dnd-kit's own
  // multiple-containers example does the same).
  const justMoved = useRef(false);
  const lastOver = useRef<UniqueIdentifier | null>(null);
  useEffect(() => {
    const frame = requestAnimationFrame(() => (justMoved.current = false));
    return () => cancelAnimationFrame(frame);
  }, [draft]);
  const collisionDetection: CollisionDetection = (args) => {
    if (justMoved.current && lastOver.current !== null) return [{ id: lastOver.current }];
    const hits = closestCenter(args);
    lastOver.current = hits[0]?.id ?? null;
    return hits;
  };

  const accessibility = useMemo(
    () => treeAnnouncements(t, order, byId, collapsed),
    [t, order, byId, collapsed],
  );

  const onDragOver = ({ active: dragged, over }: DragOverEvent) => {
    const moving = parseDndId(dragged.id);
    const target = over ? parseDndId(over.id) : null;
    const current = draftRef.current;
    if (!current || moving?.kind !== 'operation' || !target || target.kind === 'area') return;
    const from = areaOf(current, moving.id);
    const to = target.kind === 'header' ? target.id : areaOf(current, target.id);
    if (to === null || to === from) return;
    let index = Number.MAX_SAFE_INTEGER; // a collapsed area: at its end
    if (target.kind === 'header' && !collapsed.has(to)) index = 0;
    if (target.kind === 'operation') {
      const rect = dragged.rect.current.translated;
      const below = rect !== null && over !== null && rect.top > over.rect.top + over.rect.height / 2;
      index = (current.operations[to] ?? []).indexOf(target.id) + (below ? 1 : 0);
    }
    justMoved.current = true;
    setDraft(moveOperationTo(current, moving.id, to, index));
  };

  const onDragEnd = ({ active: dragged, over }: DragEndEvent) => {
    const moving = parseDndId(dragged.id);
    const target = over ? parseDndId(over.id) : null;
    const start = startRef.current;
    let final = draftRef.current;
    setDraft(null);
    setActive(null);
    if (!moving || !target || !start || !final) return;
    if (moving.kind === 'area' && target.kind === 'area') {
      const areas = arrayMove(final.areas, final.areas.indexOf(moving.id), final.areas.indexOf(target.id));
      final = { ...final, areas };
    }
    if (moving.kind === 'operation' && target.kind === 'operation') {
      const area = areaOf(final, moving.id);
      const list = area === null ? [] : (final.operations[area] ?? []);
      if (area !== null && list.includes(target.id)) {
        const moved = arrayMove(list, list.indexOf(moving.id), list.indexOf(target.id));
        final = { ...final, operations: { ...final.operations, [area]: moved } };
      }
    }
    const from = placementIn(start, moving);
    const to = placementIn(final, moving);
    const capability = byId.get(moving.id);
    if (!from || !to || !capability) return;
    if (from.parentId === to.parentId && from.index === to.index) return;
    if (to.parentId !== null) onExpand(to.parentId);
    const area = to.parentId !== from.parentId ? (byId.get(to.parentId ?? -1)?.title ?? null) : null;
    void place(capability, from, to, area);
  };

  const dragged = active ? byId.get(active.id) : undefined;
  return (
    <DndContext
      sensors={sensors}
      collisionDetection={collisionDetection}
      measuring={{ droppable: { strategy: MeasuringStrategy.Always } }}
      accessibility={accessibility}
      onDragStart={({ active: started }) => {
        startRef.current = treeOrderOf(all);
        setDraft(treeOrderOf(all));
        setActive(parseDndId(started.id));
      }}
      onDragOver={onDragOver}
      onDragEnd={onDragEnd}
      onDragCancel={() => {
        setDraft(null);
        setActive(null);
      }}
    >
      <SortableContext
        items={order.areas.map((id) => dndId('area', id))}
        strategy={verticalListSortingStrategy}
      >
        <ul className={`k-tree ${active ? 'is-dragging' : ''}`} role="tree" aria-label={t('title')}>
          {order.areas.map((areaId) => {
            const area = byId.get(areaId);
            if (!area) return null;
            const open = !collapsed.has(areaId);
            const operations = order.operations[areaId] ?? [];
            return (
              <SortableArea
                key={areaId}
                area={area}
                count={operations.length}
                open={open}
                selected={areaId === selectedId}
                dragging={active?.kind ?? null}
                onToggle={() => onToggle(areaId)}
                onOpen={() => onOpen(areaId)}
              >
                {open && (
                  <SortableContext
                    id={`operations-${areaId}`}
                    items={operations.map((id) => dndId('operation', id))}
                    strategy={verticalListSortingStrategy}
                  >
                    <ul role="group">
                      {operations.map((opId) => {
                        const operation = byId.get(opId);
                        return operation ? (
                          <SortableOperation
                            key={opId}
                            operation={operation}
                            selected={opId === selectedId}
                            dragging={active?.kind ?? null}
                            onOpen={() => onOpen(opId)}
                          />
                        ) : null;
                      })}
                    </ul>
                  </SortableContext>
                )}
              </SortableArea>
            );
          })}
        </ul>
      </SortableContext>
      <DragOverlay>
        {dragged ? (
          <DragPreview capability={dragged} count={order.operations[dragged.id]?.length ?? 0} />
        ) : null}
      </DragOverlay>
      {error && <ErrorMessage error={error} />}
    </DndContext>
  );
}
