import type { ReactNode } from 'react';

/** A selectable row in a list pane; a real button so keyboard and screen readers work. */
export function ListItem({
  selected,
  onSelect,
  title,
  meta,
  trailing,
  children,
  testId,
}: {
  selected?: boolean;
  onSelect: () => void;
  title: ReactNode;
  meta?: ReactNode;
  trailing?: ReactNode;
  children?: ReactNode;
  testId?: string;
}) {
  return (
    <button
      type="button"
      className={`k-list-item ${selected ? 'is-selected' : ''}`}
      aria-current={selected ? 'true' : undefined}
      onClick={onSelect}
      data-testid={testId}
    >
      <div className="k-list-item__top">
        <span className="k-list-item__title">{title}</span>
        {trailing}
      </div>
      {meta && <div className="k-list-item__meta">{meta}</div>}
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
