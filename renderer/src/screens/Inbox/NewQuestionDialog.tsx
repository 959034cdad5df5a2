import { useState, type ClipboardEvent, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import { Button, Dialog, ErrorMessage, TextArea, TextField } from '../../components';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** The text of pasted HTML, read in an inert document (nothing in it loads or runs). */
function textOfHtml(html: string): string {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  for (const el of doc.querySelectorAll('br')) el.replaceWith('\n');
  for (const el of doc.querySelectorAll('p, div, li, tr, h1, h2, h3, blockquote')) el.append('\n');
  return (doc.body.textContent ?? '').replace(/\n{3,}/g, '\n\n').trim();
}

/**
 * A question typed, or pasted from a mail client. Pasted HTML is kept beside its text and sanitised
 * in the core (scripts, remote images and links that load are removed) before it is stored.
 */
export function NewQuestionDialog({
  open,
  onClose,
  onCreated,
}: {
  open: boolean;
  onClose: () => void;
  onCreated: (questionId: number) => void;
}) {
  const { t } = useTranslation('intake');
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [subject, setSubject] = useState('');
  const [body, setBody] = useState('');
  const [html, setHtml] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);

  const reset = () => {
    setName('');
    setEmail('');
    setSubject('');
    setBody('');
    setHtml(null);
    setProblem(null);
    setError(null);
  };
  const onPaste = (event: ClipboardEvent<HTMLTextAreaElement>) => {
    const pasted = event.clipboardData.getData('text/html');
    if (!pasted || body.trim()) return;
    event.preventDefault();
    setHtml(pasted);
    setBody(event.clipboardData.getData('text/plain') || textOfHtml(pasted));
  };
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!subject.trim()) return setProblem(t('dialog.subjectRequired'));
    if (email.trim() && !EMAIL.test(email.trim())) return setProblem(t('dialog.emailInvalid'));
    setProblem(null);
    setSaving(true);
    try {
      const { questionId } = await call('intake:new', {
        customerName: name,
        customerEmail: email.trim(),
        subject,
        body,
        html,
      });
      reset();
      onCreated(questionId);
    } catch (err) {
      setError(err);
    } finally {
      setSaving(false);
    }
  };
  return (
    <Dialog
      open={open}
      title={t('dialog.title')}
      onClose={onClose}
      width={620}
      footer={
        <>
          <Button onClick={onClose}>{t('dialog.cancel')}</Button>
          <Button
            variant="primary"
            type="submit"
            form="k-new-question"
            disabled={saving}
            data-testid="new-question-create"
          >
            {t('dialog.create')}
          </Button>
        </>
      }
    >
      <form id="k-new-question" onSubmit={(e) => void submit(e)} data-testid="new-question-form">
        <TextField
          label={t('dialog.name')}
          value={name}
          onChange={(e) => setName(e.target.value)}
          autoFocus
        />
        <TextField
          label={t('dialog.email')}
          hint={t('dialog.emailHint')}
          type="email"
          value={email}
          onChange={(e) => setEmail(e.target.value)}
        />
        <TextField
          label={t('dialog.subject')}
          value={subject}
          onChange={(e) => setSubject(e.target.value)}
          aria-required
        />
        <TextArea
          label={t('dialog.body')}
          hint={html !== null ? t('dialog.pastedHtml') : t('dialog.bodyHint')}
          rows={10}
          value={body}
          onPaste={onPaste}
          onChange={(e) => {
            setBody(e.target.value);
            setHtml(null);
          }}
        />
        {problem && (
          <div className="k-error" role="alert">
            {problem}
          </div>
        )}
        {error !== null && <ErrorMessage error={error} />}
      </form>
    </Dialog>
  );
}
