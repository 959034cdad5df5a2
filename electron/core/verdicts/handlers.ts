import type { Handlers } from '../api';
import type { Studio } from '../studio';
import { dismissOffer, questionVerdicts } from './queries';

type VerdictChannel = 'verdicts:forQuestion' | 'verdicts:dismissOffer';

export function verdictHandlers(studio: Studio): Handlers<VerdictChannel> {
  return {
    'verdicts:forQuestion': ({ questionId }) => questionVerdicts(studio.library().db, questionId),
    'verdicts:dismissOffer': ({ id }) => {
      const verdict = dismissOffer(studio.writableLibrary(), id);
      studio.changed('questions');
      return verdict;
    },
  };
}
