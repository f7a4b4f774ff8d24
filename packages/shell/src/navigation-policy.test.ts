import { describe, expect, it } from 'vitest';
import { isTrustedSender } from './ipc-guard';
import {
  allowNavigation,
  allowPermission,
  allowWindowOpen,
  contentSecurityPolicy,
} from './navigation-policy';

const HUB = 'http://192.168.1.10:8080';

describe('navigation policy', () => {
  it.each([
    ['http://192.168.1.10:8080/kiosk/', true],
    ['http://192.168.1.10:8080/t/AB12CD34?x=1#y', true],
    ['https://192.168.1.10:8080/kiosk/', false], // another scheme is another origin
    ['http://192.168.1.10:8081/kiosk/', false],
    ['http://192.168.1.10.evil.example:8080/', false],
    ['http://evil.example/?http://192.168.1.10:8080', false],
    ['file:///etc/passwd', false],
    ['javascript:alert(1)', false],
    ['data:text/html,<h1>hi</h1>', false],
    ['not a url', false],
  ])('navigating to %s is allowed: %s', (url, allowed) => {
    expect(allowNavigation(url, HUB)).toBe(allowed);
  });

  it("on a cluster, navigation may go to any of the building's hubs and nowhere else", () => {
    const hubs = [HUB, 'http://192.168.1.11:8080'];
    expect(allowNavigation('http://192.168.1.11:8080/kiosk/', hubs)).toBe(true);
    expect(allowNavigation(`${HUB}/kiosk/`, hubs)).toBe(true);
    expect(allowNavigation('http://192.168.1.12:8080/kiosk/', hubs)).toBe(false);
    expect(
      isTrustedSender({ frameUrl: 'http://192.168.1.11:8080/kiosk/', isMainFrame: true }, hubs),
    ).toBe(true);
  });

  it('never opens a new window, not even on the hub', () => {
    expect(allowWindowOpen(`${HUB}/kiosk/`)).toBe(false);
    expect(allowWindowOpen('https://lapor.go.id')).toBe(false);
  });

  it.each([
    ['kiosk', 'fullscreen', HUB, true],
    ['display', 'fullscreen', `${HUB}/display/`, true],
    ['counter', 'fullscreen', HUB, false],
    ['kiosk', 'media', HUB, false],
    ['kiosk', 'geolocation', HUB, false],
    ['kiosk', 'notifications', HUB, false],
    ['display', 'fullscreen', 'http://evil.example', false],
  ] as const)('%s asking for %s from %s is granted: %s', (kind, permission, url, granted) => {
    expect(allowPermission(kind, permission, url, HUB)).toBe(granted);
  });

  it('sets a CSP without inline scripts that lets socket.io reach the hub', () => {
    const csp = contentSecurityPolicy(HUB);
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).not.toContain('unsafe-eval');
    expect(csp).toContain("connect-src 'self' ws://192.168.1.10:8080");
    expect(csp).toContain("object-src 'none'");
    expect(contentSecurityPolicy('https://antre.mpp.local')).toContain('wss://antre.mpp.local');
  });
});

describe('IPC guard', () => {
  it.each([
    [{ frameUrl: `${HUB}/kiosk/`, isMainFrame: true }, true],
    [{ frameUrl: `${HUB}/kiosk/`, isMainFrame: false }, false],
    [{ frameUrl: 'http://evil.example/', isMainFrame: true }, false],
    [{ frameUrl: 'data:text/html,x', isMainFrame: true }, false],
    [{ frameUrl: undefined, isMainFrame: true }, false],
  ])('sender %j is trusted: %s', (sender, trusted) => {
    expect(isTrustedSender(sender, HUB)).toBe(trusted);
  });
});
