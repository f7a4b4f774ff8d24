import type { ShellKind } from './bridge-contract';

/** The hub's origin, or the origins of the building's hub processes on a cluster. */
export type HubOrigins = string | readonly string[];

/** True only for http(s) URLs on exactly a hub's origin (scheme, host and port). */
export function isHubUrl(url: string, hubOrigin: HubOrigins): boolean {
  try {
    const parsed = new URL(url);
    return (
      (parsed.protocol === 'http:' || parsed.protocol === 'https:') &&
      (typeof hubOrigin === 'string' ? [hubOrigin] : hubOrigin).includes(parsed.origin)
    );
  } catch {
    return false;
  }
}

/** Navigation and redirects stay on the hub; anything else is refused, not opened elsewhere. */
export const allowNavigation = (url: string, hubOrigin: HubOrigins): boolean =>
  isHubUrl(url, hubOrigin);

/** No app opens windows: a kiosk must never end up showing a second, unlocked window. */
export const allowWindowOpen = (_url: string): boolean => false;

// Audio plays without a gesture through the autoplay switch, not a permission; fullscreen
// is the only permission a screen needs, and only from the hub.
const GRANTED: Record<ShellKind, readonly string[]> = {
  kiosk: ['fullscreen'],
  counter: [],
  display: ['fullscreen'],
};

export function allowPermission(
  kind: ShellKind,
  permission: string,
  requestingUrl: string,
  hubOrigin: HubOrigins,
): boolean {
  return isHubUrl(requestingUrl, hubOrigin) && GRANTED[kind].includes(permission);
}

/**
 * The Content-Security-Policy header every response gets in the shell: scripts, styles and
 * connections only from the hub (socket.io included), no plugins, no framing, no inline script.
 */
export function contentSecurityPolicy(hubOrigin: string): string {
  const socketOrigin = hubOrigin.replace(/^http/, 'ws');
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data: blob:",
    "media-src 'self' data: blob:",
    "font-src 'self'",
    `connect-src 'self' ${socketOrigin}`,
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    "frame-src 'none'",
    "worker-src 'self'",
  ].join('; ');
}
