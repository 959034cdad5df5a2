import { useEffect, useRef, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import { ErrorMessage, useToast } from '../../components';
import type { EditorHandle } from '../../editor/AnswerEditor';
import { $findStep } from '../../editor/plugins/StepsPlugin';
import { useJob } from '../../jobs/useJob';

/**
 * "Pictures from the video": takes each linked step's picture from the answer's rendered videos as
 * a job, then puts them into the steps in one editor update, so one undo takes them all out again.
 */
export function useStepPictures(answerId: number, handleRef: RefObject<EditorHandle | null>) {
  const { t } = useTranslation(['answers', 'common']);
  const toast = useToast();
  const pictures = useJob('stepPictures');
  // Each finished job is put into the editor once, however often the screen renders after it.
  const handled = useRef<string | null>(null);
  const { job, result, startError } = pictures;

  useEffect(() => {
    if (!job || job.status === 'running' || handled.current === job.id) return;
    handled.current = job.id;
    if (!result) {
      if (job.error && job.status !== 'cancelled')
        toast.show(<ErrorMessage error={job.error} />, { tone: 'danger' });
      return;
    }
    let placed = 0;
    handleRef.current?.editor?.update(() => {
      for (const picture of result.pictures) {
        const node = $findStep(picture.stepId);
        if (!node) continue;
        node.setProps({ screenshot: picture.screenshot });
        placed++;
      }
    });
    for (const s of result.skipped) {
      toast.show(
        t(s.reason === 'stale' ? 'stepPictures.stale' : 'stepPictures.notRendered', { title: s.title }),
        {
          tone: 'warning',
        },
      );
    }
    toast.show(placed ? t('stepPictures.done', { count: placed }) : t('stepPictures.none'), {
      tone: placed ? 'ok' : 'neutral',
    });
  }, [job, result, handleRef, t, toast]);

  useEffect(() => {
    if (startError !== null) toast.show(<ErrorMessage error={startError} />, { tone: 'danger' });
  }, [startError, toast]);

  const start = pictures.start;
  return {
    taking: pictures.running,
    take: () => void start(() => call('clips:stepPictures', { answerId })),
  };
}
