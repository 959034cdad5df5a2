import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import { channelNames } from '../../shared/api';
import type { HandlerTable } from '../core/api';
import { invokeFromWindow } from './invoke';

/**
 * Registers the handler table on ipcMain. Before any argument is read, the sender must be the main
 * frame of one of our windows showing our own page (VS Code's rule); then dispatch validates input.
 */
export function registerIpc(handlers: HandlerTable, isTrustedUrl: (url: string) => boolean): void {
  for (const channel of channelNames) {
    ipcMain.handle(channel, (event: IpcMainInvokeEvent, input: unknown) =>
      invokeFromWindow(handlers, channel, event.senderFrame, input, isTrustedUrl, {
        onInternalError: (ch, err) => console.error(`[ipc] ${ch} failed`, err),
      }),
    );
  }
}
