import { useCallback, useEffect, useRef, useState } from 'react';
import type { ImportReport } from '@shared/api/intake';
import type { JobState } from '@shared/domain/job';
import { call } from '../../api/client';
import { useApi } from '../../api/hooks';
import type { ScreenProps } from '../../shell/ScreenView';
import { useJob } from '../../jobs/useJob';

export interface FinishedImport {
  report: ImportReport | null;
  job: JobState;
}

/** One mail import at a time from the Inbox: start it (drop, dialog), follow it, keep its report. */
export function useMailIntake(navigate: ScreenProps['navigate']) {
  const [finished, setFinished] = useState<FinishedImport | null>(null);
  // Files dropped while an import runs wait for it, then go in as the next import: never lost.
  const queue = useRef<string[]>([]);
  const [queued, setQueued] = useState(0);
  const mail = useJob('import');
  const job = mail.job;
  const jobId = job?.id ?? null;
  const running = mail.running;
  const live = useApi(
    'intake:report',
    { jobId: jobId ?? '' },
    { enabled: running && jobId !== null, refetchInterval: 500 },
  );
  const startJob = mail.start;
  const resetJob = mail.reset;

  const start = useCallback(
    async (begin: () => Promise<{ jobId: string } | null>) => {
      setFinished(null);
      await startJob(begin);
    },
    [startJob],
  );

  useEffect(() => {
    if (!job || job.status === 'running') return;
    let current = true;
    // The report, also of a cancelled import (a cancelled job has no result).
    void call('intake:report', { jobId: job.id }).then((report) => {
      if (!current) return;
      setFinished({ report, job });
      resetJob();
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
  }, [job, navigate, resetJob, start]);

  const busy = running || job !== null;
  return {
    job: running ? job : null,
    liveReport: running ? (live.data ?? null) : null,
    finished,
    startError: mail.startError,
    busy,
    queued,
    importPaths: (paths: string[]) => {
      if (!busy) return start(() => call('intake:import', { paths }));
      queue.current.push(...paths);
      setQueued(queue.current.length);
      return Promise.resolve();
    },
    chooseFiles: () => start(() => call('intake:chooseImport', {})),
    cancel: () => mail.cancel(),
    dismiss: () => {
      setFinished(null);
      resetJob();
    },
  };
}

export type MailIntake = ReturnType<typeof useMailIntake>;
