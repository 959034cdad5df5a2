import { Loader2, ShieldAlert, ShieldCheck } from 'lucide-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { IntegrityState } from '@shared/domain/library';
import { Dialog } from '../components';
import { useFormat } from '../hooks/useFormat';

/**
 * How sound the open library is, in the status bar (issue 20): what opening checked, the full
 * check running in the background, its result, and on a problem what to do (a click away).
 */
export function IntegrityStatus({ integrity }: { integrity: IntegrityState }) {
  const { t } = useTranslation('library');
  const fmt = useFormat();
  const [explain, setExplain] = useState(false);
  if (integrity.status === 'checking') {
    return (
      <span
        className="k-statusbar__item"
        title={t('integrity.checkingTitle')}
        data-testid="library-integrity"
      >
        <Loader2 size={13} className="k-statusbar__spin" aria-hidden />
        {t('integrity.checking')}
      </span>
    );
  }
  if (integrity.status === 'problem') {
    return (
      <>
        <button
          type="button"
          className="k-statusbar__item k-statusbar__problem"
          data-testid="library-integrity"
          onClick={() => setExplain(true)}
        >
          <ShieldAlert size={13} aria-hidden />
          {t('integrity.problem')}
        </button>
        <Dialog open={explain} title={t('integrity.problem')} onClose={() => setExplain(false)}>
          <p role="alert">{t('integrity.problemTitle', { detail: integrity.detail ?? '' })}</p>
        </Dialog>
      </>
    );
  }
  const full = integrity.checked === 'full';
  return (
    <span
      className="k-statusbar__item"
      data-testid="library-integrity"
      title={full ? t('integrity.okTitle', { at: fmt.dateTime(integrity.at) }) : t('integrity.openedTitle')}
    >
      <ShieldCheck size={13} aria-hidden />
      {full ? t('integrityOk') : t('integrity.opened')}
    </span>
  );
}
