import { ChevronDown, ChevronRight, ListTree } from 'lucide-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Capability } from '@shared/domain/capability';
import { useApi } from '../../api/hooks';
import {
  Badge,
  EmptyState,
  ErrorMessage,
  Loading,
  PageHeader,
  SearchableList,
  SplitView,
} from '../../components';
import type { ScreenProps } from '../../shell/ScreenView';

function CapabilityDetail({ capability, parent }: { capability: Capability; parent: Capability | null }) {
  const { t } = useTranslation('capabilities');
  return (
    <article className="k-detail" data-testid="capability-detail">
      {parent && <div className="faint">{parent.title}</div>}
      <h2 className="k-detail__title">{capability.title}</h2>
      <div className="k-detail__meta">
        <Badge tone={capability.kind === 'area' ? 'info' : 'accent'}>{t(`kind.${capability.kind}`)}</Badge>
      </div>
      <p className="k-prose">
        {capability.description || <span className="faint">{t('noDescription')}</span>}
      </p>
      <h3 style={{ fontSize: 13, margin: '18px 0 6px' }} className="muted">
        {t('keywords')}
      </h3>
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 6 }}>
        {capability.keywords.map((k) => (
          <Badge key={k}>{k}</Badge>
        ))}
      </div>
    </article>
  );
}

export default function Capabilities({ id, navigate }: ScreenProps) {
  const { t } = useTranslation('capabilities');
  const capabilities = useApi('capabilities:list', {});
  const products = useApi('products:list', {});
  const [collapsed, setCollapsed] = useState<Set<number>>(new Set());
  const all = capabilities.data ?? [];
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
      <ul className="k-tree" role="tree" aria-label={t('title')}>
        {areas.map((area) => {
          const open = !collapsed.has(area.id);
          const children = all.filter((c) => c.parentId === area.id);
          return (
            <li key={area.id} role="treeitem" aria-expanded={open} aria-selected={area.id === id}>
              <div className={`k-tree__row k-tree__row--area ${area.id === id ? 'is-selected' : ''}`}>
                <button
                  type="button"
                  className="k-tree__toggle"
                  aria-label={open ? t('collapse') : t('expand')}
                  onClick={() => toggle(area.id)}
                >
                  {open ? <ChevronDown size={14} /> : <ChevronRight size={14} />}
                </button>
                <button
                  type="button"
                  className="k-tree__label"
                  onClick={() => navigate('capabilities', area.id)}
                >
                  {area.title}
                  <span className="faint"> {children.length}</span>
                </button>
              </div>
              {open && (
                <ul role="group">
                  {children.map((op) => (
                    <li key={op.id} role="treeitem" aria-selected={op.id === id}>
                      <div className={`k-tree__row ${op.id === id ? 'is-selected' : ''}`}>
                        <button
                          type="button"
                          className="k-tree__label"
                          onClick={() => navigate('capabilities', op.id)}
                        >
                          {op.title}
                        </button>
                      </div>
                    </li>
                  ))}
                </ul>
              )}
            </li>
          );
        })}
      </ul>
    );
  };

  const product = products.data?.[0];
  return (
    <div className="k-screen" data-testid="screen-capabilities">
      <PageHeader
        title={t('title')}
        subtitle={
          product
            ? t('subtitleProduct', { product: product.name, version: product.currentVersion })
            : t('subtitle')
        }
        actions={
          <Badge tone="info">{t('count', { count: all.filter((c) => c.kind === 'operation').length })}</Badge>
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
              capability={selected}
              parent={all.find((c) => c.id === selected.parentId) ?? null}
            />
          ) : (
            <EmptyState icon={<ListTree size={36} />} title={t('selectTitle')}>
              {t('selectText')}
            </EmptyState>
          )
        }
      />
    </div>
  );
}
