import { Package } from 'lucide-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CheckFinding } from '@shared/domain/checks';
import { Button } from '../../../components';
import { useHotkey } from '../../../hooks/useHotkey';
import './bundleExport.css';
import { ExportBundleDialog } from './ExportBundleDialog';

/** The answer header's "Export bundle…" button (Ctrl/Cmd+Shift+E) and its dialog. */
export function ExportBundleButton({
  answerId,
  linkedQuestionIds,
  findings,
  flush,
}: {
  answerId: number;
  linkedQuestionIds: number[];
  /** The answer's live checks: any to fix are shown and confirmed before exporting. */
  findings: CheckFinding[];
  flush: () => Promise<void>;
}) {
  const { t } = useTranslation('bundle');
  const [open, setOpen] = useState(false);
  useHotkey('mod+shift+e', () => setOpen(true));
  return (
    <>
      <Button
        className="k-bundle-open"
        icon={<Package size={15} />}
        onClick={() => setOpen(true)}
        title={`${t('dialog.open')} (Ctrl+Shift+E)`}
      >
        {t('dialog.open')}
      </Button>
      {open && (
        <ExportBundleDialog
          answerId={answerId}
          linkedQuestionIds={linkedQuestionIds}
          findings={findings}
          flush={flush}
          onClose={() => setOpen(false)}
        />
      )}
    </>
  );
}
