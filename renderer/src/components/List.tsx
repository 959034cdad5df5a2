import type { ReactNode } from 'react';
import type { RovingProps } from './VirtualList';

/**
 * A selectable row in a list pane; a real button so keyboard and screen readers work. In a
 * VirtualList it takes the list's roving props (one Tab stop per list); `loading`: a row whose
 * window has not arrived yet, the same size, so the keys can already move onto it.
 */
export function ListItem({
  selected,
  onSelect,
  title,
  meta,
  trailing,
  children,
  testId,
  roving,
  loading,
  group,
}: {
  selected?: boolean;
  onSelect: () => void;
  title: ReactNode;
  meta?: ReactNode;
  trailing?: ReactNode;
  children?: ReactNode;
  testId?: string;
  roving?: RovingProps;
  loading?: boolean;
  /** The part of the list the row is in (the Inbox's groups), for specs and styles. */
  group?: string;
}) {
  return (
    <button
      type="button"
      className={`k-list-item ${selected ? 'is-selected' : ''} ${loading ? 'is-loading' : ''}`}
      aria-current={selected ? 'true' : undefined}
      aria-busy={loading || undefined}
      onClick={onSelect}
      data-testid={testId}
      data-group={group}
      {...roving}
    >
      <div className="k-list-item__top">
        <span className="k-list-item__title">{title}</span>
        {trailing}
      </div>
      {(meta || loading) && <div className="k-list-item__meta">{meta ?? '\u00a0'}</div>}
      {children}
    </button>
  );
}

export function ListSection({
  title,
  count,
  children,
}: {
  title: ReactNode;
  count?: number;
  children: ReactNode;
}) {
  return (
    <div className="k-list-section">
      <div className="k-list-section__title">
        {title}
        {count !== undefined && <span className="k-list-section__count">{count}</span>}
      </div>
      {children}
    </div>
  );
}
