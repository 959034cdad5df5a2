import { useSyncExternalStore } from 'react';

export const screens = [
  'inbox',
  'answers',
  'customers',
  'capabilities',
  'videos',
  'publish',
  'settings',
] as const;
export type Screen = (typeof screens)[number];

export interface Route {
  screen: Screen;
  /** The selected item of the screen (question, answer, customer…), from `#/inbox/12`. */
  id: number | null;
}

export function parseRoute(hash: string): Route {
  const [, screen = '', id = ''] = hash.replace(/^#/, '').split('/');
  const known = (screens as readonly string[]).includes(screen) ? (screen as Screen) : 'inbox';
  const num = Number(id);
  return { screen: known, id: Number.isInteger(num) && num > 0 ? num : null };
}

export function routeHref(screen: Screen, id?: number | null): string {
  return id ? `#/${screen}/${id}` : `#/${screen}`;
}

const listeners = new Set<() => void>();

function subscribe(onChange: () => void): () => void {
  listeners.add(onChange);
  window.addEventListener('hashchange', onChange);
  return () => {
    listeners.delete(onChange);
    window.removeEventListener('hashchange', onChange);
  };
}

/**
 * Goes to a screen at once: assigning location.hash updates it synchronously, but `hashchange`
 * arrives as a later task, and until then the previous screen stayed on view (and answered the
 * next click — a customer's row in the Inbox taken for the same customer's row in Customers).
 */
export function goTo(screen: Screen, id?: number | null): void {
  const href = routeHref(screen, id);
  if (window.location.hash !== href) window.location.hash = href;
  for (const listener of listeners) listener();
}

/** The route lives in location.hash: reload keeps the place, and specs can deep-link. */
export function useRoute(): [Route, (screen: Screen, id?: number | null) => void] {
  const hash = useSyncExternalStore(subscribe, () => window.location.hash);
  return [parseRoute(hash), goTo];
}
