import { useTranslation } from 'react-i18next';
import type { CustomerProfile, CustomerSummary } from '@shared/domain/customer';
import type { CustomerContact } from '@shared/domain/tracking';
import { useApiMutation } from '../../api/hooks';
import { Button, Card, ErrorMessage, SelectField, TextArea, TextField, useToast } from '../../components';
import { succeeded } from '../../api/succeeded';

const textFields = [
  'relationship',
  'feelingsProduct',
  'feelingsSupport',
  'hopedOutcome',
  'wouldAnger',
  'moneyAtStake',
  'causeAndResponsibility',
] as const;

export interface CustomerDraft {
  contact: CustomerContact;
  profile: CustomerProfile;
}

export function draftOf(customer: CustomerSummary): CustomerDraft {
  const { name, email, company, phone, language } = customer;
  return { contact: { name, email, company, phone, language }, profile: customer.profile };
}

/** Whether the form holds anything the saved customer does not: opening the editor is no edit. */
export function isEdited(draft: CustomerDraft, customer: CustomerSummary): boolean {
  const canonical = (d: CustomerDraft) =>
    JSON.stringify({
      contact: { ...d.contact, email: d.contact.email?.trim() || null },
      profile: Object.fromEntries(
        Object.entries(d.profile)
          .filter(([, v]) => v !== undefined && v !== '')
          .sort(([a], [b]) => a.localeCompare(b)),
      ),
    });
  return canonical(draft) !== canonical(draftOf(customer));
}

/**
 * Contact and profile of a customer in one form, saved together. Controlled: the Customers screen
 * keeps the draft, so switching to another customer and back loses nothing typed.
 */
export function CustomerEditor({
  customer,
  draft,
  onChange,
  onDone,
}: {
  customer: CustomerSummary;
  draft: CustomerDraft;
  onChange: (draft: CustomerDraft) => void;
  onDone: () => void;
}) {
  const { t } = useTranslation(['customers', 'common']);
  const toast = useToast();
  const save = useApiMutation('customers:update');
  const { contact, profile } = draft;
  const setContact = (next: CustomerContact) => onChange({ contact: next, profile });
  const setField = (field: keyof CustomerProfile, value: string) =>
    onChange({ contact, profile: { ...profile, [field]: value || undefined } });

  const submit = async () => {
    if (
      !(await succeeded(
        save.mutateAsync({
          id: customer.id,
          contact: { ...contact, email: contact.email?.trim() ? contact.email.trim() : null },
          profile,
        }),
      ))
    )
      return;
    toast.show(t('edit.saved'));
    onDone();
  };

  return (
    <Card title={t('edit.title')}>
      <form
        data-testid="customer-editor"
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <div className="k-form-grid">
          <TextField
            label={t('edit.name')}
            required
            value={contact.name}
            onChange={(e) => setContact({ ...contact, name: e.target.value })}
          />
          <TextField
            label={t('edit.email')}
            type="email"
            value={contact.email ?? ''}
            onChange={(e) => setContact({ ...contact, email: e.target.value })}
          />
          <TextField
            label={t('edit.company')}
            value={contact.company}
            onChange={(e) => setContact({ ...contact, company: e.target.value })}
          />
          <TextField
            label={t('edit.phone')}
            value={contact.phone}
            onChange={(e) => setContact({ ...contact, phone: e.target.value })}
          />
          <SelectField
            label={t('edit.language')}
            value={contact.language}
            onChange={(e) => setContact({ ...contact, language: e.target.value as 'ja' | 'en' })}
            options={[
              { value: 'ja', label: '日本語' },
              { value: 'en', label: 'English' },
            ]}
          />
          <SelectField
            label={t('field.urgency')}
            value={profile.urgency ?? ''}
            onChange={(e) => setField('urgency', e.target.value)}
            options={[
              { value: '', label: t('edit.unknown') },
              ...(['low', 'normal', 'high', 'critical'] as const).map((v) => ({
                value: v,
                label: t(`urgency.${v}`),
              })),
            ]}
          />
          <SelectField
            label={t('field.technicalLevel')}
            value={profile.technicalLevel ?? ''}
            onChange={(e) => setField('technicalLevel', e.target.value)}
            options={[
              { value: '', label: t('edit.unknown') },
              ...(['beginner', 'intermediate', 'expert'] as const).map((v) => ({
                value: v,
                label: t(`technicalLevel.${v}`),
              })),
            ]}
          />
        </div>
        {textFields.map((field) => (
          <TextArea
            key={field}
            label={t(`field.${field}`)}
            rows={2}
            maxLength={2000}
            value={profile[field] ?? ''}
            onChange={(e) => setField(field, e.target.value)}
          />
        ))}
        {save.isError && <ErrorMessage error={save.error} />}
        <div className="k-actions">
          <Button type="submit" variant="primary" disabled={save.isPending || !contact.name.trim()}>
            {t('edit.save')}
          </Button>
          <Button onClick={onDone}>{t('common:cancel')}</Button>
        </div>
      </form>
    </Card>
  );
}
