import { RefreshCcw } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import type { RecheckItem } from '@shared/domain/release';
import { Badge } from './Badge';
import { ListItem } from './List';
import './recheckList.css';

/**
 * Answers a release put on the list to re-check, most read first (public, then most sent): the
 * Answers screen's filter and the list Settings shows right after a release is recorded.
 */
export function RecheckList({
  items,
  selectedId,
  onOpen,
  testId = 'recheck-list',
}: {
  items: readonly RecheckItem[];
  selectedId?: number | null;
  onOpen: (answerId: number) => void;
  testId?: string;
}) {
  const { t } = useTranslation(['followUp', 'answers']);
  if (!items.length) return <p className="muted k-recheck__none">{t('recheck.none')}</p>;
  return (
    <ul className="k-recheck-list" data-testid={testId} aria-label={t('recheck.listLabel')}>
      {items.map((item) => (
        <li key={item.answerId}>
          <ListItem
            testId={`recheck-${item.answerId}`}
            selected={selectedId === item.answerId}
            onSelect={() => onOpen(item.answerId)}
            title={item.title}
            trailing={item.isPublic ? <Badge tone="ok">{t('answers:public')}</Badge> : undefined}
            meta={
              <>
                <span>
                  <RefreshCcw size={11} aria-hidden /> {t('recheck.since', { version: item.version })}
                </span>
                {item.checkedWith && <span>{t('recheck.checkedWith', { version: item.checkedWith })}</span>}
                <span>{t('recheck.sent', { count: item.sent })}</span>
                {item.capabilities.length > 0 && <span>{item.capabilities.join('、')}</span>}
              </>
            }
          />
        </li>
      ))}
    </ul>
  );
}
