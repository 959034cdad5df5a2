import { Copy, FolderOpen, ShieldCheck } from 'lucide-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BundleRecord } from '@shared/domain/bundle';
import { call } from '../api/client';
import { useApi } from '../api/hooks';
import { Badge } from './Badge';
import { Button, IconButton } from './Button';
import { ErrorMessage } from './ErrorMessage';
import { ProgressBar } from './ProgressBar';
import { useCopy } from './clipboard';
import { useFormat } from '../hooks/useFormat';
import { useJob } from '../jobs/useJob';
import './bundleHistory.css';

/** The bundle's fingerprint as the customer's verify page shows it: 8 groups of 4 hex digits. */
export function fingerprint(sha256: string): string {
  return (sha256.match(/.{4}/g) ?? []).slice(0, 8).join(' ');
}

/**
 * What was sent, newest first: per answer (in the export dialog) or per customer (their page), so
 * "what did you send me?" has an exact answer. Also checks a bundle file someone hands back.
 */
export function BundleHistory({
  answerId,
  customerId,
  compact = false,
}: {
  answerId?: number;
  customerId?: number;
  compact?: boolean;
}) {
  const { t } = useTranslation('bundle');
  const fmt = useFormat();
  const copy = useCopy();
  const bundles = useApi('bundles:list', {
    ...(answerId !== undefined ? { answerId } : {}),
    ...(customerId !== undefined ? { customerId } : {}),
  });
  const [error, setError] = useState<unknown>(null);
  const rows = bundles.data ?? [];

  return (
    <section className={`k-bundle-history ${compact ? 'is-compact' : ''}`} data-testid="bundle-history">
      <div className="k-bundle-history__header">
        <h3>{t('history.title')}</h3>
        <VerifyButton onError={setError} />
      </div>
      {error !== null && <ErrorMessage error={error} />}
      {bundles.isError && <ErrorMessage error={bundles.error} />}
      {bundles.isSuccess && rows.length === 0 && (
        <p className="faint">{customerId !== undefined ? t('history.emptyCustomer') : t('history.empty')}</p>
      )}
      <ul className="k-bundle-history__list">
        {(compact ? rows.slice(0, 5) : rows).map((b: BundleRecord) => (
          <li key={b.id} className="k-bundle-history__item" data-testid={`bundle-${b.id}`}>
            <div className="k-bundle-history__main">
              <span className="k-bundle-history__when">{fmt.dateTime(b.createdAt)}</span>
              {customerId === undefined &&
                (b.customerName ? <strong>{b.customerName}</strong> : <Badge>{t('history.generic')}</Badge>)}
              {answerId === undefined && <strong>{b.answerTitle}</strong>}
              <Badge tone="accent">{t('history.revision', { revision: b.revision })}</Badge>
              {b.videoRendition === 'email' && <Badge>{t('history.smallVideo')}</Badge>}
            </div>
            <div className="k-bundle-history__meta faint">
              <span className="mono">{b.fileName}</span>
              <span>{fmt.bytes(b.size)}</span>
              <span className="mono" title={b.manifestSha256}>
                {t('history.fingerprint', { fingerprint: fingerprint(b.manifestSha256) })}
              </span>
            </div>
            <div className="k-bundle-history__actions">
              <IconButton
                label={t('history.showInFolder')}
                icon={<FolderOpen size={15} />}
                onClick={() => call('bundles:showInFolder', { id: b.id }).catch(setError)}
              />
              <IconButton
                label={t('history.copyEmail')}
                icon={<Copy size={15} />}
                onClick={async () => {
                  await copy(`${b.emailSubject}\n\n${b.emailBody}`, t('dialog.emailCopied'));
                }}
              />
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** "Check a bundle…": asks for a zip, checks it as a job, and says what it is. */
function VerifyButton({ onError }: { onError: (err: unknown) => void }) {
  const { t } = useTranslation('bundle');
  const fmt = useFormat();
  const verify = useJob('verify');
  const job = verify.job;
  const report = verify.result;
  // A refusal (no bundle, unreadable zip) shows where the history's other errors do.
  useEffect(() => {
    if (verify.startError !== null) onError(verify.startError);
  }, [verify.startError, onError]);
  const record = report?.record;
  const signature = report?.signature;
  return (
    <div className="k-bundle-verify">
      <Button
        size="sm"
        icon={<ShieldCheck size={14} />}
        disabled={verify.running}
        onClick={async () => {
          onError(null);
          await verify.start(() => call('bundles:verify', {}));
        }}
      >
        {t('history.verify')}
      </Button>
      {job?.status === 'running' && <ProgressBar value={job.progress} label={t('history.verify')} />}
      {job?.status === 'failed' && <ErrorMessage error={job.error} />}
      {report && (
        <div className="k-bundle-verify__result" role="status" data-testid="bundle-verify-result">
          {report.sound ? (
            <>
              <p className="k-bundle-verify__ok">
                {t('history.verifySound')}{' '}
                {record
                  ? t('history.verifyRecord', {
                      title: record.answerTitle ?? `#${record.answerId}`,
                      revision: record.revision,
                      date: fmt.dateTime(record.createdAt),
                      to: record.customerName ? t('history.verifyTo', { name: record.customerName }) : '',
                    })
                  : t('history.verifyUnknown')}
              </p>
              {signature && (
                <p
                  className={
                    signature.verdict === 'thisLibrary' ? 'k-bundle-verify__ok' : 'k-bundle-verify__warn'
                  }
                  data-testid="bundle-verify-signature"
                  data-verdict={signature.verdict}
                >
                  {signature.verdict === 'unsigned'
                    ? t('history.unsigned')
                    : t(signature.verdict === 'thisLibrary' ? 'history.signedHere' : 'history.signedOther', {
                        fingerprint: signature.fingerprint,
                      })}
                </p>
              )}
            </>
          ) : (
            <ErrorMessage error={report.error} />
          )}
        </div>
      )}
    </div>
  );
}
