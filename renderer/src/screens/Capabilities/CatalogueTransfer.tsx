import { Download, Upload } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { useApiMutation } from '../../api/hooks';
import { Button, ErrorMessage, useToast } from '../../components';

/** Export the catalogue to a JSON file, import one back (validated; all or nothing). */
export function CatalogueTransfer() {
  const { t } = useTranslation('capabilities');
  const toast = useToast();
  const exportFile = useApiMutation('capabilities:export');
  const importFile = useApiMutation('capabilities:import');
  return (
    <>
      <Button
        size="sm"
        icon={<Download size={14} />}
        disabled={exportFile.isPending}
        onClick={async () => {
          importFile.reset();
          const done = await exportFile.mutateAsync({}).catch(() => null);
          if (done)
            toast.show(t('exported', { path: done.path, areas: done.areas, operations: done.operations }));
        }}
      >
        {t('export')}
      </Button>
      <Button
        size="sm"
        icon={<Upload size={14} />}
        disabled={importFile.isPending}
        onClick={async () => {
          exportFile.reset();
          const done = await importFile.mutateAsync({}).catch(() => null);
          if (done)
            toast.show(
              t('imported', { added: done.added, updated: done.updated, unchanged: done.unchanged }),
            );
        }}
      >
        {t('import')}
      </Button>
      {(exportFile.isError || importFile.isError) && (
        <div data-testid="catalogue-error" style={{ flexBasis: '100%' }}>
          <ErrorMessage error={exportFile.error ?? importFile.error} />
        </div>
      )}
    </>
  );
}
