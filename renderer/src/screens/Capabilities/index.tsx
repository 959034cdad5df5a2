import { ListTree, Plus } from 'lucide-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi, useApiMutation } from '../../api/hooks';
import {
  Badge,
  Button,
  Dialog,
  EmptyState,
  ErrorMessage,
  Loading,
  PageHeader,
  SearchableList,
  SplitView,
} from '../../components';
import { useCapabilitiesInUiLanguage } from '../../hooks/useCapabilityText';
import type { ScreenProps } from '../../shell/ScreenView';
import { CapabilityDetail } from './CapabilityDetail';
import { CapabilityForm } from './CapabilityForm';
import { CapabilityTree } from './CapabilityTree';
import { CatalogueTransfer } from './CatalogueTransfer';

export default function Capabilities({ id, navigate }: ScreenProps) {
  const { t } = useTranslation('capabilities');
  const capabilities = useApi('capabilities:list', {});
  const products = useApi('products:list', {});
  const [collapsed, setCollapsed] = useState<Set<number>>(new Set());
  // Adding: null = closed, 'area' = a new area, a number = a new operation inside that area.
  const [adding, setAdding] = useState<'area' | number | null>(null);
  const create = useApiMutation('capabilities:create');
  const all = useCapabilitiesInUiLanguage(capabilities.data);
  const areas = all.filter((c) => c.parentId === null);
  const selected = all.find((c) => c.id === id) ?? null;

  const toggle = (areaId: number) =>
    setCollapsed((prev) => {
      const next = new Set(prev);
      if (next.has(areaId)) next.delete(areaId);
      else next.add(areaId);
      return next;
    });

  const tree = () => {
    if (capabilities.isPending) return <Loading />;
    if (capabilities.isError) return <ErrorMessage error={capabilities.error} />;
    if (!areas.length)
      return (
        <EmptyState icon={<ListTree size={36} />} title={t('emptyTitle')}>
          {t('emptyText')}
        </EmptyState>
      );
    return (
      <CapabilityTree
        all={all}
        selectedId={id}
        collapsed={collapsed}
        onToggle={toggle}
        onExpand={(areaId) => setCollapsed((prev) => new Set([...prev].filter((x) => x !== areaId)))}
        onOpen={(capabilityId) => navigate('capabilities', capabilityId)}
      />
    );
  };

  const product = products.data?.[0];
  return (
    <div className="k-screen" data-testid="screen-capabilities">
      <PageHeader
        title={t('title')}
        subtitle={
          product?.name
            ? t('subtitleProduct', { product: product.name, version: product.currentVersion })
            : t('subtitle')
        }
        actions={
          <>
            <Badge tone="info">
              {t('count', { count: all.filter((c) => c.kind === 'operation').length })}
            </Badge>
            <Button size="sm" variant="primary" icon={<Plus size={14} />} onClick={() => setAdding('area')}>
              {t('addArea')}
            </Button>
            <CatalogueTransfer />
          </>
        }
      />
      <SplitView
        list={
          <SearchableList kind="capability" selectedId={id} onOpen={(hit) => navigate('capabilities', hit)}>
            {tree()}
          </SearchableList>
        }
        detail={
          selected ? (
            <CapabilityDetail
              key={selected.id}
              capability={selected}
              parent={all.find((c) => c.id === selected.parentId) ?? null}
              childCount={all.filter((c) => c.parentId === selected.id).length}
              onAdd={(parentId) => setAdding(parentId)}
              onDeleted={() => navigate('capabilities', selected.parentId)}
            />
          ) : (
            <EmptyState icon={<ListTree size={36} />} title={t('selectTitle')}>
              {t('selectText')}
            </EmptyState>
          )
        }
      />
      {adding !== null && (
        <Dialog
          open
          title={
            adding === 'area'
              ? t('addArea')
              : t('addOperationTo', { area: all.find((c) => c.id === adding)?.title ?? '' })
          }
          onClose={() => setAdding(null)}
        >
          <CapabilityForm
            initial={{
              texts: { ja: { title: '', description: '' }, en: { title: '', description: '' } },
              keywords: [],
            }}
            submitLabel={t('form.add')}
            busy={create.isPending}
            onCancel={() => setAdding(null)}
            onSubmit={async (values) => {
              const created = await create
                .mutateAsync({ parentId: adding === 'area' ? null : adding, ...values })
                .catch(() => null);
              if (!created) return;
              setAdding(null);
              if (created.parentId !== null)
                setCollapsed((prev) => new Set([...prev].filter((x) => x !== created.parentId)));
              navigate('capabilities', created.id);
            }}
          />
          {create.isError && <ErrorMessage error={create.error} />}
        </Dialog>
      )}
    </div>
  );
}
