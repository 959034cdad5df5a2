import { createElement, lazy, Suspense } from 'react';
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { preloadable } from './preloadable';

// What a first render shows: the component, or the Suspense fallback (which React then keeps on
// screen for at least 300 ms in the app).
const render = (Component: () => unknown) =>
  renderToString(
    createElement(Suspense, { fallback: createElement('i', null, 'loading') }, createElement(Component as never)),
  );
const screen = { default: () => createElement('b', null, 'screen') };

describe('preloadable', () => {
  it('renders at once when its module arrived before the first render', async () => {
    const { Component, preload } = preloadable(() => Promise.resolve(screen));
    await preload();
    const html = render(Component);
    expect(html).toContain('<b>screen</b>');
    expect(html).not.toContain('loading');
  });

  it('is needed: React.lazy suspends on a module that has already arrived', async () => {
    const load = Promise.resolve(screen);
    await load;
    const Plain = lazy(() => load);
    const html = render(Plain);
    expect(html).toContain('loading');
    expect(html).not.toContain('<b>screen</b>');
  });

  it('suspends like lazy() when the module has not arrived, and fetches it once', async () => {
    let calls = 0;
    const { Component, preload } = preloadable(() => {
      calls++;
      return Promise.resolve(screen);
    });
    expect(render(Component)).toContain('loading');
    await preload();
    expect(calls).toBe(1);
  });

  it('tries again after a failed fetch', async () => {
    let calls = 0;
    const { preload } = preloadable(() =>
      ++calls === 1 ? Promise.reject(new Error('offline')) : Promise.resolve(screen),
    );
    await expect(preload()).rejects.toThrow('offline');
    await preload();
    expect(calls).toBe(2);
  });
});
