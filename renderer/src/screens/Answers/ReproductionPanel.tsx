import { CheckCircle2, ChevronLeft, ChevronRight, FlaskConical } from 'lucide-react';
import { useEffect, useState, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import {
  findNodes,
  nodeText,
  type AnswerDocument,
  type DocNode,
  type StepNode,
} from '@shared/answers/document';
import { mediaUrl } from '../../api/client';
import { useApi } from '../../api/hooks';
import { Button, Card } from '../../components';
import type { EditorHandle } from '../../editor/AnswerEditor';
import { UPDATE_STEP_COMMAND } from '../../editor/plugins/StepsPlugin';

const part = (step: StepNode, type: DocNode['type']) => {
  const node = step.children.find((c) => c.type === type);
  return node ? nodeText(node) : '';
};

/**
 * Reproduction mode: the vendor walks the steps one by one on their own copy of the tool and
 * marks each verified with the version used; the answer then reads "verified with version X".
 */
export function ReproductionPanel({
  doc,
  handleRef,
  onClose,
}: {
  doc: AnswerDocument;
  handleRef: RefObject<EditorHandle | null>;
  onClose: () => void;
}) {
  const { t } = useTranslation('answers');
  const versions = useApi('answers:productVersions', {});
  const steps = findNodes(doc, 'kotae-step');
  const [index, setIndex] = useState(0);
  const [version, setVersion] = useState<string | null>(null);
  const [verifiedNow, setVerifiedNow] = useState<Set<string>>(new Set());
  const chosenVersion = version ?? versions.data?.current ?? '';
  const step = steps[index];
  const finished = index >= steps.length;

  // Show the step being walked in the editor.
  useEffect(() => {
    const id = step?.stepId;
    const el = id ? document.querySelector<HTMLElement>(`.k-step[data-step-id="${CSS.escape(id)}"]`) : null;
    el?.classList.add('is-reproducing');
    el?.scrollIntoView({ block: 'center', behavior: 'smooth' });
    return () => el?.classList.remove('is-reproducing');
  }, [step?.stepId]);

  const mark = (ok: boolean) => {
    const editor = handleRef.current?.editor;
    if (!step || !editor) return;
    editor.dispatchCommand(UPDATE_STEP_COMMAND, {
      stepId: step.stepId,
      // "Does not work" leaves its mark on the step (with the version), so it is fixed before sending.
      patch: ok
        ? { verified: { version: chosenVersion, at: new Date().toISOString() }, failed: null }
        : { verified: null, failed: { version: chosenVersion, at: new Date().toISOString() } },
    });
    setVerifiedNow((prev) => {
      const next = new Set(prev);
      if (ok) next.add(step.stepId);
      else next.delete(step.stepId);
      return next;
    });
    setIndex((i) => i + 1);
  };

  return (
    <Card title={t('repro.title')} className="k-repro">
      <div data-testid="reproduction-panel">
        {steps.length === 0 ? (
          <p>{t('repro.noSteps')}</p>
        ) : finished ? (
          <div className="k-repro__done">
            <CheckCircle2 size={28} aria-hidden />
            <p>
              {t('repro.finished', {
                verified: verifiedNow.size,
                total: steps.length,
                version: chosenVersion,
              })}
            </p>
          </div>
        ) : (
          <>
            <p className="k-repro__intro">{t('repro.intro')}</p>
            <label className="k-field">
              <span className="k-field__label">{t('repro.version')}</span>
              <input
                className="k-input"
                list="k-repro-versions"
                value={chosenVersion}
                onChange={(e) => setVersion(e.target.value)}
              />
              <datalist id="k-repro-versions">
                {versions.data?.versions.map((v) => (
                  <option key={v} value={v} />
                ))}
              </datalist>
            </label>
            <div className="k-repro__step" data-testid="reproduction-step">
              <div className="k-repro__count">{t('repro.stepOf', { n: index + 1, total: steps.length })}</div>
              <div className="k-repro__action">{part(step!, 'kotae-step-action')}</div>
              <div className="k-repro__expected">
                <div className="k-repro__label">{t('repro.expected')}</div>
                <div>{part(step!, 'kotae-step-expected')}</div>
              </div>
              {step!.screenshot && (
                <img
                  className="k-repro__shot"
                  src={mediaUrl(step!.screenshot.sha256)}
                  alt={step!.screenshot.alt}
                />
              )}
            </div>
            <div className="k-repro__buttons">
              <Button
                variant="primary"
                icon={<FlaskConical size={15} />}
                disabled={!chosenVersion.trim()}
                onClick={() => mark(true)}
              >
                {t('repro.verify')}
              </Button>
              <Button onClick={() => mark(false)}>{t('repro.notWorking')}</Button>
            </div>
            <div className="k-repro__nav">
              <Button
                size="sm"
                variant="ghost"
                icon={<ChevronLeft size={14} />}
                disabled={index === 0}
                onClick={() => setIndex((i) => i - 1)}
              >
                {t('repro.back')}
              </Button>
              <Button size="sm" variant="ghost" onClick={() => setIndex((i) => i + 1)}>
                {t('repro.skip')} <ChevronRight size={14} />
              </Button>
            </div>
          </>
        )}
        <div className="k-repro__close">
          <Button size="sm" onClick={onClose}>
            {finished ? t('repro.close') : t('repro.cancel')}
          </Button>
        </div>
      </div>
    </Card>
  );
}
