// The answers service: answers and their revisions, the questions they serve, screenshots pasted
// into them, snippets, and the answer checks.
export { getAnswer, listAnswers, latestRevisionDoc } from './queries';
export {
  createAnswer,
  saveAnswerDoc,
  updateAnswer,
  linkQuestion,
  unlinkQuestion,
  SESSION_GAP_MS,
  type NewAnswer,
  type AnswerPatch,
} from './service';
export { listRevisions, getRevision, saveRevision, restoreRevision } from './revisions';
export { suggestAnswersForQuestion } from './suggest';
export { checkContext, checkReport, loadCheckRules, saveCheckRules, defaultCheckRules } from './checks';
export { storeImage, imageInfo, type ImageInfo } from './images';
export { listTemplates, saveTemplate, deleteTemplate, checkTemplateBody } from './templates';
export { checkedDocument, storedDocument } from './documents';
export { clipChoices, productVersions } from './clips';
export { answerHandlers } from './handlers';
