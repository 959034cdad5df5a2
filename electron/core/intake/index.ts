// Intake: how a question enters the studio (by hand, pasted, .eml/.mbox files, `kotae import`).
export { intakeHandlers } from './handlers';
export { importMail, type ImportMailOptions } from './importMail';
export { createQuestionByHand } from './newQuestion';
export { questionThread } from './thread';
export { intakeLimits, type IntakeLimits } from './limits';
export { sanitiseMailHtml, htmlToPlainText } from './sanitize';
