import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { QuestionDetail } from '@shared/domain/question';
import type { ScopeVerdict } from '@shared/domain/status';
import { useApi, useApiMutation } from '../../api/hooks';
import { Badge, Button, Card, ErrorMessage, useToast } from '../../components';
import { useCapabilitiesInUiLanguage } from '../../hooks/useCapabilityText';
import { DraftEditor, type DraftText } from '../../components/DraftEditor';
import { MessageTemplatesButton } from '../../components/MessageTemplatesDialog';
import { StatusChangeDialog } from '../../components/StatusChangeDialog';
import './tracking.css';
import { succeeded } from '../../api/succeeded';

const verdicts: ScopeVerdict[] = ['in_scope', 'out_of_scope', 'needs_clarification'];

/**
 * The scope guard of one question: the capabilities it is most likely about, and the vendor's
 * verdict. Out of scope shows a courteous decline, needs clarification a draft asking what the
 * customer wants to achieve.
 */
export function ScopePanel({ question }: { question: QuestionDetail }) {
  const { t } = useTranslation(['tracking', 'status']);
  const toast = useToast();
  const suggestions = useApi('scope:suggest', { questionId: question.id, limit: 6 });
  // Titles in the UI's language (the catalogue has both); the suggestion's own label otherwise.
  const catalogue = useCapabilitiesInUiLanguage(useApi('capabilities:list', {}).data);
  const titleOf = (id: number, fallback: string) => catalogue.find((c) => c.id === id)?.title ?? fallback;
  const parentOf = (id: number) => {
    const parentId = catalogue.find((c) => c.id === id)?.parentId;
    return parentId ? titleOf(parentId, '') : null;
  };
  const save = useApiMutation('scope:set');
  // Checked capabilities: what the vendor ticked, else what the question is linked to now.
  const [picked, setPicked] = useState<number[] | null>(null);
  const linked = question.capabilities.map((c) => c.id);
  const checked = picked ?? linked;
  const choices = [
    ...question.capabilities.map((c) => ({
      id: c.id,
      title: titleOf(c.id, c.title),
      parentTitle: null as string | null,
      terms: [] as string[],
    })),
    ...(suggestions.data ?? [])
      .filter((s) => !linked.includes(s.id))
      .map((s) => ({ ...s, title: titleOf(s.id, s.title), parentTitle: parentOf(s.id) ?? s.parentTitle })),
  ];

  const toggle = (id: number) =>
    setPicked(checked.includes(id) ? checked.filter((x) => x !== id) : [...checked, id]);
  const setVerdict = async (verdict: ScopeVerdict) => {
    if (
      !(await succeeded(
        save.mutateAsync({
          questionId: question.id,
          verdict,
          capabilityIds: verdict === 'in_scope' ? checked : [],
        }),
      ))
    )
      return;
    setPicked(null);
    toast.show(t('scope.saved', { verdict: t(`status:scope.${verdict}`) }));
  };

  return (
    <Card title={t('scope.title')}>
      <div data-testid="scope-panel">
        <div className="muted" style={{ marginBottom: 6 }}>
          {t('scope.suggested')}
        </div>
        {suggestions.isError && <ErrorMessage error={suggestions.error} />}
        {choices.length ? (
          <ul className="k-suggestions" data-testid="capability-suggestions">
            {choices.map((c) => (
              <li key={c.id}>
                <label>
                  <input type="checkbox" checked={checked.includes(c.id)} onChange={() => toggle(c.id)} />
                  <span>
                    {c.parentTitle && <span className="faint">{c.parentTitle} › </span>}
                    {c.title}
                  </span>
                  {linked.includes(c.id) && <Badge tone="accent">{t('scope.linked')}</Badge>}
                </label>
              </li>
            ))}
          </ul>
        ) : (
          <p className="faint">{suggestions.isPending ? t('scope.loading') : t('scope.noSuggestions')}</p>
        )}
        <div className="k-verdicts" role="group" aria-label={t('scope.verdict')}>
          {verdicts.map((v) => (
            <Button
              key={v}
              size="sm"
              variant={question.scopeVerdict === v ? 'primary' : 'secondary'}
              aria-pressed={question.scopeVerdict === v}
              disabled={save.isPending || (v === 'in_scope' && checked.length === 0)}
              onClick={() => void setVerdict(v)}
            >
              {t(`status:scope.${v}`)}
            </Button>
          ))}
        </div>
        {save.isError && <ErrorMessage error={save.error} />}
        {question.scopeVerdict === 'out_of_scope' && (
          <ScopeDraft key={`decline-${question.id}`} question={question} purpose="decline" />
        )}
        {question.scopeVerdict === 'needs_clarification' && (
          <ScopeDraft key={`clarify-${question.id}`} question={question} purpose="clarification" />
        )}
      </div>
    </Card>
  );
}

/** What the question's status becomes once the draft is sent. */
const statusAfter = { decline: 'declined', clarification: 'waiting_on_customer' } as const;

function ScopeDraft({
  question,
  purpose,
}: {
  question: QuestionDetail;
  purpose: 'decline' | 'clarification';
}) {
  const { t } = useTranslation(['tracking', 'status']);
  const questionId = question.id;
  const generated = useApi('drafts:make', { questionId, purpose });
  const [edited, setEdited] = useState<DraftText | null>(null);
  const [changingStatus, setChangingStatus] = useState(false);
  const text =
    edited ?? (generated.data ? { subject: generated.data.subject, body: generated.data.body } : null);
  return (
    <div style={{ marginTop: 12 }}>
      <div className="k-actions" style={{ justifyContent: 'space-between' }}>
        <strong>{t(purpose === 'decline' ? 'scope.declineDraft' : 'scope.clarifyDraft')}</strong>
        <MessageTemplatesButton
          initialKey={purpose === 'decline' ? 'scope.out_of_scope' : 'scope.needs_clarification'}
        />
      </div>
      {generated.isError && <ErrorMessage error={generated.error} />}
      <DraftEditor
        questionId={questionId}
        purpose={purpose}
        generated={generated.data}
        edited={edited}
        onEdit={setEdited}
        testId={purpose === 'decline' ? 'decline-draft' : 'clarify-draft'}
      />
      {question.status !== statusAfter[purpose] && (
        <div className="k-actions">
          <Button size="sm" disabled={!text} onClick={() => setChangingStatus(true)}>
            {t('scope.setStatusWith', { status: t(`status:status.${statusAfter[purpose]}`) })}
          </Button>
        </div>
      )}
      {changingStatus && (
        <StatusChangeDialog
          question={question}
          initialStatus={statusAfter[purpose]}
          initialMessage={text}
          onClose={() => setChangingStatus(false)}
        />
      )}
    </div>
  );
}
