import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/hooks';
import { Button, Dialog, ErrorMessage, Loading } from '../../components';
import { CapabilityChecklist } from '../../components/CapabilityChecklist';

/** Which capabilities of the catalogue a step uses: a release that changes one puts the answer up for re-checking. */
export function StepCapabilitiesDialog({
  current,
  onClose,
  onSave,
}: {
  current: number[];
  onClose: () => void;
  onSave: (ids: number[]) => void;
}) {
  const { t } = useTranslation(['followUp', 'common']);
  const capabilities = useApi('capabilities:list', {});
  const [checked, setChecked] = useState(current);
  return (
    <Dialog
      open
      title={t('step.capabilities')}
      onClose={onClose}
      width={560}
      footer={
        <>
          <Button onClick={onClose}>{t('common:cancel')}</Button>
          <Button variant="primary" onClick={() => onSave(checked)} data-testid="step-capabilities-save">
            {t('step.save')}
          </Button>
        </>
      }
    >
      <p className="muted">{t('step.hint')}</p>
      {capabilities.isPending ? (
        <Loading />
      ) : capabilities.isError ? (
        <ErrorMessage error={capabilities.error} />
      ) : (
        <CapabilityChecklist
          capabilities={capabilities.data}
          checked={checked}
          onChange={setChecked}
          label={t('step.capabilities')}
        />
      )}
    </Dialog>
  );
}
