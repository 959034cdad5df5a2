import { useDroppable, type DraggableAttributes, type DraggableSyntheticListeners } from '@dnd-kit/core';
import { useSortable } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import { ChevronDown, ChevronRight, GripVertical } from 'lucide-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Capability } from '@shared/domain/capability';
import { dndId, type DndTarget } from './treeOrder';

// The rows of the capability tree, each draggable by its grip handle. While something is dragged,
// only the targets that fit it take part: areas among areas; operations among operations and onto
// area headers (to go into that area, even a collapsed or empty one).

type DraggingKind = DndTarget['kind'] | null;

function DragHandle({
  title,
  attributes,
  listeners,
  setRef,
}: {
  title: string;
  attributes: DraggableAttributes;
  listeners: DraggableSyntheticListeners;
  setRef: (element: HTMLElement | null) => void;
}) {
  const { t } = useTranslation('capabilitiesDnd');
  return (
    <button
      type="button"
      ref={setRef}
      className="k-tree__handle"
      data-testid="drag-handle"
      {...attributes}
      {...listeners}
      aria-label={t('handle', { title })}
      title={t('handle', { title })}
    >
      <GripVertical size={14} aria-hidden />
    </button>
  );
}

export function SortableArea({
  area,
  count,
  open,
  selected,
  dragging,
  onToggle,
  onOpen,
  children,
}: {
  area: Capability;
  count: number;
  open: boolean;
  selected: boolean;
  dragging: DraggingKind;
  onToggle: () => void;
  onOpen: () => void;
  children: ReactNode;
}) {
  const { t } = useTranslation(['capabilities', 'capabilitiesDnd']);
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } =
    useSortable({
      id: dndId('area', area.id),
      // dnd-kit's default role description is English ('sortable').
      attributes: { roleDescription: t('capabilitiesDnd:roleDescription') },
      disabled: { draggable: false, droppable: dragging === 'operation' },
    });
  // The header row is where an operation is dropped to go into this area.
  const { setNodeRef: setHeaderRef, isOver: headerIsOver } = useDroppable({
    id: dndId('header', area.id),
    disabled: dragging !== 'operation',
  });
  const classes = ['k-tree__item', isDragging ? 'is-drag-source' : ''].join(' ');
  return (
    <li
      ref={setNodeRef}
      style={{ transform: CSS.Translate.toString(transform), transition: transition }}
      className={classes}
      role="treeitem"
      aria-expanded={open}
      aria-selected={selected}
      data-testid="capability-area"
    >
      <div
        ref={setHeaderRef}
        className={[
          'k-tree__row k-tree__row--area',
          selected ? 'is-selected' : '',
          headerIsOver ? 'is-drop-target' : '',
        ].join(' ')}
      >
        <DragHandle
          title={area.title}
          attributes={attributes}
          listeners={listeners}
          setRef={setActivatorNodeRef}
        />
        <button
          type="button"
          className="k-tree__toggle"
          aria-label={open ? t('collapse') : t('expand')}
          onClick={onToggle}
        >
          {open ? <ChevronDown size={14} /> : <ChevronRight size={14} />}
        </button>
        <button type="button" className="k-tree__label" onClick={onOpen}>
          {area.title}
          <span className="faint"> {count}</span>
        </button>
        {headerIsOver && <span className="k-tree__drop-hint">{t('capabilitiesDnd:dropInto')}</span>}
      </div>
      {children}
    </li>
  );
}

export function SortableOperation({
  operation,
  selected,
  dragging,
  onOpen,
}: {
  operation: Capability;
  selected: boolean;
  dragging: DraggingKind;
  onOpen: () => void;
}) {
  const { t } = useTranslation('capabilitiesDnd');
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } =
    useSortable({
      id: dndId('operation', operation.id),
      // dnd-kit's default role description is English ('sortable').
      attributes: { roleDescription: t('capabilitiesDnd:roleDescription') },
      disabled: { draggable: false, droppable: dragging === 'area' },
    });
  return (
    <li
      ref={setNodeRef}
      style={{ transform: CSS.Translate.toString(transform), transition: transition }}
      className={`k-tree__item ${isDragging ? 'is-drag-source' : ''}`}
      role="treeitem"
      aria-selected={selected}
      data-testid="capability-operation"
    >
      <div className={`k-tree__row ${selected ? 'is-selected' : ''}`}>
        <DragHandle
          title={operation.title}
          attributes={attributes}
          listeners={listeners}
          setRef={setActivatorNodeRef}
        />
        <button type="button" className="k-tree__label" onClick={onOpen}>
          {operation.title}
        </button>
      </div>
    </li>
  );
}

/** What follows the pointer while dragging: the row lifted off the tree. */
export function DragPreview({ capability, count }: { capability: Capability; count: number }) {
  return (
    <div
      className={`k-tree__row k-tree__preview k-tree__preview--${capability.kind} ${capability.kind === 'area' ? 'k-tree__row--area' : ''}`}
      data-testid="drag-preview"
    >
      <span className="k-tree__handle">
        <GripVertical size={14} aria-hidden />
      </span>
      <span className="k-tree__label">
        {capability.title}
        {capability.kind === 'area' && <span className="faint"> {count}</span>}
      </span>
    </div>
  );
}
