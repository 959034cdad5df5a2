import { useCallback } from 'react';
import { call } from '../../api/client';
import { useJob } from '../../jobs/useJob';

/**
 * The publication job of this window: started here, or found running when the screen opens (the
 * job outlives the screen).
 */
export function usePublishJob() {
  const publish = useJob('publish', { adopt: true });
  const startJob = publish.start;
  const start = useCallback(async () => {
    await startJob(() => call('faq:publish', {}));
  }, [startJob]);
  return {
    job: publish.job,
    result: publish.result,
    running: publish.running,
    start,
    cancel: publish.cancel,
    dismiss: publish.reset,
    startError: publish.startError,
  };
}
