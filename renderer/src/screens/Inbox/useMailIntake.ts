import { useEffect, useRef, useState } from 'react';
import type { ImportReport } from '@shared/api/intake';
import type { JobState } from '@shared/domain/job';
import { call } from '../../api/client';
import { useApi } from '../../api/hooks';
import type { ScreenProps } from '../../shell/ScreenView';
import { useJob } from '../../hooks/useJob';

export interface FinishedImport {
  report: ImportReport | null;
  job: JobState;
}

/** One mail import at a time from the Inbox: start it (drop, dialog), follow it, keep its report. */
export function useMailIntake(navigate: ScreenProps['navigate']) {
  const [jobId, setJobId] = useState<string | null>(null);
  const [startError, setStartError] = useState<unknown>(null);
  const [finished, setFinished] = useState<FinishedImport | null>(null);
  // Files dropped while an import runs wait for it, then go in as the next import: never lost.
  const queue = useRef<string[]>([]);
  const [queued, setQueued] = useState(0);
  const job = useJob(jobId);
  const running = job?.status === 'running';
  const live = useApi('intake:report', { jobId: jobId ?? '' }, { enabled: running, refetchInterval: 500 });

  const start = async (begin: () => Promise<{ jobId: string } | null>) => {
    setStartError(null);
    setFinished(null);
    try {
      const started = await begin();
      if (started) setJobId(started.jobId);
    } catch (err) {
      setStartError(err);
    }
  };

  useEffect(() => {
    if (!jobId || !job || job.status === 'running') return;
    let current = true;
    void call('intake:report', { jobId }).then((report) => {
      if (!current) return;
      setFinished({ report, job });
      setJobId(null);
      if (queue.current.length) {
        const paths = queue.current.splice(0);
        setQueued(0);
        void start(() => call('intake:import', { paths }));
        return;
      }
      // One mail dropped: open the question it went to, as a person would next.
      const landed = report?.items.filter((i) => i.questionId !== null) ?? [];
      if (report && landed.length === 1 && report.rejected === 0) navigate('inbox', landed[0]!.questionId!);
    });
    return () => {
      current = false;
    };
  }, [job, jobId, navigate]);

  return {
    job: running ? job : null,
    liveReport: running ? (live.data ?? null) : null,
    finished,
    startError,
    busy: jobId !== null,
    queued,
    importPaths: (paths: string[]) => {
      if (jobId === null) return start(() => call('intake:import', { paths }));
      queue.current.push(...paths);
      setQueued(queue.current.length);
      return Promise.resolve();
    },
    chooseFiles: () => start(() => call('intake:chooseImport', {})),
    cancel: () => (jobId ? call('jobs:cancel', { id: jobId }) : Promise.resolve(null)),
    dismiss: () => {
      setFinished(null);
      setStartError(null);
    },
  };
}

export type MailIntake = ReturnType<typeof useMailIntake>;
