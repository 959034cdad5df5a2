import { Clapperboard, Inbox, FileText, Users, ListTree, Globe, Settings, Search } from 'lucide-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Kbd } from '../components';
import { shortcutLabel } from '../hooks/shortcutLabel';
import { goTo, routeHref, type Screen } from './routes';

const items: { screen: Screen; icon: ReactNode }[] = [
  { screen: 'inbox', icon: <Inbox size={17} /> },
  { screen: 'answers', icon: <FileText size={17} /> },
  { screen: 'customers', icon: <Users size={17} /> },
  { screen: 'capabilities', icon: <ListTree size={17} /> },
  { screen: 'videos', icon: <Clapperboard size={17} /> },
  { screen: 'publish', icon: <Globe size={17} /> },
];

export function Sidebar({
  current,
  onSearch,
  badges,
}: {
  current: Screen;
  onSearch: () => void;
  badges: Partial<Record<Screen, number>>;
}) {
  const { t } = useTranslation('nav');
  const link = (screen: Screen, icon: ReactNode) => (
    <a
      key={screen}
      href={routeHref(screen)}
      className={`k-nav__item ${current === screen ? 'is-active' : ''}`}
      aria-current={current === screen ? 'page' : undefined}
      title={t(screen)}
      onClick={(e) => {
        // A plain click switches at once; with a modifier the browser does what it would with a link.
        if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
        e.preventDefault();
        goTo(screen);
      }}
    >
      {icon}
      <span>{t(screen)}</span>
      {badges[screen] ? <span className="k-nav__badge">{badges[screen]}</span> : null}
    </a>
  );
  return (
    <nav className="k-sidebar" aria-label={t('label')}>
      <div className="k-sidebar__brand">
        <span className="k-sidebar__logo" aria-hidden>
          答
        </span>
        <span>Kotae Studio</span>
      </div>
      <button
        type="button"
        className="k-sidebar__search"
        onClick={onSearch}
        title={`${t('search')} (${shortcutLabel('mod+k')})`}
      >
        <Search size={15} />
        <span>{t('search')}</span>
        <Kbd>{shortcutLabel('mod+k')}</Kbd>
      </button>
      <div className="k-nav">{items.map((item) => link(item.screen, item.icon))}</div>
      <div className="k-nav k-nav--bottom">{link('settings', <Settings size={17} />)}</div>
    </nav>
  );
}
