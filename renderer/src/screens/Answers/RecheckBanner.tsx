import { FlaskConical, RefreshCcw } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import type { AnswerDocument } from '@shared/answers/document';
import { recheckDone, recheckProgress } from '@shared/releases/recheck';
import { useApi } from '../../api/hooks';
import { Button } from '../../components';
import './recheck.css';

/**
 * "To re-check since release 5.0" above an answer a release put on the list. Read against the
 * document being edited, so it counts the steps as the vendor re-walks them and goes away the
 * moment the last one is verified (the core clears the list entry with the same rule on save).
 */
export function RecheckBanner({
  answerId,
  doc,
  reproducing,
  onReproduce,
}: {
  answerId: number;
  doc: AnswerDocument;
  reproducing: boolean;
  onReproduce: () => void;
}) {
  const { t } = useTranslation('followUp');
  const rechecks = useApi('answers:rechecks', { id: answerId });
  const open = (rechecks.data ?? []).filter((r) => !recheckDone(doc, r.version));
  const newest = open[0];
  if (!newest) return null;
  const capabilities = [...new Set(open.flatMap((r) => r.capabilities))];
  const progress = recheckProgress(doc, newest.version);
  return (
    <div className="k-recheck-banner" role="status" data-testid="recheck-banner">
      <RefreshCcw size={18} aria-hidden />
      <div className="k-recheck-banner__text">
        <strong>{t('recheck.bannerTitle', { version: newest.version })}</strong>
        {capabilities.length > 0 && (
          <p>{t('recheck.bannerChanged', { capabilities: capabilities.join('、') })}</p>
        )}
        {newest.note && <p className="muted">{newest.note}</p>}
        <p data-testid="recheck-progress">
          {t('recheck.bannerProgress', { ...progress, version: newest.version })}{' '}
          <span className="muted">{t('recheck.bannerHint', { version: newest.version })}</span>
        </p>
      </div>
      {!reproducing && (
        <Button size="sm" variant="primary" icon={<FlaskConical size={14} />} onClick={onReproduce}>
          {t('recheck.start')}
        </Button>
      )}
    </div>
  );
}
