import { useTranslation } from 'react-i18next';
import type { CustomerProfile, CustomerSummary } from '@shared/domain/customer';
import { Badge } from './Badge';
import { Card } from './Page';
import './customerProfile.css';

const fields: (keyof CustomerProfile)[] = [
  'urgency',
  'technicalLevel',
  'relationship',
  'feelingsProduct',
  'feelingsSupport',
  'hopedOutcome',
  'wouldAnger',
  'moneyAtStake',
  'causeAndResponsibility',
];

/** What the vendor knows about the person: shown beside each of their questions too. */
export function CustomerProfileCard({
  customer,
  compact = false,
}: {
  customer: CustomerSummary;
  compact?: boolean;
}) {
  const { t } = useTranslation('customers');
  const p = customer.profile;
  const shown = compact
    ? fields.filter((f) =>
        ['urgency', 'technicalLevel', 'hopedOutcome', 'wouldAnger', 'moneyAtStake'].includes(f),
      )
    : fields;
  // An empty card says what to note and why, instead of being a blank box.
  const empty = shown.every((field) => !p[field]);
  return (
    <Card title={compact ? t('profileOf', { name: customer.name }) : t('profile')} className="k-profile">
      {empty && (
        <p className="faint k-profile__empty" data-testid="customer-profile-empty">
          {t(compact ? 'profileEmptyCompact' : 'profileEmpty')}
        </p>
      )}
      <dl className="k-dl" data-testid="customer-profile">
        {shown.map((field) => {
          const value = p[field];
          if (!value) return null;
          const text = field === 'urgency' || field === 'technicalLevel' ? t(`${field}.${value}`) : value;
          return (
            <div key={field} style={{ display: 'contents' }}>
              <dt>{t(`field.${field}`)}</dt>
              <dd>
                {field === 'urgency' ? (
                  <Badge tone={value === 'high' || value === 'critical' ? 'danger' : 'neutral'}>{text}</Badge>
                ) : (
                  text
                )}
              </dd>
            </div>
          );
        })}
      </dl>
    </Card>
  );
}
