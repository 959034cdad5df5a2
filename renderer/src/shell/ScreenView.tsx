import { lazy, Suspense } from 'react';
import { Loading } from '../components';
import type { Route, Screen } from './routes';

// Each screen is its own chunk: the first paint does not wait for the editor or the video tools.
const loadInbox = () => import('../screens/Inbox');
const Inbox = lazy(loadInbox);
// The Inbox is the first screen: its code loads while the library's state is on its way, not after.
void loadInbox();
const loadAnswers = () => import('../screens/Answers');
const loadCustomers = () => import('../screens/Customers');
const Answers = lazy(loadAnswers);
const Customers = lazy(loadCustomers);
// The screens the vendor goes to next load when the window is idle, so the first visit waits for
// its data only (the Answers screen brings the editor, 700 KB of script).
window.requestIdleCallback(
  () => {
    void loadAnswers();
    void loadCustomers();
  },
  { timeout: 5000 },
);
const Capabilities = lazy(() => import('../screens/Capabilities'));
const Videos = lazy(() => import('../screens/Videos'));
const Publish = lazy(() => import('../screens/Publish'));
const Settings = lazy(() => import('../screens/Settings'));

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
