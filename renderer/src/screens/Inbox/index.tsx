import { CalendarClock, Inbox as InboxIcon } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/hooks';
import {
  Badge,
  EmptyState,
  ErrorMessage,
  ListItem,
  ListSection,
  Loading,
  PageHeader,
  SearchableList,
  SplitView,
  StatusBadge,
} from '../../components';
import { todayDay, useFormat } from '../../hooks/useFormat';
import type { ScreenProps } from '../../shell/ScreenView';
import { groupOf, inboxGroups } from './groupQuestions';
import { IntakeActions, MailDropZone } from './MailImport';
import { QuestionDetailView } from './QuestionDetailView';
import { useMailIntake } from './useMailIntake';

export default function Inbox({ id, navigate }: ScreenProps) {
  const { t } = useTranslation('inbox');
  const fmt = useFormat();
  const questions = useApi('questions:list', {});
  const today = todayDay();
  const intake = useMailIntake(navigate);

  const list = () => {
    if (questions.isPending) return <Loading />;
    if (questions.isError) return <ErrorMessage error={questions.error} />;
    if (questions.data.length === 0) {
      return (
        <EmptyState icon={<InboxIcon size={36} />} title={t('emptyTitle')}>
          {t('emptyText')}
        </EmptyState>
      );
    }
    return inboxGroups.map((group) => {
      const items = questions.data.filter((q) => groupOf(q, today) === group);
      if (!items.length) return null;
      return (
        <ListSection key={group} title={t(`group.${group}`)} count={items.length}>
          {items.map((q) => (
            <ListItem
              key={q.id}
              testId={`question-${q.id}`}
              selected={q.id === id}
              onSelect={() => navigate('inbox', q.id)}
              title={q.subject}
              trailing={
                <>
                  {group === 'overdue' && <Badge tone="danger">{t('group.overdue')}</Badge>}
                  <StatusBadge status={q.status} />
                </>
              }
              meta={
                <>
                  <span>{q.customerName ?? t('unknownCustomer')}</span>
                  {q.nextCheckpoint && (
                    <span className={group === 'overdue' ? 'k-overdue' : undefined}>
                      <CalendarClock size={12} style={{ verticalAlign: '-2px' }} />{' '}
                      {fmt.date(q.nextCheckpoint)}
                    </span>
                  )}
                  {q.messageCount > 1 && <span>{t('messages', { count: q.messageCount })}</span>}
                </>
              }
            />
          ))}
        </ListSection>
      );
    });
  };

  return (
    <div className="k-screen" data-testid="screen-inbox">
      <PageHeader
        title={t('title')}
        subtitle={t('subtitle')}
        actions={<IntakeActions intake={intake} navigate={navigate} />}
      />
      <SplitView
        list={
          <SearchableList
            kind="question"
            filters={['status', 'customer', 'capability', 'date']}
            selectedId={id}
            onOpen={(hit) => navigate('inbox', hit)}
          >
            <MailDropZone intake={intake} navigate={navigate}>
              {list()}
            </MailDropZone>
          </SearchableList>
        }
        detail={
          id ? (
            <QuestionDetailView id={id} navigate={navigate} />
          ) : (
            <EmptyState icon={<InboxIcon size={36} />} title={t('selectTitle')}>
              {t('selectText')}
            </EmptyState>
          )
        }
      />
    </div>
  );
}
