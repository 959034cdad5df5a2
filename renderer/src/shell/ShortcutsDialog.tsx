import { useTranslation } from 'react-i18next';
import { Dialog, Kbd } from '../components';
import { screens } from './routes';

const mod = () => (navigator.platform.toLowerCase().includes('mac') ? '⌘' : 'Ctrl');

/** Ctrl+/ lists the keyboard shortcuts of the whole app. */
export function ShortcutsDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation(['common', 'nav']);
  const rows: [string, string][] = [
    [`${mod()} K`, t('common:shortcut.palette')],
    [`${mod()} /`, t('common:shortcut.help')],
    ...screens.map((s, i): [string, string] => [`${mod()} ${i + 1}`, t('common:shortcut.goTo', { screen: t(`nav:${s}`) })]),
    [`${mod()} Shift S`, t('tracking:status.shortcut')],
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
