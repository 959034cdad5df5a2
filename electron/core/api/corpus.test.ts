import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isReadableRefusal, useTempDir, testDialogs } from '../testing';
import { Studio } from '../studio';
import { answerDoc, longTextCorpus, type LongTextContext } from './corpus';
import { dispatch } from './dispatch';
import { createHandlers } from './handlers';
import type { HandlerTable } from './types';

// Runs the extremely-long-text corpus (corpus.ts) through dispatch with the real handlers on a
// demo library, as the window would: refused inputs come back as INVALID_INPUT naming the field
// (and change nothing), accepted ones are stored and read back whole.

const tempDir = useTempDir('kotae-longtext-');
let studio: Studio;
let handlers: HandlerTable;
let ctx: LongTextContext;

beforeAll(async () => {
  const { mkdtempSync } = await import('node:fs');
  const os = await import('node:os');
  studio = new Studio({
    userDataDir: mkdtempSync(path.join(os.tmpdir(), 'kotae-longtext-user-')),
    systemLocale: 'en-US',
    shell: 'harness',
    appVersion: '0.0.0',
    platform: 'linux',
    dialogs: testDialogs(),
  });
  studio.start();
  handlers = createHandlers(studio);
  const answers = await dispatch(handlers, 'answers:list', {});
  if (!answers.ok) throw new Error('no answers');
  ctx = { answerId: (answers.value as { items: { id: number }[] }).items[0]!.id };
});

afterAll(async () => {
  await studio.close();
});

void tempDir;

describe('extremely long text through the API', () => {
  for (const c of longTextCorpus) {
    const outcome =
      c.expected === 'accepted'
        ? 'accepted'
        : `rejected (${c.expected.rejected === 'INVALID_INPUT' ? c.expected.field : c.expected.problem})`;
    it(`${c.name} (${c.channel}): ${outcome}`, async () => {
      const before = await dispatch(handlers, 'answers:get', { id: ctx.answerId });
      const input = c.input(ctx);
      const result = await dispatch(handlers, c.channel, input);
      if (c.expected === 'accepted') {
        expect(result, JSON.stringify(result).slice(0, 300)).toMatchObject({ ok: true });
        if (c.channel === 'answers:save') {
          const saved = await dispatch(handlers, 'answers:get', { id: ctx.answerId });
          const text = JSON.stringify((input as { doc: unknown }).doc).match(/"text":"([^"]+)"/)![1]!;
          expect(saved.ok && JSON.stringify(saved.value)).toContain(text);
          // Put the demo answer back for the cases after this one.
          if (before.ok) await dispatch(handlers, 'answers:save', { id: ctx.answerId, doc: (before.value as { doc: unknown }).doc ?? answerDoc([]) });
        }
        return;
      }
      expect(result).toMatchObject({ ok: false, error: { code: c.expected.rejected } });
      if (!result.ok) {
        if (c.expected.rejected === 'INVALID_INPUT')
          expect(result.error.detail).toMatch(new RegExp(`^${c.expected.field.replace(/\./g, '\\.')}[.:]`));
        else expect(result.error.params).toMatchObject({ place: 'document', problem: c.expected.problem });
        // The detail names the field and the limit, and stays short whatever the input was.
        expect(result.error.detail!.length).toBeLessThan(1000);
        expect(isReadableRefusal(result.error)).toBe(true);
      }
      expect(await dispatch(handlers, 'answers:get', { id: ctx.answerId })).toEqual(before);
    });
  }
});
