import type { Handlers } from '../api/types';
import type { Studio } from '../studio';
import { getQuestion, listQuestions } from './queries';

export function questionHandlers(studio: Studio): Handlers<'questions:list' | 'questions:get'> {
  return {
    'questions:list': (filter) => listQuestions(studio.library().db, filter),
    'questions:get': ({ id }) => getQuestion(studio.library().db, id),
  };
}
