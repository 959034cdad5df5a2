import { Inbox as InboxIcon } from 'lucide-react';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState, PageHeader, SearchableList, SplitView } from '../../components';
import type { ScreenProps } from '../../shell/ScreenView';
import { InboxList } from './InboxList';
import { IntakeActions, MailDropZone } from './MailImport';
import { QuestionDetailView } from './QuestionDetailView';
import { useMailIntake } from './useMailIntake';

export default function Inbox({ id, navigate }: ScreenProps) {
  const { t } = useTranslation('inbox');
  const intake = useMailIntake(navigate);
  const open = useCallback((questionId: number) => navigate('inbox', questionId), [navigate]);

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
            onOpen={open}
          >
            <MailDropZone intake={intake} navigate={navigate}>
              <InboxList selectedId={id} onOpen={open} />
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
