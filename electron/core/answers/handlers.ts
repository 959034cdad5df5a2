import { pickLocale } from '../../../shared/i18n';
import type { Handlers } from '../api';
import { answerRechecks, staleAnswers } from '../releases';
import type { Studio } from '../studio';
import { answerFeedback } from '../verdicts';
import { checkContext, checkReport, loadCheckRules, saveCheckRules } from './checks';
import { clipChoices, productVersions } from './clips';
import { storeImage } from './images';
import { getAnswer, listAnswers } from './queries';
import { getRevision, listRevisions, restoreRevision, saveRevision } from './revisions';
import { createAnswer, linkQuestion, saveAnswerDoc, unlinkQuestion, updateAnswer } from './service';
import { suggestAnswersForQuestion } from './suggest';
import { deleteTemplate, listTemplates, saveTemplate } from './templates';

type AnswerChannel =
  | 'answers:list'
  | 'answers:get'
  | 'answers:create'
  | 'answers:save'
  | 'answers:update'
  | 'answers:saveRevision'
  | 'answers:revisions'
  | 'answers:revision'
  | 'answers:restoreRevision'
  | 'answers:linkQuestion'
  | 'answers:unlinkQuestion'
  | 'answers:suggest'
  | 'answers:checkContext'
  | 'answers:check'
  | 'answers:storeImage'
  | 'answers:clipChoices'
  | 'answers:productVersions'
  | 'answers:stale'
  | 'answers:rechecks'
  | 'answers:feedback'
  | 'templates:list'
  | 'templates:save'
  | 'templates:delete'
  | 'checks:rules'
  | 'checks:saveRules';

export function answerHandlers(studio: Studio): Handlers<AnswerChannel> {
  const changed = <T>(value: T, ...entities: string[]): T => {
    studio.changed(...entities);
    return value;
  };
  return {
    'answers:list': (window) => listAnswers(studio.library().db, window),
    'answers:get': ({ id }) => getAnswer(studio.library().db, id),
    'answers:create': (input) =>
      changed(createAnswer(studio.writableLibrary(), input), 'answers', 'questions'),
    // The autosave tells no other window (the editor that saved is the one showing it), unless it
    // cleared or reopened a release's re-check: Settings, Publish and the Answers filter count those.
    'answers:save': ({ id, doc }) =>
      saveAnswerDoc(studio.writableLibrary(), id, doc, () => studio.changed('answers', 'releases')),
    'answers:update': ({ id, ...patch }) =>
      changed(updateAnswer(studio.writableLibrary(), id, patch), 'answers'),
    'answers:saveRevision': ({ id, note }) => saveRevision(studio.writableLibrary(), id, note),
    'answers:revisions': ({ id }) => listRevisions(studio.library(), id),
    'answers:revision': ({ id, revision }) => getRevision(studio.library(), id, revision),
    'answers:restoreRevision': ({ id, revision }) =>
      changed(restoreRevision(studio.writableLibrary(), id, revision), 'answers'),
    'answers:linkQuestion': ({ id, questionId }) =>
      changed(linkQuestion(studio.writableLibrary(), id, questionId), 'answers', 'questions'),
    'answers:unlinkQuestion': ({ id, questionId }) =>
      changed(unlinkQuestion(studio.writableLibrary(), id, questionId), 'answers', 'questions'),
    'answers:suggest': ({ questionId, limit }) =>
      suggestAnswersForQuestion(studio.library().db, questionId, limit),
    'answers:checkContext': ({ id }) => checkContext(studio.library(), id),
    'answers:check': ({ id }) =>
      checkReport(
        studio.library(),
        id,
        pickLocale(studio.settings.get().language, studio.options.systemLocale),
      ),
    'answers:storeImage': ({ name, dataBase64 }) => storeImage(studio.writableLibrary(), name, dataBase64),
    'answers:clipChoices': () => clipChoices(studio.library()),
    'answers:productVersions': () => productVersions(studio.library()),
    'answers:stale': () => staleAnswers(studio.library().db),
    'answers:rechecks': ({ id }) => answerRechecks(studio.library().db, id),
    'answers:feedback': ({ ids }) => answerFeedback(studio.library().db, ids),
    'templates:list': () => listTemplates(studio.library()),
    'templates:save': (input) => changed(saveTemplate(studio.writableLibrary(), input), 'templates'),
    'templates:delete': ({ id }) => changed(deleteTemplate(studio.writableLibrary(), id), 'templates'),
    'checks:rules': () => loadCheckRules(studio.library()),
    'checks:saveRules': ({ rules }) => changed(saveCheckRules(studio.writableLibrary(), rules), 'checks'),
  };
}
