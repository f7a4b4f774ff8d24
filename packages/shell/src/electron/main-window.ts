import { join } from 'node:path';
import { app, BrowserWindow, Menu } from 'electron';
import { identityArguments } from '../bridge-contract';
import type { ShellConfig } from '../config';
import { startUrl } from '../config';
import { createCrashPolicy } from '../crash-policy';
import { CRASH_PAGE_HTML } from '../crash-page';

/**
 * One window with the app from the hub (`hub`, the active one of the building's); kiosk and
 * display take the whole screen, locked.
 */
export function createMainWindow(config: ShellConfig, hub: string): BrowserWindow {
  const locked = config.app !== 'counter';
  if (locked) Menu.setApplicationMenu(null);
  const window = new BrowserWindow({
    kiosk: locked,
    fullscreen: locked,
    autoHideMenuBar: true,
    backgroundColor: '#ffffff',
    show: false,
    webPreferences: {
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      spellcheck: false,
      devTools: !app.isPackaged,
      autoplayPolicy: 'no-user-gesture-required',
      preload: join(__dirname, 'preload.cjs'),
      additionalArguments: identityArguments(config.app, app.getVersion()),
    },
  });
  window.once('ready-to-show', () => window.show());
  void window.loadURL(startUrl(config, hub));
  return window;
}

const RETRY_LOAD_MS = 5_000;
const HUNG_RENDERER_MS = 15_000;

/** A crashed renderer comes back after a short delay; a crash loop ends on a plain notice. */
export function setupCrashRecovery(
  window: BrowserWindow,
  config: ShellConfig,
  hub: () => string,
): void {
  const policy = createCrashPolicy();
  const contents = window.webContents;
  contents.on('render-process-gone', (_event, details) => {
    if (details.reason === 'clean-exit' || window.isDestroyed()) return;
    const decision = policy.onCrash(Date.now());
    if (decision.action === 'give_up') {
      void contents.loadURL(`data:text/html;charset=utf-8,${encodeURIComponent(CRASH_PAGE_HTML)}`);
      return;
    }
    setTimeout(
      () => !window.isDestroyed() && void contents.loadURL(startUrl(config, hub())),
      decision.delayMs,
    );
  });
  // A renderer that hangs (not crashes) is ended after a while; the crash path then reloads it.
  let hung: NodeJS.Timeout | undefined;
  window.on('unresponsive', () => {
    hung ??= setTimeout(() => {
      hung = undefined;
      contents.forcefullyCrashRenderer();
    }, HUNG_RENDERER_MS);
  });
  window.on('responsive', () => {
    clearTimeout(hung);
    hung = undefined;
  });
  // The hub may still be starting when the kiosk boots: keep trying instead of a blank screen.
  contents.on('did-fail-load', (_event, _code, _description, url, isMainFrame) => {
    if (!isMainFrame || url.startsWith('data:')) return;
    setTimeout(
      () => !window.isDestroyed() && void contents.loadURL(startUrl(config, hub())),
      RETRY_LOAD_MS,
    );
  });
}
