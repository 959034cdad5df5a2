export { getQuestion } from './queries';
export { inboxCounts, listInboxGroup, listQuestions, type QuestionFilter, type Window } from './list';
export { questionHandlers } from './handlers';
