import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDir, testDialogs } from '../testing';
import { Studio } from '../studio';
import { createHandlers } from './handlers';
import { dispatch } from './dispatch';
import type { HandlerTable } from './types';

const tempDir = useTempDir();

const noDialogs = testDialogs();

function makeStudio(): Studio {
  const studio = new Studio({
    userDataDir: path.join(tempDir(), 'user'),
    systemLocale: 'ja-JP',
    shell: 'harness',
    appVersion: '0.0.0',
    platform: 'linux',
    dialogs: noDialogs,
  });
  studio.start();
  return studio;
}

describe('dispatch', () => {
  it('answers a known channel with the value, checked against its contract', async () => {
    const studio = makeStudio();
    const result = await dispatch(createHandlers(studio), 'questions:list', {});
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.value).toMatchObject({ total: 12, items: expect.any(Array) });
    await studio.close();
  });

  it('refuses an unknown channel before anything runs', async () => {
    const result = await dispatch({} as HandlerTable, 'fs:readFile', { path: '/etc/passwd' });
    expect(result).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
  });

  it('refuses input that breaks the schema, naming the field', async () => {
    const studio = makeStudio();
    const result = await dispatch(createHandlers(studio), 'questions:get', { id: 'one' });
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    if (!result.ok) expect(result.error.detail).toContain('id');
    await studio.close();
  });

  it('returns typed errors of the core as values', async () => {
    const studio = makeStudio();
    const result = await dispatch(createHandlers(studio), 'questions:get', { id: 9999 });
    expect(result).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', messageKey: 'errors:NOT_FOUND' } });
    await studio.close();
  });

  it('turns a crash in a handler into INTERNAL and reports it, without throwing', async () => {
    const reported: string[] = [];
    const handlers = {
      'app:info': () => {
        throw new Error('kaboom');
      },
    } as unknown as HandlerTable;
    const result = await dispatch(handlers, 'app:info', {}, { onInternalError: (ch) => reported.push(ch) });
    expect(result).toMatchObject({ ok: false, error: { code: 'INTERNAL', detail: 'kaboom' } });
    expect(reported).toEqual(['app:info']);
  });

  it('refuses an output that breaks the contract (a bug, not data)', async () => {
    const handlers = { 'app:info': () => ({ name: 42 }) } as unknown as HandlerTable;
    const result = await dispatch(handlers, 'app:info', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
  });
});
