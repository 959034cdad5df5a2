import type { Handlers } from '../api/types';
import type { Studio } from '../studio';
import { getAnswer, listAnswers } from './queries';

export function answerHandlers(studio: Studio): Handlers<'answers:list' | 'answers:get'> {
  return {
    'answers:list': () => listAnswers(studio.library().db),
    'answers:get': ({ id }) => getAnswer(studio.library().db, id),
  };
}
