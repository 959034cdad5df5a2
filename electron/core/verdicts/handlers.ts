import type { Handlers } from '../api';
import type { Studio } from '../studio';
import { answerFeedback, dismissOffer, questionVerdicts } from './queries';

type VerdictChannel = 'answers:feedback' | 'verdicts:forQuestion' | 'verdicts:dismissOffer';

export function verdictHandlers(studio: Studio): Handlers<VerdictChannel> {
  return {
    'answers:feedback': ({ ids }) => answerFeedback(studio.library().db, ids),
    'verdicts:forQuestion': ({ questionId }) => questionVerdicts(studio.library().db, questionId),
    'verdicts:dismissOffer': ({ id }) => {
      const verdict = dismissOffer(studio.writableLibrary(), id);
      studio.changed('questions');
      return verdict;
    },
  };
}
