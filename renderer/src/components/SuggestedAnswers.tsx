import { Lightbulb } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../api/hooks';
import './suggestedAnswers.css';

/**
 * Existing answers that may fit a question (the same answer serves the next customer who asks),
 * with why they were suggested. `onUse` links the question to the chosen answer.
 */
export function SuggestedAnswers({
  questionId,
  onUse,
}: {
  questionId: number;
  onUse: (answerId: number) => void;
}) {
  const { t, i18n } = useTranslation('answers');
  // A list in the UI's own punctuation: 「A、B」 in Japanese, "A, B" in English.
  const join = (items: string[]) => items.join(i18n.language.startsWith('ja') ? '、' : ', ');
  const suggestions = useApi('answers:suggest', { questionId });
  if (!suggestions.data) return null;
  return (
    <div className="k-suggest" data-testid="answer-suggestions">
      <div className="k-suggest__title">
        <Lightbulb size={14} aria-hidden /> {t('create.suggestions')}
      </div>
      {suggestions.data.length === 0 ? (
        <p className="faint">{t('create.suggestionsNone')}</p>
      ) : (
        <ul>
          {suggestions.data.map((s) => (
            <li key={s.id}>
              <div className="k-suggest__body">
                <strong>{s.title}</strong>
                <span className="faint">
                  {s.capabilities.length
                    ? t('create.shares', { list: join(s.capabilities) })
                    : t('create.words', { list: join(s.terms) })}
                </span>
              </div>
              <button type="button" className="k-btn k-btn--secondary k-btn--sm" onClick={() => onUse(s.id)}>
                {t('create.useThis')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
