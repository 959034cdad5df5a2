import { createEditor } from 'lexical';
import { describe, expect, it } from 'vitest';
import { demoAnswers } from '../../../../resources/demo/answers';
import {
  documentOf,
  options,
  paragraph,
  resolution,
  step,
  type AnswerDocument,
} from '../../../../shared/answers/document';
import { editorNodes } from './index';

// The editor must read and write exactly the stored shapes of shared/answers/document.ts: the
// bundle exporter, the FAQ and the checks read them without Lexical.

function roundTrip(doc: AnswerDocument): unknown {
  const editor = createEditor({
    nodes: editorNodes,
    onError: (e) => {
      throw e;
    },
  });
  editor.setEditorState(editor.parseEditorState(JSON.stringify(doc)));
  return editor.getEditorState().toJSON();
}

describe('editor nodes', () => {
  for (const answer of demoAnswers) {
    it(`read and write the demo answer “${answer.title}” unchanged`, () => {
      expect(roundTrip(answer.doc)).toEqual(answer.doc);
    });
  }

  it('keep every property of steps, images, videos, options and the summary', () => {
    const doc = documentOf([
      paragraph('Intro'),
      step('Do', 'See', {
        stepId: 's1',
        verified: { version: '4.2.1', at: '2026-11-23T09:00:00.000Z' },
        screenshot: { sha256: 'a'.repeat(64), ext: 'png', alt: 'shot' },
        videoLink: { clipId: 3, timeS: 12.5 },
        capabilityIds: [9, 12],
      }),
      options([
        { title: 'A', pros: 'p', cons: 'c' },
        { title: 'B', pros: 'p2', cons: 'c2' },
      ]),
      resolution({ cause: 'c', done: 'd', remains: 'r', resolved: 'y', prevention: 'p' }, false),
      { type: 'kotae-image', version: 1, sha256: 'b'.repeat(64), ext: 'jpg', alt: 'pic' } as never,
      { type: 'kotae-video', version: 1, clipId: 7, title: 'Clip' } as never,
    ]);
    expect(roundTrip(doc)).toEqual(doc);
  });
});
