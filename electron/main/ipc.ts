import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import { channelNames } from '../../shared/api';
import { KotaeError, toAppError } from '../../shared/errors';
import { dispatch, type HandlerTable } from '../core/api';
import { isTrustedSender } from './policy';

/**
 * Registers the handler table on ipcMain. Before any argument is read, the sender must be the main
 * frame of one of our windows showing our own page (VS Code's rule); then dispatch validates input.
 */
export function registerIpc(handlers: HandlerTable, isTrustedUrl: (url: string) => boolean): void {
  for (const channel of channelNames) {
    ipcMain.handle(channel, async (event: IpcMainInvokeEvent, input: unknown) => {
      if (!isTrustedSender(event.senderFrame, isTrustedUrl)) {
        return { ok: false, error: toAppError(new KotaeError('FORBIDDEN_SENDER', { channel })) };
      }
      return dispatch(handlers, channel, input, {
        onInternalError: (ch, err) => console.error(`[ipc] ${ch} failed`, err),
      });
    });
  }
}
