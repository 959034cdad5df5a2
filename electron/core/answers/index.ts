export { getAnswer, listAnswers } from './queries';
export { answerHandlers } from './handlers';
