import { Suspense } from 'react';
import { Loading } from '../components';
import { preloadable } from './preloadable';
import type { Route, Screen } from './routes';

// Each screen is its own chunk: the first paint does not wait for the editor or the video tools.
// A screen whose code has arrived renders at once (preloadable.ts: no fallback, no 300 ms hold).
const inbox = preloadable(() => import('../screens/Inbox'));
const answers = preloadable(() => import('../screens/Answers'));
const customers = preloadable(() => import('../screens/Customers'));
const capabilities = preloadable(() => import('../screens/Capabilities'));
const videos = preloadable(() => import('../screens/Videos'));
const publish = preloadable(() => import('../screens/Publish'));
const settings = preloadable(() => import('../screens/Settings'));
// The Inbox is the first screen: its code loads while the library's state is on its way, not after.
void inbox.preload();
// The screens the vendor goes to next load when the window is idle, so the first visit waits for
// its data only (the Answers screen brings the editor, 700 KB of script).
window.requestIdleCallback(
  () => {
    void answers.preload();
    void customers.preload();
  },
  { timeout: 5000 },
);
const Inbox = inbox.Component;
const Answers = answers.Component;
const Customers = customers.Component;
const Capabilities = capabilities.Component;
const Videos = videos.Component;
const Publish = publish.Component;
const Settings = settings.Component;

export interface ScreenProps {
  id: number | null;
  navigate: (screen: Screen, id?: number | null) => void;
}

export function ScreenView({
  route,
  navigate,
  libraryOpen,
}: {
  route: Route;
  navigate: ScreenProps['navigate'];
  libraryOpen: boolean;
}) {
  const props: ScreenProps = { id: route.id, navigate };
  const screen = !libraryOpen ? 'settings' : route.screen;
  return (
    <Suspense fallback={<Loading />}>
      {screen === 'inbox' && <Inbox {...props} />}
      {screen === 'answers' && <Answers {...props} />}
      {screen === 'customers' && <Customers {...props} />}
      {screen === 'capabilities' && <Capabilities {...props} />}
      {screen === 'videos' && <Videos {...props} />}
      {screen === 'publish' && <Publish {...props} />}
      {screen === 'settings' && <Settings {...props} />}
    </Suspense>
  );
}
