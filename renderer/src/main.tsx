import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { pickLocale } from '@shared/i18n';
import { App } from './App';
import { call } from './api/client';
import { ToastProvider } from './components';
import './components/components.css';
import { initI18n } from './i18n';
import { applyTheme } from './shell/theme';
import './shell/shell.css';
import './theme/theme.css';

async function boot(): Promise<void> {
  const [info, settings] = await Promise.all([call('app:info', {}), call('settings:get', {})]);
  await initI18n(pickLocale(settings.language, info.systemLocale));
  applyTheme(settings.theme);
  const queryClient = new QueryClient({
    defaultOptions: { queries: { staleTime: 5_000, retry: false, refetchOnWindowFocus: false } },
  });
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <QueryClientProvider client={queryClient}>
        <ToastProvider>
          <App />
        </ToastProvider>
      </QueryClientProvider>
    </StrictMode>,
  );
}

boot().catch((err: unknown) => {
  // Before i18n is up there is no translated message to show; say it in both languages.
  const root = document.getElementById('root')!;
  root.textContent = `Kotae Studio could not start / 起動できませんでした: ${err instanceof Error ? err.message : String(err)}`;
});
