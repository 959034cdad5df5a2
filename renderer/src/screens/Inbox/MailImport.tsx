import { FolderOpen, Plus, X } from 'lucide-react';
import { useState, type DragEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportReport } from '@shared/api/intake';
import { Button, ErrorMessage, IconButton, ProgressBar } from '../../components';
import type { ScreenProps } from '../../shell/ScreenView';
import { NewQuestionDialog } from './NewQuestionDialog';
import type { MailIntake } from './useMailIntake';
import './intake.css';

/** The Inbox header's intake buttons: a question by hand, and mail files through the OS dialog. */
export function IntakeActions({
  intake,
  navigate,
}: {
  intake: MailIntake;
  navigate: ScreenProps['navigate'];
}) {
  const { t } = useTranslation('intake');
  const [creating, setCreating] = useState(false);
  return (
    <>
      <Button
        icon={<FolderOpen size={15} />}
        disabled={intake.busy}
        onClick={() => void intake.chooseFiles()}
        data-testid="import-mail"
      >
        {t('importMail')}
      </Button>
      <Button
        variant="primary"
        icon={<Plus size={15} />}
        onClick={() => setCreating(true)}
        data-testid="new-question"
      >
        {t('newQuestion')}
      </Button>
      <NewQuestionDialog
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(id) => {
          setCreating(false);
          navigate('inbox', id);
        }}
      />
    </>
  );
}

function Counts({ report }: { report: ImportReport }) {
  const { t } = useTranslation('intake');
  return (
    <span data-testid="import-counts">
      {t('progress.counts', {
        imported: report.imported,
        threaded: report.threaded,
        duplicates: report.duplicates,
        rejected: report.rejected,
      })}
    </span>
  );
}

function Report({ intake, navigate }: { intake: MailIntake; navigate: ScreenProps['navigate'] }) {
  const { t } = useTranslation('intake');
  const finished = intake.finished;
  if (!finished) return null;
  const { report, job } = finished;
  const headline =
    job.status === 'done'
      ? t('report.done')
      : job.status === 'cancelled'
        ? t('report.cancelled')
        : t('report.failed');
  const rejected = report?.items.filter((i) => i.outcome === 'rejected') ?? [];
  return (
    <section
      className="k-intake-status k-intake-report"
      aria-label={t('report.title')}
      data-testid="import-report"
    >
      <div className="k-intake-status__row">
        <strong>{headline}</strong>
        <IconButton label={t('report.close')} icon={<X size={14} />} onClick={intake.dismiss} />
      </div>
      {job.status === 'failed' && job.error && <ErrorMessage error={job.error} />}
      {report && <Counts report={report} />}
      {report?.items.some((item) => item.verdict && item.questionId !== null) && (
        // Customers' verdicts on an answer (issue 22): said at once, each with its question.
        <ul>
          {report.items
            .filter((item) => item.verdict && item.questionId !== null)
            .map((item, i) => (
              <li key={`verdict-${i}`} data-testid="import-verdict">
                <strong>{t(`followUp:import.${item.verdict!}`)}</strong>{' '}
                <a
                  href={`#/inbox/${item.questionId}`}
                  onClick={(e) => {
                    e.preventDefault();
                    navigate('inbox', item.questionId!);
                  }}
                >
                  {item.subject || t('report.noSubject')}
                </a>
              </li>
            ))}
        </ul>
      )}
      {rejected.length > 0 && (
        <div>
          <div>{t('report.rejectedTitle')}</div>
          <ul>
            {rejected.map((item, i) => (
              <li key={i} data-testid="import-rejected">
                <strong>{item.source}</strong>
                {item.subject && ` — ${item.subject}`}: {t(`reason.${item.reason ?? 'failed'}`)}
              </li>
            ))}
          </ul>
        </div>
      )}
      {report && report.items.some((i) => i.questionId !== null) && report.items.length > 1 && (
        <ul>
          {report.items
            .filter((i) => i.questionId !== null)
            .slice(0, 50)
            .map((item, i) => (
              <li key={i}>
                <a
                  href={`#/inbox/${item.questionId}`}
                  onClick={(e) => {
                    e.preventDefault();
                    navigate('inbox', item.questionId!);
                  }}
                >
                  {item.subject || t('report.noSubject')}
                </a>{' '}
                <span className="faint">
                  {t(`report.${item.outcome === 'duplicate' ? 'duplicates' : item.outcome}`)}
                </span>
              </li>
            ))}
        </ul>
      )}
      {report && report.unlisted > 0 && (
        <span className="faint">{t('report.unlisted', { count: report.unlisted })}</span>
      )}
    </section>
  );
}

/**
 * The Inbox list as a drop target for .eml/.mbox files, with the running import's progress and
 * cancel above it, and the report of the last import once it is over.
 */
export function MailDropZone({
  intake,
  navigate,
  children,
}: {
  intake: MailIntake;
  navigate: ScreenProps['navigate'];
  children: ReactNode;
}) {
  const { t } = useTranslation('intake');
  const [dragging, setDragging] = useState(false);
  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    const paths = [...event.dataTransfer.files].map((f) => window.kotae.pathForFile(f)).filter(Boolean);
    if (paths.length) void intake.importPaths(paths);
  };
  return (
    <div
      className={`k-intake-drop ${dragging ? 'is-dragging' : ''}`}
      data-hint={t('dropHint')}
      data-testid="inbox-drop"
      onDragOver={(e) => {
        if ([...e.dataTransfer.types].includes('Files')) {
          e.preventDefault();
          setDragging(true);
        }
      }}
      onDragLeave={(e) => e.currentTarget === e.target && setDragging(false)}
      onDrop={onDrop}
    >
      {intake.job && (
        <section className="k-intake-status" aria-live="polite" data-testid="import-progress">
          <div className="k-intake-status__row">
            <strong>{t('progress.title')}</strong>
            <Button
              size="sm"
              icon={<X size={13} />}
              onClick={() => void intake.cancel()}
              data-testid="import-cancel"
            >
              {t('progress.cancel')}
            </Button>
          </div>
          <ProgressBar value={intake.job.progress} label={t('progress.title')} />
          {intake.liveReport && <Counts report={intake.liveReport} />}
          {intake.queued > 0 && (
            <p className="faint" data-testid="import-queued">
              {t('progress.queued', { count: intake.queued })}
            </p>
          )}
        </section>
      )}
      {intake.startError !== null && (
        <div className="k-intake-status">
          <ErrorMessage error={intake.startError} />
        </div>
      )}
      <Report intake={intake} navigate={navigate} />
      {children}
    </div>
  );
}
