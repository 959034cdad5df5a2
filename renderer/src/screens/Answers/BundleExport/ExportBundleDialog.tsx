import { CheckCircle2, Copy, FolderOpen, Package } from 'lucide-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BundleRecord } from '@shared/domain/bundle';
import type { CheckFinding } from '@shared/domain/checks';
import type { QuestionDetail } from '@shared/domain/question';
import { call } from '../../../api/client';
import { useApi } from '../../../api/hooks';
import { Button, Dialog, ErrorMessage, ProgressBar, TextArea, TextField, useCopy } from '../../../components';
import { useFormat } from '../../../hooks/useFormat';
import { BundleHistory } from '../../../components/BundleHistory';
import { ExportForm, type ExportChoices } from './ExportForm';
import { FailingChecks } from './FailingChecks';
import { MarkAnswered, MarkAnsweredDialog } from './MarkAnswered';
import { useJob } from '../../../jobs/useJob';

/**
 * The export dialog: options and size (and the answer's checks to fix, confirmed before exporting
 * anyway), then the job's progress with cancel, then the result and the question's status.
 */
export function ExportBundleDialog({
  answerId,
  linkedQuestionIds,
  findings,
  flush,
  onClose,
}: {
  answerId: number;
  linkedQuestionIds: number[];
  /** The answer's checks as the editor shows them live. */
  findings: CheckFinding[];
  /** Saves pending edits, so the bundle holds what was checked. */
  flush: () => Promise<void>;
  onClose: () => void;
}) {
  const { t } = useTranslation(['bundle', 'jobs', 'common']);
  const linkedQuestions = useApi(
    'questions:list',
    { ids: linkedQuestionIds.slice(0, 500), limit: 500 },
    { enabled: linkedQuestionIds.length > 0 },
  );
  // Until the vendor changes something, the options start from the customer of the question this
  // answer serves (known once the questions are loaded).
  const [edited, setChoices] = useState<ExportChoices | null>(null);
  const linked = linkedQuestions.data?.items.find((q) => q.customerId !== null);
  const choices: ExportChoices = edited ?? {
    customerId: linked?.customerId ?? null,
    questionId: linked?.id ?? null,
    personalised: !!linked,
    videoRendition: 'original',
    zip: true,
    folder: false,
  };

  const exportJob = useJob('export');
  const job = exportJob.job;
  const [starting, setStarting] = useState(false);
  const error = exportJob.startError;
  const toFix = findings.filter((f) => f.severity === 'error');
  // Like publishing with problems left: one deliberate step before the customer gets it as it is.
  const [confirming, setConfirming] = useState(false);
  const [marking, setMarking] = useState<QuestionDetail | null>(null);

  const status = exportJob.running ? 'running' : (job?.status ?? null);
  const record = exportJob.result;

  const start = async () => {
    setConfirming(false);
    exportJob.reset();
    setStarting(true);
    try {
      await exportJob.start(async () => {
        await flush();
        return call('bundles:export', { answerId, ...choices });
      });
    } finally {
      setStarting(false);
    }
  };

  const running = status === 'running';
  const failed = status === 'failed' ? job?.error : null;
  const footer = record ? (
    <Button variant="primary" onClick={onClose}>
      {t('dialog.close')}
    </Button>
  ) : running ? (
    <Button onClick={() => void exportJob.cancel()}>{t('dialog.cancel')}</Button>
  ) : confirming ? (
    <>
      {/* The Export button that had focus is gone: keep focus in the dialog, on the safe choice
          (a new element, so React focuses it on mount rather than reusing the Cancel button). */}
      <Button key="back" autoFocus onClick={() => setConfirming(false)}>
        {t('confirm.back')}
      </Button>
      <Button variant="danger" icon={<Package size={15} />} onClick={() => void start()}>
        {t('confirm.export')}
      </Button>
    </>
  ) : (
    <>
      <Button onClick={onClose}>{t('dialog.cancel')}</Button>
      <Button
        variant="primary"
        type="submit"
        form="k-bundle-export-form"
        icon={<Package size={15} />}
        disabled={starting || (!choices.zip && !choices.folder)}
      >
        {t('dialog.export')}
      </Button>
    </>
  );

  return (
    <>
      <Dialog
        open
        title={t('dialog.title')}
        onClose={running ? () => undefined : onClose}
        footer={footer}
        width={640}
      >
        {record ? (
          <ExportDone record={record} onMark={setMarking} />
        ) : running ? (
          <div className="k-bundle-running" data-testid="bundle-progress">
            <p>{t(job?.phase || 'bundle:phase.prepare')}</p>
            <ProgressBar value={job?.progress ?? null} label={t('jobs:kind.export')} />
            <span className="mono">{Math.round((job?.progress ?? 0) * 100)}%</span>
          </div>
        ) : confirming ? (
          <div className="k-bundle-confirm" data-testid="bundle-confirm">
            <h3>{t('confirm.title')}</h3>
            <p>{t('confirm.text')}</p>
            <FailingChecks findings={toFix} explain />
          </div>
        ) : (
          <form
            id="k-bundle-export-form"
            onSubmit={(e) => {
              e.preventDefault();
              if (toFix.length) setConfirming(true);
              else void start();
            }}
          >
            {status === 'cancelled' && <p className="k-bundle-notice">{t('dialog.cancelled')}</p>}
            {toFix.length > 0 && <FailingChecks findings={toFix} />}
            {error !== null && <ErrorMessage error={error} />}
            {failed && <ErrorMessage error={failed} />}
            <ExportForm
              answerId={answerId}
              linkedQuestionIds={linkedQuestionIds}
              choices={choices}
              onChange={setChoices}
            />
            <BundleHistory answerId={answerId} compact />
          </form>
        )}
      </Dialog>
      {marking && <MarkAnsweredDialog question={marking} onClose={() => setMarking(null)} />}
    </>
  );
}

function ExportDone({
  record,
  onMark,
}: {
  record: BundleRecord;
  onMark: (question: QuestionDetail) => void;
}) {
  const { t } = useTranslation('bundle');
  const fmt = useFormat();
  const copy = useCopy();
  const [error, setError] = useState<unknown>(null);
  return (
    <div className="k-bundle-done" data-testid="bundle-done">
      <p className="k-bundle-done__headline">
        <CheckCircle2 size={18} /> {t('dialog.done')}
      </p>
      <p className="mono k-bundle-done__path">{record.zipPath ?? record.folderPath}</p>
      {record.zipPath && record.folderPath && <p className="mono k-bundle-done__path">{record.folderPath}</p>}
      <p className="faint">
        {fmt.bytes(record.size)} · {t('dialog.fileCount', { count: record.fileCount })}
      </p>
      {error !== null && <ErrorMessage error={error} />}
      <div className="k-bundle-done__actions">
        <Button
          icon={<FolderOpen size={15} />}
          onClick={() => call('bundles:showInFolder', { id: record.id }).catch(setError)}
        >
          {t('dialog.showInFolder')}
        </Button>
        <Button
          variant="primary"
          icon={<Copy size={15} />}
          onClick={async () => {
            await copy(`${record.emailSubject}\n\n${record.emailBody}`, t('dialog.emailCopied'));
          }}
        >
          {t('dialog.copyEmail')}
        </Button>
      </div>
      {record.questionId !== null && <MarkAnswered questionId={record.questionId} onMark={onMark} />}
      <h3 className="k-bundle-done__title">{t('dialog.emailDraft')}</h3>
      <TextField label={t('dialog.subject')} value={record.emailSubject} readOnly />
      <TextArea label={t('dialog.emailDraft')} value={record.emailBody} readOnly rows={10} />
    </div>
  );
}
