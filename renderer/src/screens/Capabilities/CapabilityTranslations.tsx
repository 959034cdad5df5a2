import { AlertTriangle } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { capabilityLanguages, type Capability } from '@shared/domain/capability';

/**
 * The capability's text in each language customers read: what a decline or the FAQ shows them. A
 * language without a title is said plainly, since a draft to that customer will warn about it.
 */
export function CapabilityTranslations({ capability }: { capability: Capability }) {
  const { t } = useTranslation('capabilities');
  return (
    <dl className="k-capability-texts" data-testid="capability-texts">
      {capabilityLanguages.map((language) => {
        const text = capability.texts[language];
        return (
          <div key={language} data-language={language}>
            <dt>{t(`form.language.${language}`)}</dt>
            {text.title ? (
              <dd lang={language}>
                <strong>{text.title}</strong>
                {text.description && <div className="muted">{text.description}</div>}
              </dd>
            ) : (
              <dd className="k-capability-texts__missing">
                <AlertTriangle size={14} aria-hidden /> {t('missingTranslation')}
              </dd>
            )}
          </div>
        );
      })}
    </dl>
  );
}
