import { ArrowDown, ArrowUp, Pencil, Plus, Trash2 } from 'lucide-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Capability } from '@shared/domain/capability';
import { useApiMutation } from '../../api/hooks';
import { Badge, Button, Dialog, ErrorMessage, useToast } from '../../components';
import { CapabilityForm } from './CapabilityForm';
import { CapabilityTranslations } from './CapabilityTranslations';
import { succeeded } from '../../api/succeeded';

/** One capability: what it covers, and the actions on it (edit, add inside, reorder, delete). */
export function CapabilityDetail({
  capability,
  parent,
  childCount,
  onAdd,
  onDeleted,
}: {
  capability: Capability;
  parent: Capability | null;
  childCount: number;
  onAdd: (parentId: number) => void;
  onDeleted: () => void;
}) {
  const { t } = useTranslation(['capabilities', 'common']);
  const toast = useToast();
  const [editing, setEditing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const update = useApiMutation('capabilities:update');
  const remove = useApiMutation('capabilities:delete');
  const move = useApiMutation('capabilities:move');
  const error = update.error ?? remove.error ?? move.error;

  return (
    <article className="k-detail" data-testid="capability-detail">
      {parent && <div className="faint">{parent.title}</div>}
      {editing ? (
        <CapabilityForm
          key={capability.id}
          initial={capability}
          submitLabel={t('form.save')}
          busy={update.isPending}
          onCancel={() => setEditing(false)}
          onSubmit={async (values) => {
            if (!(await succeeded(update.mutateAsync({ id: capability.id, ...values })))) return;
            setEditing(false);
            toast.show(t('saved'));
          }}
        />
      ) : (
        <>
          <h2 className="k-detail__title">{capability.title}</h2>
          <div className="k-detail__meta">
            <Badge tone={capability.kind === 'area' ? 'info' : 'accent'}>
              {t(`kind.${capability.kind}`)}
            </Badge>
          </div>
          <p className="k-prose">
            {capability.description || <span className="faint">{t('noDescription')}</span>}
          </p>
          <CapabilityTranslations capability={capability} />
          <h3 style={{ fontSize: 13, margin: '18px 0 6px' }} className="muted">
            {t('keywords')}
          </h3>
          <div style={{ display: 'flex', flexWrap: 'wrap', gap: 6 }}>
            {capability.keywords.map((k) => (
              <Badge key={k}>{k}</Badge>
            ))}
          </div>
          <div className="k-actions" style={{ marginTop: 18 }}>
            <Button size="sm" icon={<Pencil size={14} />} onClick={() => setEditing(true)}>
              {t('edit')}
            </Button>
            {capability.kind === 'area' && (
              <Button size="sm" icon={<Plus size={14} />} onClick={() => onAdd(capability.id)}>
                {t('addOperation')}
              </Button>
            )}
            <Button
              size="sm"
              variant="ghost"
              icon={<ArrowUp size={14} />}
              onClick={() => move.mutate({ id: capability.id, direction: 'up' })}
            >
              {t('moveUp')}
            </Button>
            <Button
              size="sm"
              variant="ghost"
              icon={<ArrowDown size={14} />}
              onClick={() => move.mutate({ id: capability.id, direction: 'down' })}
            >
              {t('moveDown')}
            </Button>
            <Button
              size="sm"
              variant="danger"
              icon={<Trash2 size={14} />}
              onClick={() => setConfirming(true)}
            >
              {t('delete')}
            </Button>
          </div>
        </>
      )}
      {error && <ErrorMessage error={error} />}
      {confirming && (
        <Dialog
          open
          title={t('deleteTitle', { title: capability.title })}
          onClose={() => setConfirming(false)}
          footer={
            <>
              <Button onClick={() => setConfirming(false)}>{t('common:cancel')}</Button>
              <Button
                variant="danger"
                disabled={remove.isPending}
                onClick={async () => {
                  if (!(await succeeded(remove.mutateAsync({ id: capability.id })))) return;
                  setConfirming(false);
                  toast.show(t('deleted', { title: capability.title }));
                  onDeleted();
                }}
              >
                {t('delete')}
              </Button>
            </>
          }
        >
          <p>
            {capability.kind === 'area' && childCount > 0
              ? t('deleteAreaText', { count: childCount })
              : t('deleteText')}
          </p>
        </Dialog>
      )}
    </article>
  );
}
