import { contextBridge, ipcRenderer, webUtils } from 'electron';
import type { KotaeBridge } from '../../shared/api';
import { eventNames } from '../../shared/api/eventNames';

// Exposes exactly one object, window.kotae: a proxy over ipcRenderer for our channels and events.
// No logic here: the main process refuses unknown channels and validates every input.
const knownEvents = new Set<string>(eventNames);

const bridge: KotaeBridge = {
  invoke(channel, input) {
    return ipcRenderer.invoke(channel, input);
  },
  on(event, listener) {
    if (!knownEvents.has(event)) throw new Error(`unknown event ${String(event)}`);
    const wrapped = (_e: Electron.IpcRendererEvent, payload: unknown) => listener(payload as never);
    ipcRenderer.on(event, wrapped);
    return () => {
      ipcRenderer.removeListener(event, wrapped);
    };
  },
  mediaUrl(sha256) {
    return `kotae-media://media/${encodeURIComponent(sha256)}`;
  },
  pathForFile(file) {
    return webUtils.getPathForFile(file);
  },
};

contextBridge.exposeInMainWorld('kotae', bridge);
