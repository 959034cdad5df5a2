import { useCallback, useSyncExternalStore } from 'react';

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

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

/** The route lives in location.hash: reload keeps the place, and specs can deep-link. */
export function useRoute(): [Route, (screen: Screen, id?: number | null) => void] {
  const hash = useSyncExternalStore(subscribe, () => window.location.hash);
  const navigate = useCallback((screen: Screen, id?: number | null) => {
    window.location.hash = routeHref(screen, id);
  }, []);
  return [parseRoute(hash), navigate];
}
