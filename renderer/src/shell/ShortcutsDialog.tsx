import { useTranslation } from 'react-i18next';
import { Dialog, Kbd } from '../components';
import { shortcutLabel } from '../hooks/shortcutLabel';
import { screens } from './routes';

type Row = [keys: string, what: string];

/**
 * Ctrl+/ lists every keyboard shortcut of the app, by where it works: everywhere, in the answer
 * editor (the "/" menu, moving blocks), in the video editor's single keys, and the rest. A key
 * added to a screen is added here too (issue 18: the video keys, Ctrl+Enter and "/" were missing).
 */
export function ShortcutsDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation(['common', 'nav', 'tracking']);
  const k = (combo: string) => shortcutLabel(combo);
  const s = (key: string) => t(`common:shortcut.${key}`);
  const sections: [title: string, rows: Row[]][] = [
    [
      s('section.everywhere'),
      [
        [k('mod+k'), s('palette')],
        [k('mod+/'), s('help')],
        ...screens.map((screen, i): Row => [
          k(`mod+${i + 1}`),
          t('common:shortcut.goTo', { screen: t(`nav:${screen}`) }),
        ]),
        ['Esc', s('close')],
      ],
    ],
    [s('section.inbox'), [[k('mod+shift+s'), t('tracking:status.shortcut')]]],
    [
      s('section.lists'),
      [
        ['↑ / ↓', s('listMove')],
        ['PgUp / PgDn', s('listPage')],
        ['Home / End', s('listEnds')],
        ['Enter', s('listOpen')],
      ],
    ],
    [
      s('section.answers'),
      [
        ['/', s('slashMenu')],
        [`${k('alt+↑')} / ${k('alt+↓')}`, s('moveBlock')],
        [k('mod+s'), s('saveVersion')],
        [k('mod+shift+e'), s('exportBundle')],
      ],
    ],
    [
      s('section.videos'),
      [
        [`Space / K`, s('video.playPause')],
        ['J / L', s('video.slowerFaster')],
        ['← / →', s('video.frame')],
        [`${k('shift+←')} / ${k('shift+→')}`, s('video.second')],
        ['I / O', s('video.inOut')],
        ['S', s('video.split')],
        ['Delete', s('video.removePart')],
        ['M', s('video.chapter')],
        ['Home / End', s('video.startEnd')],
        [`${k('mod+z')} / ${k('mod+y')}`, s('video.undoRedo')],
      ],
    ],
    [s('section.publish'), [[k('mod+Enter'), s('publish')]]],
  ];
  return (
    <Dialog open={open} title={s('title')} onClose={onClose} width={620} scrollableText>
      <div data-testid="shortcuts">
        {sections.map(([title, rows]) => (
          <section key={title} className="k-shortcuts">
            <h3>{title}</h3>
            <table className="k-table">
              <tbody>
                {rows.map(([keys, what]) => (
                  <tr key={`${keys}-${what}`}>
                    <td className="k-shortcuts__keys">
                      <Kbd>{keys}</Kbd>
                    </td>
                    <td>{what}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        ))}
      </div>
    </Dialog>
  );
}
