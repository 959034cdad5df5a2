import { useQueryClient } from '@tanstack/react-query';
import { $getRoot, $setState } from 'lexical';
import { Component, useCallback, useLayoutEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { checkAnswer, readerLevel } from '@shared/answers/checks';
import { findNodes, type AnswerDocument } from '@shared/answers/document';
import { PUBLIC_TITLE_STATE, nodeState } from '@shared/answers/publicVersion';
import { answerVerification } from '@shared/answers/verification';
import type { AnswerDetail, SaveResult, Template } from '@shared/domain/answer';
import { call } from '../../api/client';
import { queryKey, useApi, useApiMutation } from '../../api/hooks';
import { Button, Dialog, DocumentView, ErrorMessage, useToast } from '../../components';
import { AnswerEditor, type EditorHandle } from '../../editor/AnswerEditor';
import type { SaveState } from '../../editor/autosave';
import { publicTitleState } from '../../editor/nodeState';
import { trackSave } from '../../editor/pendingSaves';
import { useHotkey } from '../../hooks/useHotkey';
import { AnswerHeader } from './AnswerHeader';
import { ChecksPanel } from './ChecksPanel';
import { HistoryDialog } from './HistoryDialog';
import { QuestionsCard } from './QuestionsCard';
import { FeedbackCard } from './FeedbackCard';
import { RecheckBanner } from './RecheckBanner';
import { ReproductionPanel } from './ReproductionPanel';
import { RulesDialog } from './RulesDialog';
import { useStepPictures } from './useStepPictures';

const noSnippets: Template[] = [];

/** A document Lexical cannot read is shown read-only rather than lost or overwritten. */
class EditorBoundary extends Component<{ fallback: ReactNode; children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };
  static getDerivedStateFromError() {
    return { failed: true };
  }
  override render() {
    return this.state.failed ? this.props.fallback : this.props.children;
  }
}

function mediaIn(doc: AnswerDocument): string[] {
  return [
    ...findNodes(doc, 'kotae-image').map((i) => i.sha256),
    ...findNodes(doc, 'kotae-step').flatMap((s) => (s.screenshot ? [s.screenshot.sha256] : [])),
  ];
}

/** The public title kept in the document (root node state), or '' when there is none. */
function publicTitleIn(doc: AnswerDocument): string {
  const value = nodeState(doc.root)[PUBLIC_TITLE_STATE];
  return typeof value === 'string' ? value : '';
}

/** One answer open for writing: header, editor, and beside it the checks and linked questions. */
export function AnswerWorkspace({ answer }: { answer: AnswerDetail }) {
  const { t } = useTranslation(['answers', 'common']);
  const toast = useToast();
  const queryClient = useQueryClient();
  const handleRef = useRef<EditorHandle | null>(null);
  const [generation, setGeneration] = useState(0);
  const [doc, setDoc] = useState(answer.doc);
  const [saveState, setSaveState] = useState<SaveState>('saved');
  const [saveError, setSaveError] = useState<unknown>(null);
  const [saveInfo, setSaveInfo] = useState<Pick<SaveResult, 'revision' | 'editedSinceRevision'>>({
    revision: answer.revision,
    editedSinceRevision: answer.editedSinceRevision,
  });
  const [panel, setPanel] = useState<'checks' | 'reproduce'>('checks');
  const [preview, setPreview] = useState(false);
  const [dialog, setDialog] = useState<'history' | 'rules' | 'public' | null>(null);
  const context = useApi('answers:checkContext', { id: answer.id });
  const templates = useApi('templates:list', {});
  const update = useApiMutation('answers:update');
  const refetchedFor = useRef(new Set<string>());

  const save = useCallback(
    async (next: AnswerDocument) => {
      const result = await trackSave(answer.id, call('answers:save', { id: answer.id, doc: next }));
      setSaveInfo({ revision: result.revision, editedSinceRevision: result.editedSinceRevision });
      void queryClient.invalidateQueries({ queryKey: queryKey('answers:list') });
      // A save that clears or reopens a release's re-check is announced by the core (data:changed).
    },
    [answer.id, queryClient],
  );
  const onSaveState = useCallback((state: SaveState, error?: unknown) => {
    setSaveState(state);
    setSaveError(state === 'error' ? error : null);
  }, []);
  const knownMedia = useRef<string[]>([]);
  useLayoutEffect(() => {
    knownMedia.current = context.data?.knownMedia ?? [];
  });
  const refetchContext = context.refetch;
  const onDocument = useCallback(
    (next: AnswerDocument) => {
      setDoc(next);
      // A screenshot pasted a moment ago is not in the check context yet: fetch it once.
      const known = new Set(knownMedia.current);
      const fresh = mediaIn(next).filter((sha) => !known.has(sha) && !refetchedFor.current.has(sha));
      if (fresh.length) {
        fresh.forEach((sha) => refetchedFor.current.add(sha));
        void refetchContext();
      }
    },
    [refetchContext],
  );

  const findings = useMemo(() => {
    if (!context.data) return [];
    const media = new Set(context.data.knownMedia);
    const clips = new Set(context.data.knownClips);
    return checkAnswer({
      doc,
      kind: answer.kind,
      language: answer.language,
      questions: context.data.questions,
      mediaExists: (sha) => media.has(sha),
      clipExists: (id) => clips.has(id),
      rules: context.data.rules,
    });
  }, [doc, answer.kind, answer.language, context.data]);
  const reader = useMemo(() => {
    const questions = context.data?.questions ?? [];
    const level = readerLevel(questions.map((q) => q.technicalLevel));
    const who = questions.find((q) => q.technicalLevel === level);
    return level ? { level, name: who?.customerName ?? '' } : null;
  }, [context.data]);

  const flush = async () => {
    await handleRef.current?.flush();
  };

  const stepPictures = useStepPictures(answer.id, handleRef);
  const takingPictures = stepPictures.taking;
  const takeStepPictures = stepPictures.take;

  const saveVersion = async () => {
    try {
      await flush();
      const { revision, created } = await call('answers:saveRevision', { id: answer.id, note: '' });
      setSaveInfo({ revision: revision.revision, editedSinceRevision: false });
      toast.show(
        created
          ? t('savedVersion', { revision: revision.revision })
          : t('noChange', { revision: revision.revision }),
        { tone: created ? 'ok' : 'neutral' },
      );
    } catch (err) {
      toast.show(<ErrorMessage error={err} />, { tone: 'danger' });
    }
  };
  useHotkey('mod+s', () => void saveVersion());

  const restore = async (revision: number, undoable = true) => {
    try {
      await flush();
      const restored = await call('answers:restoreRevision', { id: answer.id, revision });
      setDialog(null);
      setDoc(restored.doc);
      setSaveInfo({ revision: restored.revision, editedSinceRevision: false });
      setGeneration((g) => g + 1);
      queryClient.setQueryData(queryKey('answers:get', { id: answer.id }), restored);
      void queryClient.invalidateQueries({ queryKey: queryKey('answers:list') });
      toast.show(t('history.restored', { revision }), {
        tone: 'ok',
        ...(undoable
          ? { action: { label: t('common:undo'), run: () => void restore(restored.revision - 1, false) } }
          : {}),
      });
    } catch (err) {
      toast.show(<ErrorMessage error={err} />, { tone: 'danger' });
    }
  };

  const showBlock = (block: number) => {
    const editor = handleRef.current?.editor;
    if (!editor) return;
    const key = editor.getEditorState().read(() => $getRoot().getChildAtIndex(block)?.getKey());
    const el = key ? editor.getElementByKey(key) : null;
    if (!el) return;
    el.scrollIntoView({ block: 'center', behavior: 'smooth' });
    el.classList.add('k-flash');
    window.setTimeout(() => el.classList.remove('k-flash'), 1600);
  };

  const [isPublic, setIsPublic] = useState(answer.isPublic);
  const [storedPublic, setStoredPublic] = useState(answer.isPublic);
  if (storedPublic !== answer.isPublic) {
    setStoredPublic(answer.isPublic);
    setIsPublic(answer.isPublic);
  }
  const storePublic = (value: boolean) => {
    setIsPublic(value);
    update.mutate({ id: answer.id, isPublic: value }, { onError: () => setIsPublic(answer.isPublic) });
  };
  const setPublic = (value: boolean) => {
    if (value && findings.some((f) => f.severity === 'error')) setDialog('public');
    else storePublic(value);
  };

  const customerName = answer.questions[0]?.customerName ?? null;
  return (
    <div className="k-answer" data-testid="answer-detail">
      <AnswerHeader
        key={answer.title}
        answer={answer}
        isPublic={isPublic}
        publicTitle={publicTitleIn(doc)}
        saveState={saveState}
        saveInfo={saveInfo}
        verification={answerVerification(doc)}
        preview={preview}
        findings={findings}
        takingPictures={takingPictures}
        actions={{
          flush,
          onStepPictures: () => void takeStepPictures(),
          onSaveVersion: () => void saveVersion(),
          onHistory: () => void flush().then(() => setDialog('history')),
          onReproduce: () => setPanel((p) => (p === 'reproduce' ? 'checks' : 'reproduce')),
          onTogglePreview: () => setPreview((p) => !p),
          onPublicChange: setPublic,
          onPublicTitle: (value) =>
            handleRef.current?.editor.update(() => {
              $setState($getRoot(), publicTitleState, value);
            }),
        }}
      />
      {saveState === 'error' && <ErrorMessage error={saveError} />}
      <RecheckBanner
        answerId={answer.id}
        doc={doc}
        reproducing={panel === 'reproduce'}
        onReproduce={() => setPanel('reproduce')}
      />
      <div className="k-answer__body">
        <div className="k-answer__main">
          {preview && (
            <div className="k-answer__preview">
              <DocumentView doc={doc} language={answer.language} />
            </div>
          )}
          <div className="k-answer__editor" hidden={preview}>
            <EditorBoundary
              fallback={
                <>
                  <ErrorMessage error={{ code: 'INTERNAL', messageKey: 'answers:unreadable' }} />
                  <DocumentView doc={answer.doc} language={answer.language} />
                </>
              }
            >
              <AnswerEditor
                key={generation}
                initialDoc={doc}
                language={answer.language}
                snippets={templates.data ?? noSnippets}
                customerName={customerName}
                save={save}
                onSaveState={onSaveState}
                onDocument={onDocument}
                handleRef={handleRef}
              />
            </EditorBoundary>
          </div>
        </div>
        <aside className="k-answer__side">
          {panel === 'reproduce' ? (
            <ReproductionPanel doc={doc} handleRef={handleRef} onClose={() => setPanel('checks')} />
          ) : (
            <ChecksPanel
              findings={findings}
              reader={reader}
              onShow={showBlock}
              onEditRules={() => setDialog('rules')}
            />
          )}
          <QuestionsCard answer={answer} context={context.data} />
          <FeedbackCard answerId={answer.id} />
        </aside>
      </div>
      {dialog === 'history' && (
        <HistoryDialog
          answerId={answer.id}
          title={answer.title}
          current={doc}
          onClose={() => setDialog(null)}
          onRestore={(revision) => void restore(revision)}
        />
      )}
      {dialog === 'rules' && <RulesDialog onClose={() => setDialog(null)} />}
      <Dialog
        open={dialog === 'public'}
        title={t('publicConfirm.title')}
        onClose={() => setDialog(null)}
        footer={
          <>
            <Button onClick={() => setDialog(null)}>{t('common:cancel')}</Button>
            <Button
              variant="danger"
              onClick={() => {
                storePublic(true);
                setDialog(null);
              }}
            >
              {t('publicConfirm.confirm')}
            </Button>
          </>
        }
      >
        <p>{t('publicConfirm.text')}</p>
        {dialog === 'public' && (
          <ChecksPanel findings={findings.filter((f) => f.severity === 'error')} reader={null} />
        )}
      </Dialog>
    </div>
  );
}
