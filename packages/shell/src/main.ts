import { app, session } from 'electron';
import { setupConfig } from './electron/load-config';
import { createMainWindow, setupCrashRecovery } from './electron/main-window';
import { setupPrintIpc } from './electron/print-ipc';
import { setupCommandLine, setupNavigationLock, setupSession } from './electron/security';

// The Electron main process of the kiosk, counter and display: a short list of setups.
if (!app.requestSingleInstanceLock()) app.quit();
const config = setupConfig();
setupCommandLine();
setupNavigationLock(config);
setupPrintIpc(config);
void app.whenReady().then(() => {
  setupSession(session.defaultSession, config);
  setupCrashRecovery(createMainWindow(config), config);
});
app.on('window-all-closed', () => app.quit());
