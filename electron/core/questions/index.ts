export { getQuestion, listQuestions, type QuestionFilter } from './queries';
export { questionHandlers } from './handlers';
