import { Camera, Play, RotateCcw, Trash2, Wand2 } from 'lucide-react';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { findNodes, nodeText, type AnswerDocument } from '@shared/answers/document';
import { outputChapters } from '@shared/clips/timeline';
import type { Chapter, ClipEdit } from '@shared/domain/clip';
import { useApi } from '../../api/hooks';
import { Card, IconButton, SelectField, TextArea } from '../../components';
import { RecordPicker } from '../../components/RecordPicker';
import { timecode } from './timecode';

export interface StepOption {
  stepId: string;
  n: number;
  action: string;
  text: string;
}

/** The steps of an answer, in order, with the words a caption would use. */
export function stepsOf(doc: AnswerDocument | undefined): StepOption[] {
  if (!doc) return [];
  return findNodes(doc, 'kotae-step').map((s, i) => {
    const action = s.children[0] ? nodeText(s.children[0]).trim() : '';
    const expected = s.children[1] ? nodeText(s.children[1]).trim() : '';
    return { stepId: s.stepId, n: i + 1, action, text: [action, expected].filter(Boolean).join('\n') };
  });
}

function ChapterRow({
  chapter,
  index,
  caption,
  steps,
  onChange,
  onCaption,
  onRemove,
  onJump,
  currentS,
  onJumpTo,
  outputS,
}: {
  chapter: Chapter;
  index: number;
  /** Where the chapter starts in the rendered video (after the cuts); null when it is cut away. */
  outputS: number | null;
  caption: string;
  steps: StepOption[];
  onChange: (patch: Partial<Chapter>) => void;
  onCaption: (text: string) => void;
  onRemove: () => void;
  onJump: () => void;
  currentS: number;
  onJumpTo: (s: number) => void;
}) {
  const { t } = useTranslation('videos');
  const step = steps.find((s) => s.stepId === chapter.stepId);
  return (
    <li className="k-chapter" data-testid="chapter">
      <div className="k-chapter__head">
        <span className="k-chapter__n">{index + 1}</span>
        <input
          className="k-input k-chapter__title"
          aria-label={t('chapters.name')}
          value={chapter.title}
          onChange={(e) => onChange({ title: e.target.value })}
          data-testid="chapter-title"
        />
        {/* The time the customer's player shows first (issue 17); the recording's time is what the
            timeline above shows, so it stays beside it when the cuts moved the chapter. */}
        <span className="k-chapter__time" data-testid="chapter-time">
          {outputS === null ? (
            <span className="k-chapter__cut">{t('chapters.cutAway')}</span>
          ) : (
            <span className="mono">{t('chapters.startsAt', { time: timecode(outputS, false) })}</span>
          )}
          {(outputS === null || timecode(outputS, false) !== timecode(chapter.startS, false)) && (
            <span className="faint mono k-chapter__source">
              {' '}
              {t('chapters.inRecording', { time: timecode(chapter.startS) })}
            </span>
          )}
        </span>
        <IconButton label={t('chapters.jump')} icon={<Play size={14} />} onClick={onJump} />
        <IconButton label={t('chapters.remove')} icon={<Trash2 size={14} />} onClick={onRemove} />
      </div>
      <div className="k-chapter__body">
        {steps.length > 0 && (
          <SelectField
            label={t('chapters.step')}
            value={chapter.stepId ?? ''}
            options={[
              { value: '', label: t('chapters.noStep') },
              ...steps.map((s) => ({
                value: s.stepId,
                label: t('chapters.stepLabel', { n: s.n, text: s.action.slice(0, 60) }),
              })),
            ]}
            onChange={(e) => {
              const chosen = steps.find((s) => s.stepId === e.target.value) ?? null;
              onChange({
                stepId: chosen?.stepId ?? null,
                // A chapter still named "Chapter n" takes the step's action as its title.
                ...(chosen && /^\S+ \d+$|^チャプター \d+$/.test(chapter.title)
                  ? { title: chosen.action.slice(0, 120) }
                  : {}),
              });
              if (chosen && !caption.trim()) onCaption(chosen.text);
            }}
            data-testid="chapter-step"
          />
        )}
        <TextArea
          label={t('chapters.caption')}
          hint={t('chapters.captionHint')}
          rows={2}
          value={caption}
          onChange={(e) => onCaption(e.target.value)}
          data-testid="chapter-caption"
        />
        {step && step.text !== caption && (
          <button type="button" className="k-btn k-btn--ghost k-btn--sm" onClick={() => onCaption(step.text)}>
            <Wand2 size={13} /> {t('chapters.fromStep')}
          </button>
        )}
        {chapter.stepId && (
          // The frame the answer's "Pictures from the video" puts into the linked step.
          <div className="k-chapter__picture" data-testid="chapter-picture">
            <span className="k-field__label">{t('chapters.picture')}</span>
            {chapter.pictureS === null ? (
              <span className="faint">{t('chapters.pictureDefault')}</span>
            ) : (
              <button type="button" className="k-link mono" onClick={() => onJumpTo(chapter.pictureS!)}>
                {t('chapters.pictureAt', { time: timecode(chapter.pictureS) })}
              </button>
            )}
            <IconButton
              label={t('chapters.pictureHere', { time: timecode(currentS) })}
              icon={<Camera size={14} />}
              onClick={() => onChange({ pictureS: currentS })}
              data-testid="chapter-picture-here"
            />
            {chapter.pictureS !== null && (
              <IconButton
                label={t('chapters.pictureReset')}
                icon={<RotateCcw size={14} />}
                onClick={() => onChange({ pictureS: null })}
              />
            )}
          </div>
        )}
      </div>
    </li>
  );
}

/** Chapters on the timeline, each optionally showing a step of the answer, with its caption. */
export function ChaptersPanel({
  edit,
  change,
  onJump,
  currentS,
}: {
  edit: ClipEdit;
  change: (update: (e: ClipEdit) => ClipEdit) => void;
  onJump: (c: Chapter) => void;
  durationS: number;
  /** The frame on screen: what "use this frame" picks for a step's picture. */
  currentS: number;
}) {
  const { t } = useTranslation('videos');
  // The latest answers to choose from at once; any other by typing part of its title.
  const latest = useApi('answers:list', { limit: 8 });
  const answer = useApi('answers:get', { id: edit.answerId ?? 0 }, { enabled: edit.answerId !== null });
  const steps = useMemo(
    () => (edit.answerId !== null ? stepsOf(answer.data?.doc) : []),
    [answer.data, edit.answerId],
  );
  const captions = new Map(edit.captions.map((c) => [c.chapterId, c.text]));
  const sorted = [...edit.chapters].sort((a, b) => a.startS - b.startS);
  // The same mapping the render and every output use: a chapter in a removed part, or after the out
  // point, or on the same output moment as a later one, is not in the video.
  const output = new Map(outputChapters(edit.segments, edit.chapters).map((c) => [c.id, c.startS]));

  const patchChapter = (id: string, patch: Partial<Chapter>) =>
    change((e) => ({ ...e, chapters: e.chapters.map((c) => (c.id === id ? { ...c, ...patch } : c)) }));
  const setCaption = (id: string, text: string) =>
    change((e) => ({
      ...e,
      captions: [...e.captions.filter((c) => c.chapterId !== id), ...(text ? [{ chapterId: id, text }] : [])],
    }));

  return (
    <Card title={t('chapters.title')} className="k-chapters">
      <RecordPicker
        kind="answer"
        label={t('chapters.answer')}
        placeholder={t('chapters.noAnswer')}
        value={edit.answerId === null ? null : { id: edit.answerId, title: answer.data?.title ?? '…' }}
        recent={(latest.data?.items ?? []).map((a) => ({ id: a.id, title: a.title }))}
        onChange={(picked) => {
          const answerId = picked?.id ?? null;
          change((x) => ({
            ...x,
            answerId,
            chapters: x.chapters.map((c) => ({ ...c, stepId: answerId === x.answerId ? c.stepId : null })),
          }));
        }}
        testId="clip-answer"
      />
      {sorted.length === 0 ? (
        <p className="faint">{t('chapters.empty')}</p>
      ) : (
        <ol className="k-chapter-list">
          {sorted.map((c, i) => (
            <ChapterRow
              key={c.id}
              chapter={c}
              index={i}
              caption={captions.get(c.id) ?? ''}
              steps={steps}
              onChange={(patch) => patchChapter(c.id, patch)}
              onCaption={(text) => setCaption(c.id, text)}
              onRemove={() =>
                change((e) => ({
                  ...e,
                  chapters: e.chapters.filter((x) => x.id !== c.id),
                  captions: e.captions.filter((x) => x.chapterId !== c.id),
                }))
              }
              onJump={() => onJump(c)}
              currentS={currentS}
              onJumpTo={(startS) => onJump({ ...c, startS })}
              outputS={output.get(c.id) ?? null}
            />
          ))}
        </ol>
      )}
    </Card>
  );
}
