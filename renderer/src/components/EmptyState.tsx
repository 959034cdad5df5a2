import type { ReactNode } from 'react';

/** What a list shows when it has nothing yet: what belongs here and how to add the first one. */
export function EmptyState({
  icon,
  title,
  children,
  actions,
}: {
  icon?: ReactNode;
  title: ReactNode;
  children?: ReactNode;
  actions?: ReactNode;
}) {
  return (
    <div className="k-empty" role="status">
      {icon && <div className="k-empty__icon">{icon}</div>}
      <div className="k-empty__title">{title}</div>
      {children && <div className="k-empty__text">{children}</div>}
      {actions && <div className="k-empty__actions">{actions}</div>}
    </div>
  );
}
