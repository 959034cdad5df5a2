import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import { useApi, useApiMutation } from '../../api/hooks';
import { Button, Dialog, ErrorMessage, SelectField, TextField } from '../../components';
import { RecordPicker, type PickedRecord } from '../../components/RecordPicker';
import { SuggestedAnswers } from '../../components/SuggestedAnswers';

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
  // The latest questions to choose from at once; any other by typing part of it.
  const latest = useApi('questions:list', { limit: 8 });
  const create = useApiMutation('answers:create');
  const [title, setTitle] = useState('');
  const [language, setLanguage] = useState<'ja' | 'en'>(i18n.language === 'ja' ? 'ja' : 'en');
  const [kind, setKind] = useState<'answer' | 'decline'>('answer');
  const [question, setQuestion] = useState<PickedRecord | null>(null);
  const questionId = question ? String(question.id) : '';
  const [linkError, setLinkError] = useState<unknown>(null);

  // What the person set by hand is theirs: the question's subject and its customer's language only
  // fill fields left untouched, and only for the question still chosen when the answer arrives (a
  // busy machine answers after the person has typed a title or picked a language; issue 19).
  const touched = useRef({ title: false, language: false });
  const pickedId = useRef<number | null>(null);
  const chooseQuestion = async (picked: PickedRecord | null) => {
    setQuestion(picked);
    pickedId.current = picked?.id ?? null;
    if (!picked) return;
    const [q] = (await call('questions:list', { ids: [picked.id], limit: 1 })).items;
    if (!q || pickedId.current !== picked.id) return;
    // The title follows the chosen question until the person writes their own.
    if (!touched.current.title) setTitle(q.subject);
    // Answer in the customer's language.
    if (!q.customerId || touched.current.language) return;
    const customer = await call('customers:get', { id: q.customerId });
    if (pickedId.current === picked.id && !touched.current.language) setLanguage(customer.language);
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
      <RecordPicker
        kind="question"
        label={t('create.question')}
        placeholder={t('create.noQuestion')}
        value={question}
        onChange={(picked) => void chooseQuestion(picked).catch(setLinkError)}
        recent={(latest.data?.items ?? []).map((q) => ({
          id: q.id,
          title: q.subject,
          ...(q.customerName ? { detail: q.customerName } : {}),
        }))}
      />
      {questionId && (
        <SuggestedAnswers questionId={Number(questionId)} onUse={(id) => void linkExisting(id)} />
      )}
      <TextField
        label={t('create.titleLabel')}
        value={title}
        onChange={(e) => {
          touched.current.title = true;
          setTitle(e.target.value);
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && title.trim()) submit();
        }}
      />
      <div className="k-form-row">
        <SelectField
          label={t('create.language')}
          value={language}
          onChange={(e) => {
            touched.current.language = true;
            setLanguage(e.target.value as 'ja' | 'en');
          }}
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
