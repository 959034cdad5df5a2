import { AlertCircle } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { findingText } from '@shared/answers/checks';
import type { CheckFinding } from '@shared/domain/checks';

/**
 * The checks an answer fails ("to fix"), as the export dialog lists them before the customer gets
 * the answer as it is: the message, and with `explain` what to do about it.
 */
export function FailingChecks({
  findings,
  explain = false,
}: {
  findings: CheckFinding[];
  explain?: boolean;
}) {
  const { t } = useTranslation(['bundle', 'checks']);
  const translate = (key: string, params?: Record<string, unknown>) => t(key, params ?? {}) as string;
  return (
    <section className="k-bundle-checks" data-testid="bundle-failing-checks">
      <p className="k-bundle-checks__head">
        <AlertCircle size={16} aria-hidden /> {t('checks.toFix', { count: findings.length })}
      </p>
      <ul className="k-bundle-checks__list">
        {findings.map((f) => {
          const { message, explanation } = findingText(f, translate);
          return (
            <li key={f.id} data-testid="bundle-failing-check">
              <span className="k-bundle-checks__category">{t(`checks:category.${f.category}`)}</span>{' '}
              {message}
              {explain && <div className="k-bundle-checks__explain">{explanation}</div>}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
