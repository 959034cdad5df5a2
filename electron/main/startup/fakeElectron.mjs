// A recording stand-in for the `electron` module, for the start-up smoke test (startup.test.ts).
// The Electron binary cannot run on our build machines; this lets the BUILT main bundle
// (out/main/index.js) start under plain Node and records what it asks of Electron, in order.
// It is as strict as Electron where order matters (read against Electron 45's docs and source):
// privileged schemes only before `ready` and only once; protocol handlers, sessions, windows and
// dialogs only after it; one handler per IPC channel.
import { EventEmitter } from 'node:events';

export const calls = [];
const record = (api, args = []) => calls.push({ api, args, afterReady: state.ready });
const state = { ready: false, readyResolvers: [] };

function requireReady(api) {
  if (!state.ready) throw new Error(`${api} can only be used after the app is ready (Electron refuses it)`);
}

class App extends EventEmitter {
  isPackaged = false;
  paths = new Map();
  requestSingleInstanceLock() {
    record('app.requestSingleInstanceLock');
    return true;
  }
  quit() {
    record('app.quit');
    this.emit('quit-called');
  }
  whenReady() {
    return state.ready ? Promise.resolve() : new Promise((r) => state.readyResolvers.push(r));
  }
  isReady() {
    return state.ready;
  }
  setPath(name, value) {
    record('app.setPath', [name, value]);
    this.paths.set(name, value);
  }
  getPath(name) {
    const value = this.paths.get(name);
    if (!value) throw new Error(`getPath(${name}) is not set in the stand-in`);
    return value;
  }
  getLocale() {
    return 'en-US';
  }
  getVersion() {
    return '0.0.0-startup-test';
  }
  getAppPath() {
    return process.cwd();
  }
}
export const app = new App();

/** Test control: Electron's `ready`. */
export function emitReady() {
  state.ready = true;
  record('(ready)');
  for (const resolve of state.readyResolvers.splice(0)) resolve();
  app.emit('ready');
}

export const protocolHandlers = new Map();
let schemesRegistered = false;
export const protocol = {
  registerSchemesAsPrivileged(schemes) {
    record('protocol.registerSchemesAsPrivileged', [schemes]);
    if (state.ready) throw new Error('registerSchemesAsPrivileged must be called before the app is ready');
    if (schemesRegistered) throw new Error('registerSchemesAsPrivileged can be called only once');
    schemesRegistered = true;
  },
  handle(scheme, handler) {
    record('protocol.handle', [scheme]);
    requireReady('protocol.handle');
    if (protocolHandlers.has(scheme)) throw new Error(`scheme ${scheme} is already handled`);
    protocolHandlers.set(scheme, handler);
  },
};

export const sessionHandlers = {};
const defaultSession = {
  setPermissionRequestHandler(handler) {
    record('session.setPermissionRequestHandler');
    sessionHandlers.permissionRequest = handler;
  },
  setPermissionCheckHandler(handler) {
    record('session.setPermissionCheckHandler');
    sessionHandlers.permissionCheck = handler;
  },
  setDisplayMediaRequestHandler(handler, options) {
    record('session.setDisplayMediaRequestHandler', [options]);
    sessionHandlers.displayMedia = handler;
  },
};
export const session = {
  get defaultSession() {
    requireReady('session.defaultSession');
    return defaultSession;
  },
};

export const ipcHandlers = new Map();
export const ipcMain = {
  handle(channel, handler) {
    if (ipcHandlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    ipcHandlers.set(channel, handler);
  },
  on() {},
};

class WebContents extends EventEmitter {
  url = '';
  sent = [];
  windowOpenHandler = null;
  send(channel, payload) {
    this.sent.push({ channel, payload });
  }
  getURL() {
    return this.url;
  }
  setWindowOpenHandler(handler) {
    this.windowOpenHandler = handler;
  }
}

export const windows = [];
export class BrowserWindow extends EventEmitter {
  static getAllWindows() {
    return windows.filter((w) => !w.destroyed);
  }
  constructor(options) {
    super();
    record('new BrowserWindow', [options]);
    requireReady('new BrowserWindow');
    this.options = options;
    this.webContents = new WebContents();
    this.destroyed = false;
    windows.push(this);
    app.emit('web-contents-created', {}, this.webContents);
  }
  loadURL(url) {
    record('win.loadURL', [url]);
    this.webContents.url = url;
    return Promise.resolve();
  }
  show() {}
  focus() {}
  restore() {}
  isMinimized() {
    return false;
  }
}

export const errorBoxes = [];
export const dialog = {
  showErrorBox(title, content) {
    record('dialog.showErrorBox', [title, content]);
    errorBoxes.push({ title, content });
  },
  async showOpenDialog() {
    requireReady('dialog.showOpenDialog');
    return { canceled: true, filePaths: [] };
  },
  async showSaveDialog() {
    requireReady('dialog.showSaveDialog');
    return { canceled: true, filePath: '' };
  },
  async showMessageBox() {
    requireReady('dialog.showMessageBox');
    return { response: 0, checkboxChecked: false };
  },
};

export const Menu = {
  buildFromTemplate(template) {
    return { template };
  },
  setApplicationMenu(menu) {
    record('Menu.setApplicationMenu', [menu ? menu.template.length : null]);
  },
};

export const shell = {
  opened: [],
  async openExternal(url) {
    shell.opened.push(url);
  },
  showItemInFolder() {},
  async openPath() {
    return '';
  },
};

export const desktopCapturer = {
  async getSources() {
    return [
      { id: 'window:7:0', name: 'Editor' },
      { id: 'screen:1:0', name: 'Entire screen' },
    ];
  },
};

export const systemPreferences = {
  getMediaAccessStatus() {
    return 'granted';
  },
};

// As on a Linux desktop without a keyring: encryption is "available" through the basic_text
// backend, whose password is hard-coded in Chromium (so the app must not rely on it). Electron 45
// deprecates the synchronous API for the asynchronous one (removed in 46).
export const safeStorage = {
  async isAsyncEncryptionAvailable() {
    requireReady('safeStorage.isAsyncEncryptionAvailable');
    record('safeStorage.isAsyncEncryptionAvailable');
    return true;
  },
  getSelectedStorageBackend() {
    record('safeStorage.getSelectedStorageBackend');
    return state.ready ? 'basic_text' : 'unknown';
  },
  async encryptStringAsync() {
    throw new Error('the basic_text backend protects nothing: the app must not use it');
  },
  async decryptStringAsync() {
    throw new Error('the basic_text backend protects nothing: the app must not use it');
  },
  isEncryptionAvailable() {
    throw new Error('deprecated in Electron 45 (removed in 46): use isAsyncEncryptionAvailable');
  },
  encryptString() {
    throw new Error('deprecated in Electron 45 (removed in 46): use encryptStringAsync');
  },
  decryptString() {
    throw new Error('deprecated in Electron 45 (removed in 46): use decryptStringAsync');
  },
};

export const net = {
  fetch() {
    throw new Error('net.fetch is not used: our protocols answer from files themselves');
  },
};

export default {
  app,
  protocol,
  session,
  ipcMain,
  BrowserWindow,
  dialog,
  Menu,
  shell,
  desktopCapturer,
  systemPreferences,
  safeStorage,
  net,
};
