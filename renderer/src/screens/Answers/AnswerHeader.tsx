import { CheckCircle2, Eye, FlaskConical, History, Images, PenLine, Save } from 'lucide-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StepVerification } from '@shared/answers/document';
import type { CheckFinding } from '@shared/domain/checks';
import type { AnswerDetail, SaveResult } from '@shared/domain/answer';
import { useApi, useApiMutation } from '../../api/hooks';
import { Button, ErrorMessage } from '../../components';
import type { SaveState } from '../../editor/autosave';
import { useFormat } from '../../hooks/useFormat';
import { ExportBundleButton } from './BundleExport';

export interface HeaderActions {
  onSaveVersion: () => void;
  onHistory: () => void;
  onReproduce: () => void;
  onTogglePreview: () => void;
  onPublicChange: (value: boolean) => void;
  /** The title the FAQ shows instead of this one; empty for the same title. */
  onPublicTitle: (value: string) => void;
  /** Saves pending edits (before a bundle is exported). */
  flush: () => Promise<void>;
  /** Puts pictures from the answer's rendered videos into the steps their chapters show. */
  onStepPictures: () => void;
}

/** Title, kind, language, public flag, save state and the answer's main actions. */
export function AnswerHeader({
  answer,
  isPublic,
  publicTitle,
  saveState,
  saveInfo,
  verification,
  preview,
  actions,
  findings,
  takingPictures,
}: {
  answer: AnswerDetail;
  /** Shown at once when clicked; the workspace confirms and stores it. */
  isPublic: boolean;
  /** The public title in the document (empty: the FAQ shows the answer's title). */
  publicTitle: string;
  saveState: SaveState;
  saveInfo: Pick<SaveResult, 'revision' | 'editedSinceRevision'>;
  verification: StepVerification | null;
  preview: boolean;
  actions: HeaderActions;
  /** The live answer checks, for the bundle export's confirmation. */
  findings: CheckFinding[];
  takingPictures: boolean;
}) {
  const { t } = useTranslation('answers');
  const fmt = useFormat();
  const update = useApiMutation('answers:update');
  const [title, setTitle] = useState(answer.title);
  const clips = useApi('clips:list', { answerId: answer.id });
  const hasChapters = (clips.data ?? []).some((c) => c.chapterCount > 0);
  const [faqTitle, setFaqTitle] = useState(publicTitle);
  const [storedFaqTitle, setStoredFaqTitle] = useState(publicTitle);
  if (storedFaqTitle !== publicTitle) {
    setStoredFaqTitle(publicTitle);
    setFaqTitle(publicTitle);
  }

  const commitTitle = () => {
    const next = title.trim();
    if (next && next !== answer.title) update.mutate({ id: answer.id, title: next });
    else setTitle(answer.title);
  };

  const saveText = `${t(`saveState.${saveState}`)} · ${
    saveInfo.editedSinceRevision
      ? t('saveState.since', { revision: saveInfo.revision })
      : t('saveState.atRevision', { revision: saveInfo.revision })
  }`;
  const verifiedText = verification
    ? t('verifiedWith', { version: verification.version, date: fmt.date(verification.at) })
    : '';

  return (
    <header className="k-answer-head">
      <input
        className="k-answer-head__title"
        aria-label={t('titleLabel')}
        value={title}
        onChange={(e) => setTitle(e.target.value)}
        onBlur={commitTitle}
        onKeyDown={(e) => {
          if (e.key === 'Enter') e.currentTarget.blur();
          if (e.key === 'Escape') setTitle(answer.title);
        }}
      />
      {/* Its own line, always one line: when it shared the controls' row, a save that turned "Not
          verified yet" into "Verified with version 4.2.1 on 1 Dec 2026" wrapped that row, and the
          toolbar and side panel jumped down under the pointer (a click on Redo or Done missed). */}
      <div className="k-answer-head__status">
        <span
          className={`k-save-state k-save-state--${saveState}`}
          data-testid="save-state"
          data-state={saveState}
          title={saveText}
        >
          {saveText}
        </span>
        {verification ? (
          <span className="k-verified" data-testid="answer-verified" title={verifiedText}>
            <CheckCircle2 size={13} aria-hidden /> {verifiedText}
          </span>
        ) : (
          <span className="faint" data-testid="answer-verified">
            {t('notVerified')}
          </span>
        )}
      </div>
      <div className="k-answer-head__row">
        <select
          className="k-input k-select k-answer-head__select"
          aria-label={t('kindLabel')}
          value={answer.kind}
          onChange={(e) => update.mutate({ id: answer.id, kind: e.target.value as 'answer' | 'decline' })}
        >
          <option value="answer">{t('kind.answer')}</option>
          <option value="decline">{t('kind.decline')}</option>
        </select>
        <select
          className="k-input k-select k-answer-head__select"
          aria-label={t('languageLabel')}
          value={answer.language}
          onChange={(e) => update.mutate({ id: answer.id, language: e.target.value as 'ja' | 'en' })}
        >
          <option value="ja">{t('language.ja')}</option>
          <option value="en">{t('language.en')}</option>
        </select>
        <label className="k-switch">
          <input
            type="checkbox"
            checked={isPublic}
            onChange={(e) => actions.onPublicChange(e.target.checked)}
          />
          <span>{t('publicToggle')}</span>
        </label>
      </div>
      {isPublic && (
        <label className="k-answer-head__public-title">
          <span>{t('publicTitle.label')}</span>
          <input
            className="k-input"
            value={faqTitle}
            maxLength={300}
            placeholder={answer.title}
            onChange={(e) => setFaqTitle(e.target.value)}
            onBlur={() => {
              if (faqTitle.trim() !== publicTitle) actions.onPublicTitle(faqTitle.trim());
            }}
            onKeyDown={(e) => {
              if (e.key === 'Enter') e.currentTarget.blur();
              if (e.key === 'Escape') setFaqTitle(publicTitle);
            }}
          />
        </label>
      )}
      <div className="k-answer-head__actions">
        <Button
          size="sm"
          icon={<Save size={14} />}
          title={t('saveVersionHint')}
          onClick={actions.onSaveVersion}
        >
          {t('saveVersion')}
        </Button>
        <Button size="sm" icon={<History size={14} />} onClick={actions.onHistory}>
          {t('historyButton')}
        </Button>
        <Button size="sm" icon={<FlaskConical size={14} />} onClick={actions.onReproduce}>
          {t('reproduceButton')}
        </Button>
        <Button
          size="sm"
          icon={preview ? <PenLine size={14} /> : <Eye size={14} />}
          onClick={actions.onTogglePreview}
        >
          {preview ? t('editButton') : t('previewButton')}
        </Button>
        {hasChapters && (
          <Button
            size="sm"
            icon={<Images size={14} />}
            title={t('stepPictures.hint')}
            disabled={takingPictures}
            onClick={actions.onStepPictures}
            data-testid="step-pictures"
          >
            {takingPictures ? t('stepPictures.running') : t('stepPictures.button')}
          </Button>
        )}
        <ExportBundleButton
          answerId={answer.id}
          linkedQuestionIds={answer.questions.map((q) => q.id)}
          findings={findings}
          flush={actions.flush}
        />
      </div>
      {update.isError && <ErrorMessage error={update.error} />}
    </header>
  );
}
