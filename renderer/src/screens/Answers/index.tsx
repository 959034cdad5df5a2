import { FileText, Plus, RefreshCcw } from 'lucide-react';
import { lazy, memo, Suspense, useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import type { AnswerSummary } from '@shared/domain/answer';
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
import { WindowedList } from '../../components/WindowedList';
import { useFormat, type Format } from '../../hooks/useFormat';
import type { ScreenProps } from '../../shell/ScreenView';
import './answers.css';
import './workspace.css';
import './dialogs.css';
import { NewAnswerDialog } from './NewAnswerDialog';
import { RecheckList } from '../../components/RecheckList';

// The editor (Lexical and its plugins, ~70% of this screen's script) is its own chunk: the list
// shows without waiting for it, and it loads while the answer's own data is on its way.
const loadWorkspace = () => import('./AnswerWorkspace');
const AnswerWorkspace = lazy(() => loadWorkspace().then((m) => ({ default: m.AnswerWorkspace })));

function AnswerDetailView({ id }: { id: number }) {
  // The editor starts from this copy, so it must be current: read after the answer's own pending
  // saves, and never from an earlier visit's cache (gcTime 0).
  const answer = useQuery({
    queryKey: queryKey('answers:get', { id }),
    queryFn: async () => {
      void loadWorkspace();
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
  return (
    <Suspense fallback={<Loading />}>
      <AnswerWorkspace key={id} answer={answer.data} />
    </Suspense>
  );
}

/** One answer of the list. Memoised: selecting another answer re-renders two rows, not all. */
const AnswerRow = memo(function AnswerRow({
  answer: a,
  selected,
  tabIndex,
  onOpen,
  t,
  fmt,
}: {
  answer: AnswerSummary | undefined;
  selected: boolean;
  tabIndex: 0 | -1;
  onOpen: (id: number) => void;
  t: TFunction<'answers'>;
  fmt: Format;
}) {
  const roving = { tabIndex, 'data-roving': true } as const;
  if (!a) return <ListItem loading roving={roving} title={t('common:loading')} onSelect={() => undefined} />;
  return (
    <ListItem
      testId={`answer-${a.id}`}
      selected={selected}
      roving={roving}
      onSelect={() => onOpen(a.id)}
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
  );
});

export default function Answers({ id, navigate }: ScreenProps) {
  const { t } = useTranslation(['answers', 'followUp']);
  const fmt = useFormat();
  const [creating, setCreating] = useState(false);
  const stale = useApi('answers:stale', {});
  // The "to re-check" filter (issue 22): the answers a release put on the list, most read first.
  const [recheckOnly, setRecheckOnly] = useState(false);
  const open = useCallback((answerId: number) => navigate('answers', answerId), [navigate]);
  // The vendor who comes here opens an answer next: fetch the editor once the list is up.
  useEffect(() => {
    const idle = window.requestIdleCallback(() => void loadWorkspace(), { timeout: 2000 });
    return () => window.cancelIdleCallback(idle);
  }, []);
  const list = (
    <WindowedList<AnswerSummary>
      testId="answer-list"
      queryKey={(offset, limit) => queryKey('answers:list', { offset, limit })}
      fetchWindow={(offset, limit) => call('answers:list', { offset, limit })}
      label={(count) => t('listLabel', { count })}
      selectedId={id}
      rowHeight={60}
      empty={
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
      }
      renderItem={(answer, selected, roving) => (
        <AnswerRow
          answer={answer}
          selected={selected}
          tabIndex={roving.tabIndex}
          onOpen={open}
          t={t}
          fmt={fmt}
        />
      )}
    />
  );
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
              <RecheckList items={stale.data ?? []} selectedId={id} onOpen={open} />
            )
          ) : (
            <SearchableList
              kind="answer"
              filters={['customer', 'capability', 'date']}
              selectedId={id}
              onOpen={open}
            >
              {list}
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
