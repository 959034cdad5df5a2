import { useTranslation } from 'react-i18next';
import { Dialog, Kbd } from '../components';
import { shortcutLabel } from '../hooks/shortcutLabel';
import { screens } from './routes';

/** Ctrl+/ lists the keyboard shortcuts of the whole app. */
export function ShortcutsDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation(['common', 'nav']);
  const rows: [string, string][] = [
    [shortcutLabel('mod+k'), t('common:shortcut.palette')],
    [shortcutLabel('mod+/'), t('common:shortcut.help')],
    ...screens.map((s, i): [string, string] => [
      shortcutLabel(`mod+${i + 1}`),
      t('common:shortcut.goTo', { screen: t(`nav:${s}`) }),
    ]),
    [shortcutLabel('mod+shift+s'), t('tracking:status.shortcut')],
    ['↑ ↓', t('common:shortcut.listMove')],
    ['PgUp PgDn', t('common:shortcut.listPage')],
    ['Home End', t('common:shortcut.listEnds')],
    ['Enter', t('common:shortcut.listOpen')],
    ['Esc', t('common:shortcut.close')],
  ];
  return (
    <Dialog open={open} title={t('common:shortcut.title')} onClose={onClose}>
      <table className="k-table" data-testid="shortcuts">
        <tbody>
          {rows.map(([keys, what]) => (
            <tr key={keys}>
              <td style={{ width: 120 }}>
                <Kbd>{keys}</Kbd>
              </td>
              <td>{what}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Dialog>
  );
}
