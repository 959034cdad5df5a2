// Customer verdicts (issue 22): "Solved" / "Not yet" from a bundle or FAQ page, come back by mail,
// recognised at intake, recorded against the answer revision and the customer's question.
export { recogniseVerdict, type VerdictDecision, type RefusedReason } from './recognise';
export { recordVerdict, logRefusedVerdict } from './record';
export { questionVerdicts, answerFeedback, dismissOffer, getVerdict } from './queries';
export { verdictMails } from './pageMail';
export { verdictSectionHtml, type VerdictSectionOptions } from './pageSection';
export { verdictHandlers } from './handlers';
