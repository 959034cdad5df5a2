import { KotaeError, toAppError, type Result } from '../../shared/errors';
import { dispatch, type DispatchOptions, type HandlerTable } from '../core/api';
import { isTrustedSender, type SenderFrame } from './policy';

/**
 * What ipcMain runs for every call, without Electron so it can be tested under Node: the sender must
 * be the main frame of our own page (checked before the input is even looked at), then dispatch
 * validates the channel and the input with the channel's zod schema.
 */
export function invokeFromWindow(
  handlers: HandlerTable,
  channel: string,
  frame: SenderFrame | null | undefined,
  input: unknown,
  isTrustedUrl: (url: string) => boolean,
  options: DispatchOptions = {},
): Promise<Result<unknown>> {
  if (!isTrustedSender(frame, isTrustedUrl)) {
    return Promise.resolve({
      ok: false,
      error: toAppError(new KotaeError('FORBIDDEN_SENDER', { channel: String(channel).slice(0, 100) })),
    });
  }
  return dispatch(handlers, channel, input, options);
}
