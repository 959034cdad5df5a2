import type { Handlers } from '../api';
import type { Studio } from '../studio';
import { changeStatus } from '../tracking';
import { inboxCounts, listInboxGroup, listQuestions } from './list';
import { getQuestion } from './queries';

export function questionHandlers(
  studio: Studio,
): Handlers<
  'questions:list' | 'questions:inbox' | 'questions:inboxCounts' | 'questions:get' | 'questions:changeStatus'
> {
  return {
    'questions:list': (filter) => listQuestions(studio.library().db, filter),
    'questions:inbox': ({ group, today, offset, limit }) =>
      listInboxGroup(studio.library().db, group, today, { offset, limit }),
    'questions:inboxCounts': ({ today }) => inboxCounts(studio.library().db, today),
    'questions:get': ({ id }) => getQuestion(studio.library().db, id),
    'questions:changeStatus': (input) => {
      const result = changeStatus(studio.writableLibrary(), input);
      studio.changed('questions', 'log');
      return result;
    },
  };
}
