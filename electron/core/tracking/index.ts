export { changeStatus, reopenOnCustomerReply, reopenOnNotSolved, type StatusChange } from './status';
export { draftMessage, sendDraft, questionContact, markDraftSent } from './drafts';
export {
  listMessageTemplates,
  saveMessageTemplate,
  resetMessageTemplate,
  getMessageTemplate,
} from './templates';
export { workLogCsv, workLogRows, workLogColumns } from './workLog';
export { trackingHandlers } from './handlers';
export { firstCheckpoint, localDay } from './firstCheckpoint';
