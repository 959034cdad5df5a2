import { DateField } from './DateField';
import { Search, SlidersHorizontal, X } from 'lucide-react';
import { memo, useCallback, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { SearchHit, SearchHitKind } from '@shared/api/search';
import { questionStatuses, type QuestionStatus } from '@shared/domain/status';
import { useApi } from '../api/hooks';
import { emptyListSearch, isActive, useListSearch, type ListSearch } from '../hooks/useListSearch';
import { Highlight } from '../shell/Highlight';
import { EmptyState } from './EmptyState';
import { ErrorMessage } from './ErrorMessage';
import { IndexingNote } from './IndexingNote';
import { ListItem } from './List';
import { Loading } from './Loading';
import { RecordPicker } from './RecordPicker';
import { VirtualList } from './VirtualList';
import './listSearch.css';

export type ListFilter = 'status' | 'customer' | 'capability' | 'date';

/** The search box and filters at the top of a list. */
export function ListSearchBox({ search, filters = [] }: { search: ListSearch; filters?: ListFilter[] }) {
  const { t } = useTranslation(['search', 'status']);
  const { state, setState } = search;
  const capabilities = useApi('capabilities:list', {}, { enabled: filters.includes('capability') });
  const numberOrUndefined = (v: string) => (v ? Number(v) : undefined);
  // Filters fold away: the list pane is narrow, and most searches are words alone.
  const [showFilters, setShowFilters] = useState(false);
  const activeFilters = [state.status, state.customerId, state.capabilityId, state.from || state.to].filter(
    Boolean,
  ).length;
  return (
    <div className="k-list-search" role="search">
      <div className="k-list-search__row">
        <span className="k-list-search__field">
          <Search size={14} className="k-list-search__icon" aria-hidden />
          <input
            type="search"
            className={`k-input k-list-search__input ${isActive(state) ? 'has-clear' : ''}`}
            aria-label={t(`list.label.${search.kind}`)}
            placeholder={t(`list.placeholder.${search.kind}`)}
            value={state.query}
            onChange={(e) => setState({ ...state, query: e.target.value })}
            onKeyDown={(e) => e.key === 'Escape' && setState(emptyListSearch)}
          />
          {isActive(state) && (
            <button
              type="button"
              className="k-list-search__clear"
              aria-label={t('list.clear')}
              title={t('list.clear')}
              onClick={() => setState(emptyListSearch)}
            >
              <X size={14} />
            </button>
          )}
        </span>
        {filters.length > 0 && (
          <button
            type="button"
            className={`k-list-search__toggle ${activeFilters ? 'is-active' : ''}`}
            aria-expanded={showFilters}
            title={t('list.filters')}
            onClick={() => setShowFilters(!showFilters)}
          >
            <SlidersHorizontal size={14} aria-hidden />
            <span>
              {activeFilters ? t('list.filtersCount', { count: activeFilters }) : t('list.filters')}
            </span>
          </button>
        )}
      </div>
      {filters.length > 0 && showFilters && (
        <div className="k-list-search__filters">
          {filters.includes('status') && (
            <select
              className="k-input k-list-search__filter"
              aria-label={t('list.status')}
              value={state.status ?? ''}
              onChange={(e) =>
                setState({ ...state, status: (e.target.value || undefined) as QuestionStatus | undefined })
              }
            >
              <option value="">{t('list.anyStatus')}</option>
              {questionStatuses.map((s) => (
                <option key={s} value={s}>
                  {t(`status:status.${s}`)}
                </option>
              ))}
            </select>
          )}
          {filters.includes('customer') && (
            // Typed, not chosen from a list of every customer (8,000 at 50,000 questions).
            <RecordPicker
              compact
              kind="customer"
              label={t('list.customer')}
              placeholder={t('picker.customer')}
              value={
                state.customerId
                  ? { id: state.customerId, title: state.customerName ?? String(state.customerId) }
                  : null
              }
              onChange={(picked) =>
                setState({ ...state, customerId: picked?.id, customerName: picked?.title })
              }
            />
          )}
          {filters.includes('capability') && (
            <select
              className="k-input k-list-search__filter"
              aria-label={t('list.capability')}
              value={state.capabilityId ?? ''}
              onChange={(e) => setState({ ...state, capabilityId: numberOrUndefined(e.target.value) })}
            >
              <option value="">{t('list.anyCapability')}</option>
              {(capabilities.data ?? []).map((c) => (
                <option key={c.id} value={c.id}>
                  {c.parentId ? `— ${c.title}` : c.title}
                </option>
              ))}
            </select>
          )}
          {filters.includes('date') && (
            <span className="k-list-search__dates">
              <DateField
                hideLabel
                label={t('list.from')}
                value={state.from ?? ''}
                max={state.to}
                onChange={(day) => setState({ ...state, from: day || undefined })}
              />
              <span aria-hidden>–</span>
              <DateField
                hideLabel
                label={t('list.to')}
                value={state.to ?? ''}
                min={state.from}
                onChange={(day) => setState({ ...state, to: day || undefined })}
              />
            </span>
          )}
        </div>
      )}
    </div>
  );
}

const HIT_HEIGHT = 62;

const HitRow = memo(function HitRow({
  hit,
  selected,
  tabIndex,
  onOpen,
}: {
  hit: SearchHit;
  selected: boolean;
  tabIndex: 0 | -1;
  onOpen: (id: number) => void;
}) {
  return (
    <ListItem
      testId={`search-hit-${hit.kind}-${hit.id}`}
      selected={selected}
      roving={{ tabIndex, 'data-roving': true }}
      onSelect={() => onOpen(hit.id)}
      title={<Highlight text={hit.title} ranges={hit.titleRanges} />}
      meta={
        hit.snippet ? (
          <span className="k-list-search__snippet">
            <Highlight text={hit.snippet} ranges={hit.ranges} />
          </span>
        ) : undefined
      }
    />
  );
});

/** The hits of a list search, title and snippet with the matches marked; one Tab stop. */
export function ListSearchResults({
  search,
  selectedId,
  onOpen,
}: {
  search: ListSearch;
  selectedId: number | null;
  onOpen: (id: number) => void;
}) {
  const { t } = useTranslation('search');
  const { hits } = search;
  const estimateSize = useCallback(() => HIT_HEIGHT, []);
  if (hits.isPending) return <Loading />;
  if (hits.isError) return <ErrorMessage error={hits.error} />;
  if (!hits.data.length) {
    return (
      <>
        <IndexingNote kinds={[search.kind]} />
        <EmptyState icon={<Search size={32} />} title={t('list.noHitsTitle')}>
          {t('list.noHitsText')}
        </EmptyState>
      </>
    );
  }
  const found = hits.data;
  const selected = found.findIndex((h) => h.id === selectedId);
  return (
    <div
      aria-label={t('list.results', { count: found.length })}
      role="region"
      className="k-list-search__results"
    >
      <IndexingNote kinds={[search.kind]} />
      <div className="k-list-section__title">{t('list.results', { count: found.length })}</div>
      <VirtualList
        label={t('list.results', { count: found.length })}
        count={found.length}
        estimateSize={estimateSize}
        getKey={(i) => `${found[i]!.kind}:${found[i]!.id}`}
        selectedIndex={selected >= 0 ? selected : null}
        renderRow={(i, roving) => (
          <HitRow
            hit={found[i]!}
            selected={found[i]!.id === selectedId}
            tabIndex={roving.tabIndex}
            onOpen={onOpen}
          />
        )}
      />
    </div>
  );
}

/**
 * A list with a search box on top: the list itself while the box is empty, the hits otherwise.
 * A screen wraps its list in it: <SearchableList kind="question" …>{list}</SearchableList>.
 */
export function SearchableList({
  kind,
  filters,
  selectedId,
  onOpen,
  children,
}: {
  kind: SearchHitKind;
  filters?: ListFilter[];
  selectedId: number | null;
  onOpen: (id: number) => void;
  children: ReactNode;
}) {
  const search = useListSearch(kind);
  // The list stays mounted (hidden) while hits show: clearing the search shows it again as it was,
  // where it was scrolled, instead of building every row anew (410–688 ms at 50k, issue 20).
  return (
    <>
      <ListSearchBox search={search} filters={filters} />
      <div className="k-list-search__body">
        {/* Hidden, not removed: laid out still, so it keeps its rows and where it was scrolled. */}
        <div
          className={`k-list-search__scroll ${search.active ? 'is-covered' : ''}`}
          aria-hidden={search.active || undefined}
        >
          {children}
        </div>
        {search.active && (
          <div className="k-list-search__scroll k-list-search__hits">
            <ListSearchResults search={search} selectedId={selectedId} onOpen={onOpen} />
          </div>
        )}
      </div>
    </>
  );
}
