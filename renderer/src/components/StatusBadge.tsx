import { useTranslation } from 'react-i18next';
import type { QuestionStatus, ScopeVerdict } from '@shared/domain/status';
import { Badge, type Tone } from './Badge';

const statusTone: Record<QuestionStatus, Tone> = {
  received: 'info',
  investigating: 'accent',
  reproducing: 'accent',
  waiting_on_customer: 'warning',
  answered: 'ok',
  resolved: 'neutral',
  declined: 'neutral',
};

export function StatusBadge({ status }: { status: QuestionStatus }) {
  const { t } = useTranslation('status');
  return <Badge tone={statusTone[status]}>{t(`status.${status}`)}</Badge>;
}

const verdictTone: Record<ScopeVerdict, Tone> = {
  in_scope: 'ok',
  out_of_scope: 'danger',
  needs_clarification: 'warning',
};

export function ScopeBadge({ verdict }: { verdict: ScopeVerdict | null }) {
  const { t } = useTranslation('status');
  if (!verdict) return <Badge>{t('scope.unset')}</Badge>;
  return <Badge tone={verdictTone[verdict]}>{t(`scope.${verdict}`)}</Badge>;
}
