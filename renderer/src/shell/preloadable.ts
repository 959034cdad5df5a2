import { lazy, type ComponentType, type LazyExoticComponent } from 'react';

// A code-split component that can be fetched ahead of need and then renders at once.
//
// React.lazy suspends on its first render even when the module has already arrived (it learns
// that through `then`, which runs later), so the Suspense fallback is shown; and React then holds
// the real content back until 300 ms after that fallback appeared (FALLBACK_THROTTLE_MS in
// react-dom 19). Every first visit of a screen whose code was preloaded cost those 300 ms:
// measured with `npm run bench -- ui-scale` and a Chromium trace, the main thread sat idle from
// the sidebar click until the throttle's timer fired. Here, once the module is in, lazy() is given a
// thenable that answers at once, so the first render has the component and nothing suspends.

/** Any component, whatever props it takes. */
type AnyComponent = ComponentType<never>;

export interface Preloadable<T extends AnyComponent> {
  Component: LazyExoticComponent<T>;
  /** Fetches the module (once); resolves when it can render without suspending. */
  preload: () => Promise<void>;
}

export function preloadable<T extends AnyComponent>(load: () => Promise<{ default: T }>): Preloadable<T> {
  let loaded: { default: T } | null = null;
  let loading: Promise<{ default: T }> | null = null;
  const fetchModule = () =>
    (loading ??= load().then(
      (module) => (loaded = module),
      (err: unknown) => {
        // A failed fetch (the network, a file replaced by an update) may be tried again.
        loading = null;
        throw err;
      },
    ));
  const Component = lazy<T>(() => {
    const module = loaded;
    if (module) return { then: (resolve: (m: { default: T }) => void) => resolve(module) } as Promise<{ default: T }>;
    return fetchModule();
  });
  return { Component, preload: () => fetchModule().then(() => undefined) };
}
