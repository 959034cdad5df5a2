// The answer renderer's public face: the one renderer (render/answerHtml.ts) and its text twin
// for mail (render/answerText.ts), with the escaping template they are built on (shared/html).
export { renderAnswerHtml, type AnswerFrame, type RenderedAnswerHtml } from './render/answerHtml';
export { renderAnswerText, resolutionText } from './render/answerText';
export { videoBlock, clock, type ClipView, type ClipChapterView, type VideoFrame } from './render/video';
export { answerWords, type AnswerWords } from './render/words';
export { escapeHtml, safeHref, html, trusted, joinHtml, Html, type HtmlValue } from '../html/html';
