import type { Session, WebContents } from 'electron';
import { app } from 'electron';
import type { ShellConfig } from '../config';
import { hubOrigins } from '../config';
import {
  allowNavigation,
  allowPermission,
  allowWindowOpen,
  contentSecurityPolicy,
  isHubUrl,
} from '../navigation-policy';

/** Chromium switches that must be set before the app is ready. */
export function setupCommandLine(): void {
  // Displays announce calls and kiosks speak guidance without anyone touching first.
  app.commandLine.appendSwitch('autoplay-policy', 'no-user-gesture-required');
}

/** The CSP header on every hub response, and permissions denied unless the policy allows them. */
export function setupSession(session: Session, config: ShellConfig): void {
  const origins = hubOrigins(config);
  session.webRequest.onHeadersReceived((details, callback) => {
    if (!isHubUrl(details.url, origins)) return callback({});
    // Each hub's page may connect to its own origin only.
    const csp = contentSecurityPolicy(new URL(details.url).origin);
    const headers = { ...details.responseHeaders };
    for (const name of Object.keys(headers)) {
      if (name.toLowerCase() === 'content-security-policy') delete headers[name];
    }
    callback({ responseHeaders: { ...headers, 'Content-Security-Policy': [csp] } });
  });
  session.setPermissionRequestHandler((_contents, permission, callback, details) =>
    callback(allowPermission(config.app, permission, details.requestingUrl, origins)),
  );
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin) =>
    allowPermission(config.app, permission, requestingOrigin, origins),
  );
  session.setDevicePermissionHandler(() => false);
}

/** Every web contents, present and future, stays on the hub and opens nothing. */
export function setupNavigationLock(config: ShellConfig): void {
  app.on('web-contents-created', (_event, contents) => lockContents(contents, config));
}

function lockContents(contents: WebContents, config: ShellConfig): void {
  const origins = hubOrigins(config);
  const guard = (event: { preventDefault(): void }, url: string) => {
    if (!allowNavigation(url, origins)) event.preventDefault();
  };
  contents.on('will-navigate', guard);
  contents.on('will-redirect', guard);
  contents.on('will-frame-navigate', (event) => guard(event, event.url));
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => ({ action: allowWindowOpen(url) ? 'allow' : 'deny' }));
}
