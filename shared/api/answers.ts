import { z } from 'zod';
import {
  AnswerDetail,
  AnswerSummary,
  AnswerKind,
  AnswerSuggestion,
  AnswerTitle,
  ClipChoice,
  Revision,
  RevisionSummary,
  SaveResult,
  StoredImage,
  Template,
  TemplateInput,
} from '../domain/answer';
import { AnswerDocumentInput } from '../answers/validate';
import { CheckContext, CheckReport, CheckRules } from '../domain/checks';
import { Id, Language } from '../domain/common';
import { ListPage, PageRequest } from '../domain/listPage';
import { AnswerRecheck, RecheckItem } from '../domain/release';
import { AnswerFeedback } from '../domain/verdict';
import { defineChannels } from './channel';

/** 25 MB of image as base64 (4 characters per 3 bytes). */
const MAX_IMAGE_BASE64 = Math.ceil((25 * 1024 * 1024) / 3) * 4;

// Writing answers (issue 5): the list, the editor's autosave and save points, revisions, the questions
// an answer serves, pasted screenshots, snippets (templates:), the answer checks with their rule list
// (checks:), and what releases and customers' verdicts say of an answer (issue 22).
export const answerChannels = defineChannels({
  'answers:list': { input: z.object({ ...PageRequest }), output: ListPage(AnswerSummary) },
  'answers:get': { input: z.object({ id: z.number().int() }), output: AnswerDetail },
  'answers:create': {
    input: z.object({
      title: AnswerTitle,
      language: Language,
      kind: AnswerKind.default('answer'),
      /** The question it answers, linked at once. */
      questionId: Id.optional(),
    }),
    output: AnswerDetail,
  },
  /**
   * Autosave of the working copy; revisions are made at save points, not per keystroke. A document
   * that fails the schema is refused as DOCUMENT_INVALID, naming the node, and nothing is saved.
   */
  'answers:save': { input: z.object({ id: Id, doc: AnswerDocumentInput }), output: SaveResult },
  'answers:update': {
    input: z.object({
      id: Id,
      title: AnswerTitle.optional(),
      kind: AnswerKind.optional(),
      language: Language.optional(),
      isPublic: z.boolean().optional(),
    }),
    output: AnswerDetail,
  },
  /** A save point (Ctrl+S): keeps the working copy as the next revision, with an optional note. */
  'answers:saveRevision': {
    input: z.object({ id: Id, note: z.string().trim().max(500).default('') }),
    output: z.object({ revision: RevisionSummary, created: z.boolean() }),
  },
  'answers:revisions': { input: z.object({ id: Id }), output: z.array(RevisionSummary) },
  'answers:revision': { input: z.object({ id: Id, revision: z.number().int() }), output: Revision },
  'answers:restoreRevision': {
    input: z.object({ id: Id, revision: z.number().int() }),
    output: AnswerDetail,
  },
  'answers:linkQuestion': { input: z.object({ id: Id, questionId: Id }), output: AnswerDetail },
  'answers:unlinkQuestion': { input: z.object({ id: Id, questionId: Id }), output: AnswerDetail },
  /** Existing answers that may fit a question (the same answer serves the next customer). */
  'answers:suggest': {
    input: z.object({ questionId: Id, limit: z.number().int().min(1).max(50).default(5) }),
    output: z.array(AnswerSuggestion),
  },
  'answers:checkContext': { input: z.object({ id: Id }), output: CheckContext },
  /** The checks as `kotae check` prints them, for send and publish steps. */
  'answers:check': { input: z.object({ id: Id }), output: CheckReport },
  /** A pasted or dropped screenshot: stored content-addressed in the media folder. */
  'answers:storeImage': {
    input: z.object({
      name: z.string().max(255).default('screenshot.png'),
      dataBase64: z.string().min(1).max(MAX_IMAGE_BASE64),
    }),
    output: StoredImage,
  },
  'answers:clipChoices': { input: z.object({}), output: z.array(ClipChoice) },
  /** Versions of the product, newest first, for marking steps verified. */
  'answers:productVersions': {
    input: z.object({}),
    output: z.object({ current: z.string(), versions: z.array(z.string()) }),
  },
  /** Every answer still to re-check: public ones first, then those sent most often. */
  'answers:stale': { input: z.object({}), output: z.array(RecheckItem) },
  /** The re-checks one answer still needs (its banner in the Answers screen). */
  'answers:rechecks': { input: z.object({ id: Id }), output: z.array(AnswerRecheck) },
  /** Sent, solved and not solved, per answer (the Answers and Publish screens). */
  'answers:feedback': {
    input: z.object({ ids: z.array(Id).max(100_000) }),
    output: z.array(AnswerFeedback),
  },
  'templates:list': { input: z.object({}), output: z.array(Template) },
  'templates:save': { input: TemplateInput, output: Template },
  'templates:delete': { input: z.object({ id: Id }), output: z.object({ deleted: z.boolean() }) },
  'checks:rules': { input: z.object({}), output: z.object({ rules: CheckRules, custom: z.boolean() }) },
  'checks:saveRules': {
    input: z.object({ rules: CheckRules.nullable() }),
    output: z.object({ rules: CheckRules, custom: z.boolean() }),
  },
});
