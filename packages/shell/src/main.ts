import type { BrowserWindow } from 'electron';
import { app, session } from 'electron';
import { hubOrigins, startUrl } from './config';
import { setupConfig } from './electron/load-config';
import { createMainWindow, setupCrashRecovery } from './electron/main-window';
import { setupPrintIpc } from './electron/print-ipc';
import { setupCommandLine, setupNavigationLock, setupSession } from './electron/security';
import { createHubWatch, probeHubHealth } from './hub-watch';

// The Electron main process of the kiosk, counter and display: a short list of setups.
if (!app.requestSingleInstanceLock()) app.quit();
const config = setupConfig();
setupCommandLine();
setupNavigationLock(config);
setupPrintIpc(config);
void app.whenReady().then(async () => {
  setupSession(session.defaultSession, config);
  // On a cluster the building has several hubs: show the active one, follow a takeover.
  const shown: { window?: BrowserWindow } = {};
  const hubs = createHubWatch({
    urls: hubOrigins(config),
    probe: (url) => probeHubHealth(url),
    onMove: (url) => {
      const { window } = shown;
      if (window && !window.isDestroyed()) void window.loadURL(startUrl(config, url));
    },
  });
  const window = createMainWindow(config, await hubs.choose());
  shown.window = window;
  setupCrashRecovery(window, config, () => hubs.current);
  hubs.start();
});
app.on('window-all-closed', () => app.quit());
