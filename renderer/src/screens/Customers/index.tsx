import { Mail, Pencil, Users } from 'lucide-react';
import { memo, useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { CustomerSummary } from '@shared/domain/customer';
import { call } from '../../api/client';
import { queryKey, useApi } from '../../api/hooks';
import {
  Badge,
  Button,
  Card,
  EmptyState,
  ErrorMessage,
  ListItem,
  Loading,
  PageHeader,
  SearchableList,
  SplitView,
  StatusBadge,
  WorkLog,
} from '../../components';
import { WindowedList } from '../../components/WindowedList';
import { useFormat } from '../../hooks/useFormat';
import type { ScreenProps } from '../../shell/ScreenView';
import { BundleHistory } from '../../components/BundleHistory';
import { CustomerEditor, draftOf, isEdited, type CustomerDraft } from './CustomerEditor';
import { CustomerProfileCard } from '../../components/CustomerProfileCard';
import { CustomerTimeline } from './CustomerTimeline';

/** One customer of the list. Memoised: selecting another customer re-renders two rows, not all. */
const CustomerRow = memo(function CustomerRow({
  customer: c,
  selected,
  unsaved,
  tabIndex,
  onOpen,
  t,
}: {
  customer: CustomerSummary | undefined;
  selected: boolean;
  unsaved: boolean;
  tabIndex: 0 | -1;
  onOpen: (id: number) => void;
  t: TFunction<'customers'>;
}) {
  const roving = { tabIndex, 'data-roving': true } as const;
  if (!c) return <ListItem loading roving={roving} title={t('common:loading')} onSelect={() => undefined} />;
  return (
    <ListItem
      testId={`customer-${c.id}`}
      selected={selected}
      roving={roving}
      onSelect={() => onOpen(c.id)}
      title={c.name}
      trailing={
        <>
          {unsaved && <Badge tone="warning">{t('edit.unsaved')}</Badge>}
          {c.openQuestions > 0 && <Badge tone="info">{t('open', { count: c.openQuestions })}</Badge>}
        </>
      }
      meta={
        <>
          <span>{c.company}</span>
          <span>{t('total', { count: c.totalQuestions })}</span>
        </>
      }
    />
  );
});

/** The latest questions of a customer (all of them up to a window), newest first. */
function CustomerQuestions({ customerId }: { customerId: number }) {
  const { t } = useTranslation('customers');
  const fmt = useFormat();
  const questions = useApi('questions:list', { customerId, limit: 100 });
  if (questions.isPending) return <Loading />;
  if (questions.isError) return <ErrorMessage error={questions.error} />;
  const { items, total } = questions.data;
  if (!items.length) return <span className="faint">{t('noQuestions')}</span>;
  return (
    <>
      <ul className="k-link-list">
        {items.map((q) => (
          <li key={q.id}>
            <a href={`#/inbox/${q.id}`}>{q.subject}</a> <StatusBadge status={q.status} />{' '}
            <span className="faint">{fmt.date(q.receivedAt)}</span>
          </li>
        ))}
      </ul>
      {total > items.length && <p className="faint">{t('moreQuestions', { shown: items.length, total })}</p>}
    </>
  );
}

export default function Customers({ id, navigate }: ScreenProps) {
  const { t } = useTranslation('customers');
  const selectedCustomer = useApi('customers:get', { id: id ?? 1 }, { enabled: id !== null });
  const selected = id !== null ? (selectedCustomer.data ?? null) : null;
  // Unsaved edits per customer: kept while the vendor looks at someone else.
  const [drafts, setDrafts] = useState<Record<number, CustomerDraft>>({});
  const setDraft = (customerId: number, draft: CustomerDraft | null) =>
    setDrafts((all) => {
      const next = { ...all };
      if (draft) next[customerId] = draft;
      else delete next[customerId];
      return next;
    });
  const open = useCallback((customerId: number) => navigate('customers', customerId), [navigate]);

  const list = (
    <WindowedList<CustomerSummary>
      testId="customer-list"
      queryKey={(offset, limit) => queryKey('customers:list', { offset, limit })}
      fetchWindow={(offset, limit) => call('customers:list', { offset, limit })}
      label={(count) => t('listLabel', { count })}
      selectedId={id}
      rowHeight={60}
      empty={
        <EmptyState icon={<Users size={36} />} title={t('emptyTitle')}>
          {t('emptyText')}
        </EmptyState>
      }
      renderItem={(customer, isSelected, roving) => (
        <CustomerRow
          customer={customer}
          selected={isSelected}
          unsaved={
            customer !== undefined && !!drafts[customer.id] && isEdited(drafts[customer.id]!, customer)
          }
          tabIndex={roving.tabIndex}
          onOpen={open}
          t={t}
        />
      )}
    />
  );

  return (
    <div className="k-screen" data-testid="screen-customers">
      <PageHeader title={t('title')} subtitle={t('subtitle')} />
      <SplitView
        list={
          <SearchableList kind="customer" selectedId={id} onOpen={open}>
            {list}
          </SearchableList>
        }
        detail={
          id !== null && selectedCustomer.isError ? (
            <div className="k-detail">
              <ErrorMessage error={selectedCustomer.error} />
            </div>
          ) : id !== null && !selected ? (
            <Loading />
          ) : selected ? (
            <article className="k-detail" data-testid="customer-detail">
              <h2 className="k-detail__title">{selected.name}</h2>
              <div className="k-detail__meta">
                <span>{selected.company}</span>
                {selected.email && (
                  <span>
                    <Mail size={13} style={{ verticalAlign: '-2px' }} /> {selected.email}
                  </span>
                )}
                {selected.phone && <span>{selected.phone}</span>}
                <Badge>{selected.language === 'ja' ? '日本語' : 'English'}</Badge>
              </div>
              <div className="k-grid-2">
                <Card title={t('questions')}>
                  <CustomerQuestions customerId={selected.id} />
                </Card>
                {drafts[selected.id] ? (
                  <CustomerEditor
                    customer={selected}
                    draft={drafts[selected.id]!}
                    onChange={(draft) => setDraft(selected.id, draft)}
                    onDone={() => setDraft(selected.id, null)}
                  />
                ) : (
                  <div>
                    <CustomerProfileCard customer={selected} />
                    <Button
                      icon={<Pencil size={14} />}
                      onClick={() => setDraft(selected.id, draftOf(selected))}
                    >
                      {t('edit.open')}
                    </Button>
                  </div>
                )}
              </div>
              <CustomerTimeline customerId={selected.id} />
              <WorkLog customerId={selected.id} />
              <Card>
                <BundleHistory customerId={selected.id} />
              </Card>
            </article>
          ) : (
            <EmptyState icon={<Users size={36} />} title={t('selectTitle')}>
              {t('selectText')}
            </EmptyState>
          )
        }
      />
    </div>
  );
}
