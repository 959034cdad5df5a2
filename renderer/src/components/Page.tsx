import type { CSSProperties, ReactNode } from 'react';

/** Top of a screen: title, a short description of what the screen is for, and its main actions. */
export function PageHeader({
  title,
  subtitle,
  actions,
}: {
  title: ReactNode;
  subtitle?: ReactNode;
  actions?: ReactNode;
}) {
  return (
    <header className="k-page-header">
      <div>
        <h1>{title}</h1>
        {subtitle && <p className="k-page-header__subtitle">{subtitle}</p>}
      </div>
      {actions && <div className="k-page-header__actions">{actions}</div>}
    </header>
  );
}

/**
 * List on the left, the selected item on the right: the shape of most screens. listWidth is the
 * list's widest; in a narrow window it gives way (components.css) so the detail keeps its room.
 */
export function SplitView({
  list,
  detail,
  listWidth = 380,
}: {
  list: ReactNode;
  detail: ReactNode;
  listWidth?: number;
}) {
  return (
    <div className="k-split" style={{ '--k-split-list': `${listWidth}px` } as CSSProperties}>
      <div className="k-split__list">{list}</div>
      <div className="k-split__detail">{detail}</div>
    </div>
  );
}

export function Card({
  title,
  actions,
  children,
  className,
}: {
  title?: ReactNode;
  actions?: ReactNode;
  children: ReactNode;
  className?: string;
}) {
  return (
    <section className={`k-card ${className ?? ''}`}>
      {(title || actions) && (
        <div className="k-card__header">
          {title && <h3>{title}</h3>}
          {actions}
        </div>
      )}
      <div className="k-card__body">{children}</div>
    </section>
  );
}

export function Kbd({ children }: { children: ReactNode }) {
  return <kbd className="k-kbd">{children}</kbd>;
}
