import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import { useApi, useApiMutation } from '../../api/hooks';
import { Button, Dialog, ErrorMessage, SelectField, TextField } from '../../components';
import { SuggestedAnswers } from './SuggestedAnswers';

/**
 * A new answer, usually for a question: choosing the question first shows existing answers that
 * may fit, so the vendor can link one instead of writing the same answer twice.
 */
export function NewAnswerDialog({
  onClose,
  onOpen,
}: {
  onClose: () => void;
  onOpen: (answerId: number) => void;
}) {
  const { t, i18n } = useTranslation(['answers', 'common']);
  const questions = useApi('questions:list', {});
  const customers = useApi('customers:list', {});
  const create = useApiMutation('answers:create');
  const [title, setTitle] = useState('');
  const [language, setLanguage] = useState<'ja' | 'en'>(i18n.language === 'ja' ? 'ja' : 'en');
  const [kind, setKind] = useState<'answer' | 'decline'>('answer');
  const [questionId, setQuestionId] = useState('');
  const [linkError, setLinkError] = useState<unknown>(null);

  const chooseQuestion = (value: string) => {
    setQuestionId(value);
    const q = questions.data?.find((x) => String(x.id) === value);
    if (q && !title.trim()) setTitle(q.subject);
    // Answer in the customer's language.
    const customer = customers.data?.find((c) => c.id === q?.customerId);
    if (customer) setLanguage(customer.language);
  };

  const linkExisting = async (answerId: number) => {
    try {
      await call('answers:linkQuestion', { id: answerId, questionId: Number(questionId) });
      onOpen(answerId);
    } catch (err) {
      setLinkError(err);
    }
  };

  const submit = () =>
    create.mutate(
      { title: title.trim(), language, kind, ...(questionId ? { questionId: Number(questionId) } : {}) },
      { onSuccess: (answer) => onOpen(answer.id) },
    );

  return (
    <Dialog
      open
      width={620}
      title={t('create.title')}
      onClose={onClose}
      footer={
        <>
          <Button onClick={onClose}>{t('common:cancel')}</Button>
          <Button variant="primary" disabled={!title.trim() || create.isPending} onClick={submit}>
            {t('create.submit')}
          </Button>
        </>
      }
    >
      <SelectField
        label={t('create.question')}
        value={questionId}
        onChange={(e) => chooseQuestion(e.target.value)}
        options={[
          { value: '', label: t('create.noQuestion') },
          ...(questions.data ?? []).map((q) => ({
            value: String(q.id),
            label: q.customerName ? `${q.subject} — ${q.customerName}` : q.subject,
          })),
        ]}
      />
      {questionId && (
        <SuggestedAnswers questionId={Number(questionId)} onUse={(id) => void linkExisting(id)} />
      )}
      <TextField
        label={t('create.titleLabel')}
        value={title}
        onChange={(e) => setTitle(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && title.trim()) submit();
        }}
      />
      <div className="k-form-row">
        <SelectField
          label={t('create.language')}
          value={language}
          onChange={(e) => setLanguage(e.target.value as 'ja' | 'en')}
          options={[
            { value: 'ja', label: t('language.ja') },
            { value: 'en', label: t('language.en') },
          ]}
        />
        <SelectField
          label={t('create.kind')}
          value={kind}
          onChange={(e) => setKind(e.target.value as 'answer' | 'decline')}
          options={[
            { value: 'answer', label: t('kind.answer') },
            { value: 'decline', label: t('kind.decline') },
          ]}
        />
      </div>
      {(create.isError || linkError !== null) && <ErrorMessage error={create.error ?? linkError} />}
    </Dialog>
  );
}
