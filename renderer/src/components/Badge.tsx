import type { ReactNode } from 'react';

export type Tone = 'neutral' | 'accent' | 'ok' | 'warning' | 'danger' | 'info';

export function Badge({
  tone = 'neutral',
  children,
  title,
}: {
  tone?: Tone;
  children: ReactNode;
  title?: string;
}) {
  return (
    <span className={`k-badge k-badge--${tone}`} title={title}>
      {children}
    </span>
  );
}
