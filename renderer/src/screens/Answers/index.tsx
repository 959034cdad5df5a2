import { FileText, Plus, RefreshCcw } from 'lucide-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from '@tanstack/react-query';
import { call } from '../../api/client';
import { queryKey, useApi } from '../../api/hooks';
import { savesSettled } from '../../editor/pendingSaves';
import {
  Badge,
  Button,
  EmptyState,
  ErrorMessage,
  ListItem,
  Loading,
  PageHeader,
  SearchableList,
  SplitView,
} from '../../components';
import { useFormat } from '../../hooks/useFormat';
import type { ScreenProps } from '../../shell/ScreenView';
import './answers.css';
import './workspace.css';
import './dialogs.css';
import { AnswerWorkspace } from './AnswerWorkspace';
import { NewAnswerDialog } from './NewAnswerDialog';
import { RecheckList } from './RecheckList';

function AnswerDetailView({ id }: { id: number }) {
  // The editor starts from this copy, so it must be current: read after the answer's own pending
  // saves, and never from an earlier visit's cache (gcTime 0).
  const answer = useQuery({
    queryKey: queryKey('answers:get', { id }),
    queryFn: async () => {
      await savesSettled(id);
      return call('answers:get', { id });
    },
    gcTime: 0,
  });
  if (answer.isPending) return <Loading />;
  if (answer.isError)
    return (
      <div className="k-detail">
        <ErrorMessage error={answer.error} />
      </div>
    );
  return <AnswerWorkspace key={id} answer={answer.data} />;
}

export default function Answers({ id, navigate }: ScreenProps) {
  const { t } = useTranslation(['answers', 'followUp']);
  const fmt = useFormat();
  const answers = useApi('answers:list', {});
  const stale = useApi('answers:stale', {});
  const [creating, setCreating] = useState(false);
  // The "to re-check" filter (issue 22): the answers a release put on the list, most read first.
  const [recheckOnly, setRecheckOnly] = useState(false);
  const list = () => {
    if (answers.isPending) return <Loading />;
    if (answers.isError) return <ErrorMessage error={answers.error} />;
    if (!answers.data.length)
      return (
        <EmptyState
          icon={<FileText size={36} />}
          title={t('emptyTitle')}
          actions={
            <Button variant="primary" icon={<Plus size={15} />} onClick={() => setCreating(true)}>
              {t('newAnswer')}
            </Button>
          }
        >
          {t('emptyText')}
        </EmptyState>
      );
    return answers.data.map((a) => (
      <ListItem
        key={a.id}
        testId={`answer-${a.id}`}
        selected={a.id === id}
        onSelect={() => navigate('answers', a.id)}
        title={a.title}
        trailing={
          a.isPublic ? (
            <Badge tone="ok">{t('public')}</Badge>
          ) : a.kind === 'decline' ? (
            <Badge tone="warning">{t('kind.decline')}</Badge>
          ) : undefined
        }
        meta={
          <>
            <span>{t('questionCount', { count: a.questionCount })}</span>
            <span>{fmt.date(a.updatedAt)}</span>
            {a.verifiedVersion && <span>✓ {a.verifiedVersion}</span>}
          </>
        }
      />
    ));
  };
  return (
    <div className="k-screen" data-testid="screen-answers">
      <PageHeader
        title={t('title')}
        subtitle={t('subtitle')}
        actions={
          <>
            <Button
              icon={<RefreshCcw size={15} />}
              aria-pressed={recheckOnly}
              variant={recheckOnly ? 'primary' : 'secondary'}
              onClick={() => setRecheckOnly((on) => !on)}
              data-testid="recheck-filter"
            >
              {t('followUp:recheck.filter')} ({stale.data?.length ?? 0})
            </Button>
            <Button variant="primary" icon={<Plus size={15} />} onClick={() => setCreating(true)}>
              {t('newAnswer')}
            </Button>
          </>
        }
      />
      <SplitView
        listWidth={320}
        list={
          recheckOnly ? (
            stale.isError ? (
              <ErrorMessage error={stale.error} />
            ) : (
              <RecheckList
                items={stale.data ?? []}
                selectedId={id}
                onOpen={(answerId) => navigate('answers', answerId)}
              />
            )
          ) : (
            <SearchableList
              kind="answer"
              filters={['customer', 'capability', 'date']}
              selectedId={id}
              onOpen={(hit) => navigate('answers', hit)}
            >
              {list()}
            </SearchableList>
          )
        }
        detail={
          id ? (
            <AnswerDetailView id={id} />
          ) : (
            <EmptyState icon={<FileText size={36} />} title={t('selectTitle')}>
              {t('selectText')}
            </EmptyState>
          )
        }
      />
      {creating && (
        <NewAnswerDialog
          onClose={() => setCreating(false)}
          onOpen={(answerId) => {
            setCreating(false);
            navigate('answers', answerId);
          }}
        />
      )}
    </div>
  );
}
