const STORAGE_KEY = 'antre.kiosk.token';

/**
 * The kiosk's device token: taken once from the `?token=` of the link the admin gave, kept
 * in localStorage, and removed from the address bar so it is not left on screen.
 */
export function deviceToken(): string | null {
  const url = new URL(window.location.href);
  const fromLink = url.searchParams.get('token');
  if (fromLink) {
    window.localStorage.setItem(STORAGE_KEY, fromLink);
    url.searchParams.delete('token');
    window.history.replaceState(null, '', url.pathname + url.search + url.hash);
    return fromLink;
  }
  return window.localStorage.getItem(STORAGE_KEY);
}

export function forgetDeviceToken(): void {
  window.localStorage.removeItem(STORAGE_KEY);
}

export function storeDeviceToken(token: string): void {
  window.localStorage.setItem(STORAGE_KEY, token);
}
