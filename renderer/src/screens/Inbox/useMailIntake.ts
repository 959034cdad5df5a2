import { useEffect, useState } from 'react';
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
  const job = useJob(jobId);
  const running = job?.status === 'running';
  const live = useApi('intake:report', { jobId: jobId ?? '' }, { enabled: running, refetchInterval: 500 });

  useEffect(() => {
    if (!jobId || !job || job.status === 'running') return;
    let current = true;
    void call('intake:report', { jobId }).then((report) => {
      if (!current) return;
      setFinished({ report, job });
      setJobId(null);
      // One mail dropped: open the question it went to, as a person would next.
      const landed = report?.items.filter((i) => i.questionId !== null) ?? [];
      if (report && landed.length === 1 && report.rejected === 0) navigate('inbox', landed[0]!.questionId!);
    });
    return () => {
      current = false;
    };
  }, [job, jobId, navigate]);

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

  return {
    job: running ? job : null,
    liveReport: running ? (live.data ?? null) : null,
    finished,
    startError,
    busy: jobId !== null,
    importPaths: (paths: string[]) => start(() => call('intake:import', { paths })),
    chooseFiles: () => start(() => call('intake:chooseImport', {})),
    cancel: () => (jobId ? call('jobs:cancel', { id: jobId }) : Promise.resolve(null)),
    dismiss: () => {
      setFinished(null);
      setStartError(null);
    },
  };
}

export type MailIntake = ReturnType<typeof useMailIntake>;
