let media: MediaQueryList | null = null;
let follow: (() => void) | null = null;

/** 'system' follows the OS and keeps following it when the OS switches. */
export function applyTheme(theme: 'system' | 'light' | 'dark'): void {
  if (media && follow) media.removeEventListener('change', follow);
  media = window.matchMedia('(prefers-color-scheme: dark)');
  const set = () => {
    const dark = theme === 'dark' || (theme === 'system' && media!.matches);
    document.documentElement.dataset.theme = dark ? 'dark' : 'light';
  };
  follow = theme === 'system' ? set : null;
  if (follow) media.addEventListener('change', follow);
  set();
}
