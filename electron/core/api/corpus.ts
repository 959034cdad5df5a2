import type { Channel, Input } from '../../../shared/api';

// The extremely-long-text corpus (issue 9): 5 MB of text (ASCII and Japanese) in every text input
// of the API, and a few lists of absurd length. Each case names its channel, the input (built
// from the ids of the demo library) and the outcome: accepted and stored, or refused by the
// channel's zod schema naming the field (an answer document: by its own check, naming the problem). `corpus.test.ts` sends each through dispatch with the
// real handlers, as the window does. (Questions and customers arrive by mail import: their
// corpus is in electron/core/intake once that service is merged, see README.)

export const FIVE_MB_ASCII = 'a'.repeat(5 * 1024 * 1024);
/** 5 MB of UTF-8: 1.7 million three-byte characters. */
export const FIVE_MB_JAPANESE = '答'.repeat(Math.floor((5 * 1024 * 1024) / 3));

export interface LongTextContext {
  answerId: number;
}

export type LongTextOutcome =
  | 'accepted'
  | { rejected: 'INVALID_INPUT'; field: string }
  /** An answer document is refused by its own check, which says what is wrong where (issue 15). */
  | { rejected: 'DOCUMENT_INVALID'; problem: 'tooLong' | 'tooManyNodes' };

export interface LongTextCase<C extends Channel = Channel> {
  name: string;
  channel: C;
  input: (ctx: LongTextContext) => Input<C>;
  expected: LongTextOutcome;
}

function paragraph(text: string) {
  return {
    type: 'paragraph',
    version: 1,
    direction: null,
    format: '',
    indent: 0,
    textFormat: 0,
    textStyle: '',
    children: [{ type: 'text', version: 1, text, detail: 0, format: 0, mode: 'normal', style: '' }],
  };
}

export function answerDoc(children: unknown[]) {
  return { root: { type: 'root' as const, version: 1, direction: null, format: '', indent: 0, children } };
}

const c = <C extends Channel>(x: LongTextCase<C>): LongTextCase => x as unknown as LongTextCase;

export const longTextCorpus: LongTextCase[] = [
  c({ name: 'answer title of 5 MB', channel: 'answers:create', input: () => ({ title: FIVE_MB_ASCII, language: 'en' }), expected: { rejected: 'INVALID_INPUT', field: 'title' } }),
  c({ name: 'answer title of 5 MB of Japanese, on update', channel: 'answers:update', input: (x) => ({ id: x.answerId, title: FIVE_MB_JAPANESE }), expected: { rejected: 'INVALID_INPUT', field: 'title' } }),
  c({ name: 'answer title at its limit (300 characters)', channel: 'answers:update', input: (x) => ({ id: x.answerId, title: '長'.repeat(300) }), expected: 'accepted' }),
  c({ name: 'answer text of 5 MB in one paragraph', channel: 'answers:save', input: (x) => ({ id: x.answerId, doc: answerDoc([paragraph(FIVE_MB_ASCII)]) }), expected: { rejected: 'DOCUMENT_INVALID', problem: 'tooLong' } }),
  c({ name: 'answer text of 5 MB of Japanese', channel: 'answers:save', input: (x) => ({ id: x.answerId, doc: answerDoc([paragraph(FIVE_MB_JAPANESE)]) }), expected: { rejected: 'DOCUMENT_INVALID', problem: 'tooLong' } }),
  c({ name: 'answer of 100,000 empty paragraphs', channel: 'answers:save', input: (x) => ({ id: x.answerId, doc: answerDoc(Array.from({ length: 100_000 }, () => paragraph(''))) }), expected: { rejected: 'DOCUMENT_INVALID', problem: 'tooManyNodes' } }),
  c({ name: 'answer text of 300,000 Japanese characters (long but fair)', channel: 'answers:save', input: (x) => ({ id: x.answerId, doc: answerDoc([paragraph('手順を確認します。'.repeat(33_000))]) }), expected: 'accepted' }),
  c({ name: 'revision note of 5 MB', channel: 'answers:saveRevision', input: (x) => ({ id: x.answerId, note: FIVE_MB_ASCII }), expected: { rejected: 'INVALID_INPUT', field: 'note' } }),
  c({ name: 'template body of 5 MB', channel: 'templates:save', input: () => ({ kind: 'snippet', language: 'ja', name: 'x', body: FIVE_MB_JAPANESE }), expected: { rejected: 'INVALID_INPUT', field: 'body' } }),
  c({ name: 'template name of 5 MB', channel: 'templates:save', input: () => ({ kind: 'snippet', language: 'ja', name: FIVE_MB_ASCII, body: 'x' }), expected: { rejected: 'INVALID_INPUT', field: 'name' } }),
  c({ name: 'pasted image name of 5 MB', channel: 'answers:storeImage', input: () => ({ name: FIVE_MB_ASCII, dataBase64: 'AAAA' }), expected: { rejected: 'INVALID_INPUT', field: 'name' } }),
  c({ name: 'clip title of 5 MB', channel: 'clips:update', input: () => ({ id: 1, edit: { title: FIVE_MB_ASCII, answerId: null, segments: [{ startS: 0, endS: 1 }], chapters: [], captions: [], renderMode: 'accurate', options: { resolution: 'source', targetSizeMb: null, burnCaptions: false } } }), expected: { rejected: 'INVALID_INPUT', field: 'edit.title' } }),
  c({ name: 'vendor name of 5 MB', channel: 'vendor:update', input: () => ({ name: FIVE_MB_JAPANESE }), expected: { rejected: 'INVALID_INPUT', field: 'name' } }),
  c({ name: 'vendor website of 5 MB', channel: 'vendor:update', input: () => ({ website: FIVE_MB_ASCII }), expected: { rejected: 'INVALID_INPUT', field: 'website' } }),
  c({ name: 'FAQ title of 5 MB', channel: 'faq:updateSettings', input: () => ({ title: FIVE_MB_ASCII }), expected: { rejected: 'INVALID_INPUT', field: 'title' } }),
  c({ name: 'FAQ address of 5 MB', channel: 'faq:updateSettings', input: () => ({ siteUrl: `https://${FIVE_MB_ASCII}` }), expected: { rejected: 'INVALID_INPUT', field: 'siteUrl' } }),
  c({ name: 'privacy finding key of 5 MB', channel: 'faq:decide', input: (x) => ({ subject: 'answer', subjectId: x.answerId, kind: 'email', key: FIVE_MB_ASCII, decision: 'redact' }), expected: { rejected: 'INVALID_INPUT', field: 'key' } }),
  c({ name: 'search query of 5 MB', channel: 'search:global', input: () => ({ query: FIVE_MB_JAPANESE }), expected: { rejected: 'INVALID_INPUT', field: 'query' } }),
  c({ name: 'search query at its limit (500 characters)', channel: 'search:global', input: () => ({ query: '検索'.repeat(250) }), expected: 'accepted' }),
  c({ name: 'library path of 5 MB', channel: 'library:open', input: () => ({ path: `/${FIVE_MB_ASCII}` }), expected: { rejected: 'INVALID_INPUT', field: 'path' } }),
  c({ name: 'ffmpeg path of 5 MB in the settings', channel: 'settings:update', input: () => ({ ffmpegPath: `/${FIVE_MB_ASCII}` }), expected: { rejected: 'INVALID_INPUT', field: 'ffmpegPath' } }),
  c({ name: 'job id of 5 MB', channel: 'jobs:cancel', input: () => ({ id: FIVE_MB_ASCII }), expected: { rejected: 'INVALID_INPUT', field: 'id' } }),
  c({ name: 'recording type of 5 MB', channel: 'recording:start', input: () => ({ mimeType: FIVE_MB_ASCII }), expected: { rejected: 'INVALID_INPUT', field: 'mimeType' } }),
  c({ name: 'a status filter listing 1,000,000 statuses', channel: 'questions:list', input: () => ({ status: Array.from({ length: 1_000_000 }, () => 'received' as const) }), expected: { rejected: 'INVALID_INPUT', field: 'status' } }),
];
