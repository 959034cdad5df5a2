import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Output } from '@shared/api';
import { useApi, useApiMutation } from '../../api/hooks';
import { Button, Dialog, ErrorMessage, TextArea, TextField } from '../../components';
import { CapabilityChecklist } from '../../components/CapabilityChecklist';
import { todayDay } from '../../hooks/useFormat';

/** Version, date, the capabilities of the catalogue the release changed, and a note. */
export function RecordReleaseDialog({
  onClose,
  onRecorded,
}: {
  onClose: () => void;
  onRecorded: (result: Output<'releases:record'>) => void;
}) {
  const { t } = useTranslation(['followUp', 'common']);
  const capabilities = useApi('capabilities:list', {});
  const record = useApiMutation('releases:record');
  const [version, setVersion] = useState('');
  const [releasedOn, setReleasedOn] = useState(todayDay());
  const [changed, setChanged] = useState<number[]>([]);
  const [note, setNote] = useState('');
  const ready = version.trim() !== '' && /^\d{4}-\d{2}-\d{2}$/.test(releasedOn);

  const submit = async () => {
    const result = await record
      .mutateAsync({ version: version.trim(), releasedOn, capabilityIds: changed, note })
      .catch(() => null);
    if (result) onRecorded(result);
  };

  return (
    <Dialog
      open
      title={t('releases.recordTitle')}
      onClose={onClose}
      width={640}
      footer={
        <>
          <Button onClick={onClose}>{t('common:cancel')}</Button>
          <Button
            variant="primary"
            disabled={!ready || record.isPending}
            onClick={() => void submit()}
            data-testid="release-record-submit"
          >
            {t('releases.record')}
          </Button>
        </>
      }
    >
      <form
        className="k-release-form"
        data-testid="release-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (ready) void submit();
        }}
      >
        <div className="k-release-form__row">
          <TextField
            label={t('releases.version')}
            value={version}
            maxLength={50}
            placeholder="5.0"
            autoFocus
            onChange={(e) => setVersion(e.target.value)}
          />
          <TextField
            label={t('releases.date')}
            type="date"
            value={releasedOn}
            onChange={(e) => setReleasedOn(e.target.value)}
          />
        </div>
        <div className="k-field">
          <span className="k-field__label">{t('releases.changed')}</span>
          <p className="k-field__hint">{t('releases.changedHint')}</p>
          {capabilities.isError && <ErrorMessage error={capabilities.error} />}
          {capabilities.data && (
            <CapabilityChecklist
              capabilities={capabilities.data}
              checked={changed}
              onChange={setChanged}
              label={t('releases.changed')}
            />
          )}
        </div>
        <TextArea
          label={t('releases.note')}
          value={note}
          maxLength={5000}
          rows={3}
          onChange={(e) => setNote(e.target.value)}
        />
        {record.isError && <ErrorMessage error={record.error} />}
      </form>
    </Dialog>
  );
}
