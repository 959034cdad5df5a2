import { nameWithCompany } from '@shared/tracking/letter';
import { useUiLanguage } from '../../../hooks/useCapabilityText';
import { keepPreviousData } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { BundleExportRequest, BundlePreview } from '@shared/domain/bundle';
import { useApi } from '../../../api/hooks';
import { ErrorMessage, SelectField } from '../../../components';
import { RecordPicker, type PickedRecord } from '../../../components/RecordPicker';
import { useFormat } from '../../../hooks/useFormat';
import { Choice } from './Choice';

export type ExportChoices = Pick<
  BundleExportRequest,
  'customerId' | 'questionId' | 'personalised' | 'videoRendition' | 'zip' | 'folder'
>;

/** The options of an export, with the size and the greeting the bundle will have. */
export function ExportForm({
  answerId,
  linkedQuestionIds,
  choices,
  onChange,
}: {
  answerId: number;
  linkedQuestionIds: number[];
  choices: ExportChoices;
  onChange: (next: ExportChoices) => void;
}) {
  const { t } = useTranslation('bundle');
  const uiLanguage = useUiLanguage();
  const fmt = useFormat();
  // The chosen customer and their questions only: a library of years has thousands of each.
  const customer = useApi(
    'customers:get',
    { id: choices.customerId ?? 1 },
    { enabled: choices.customerId !== null },
  );
  const questions = useApi(
    'questions:list',
    { customerId: choices.customerId ?? 1, limit: 100 },
    { enabled: choices.customerId !== null },
  );
  const linkedQuestions = useApi(
    'questions:list',
    { ids: linkedQuestionIds.slice(0, 500), limit: 500 },
    { enabled: linkedQuestionIds.length > 0 },
  );
  const preview = useApi('bundles:preview', { answerId, ...choices }, { placeholderData: keepPreviousData });
  const set = (patch: Partial<ExportChoices>) => onChange({ ...choices, ...patch });

  const customerQuestions = [
    ...(linkedQuestions.data?.items ?? []).filter((q) => q.customerId === choices.customerId),
    ...(questions.data?.items ?? []).filter((q) => !linkedQuestionIds.includes(q.id)),
  ];
  if (choices.customerId === null) customerQuestions.length = 0;

  const chooseCustomer = (picked: PickedRecord | null) => {
    const customerId = picked?.id ?? null;
    const linked = (linkedQuestions.data?.items ?? []).find((q) => q.customerId === customerId);
    set({ customerId, questionId: linked?.id ?? null, personalised: customerId !== null });
  };

  const p: BundlePreview | undefined = preview.data;
  const smaller = choices.videoRendition === 'email';
  return (
    <div className="k-bundle-form">
      <div className="k-bundle-form__row">
        <RecordPicker
          kind="customer"
          label={t('dialog.customer')}
          placeholder={t('dialog.noCustomer')}
          value={
            choices.customerId === null
              ? null
              : {
                  id: choices.customerId,
                  title: customer.data ? nameWithCompany(customer.data, uiLanguage) : '…',
                }
          }
          onChange={chooseCustomer}
        />
        <SelectField
          label={t('dialog.question')}
          value={choices.questionId === null ? '' : String(choices.questionId)}
          disabled={choices.customerId === null}
          onChange={(e) => set({ questionId: e.target.value ? Number(e.target.value) : null })}
          options={[
            { value: '', label: t('dialog.noQuestion') },
            ...customerQuestions.map((q) => ({ value: String(q.id), label: q.subject })),
          ]}
        />
      </div>

      <fieldset className="k-bundle-form__group">
        <Choice
          type="radio"
          name="bundle-personal"
          checked={choices.personalised}
          disabled={choices.customerId === null}
          onChange={() => set({ personalised: true })}
          label={t('dialog.personalise')}
          hint={t('dialog.personaliseHint')}
        />
        <Choice
          type="radio"
          name="bundle-personal"
          checked={!choices.personalised}
          onChange={() => set({ personalised: false })}
          label={t('dialog.generic')}
          hint={t('dialog.genericHint')}
        />
      </fieldset>
      {choices.personalised && p?.greeting && (
        <blockquote className="k-bundle-form__greeting" data-testid="bundle-greeting">
          {p.greeting}
        </blockquote>
      )}

      <fieldset className="k-bundle-form__group">
        <legend>{t('dialog.output')}</legend>
        <Choice
          type="checkbox"
          checked={choices.zip}
          onChange={(zip) => set({ zip })}
          label={t('dialog.zip')}
        />
        <Choice
          type="checkbox"
          checked={choices.folder}
          onChange={(folder) => set({ folder })}
          label={t('dialog.folder')}
        />
        {p && p.videos.length > 0 && (
          <Choice
            type="checkbox"
            checked={smaller}
            onChange={(on) => set({ videoRendition: on ? 'email' : 'original' })}
            label={t('dialog.smallerVideo')}
            hint={t('dialog.smallerVideoHint')}
          />
        )}
      </fieldset>

      {p?.blocked ? (
        <ErrorMessage error={p.blocked} />
      ) : preview.isError ? (
        <ErrorMessage error={preview.error} />
      ) : (
        <div className="k-bundle-form__size" data-testid="bundle-size" aria-live="polite">
          <span className="k-bundle-form__size-label">{t('dialog.size')}</span>
          <strong>
            {p ? t('dialog.sizeApprox', { size: fmt.bytes(smaller ? p.bytesEmail : p.bytes) }) : '…'}
          </strong>
          {p && (
            <span className="faint">
              {t('dialog.sizeDetail', {
                files: t('dialog.fileCount', { count: p.fileCount }),
                videos: t('dialog.videoCount', { count: p.videos.length }),
              })}
            </span>
          )}
        </div>
      )}
      {p && (
        <p className="faint k-bundle-form__language">
          {t('dialog.language', { language: t(`dialog.languageName.${p.language}`) })}
        </p>
      )}
    </div>
  );
}
