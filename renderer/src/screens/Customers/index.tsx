import { Mail, Pencil, Users } from 'lucide-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/hooks';
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
} from '../../components';
import { useFormat } from '../../hooks/useFormat';
import type { ScreenProps } from '../../shell/ScreenView';
import { BundleHistory } from '../Answers/BundleExport';
import { WorkLog } from '../Inbox/WorkLog';
import { CustomerEditor, draftOf, isEdited, type CustomerDraft } from './CustomerEditor';
import { CustomerProfileCard } from './CustomerProfileCard';
import { CustomerTimeline } from './CustomerTimeline';

export default function Customers({ id, navigate }: ScreenProps) {
  const { t } = useTranslation('customers');
  const fmt = useFormat();
  const customers = useApi('customers:list', {});
  const questions = useApi('questions:list', { customerId: id ?? 0 }, { enabled: id !== null });
  const selected = customers.data?.find((c) => c.id === id) ?? null;
  // Unsaved edits per customer: kept while the vendor looks at someone else.
  const [drafts, setDrafts] = useState<Record<number, CustomerDraft>>({});
  const setDraft = (customerId: number, draft: CustomerDraft | null) =>
    setDrafts((all) => {
      const next = { ...all };
      if (draft) next[customerId] = draft;
      else delete next[customerId];
      return next;
    });

  const list = () => {
    if (customers.isPending) return <Loading />;
    if (customers.isError) return <ErrorMessage error={customers.error} />;
    if (!customers.data.length)
      return (
        <EmptyState icon={<Users size={36} />} title={t('emptyTitle')}>
          {t('emptyText')}
        </EmptyState>
      );
    return customers.data.map((c) => (
      <ListItem
        key={c.id}
        testId={`customer-${c.id}`}
        selected={c.id === id}
        onSelect={() => navigate('customers', c.id)}
        title={c.name}
        trailing={
          <>
            {drafts[c.id] && isEdited(drafts[c.id]!, c) && <Badge tone="warning">{t('edit.unsaved')}</Badge>}
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
    ));
  };

  return (
    <div className="k-screen" data-testid="screen-customers">
      <PageHeader title={t('title')} subtitle={t('subtitle')} />
      <SplitView
        list={
          <SearchableList kind="customer" selectedId={id} onOpen={(hit) => navigate('customers', hit)}>
            {list()}
          </SearchableList>
        }
        detail={
          selected ? (
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
                  {questions.data?.length ? (
                    <ul className="k-link-list">
                      {questions.data.map((q) => (
                        <li key={q.id}>
                          <a href={`#/inbox/${q.id}`}>{q.subject}</a> <StatusBadge status={q.status} />{' '}
                          <span className="faint">{fmt.date(q.receivedAt)}</span>
                        </li>
                      ))}
                    </ul>
                  ) : (
                    <span className="faint">{t('noQuestions')}</span>
                  )}
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
