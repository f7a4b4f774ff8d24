import { EventEmitter } from 'node:events';

type Handler = (...args: unknown[]) => unknown;

export class FakeWebContents extends EventEmitter {
  mainFrame = { url: '' };
  loaded: string[] = [];
  windowOpenHandler: Handler | null = null;
  crashedOnPurpose = 0;
  forcefullyCrashRenderer(): void {
    this.crashedOnPurpose += 1;
  }
  setWindowOpenHandler(handler: Handler): void {
    this.windowOpenHandler = handler;
  }
  loadURL(url: string): Promise<void> {
    this.loaded.push(url);
    this.mainFrame.url = url;
    return Promise.resolve();
  }
}

/**
 * Just enough of Electron's main-process API for the bundled main.cjs to run in Node, with
 * every call recorded: Electron's binary cannot be installed here, and the glue still
 * deserves to be run once.
 */
export function fakeElectron() {
  const app = new EventEmitter();
  const recorded = {
    switches: [] as [string, string][],
    handlers: new Map<string, Handler>(),
    windows: [] as FakeWindow[],
    headersListener: null as Handler | null,
    permissionRequest: null as Handler | null,
    permissionCheck: null as Handler | null,
    applicationMenu: undefined as unknown,
    exposed: new Map<string, unknown>(),
    invoked: [] as unknown[][],
  };
  class FakeWindow extends EventEmitter {
    webContents = new FakeWebContents();
    constructor(public options: Record<string, unknown>) {
      super();
      recorded.windows.push(this);
      app.emit('web-contents-created', {}, this.webContents);
    }
    loadURL(url: string) {
      return this.webContents.loadURL(url);
    }
    show() {}
    isDestroyed() {
      return false;
    }
  }
  const electron = {
    app: Object.assign(app, {
      requestSingleInstanceLock: () => true,
      quit: () => undefined,
      exit: () => undefined,
      getPath: () => '/nonexistent-user-data',
      getVersion: () => '9.9.9',
      isPackaged: true,
      commandLine: {
        appendSwitch: (name: string, value: string) => recorded.switches.push([name, value]),
      },
      whenReady: () => Promise.resolve(),
    }),
    BrowserWindow: FakeWindow,
    Menu: { setApplicationMenu: (menu: unknown) => (recorded.applicationMenu = menu) },
    dialog: {
      showErrorBox: (_title: string, message: string) => {
        throw new Error(message);
      },
    },
    ipcMain: {
      handle: (channel: string, handler: Handler) => recorded.handlers.set(channel, handler),
    },
    session: {
      defaultSession: {
        webRequest: {
          onHeadersReceived: (listener: Handler) => (recorded.headersListener = listener),
        },
        setPermissionRequestHandler: (handler: Handler) => (recorded.permissionRequest = handler),
        setPermissionCheckHandler: (handler: Handler) => (recorded.permissionCheck = handler),
        setDevicePermissionHandler: () => undefined,
      },
    },
    // the preload's side
    contextBridge: {
      exposeInMainWorld: (key: string, api: unknown) => recorded.exposed.set(key, api),
    },
    ipcRenderer: {
      invoke: (...args: unknown[]) => {
        recorded.invoked.push(args);
        return Promise.resolve('answered');
      },
    },
  };
  return { electron, recorded };
}
